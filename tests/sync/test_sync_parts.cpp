#include "sync/asset_store.hpp"
#include "sync/metrics.hpp"
#include "sync/schedule.hpp"
#include "sync/syncer.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// sha256("abc"), FIPS 180-2's first example.
constexpr const char* abc_sha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

Asset asset_of(const std::string& id, const std::string& bytes) {
    Asset a;
    a.id = id;
    a.path = "posters/" + id + ".png";
    a.sha256 = sha256_hex(bytes);
    a.size = bytes.size();
    a.type = "image/png";
    return a;
}

std::string scratch_dir(const char* what) {
    const std::string dir =
        std::string(AFF_TEST_TMPDIR) + "/" + what + "-" + std::to_string(getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

// ---- AssetStore ----

TEST_GROUP(AssetStore) {
    std::string dir;
    void setup() override { dir = scratch_dir("assets"); }
    void teardown() override {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

TEST(AssetStore, Sha256IsLowercaseHexOfTheDigest) {
    STRCMP_EQUAL(abc_sha256, sha256_hex("abc").c_str());
}

TEST(AssetStore, OnlySixtyFourLowercaseHexDigitsAreAnAssetName) {
    CHECK(is_sha256_name(abc_sha256));
    CHECK_FALSE(is_sha256_name(std::string(abc_sha256).substr(1)));
    CHECK_FALSE(is_sha256_name("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    CHECK_FALSE(is_sha256_name("README"));
    CHECK_FALSE(is_sha256_name(std::string(63, 'a') + "/"));
}

TEST(AssetStore, APutAssetIsStoredUnderItsHashAndIsThere) {
    const AssetStore store(dir + "/new");
    const Asset a = asset_of("poster-7", "abc");
    CHECK_FALSE(store.has(a));
    const auto result = store.put(a, "abc");
    CHECK_TEXT(result.ok(), result.error.c_str());
    STRCMP_EQUAL((dir + "/new/" + abc_sha256).c_str(), store.path_of(a.sha256).c_str());
    STRCMP_EQUAL("abc", read_bytes(store.path_of(a.sha256)).c_str());
    CHECK(store.has(a));
    CHECK(store.has(a, true));
    CHECK_FALSE(fs::exists(store.path_of(a.sha256) + ".tmp"));
}

TEST(AssetStore, BytesWithAnotherHashAreRefusedAndNothingIsWritten) {
    const AssetStore store(dir);
    Asset a = asset_of("poster-7", "abd");
    const auto result = store.put(a, "abc");
    CHECK(result.failure == AssetStore::Failure::mismatch);
    const std::string expected = "asset poster-7: sha256 mismatch (expected " +
                                 a.sha256.substr(0, 12) + "…, got ba7816bf8f01…)";
    STRCMP_EQUAL(expected.c_str(), result.error.c_str());
    CHECK(fs::is_empty(dir));
}

TEST(AssetStore, BytesOfAnotherSizeAreRefused) {
    const AssetStore store(dir);
    Asset a = asset_of("map-0", "abc");
    a.size = 4;
    const auto result = store.put(a, "abc");
    CHECK(result.failure == AssetStore::Failure::mismatch);
    STRCMP_EQUAL("asset map-0: size mismatch (expected 4 bytes, got 3)", result.error.c_str());
}

TEST(AssetStore, AFileOfTheRightSizeButOtherBytesFailsOnlyTheVerifyingCheck) {
    const AssetStore store(dir);
    const Asset a = asset_of("poster-7", "abc");
    write_bytes(store.path_of(a.sha256), "xyz");
    CHECK(store.has(a));
    CHECK_FALSE(store.has(a, true));
    write_bytes(store.path_of(a.sha256), "ab");
    CHECK_FALSE(store.has(a));
}

TEST(AssetStore, TheMissingAssetsAreTheListedOnesNotPresentInListOrder) {
    const AssetStore store(dir);
    const Asset here = asset_of("here", "here bytes");
    const Asset absent = asset_of("absent", "absent bytes");
    const Asset short_file = asset_of("short", "short bytes");
    CHECK(store.put(here, "here bytes").ok());
    write_bytes(store.path_of(short_file.sha256), "short");
    const std::vector<std::string> expected{"short", "absent"};
    CHECK(expected == store.missing({short_file, here, absent}));
    CHECK(store.missing({here}).empty());
    CHECK(AssetStore(dir + "/never-made").missing({here}) == std::vector<std::string>{"here"});
}

TEST(AssetStore, RemoveDeletesTheAssetsFileAndAnAbsentOneIsNoError) {
    const AssetStore store(dir);
    const Asset a = asset_of("poster-7", "abc");
    CHECK(store.put(a, "abc").ok());
    CHECK(store.remove(a));
    CHECK_FALSE(fs::exists(store.path_of(a.sha256)));
    CHECK(store.remove(a));
}

TEST(AssetStore, AnUnwritableDirectoryIsADiskError) {
    write_bytes(dir + "/file", "a file where the directory should be");
    const AssetStore store(dir + "/file/assets");
    const auto result = store.put(asset_of("poster-7", "abc"), "abc");
    CHECK(result.failure == AssetStore::Failure::disk);
    CHECK_TEXT(result.error.starts_with("disk: "), result.error.c_str());
    CHECK(result.error.find('\n') == std::string::npos);
}

TEST(AssetStore, GarbageCollectionDeletesUnreferencedAssetsAndLeftoversOnly) {
    const AssetStore store(dir);
    const Asset kept = asset_of("kept", "kept bytes");
    const Asset gone = asset_of("gone", "gone bytes");
    CHECK(store.put(kept, "kept bytes").ok());
    CHECK(store.put(gone, "gone bytes").ok());
    write_bytes(store.path_of(sha256_hex("interrupted")) + ".tmp", "half");
    write_bytes(dir + "/README", "not ours");
    write_bytes(dir + "/" + std::string(64, 'A'), "not ours either");
    fs::create_directories(dir + "/" + std::string(64, 'b'));

    const auto result = store.collect_garbage({kept.sha256});
    STRCMP_EQUAL("", result.error.c_str());
    LONGS_EQUAL(2, result.removed);
    CHECK(store.has(kept, true));
    CHECK_FALSE(fs::exists(store.path_of(gone.sha256)));
    CHECK_FALSE(fs::exists(store.path_of(sha256_hex("interrupted")) + ".tmp"));
    CHECK(fs::exists(dir + "/README"));
    CHECK(fs::exists(dir + "/" + std::string(64, 'A')));
    CHECK(fs::is_directory(dir + "/" + std::string(64, 'b')));
}

TEST(AssetStore, GarbageCollectionOfAMissingDirectoryRemovesNothing) {
    const auto result = AssetStore(dir + "/never-made").collect_garbage({});
    LONGS_EQUAL(0, result.removed);
    STRCMP_EQUAL("", result.error.c_str());
}

// ---- Metrics ----

TEST_GROUP(SyncMetrics) {};

TEST(SyncMetrics, TheTextfileHoldsEveryMetricWithHelpAndTypeAndOneSeriesPerReason) {
    SyncMetrics m;
    m.feed_sequence = 42;
    m.last_attempt = Instant{std::chrono::seconds{1'795'557'200}};
    m.last_success = Instant{std::chrono::seconds{1'795'557'137}};
    m.consecutive_failures = 3;
    m.last_reason = SyncReason::signature;
    m.bytes_received_total = 123456;
    m.missing_assets = 2;
    STRCMP_EQUAL(
        "# HELP aff_kiosk_feed_sequence Sequence number of the feed the kiosk cache holds "
        "(0: none).\n"
        "# TYPE aff_kiosk_feed_sequence gauge\n"
        "aff_kiosk_feed_sequence 42\n"
        "# HELP aff_kiosk_last_attempt_timestamp_seconds Unix time of the last sync attempt "
        "(0: none yet).\n"
        "# TYPE aff_kiosk_last_attempt_timestamp_seconds gauge\n"
        "aff_kiosk_last_attempt_timestamp_seconds 1795557200\n"
        "# HELP aff_kiosk_last_success_timestamp_seconds Unix time of the last successful sync "
        "(0: none yet).\n"
        "# TYPE aff_kiosk_last_success_timestamp_seconds gauge\n"
        "aff_kiosk_last_success_timestamp_seconds 1795557137\n"
        "# HELP aff_kiosk_consecutive_failures Sync attempts that failed in a row since the last "
        "success.\n"
        "# TYPE aff_kiosk_consecutive_failures gauge\n"
        "aff_kiosk_consecutive_failures 3\n"
        "# HELP aff_kiosk_last_attempt_result 1 for the reason the last sync attempt failed with "
        "(\"none\": it succeeded).\n"
        "# TYPE aff_kiosk_last_attempt_result gauge\n"
        "aff_kiosk_last_attempt_result{reason=\"none\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"network\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"http\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"size\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"tls\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"signature\"} 1\n"
        "aff_kiosk_last_attempt_result{reason=\"version\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"rollback\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"validation\"} 0\n"
        "aff_kiosk_last_attempt_result{reason=\"disk\"} 0\n"
        "# HELP aff_kiosk_bytes_received_total Bytes the sync received, headers included, since "
        "it started.\n"
        "# TYPE aff_kiosk_bytes_received_total counter\n"
        "aff_kiosk_bytes_received_total 123456\n"
        "# HELP aff_kiosk_missing_assets Assets the held feed lists that are not on the kiosk "
        "yet (drawn as placeholders).\n"
        "# TYPE aff_kiosk_missing_assets gauge\n"
        "aff_kiosk_missing_assets 2\n",
        metrics_text(m).c_str());
}

TEST(SyncMetrics, TimesNeverSeenAreZero) {
    const std::string text = metrics_text(SyncMetrics{});
    CHECK(text.find("\naff_kiosk_last_success_timestamp_seconds 0\n") != std::string::npos);
    CHECK(text.find("\naff_kiosk_last_attempt_timestamp_seconds 0\n") != std::string::npos);
    CHECK(text.find("{reason=\"none\"} 1\n") != std::string::npos);
}

TEST(SyncMetrics, TheFileIsReplacedWholeAndNoTemporaryFileStays) {
    const std::string dir = scratch_dir("metrics");
    const std::string path = dir + "/aff_kiosk.prom";
    write_bytes(path, "old contents that are longer than anything written next, to be sure");
    SyncMetrics m;
    m.feed_sequence = 7;
    std::string error;
    CHECK_TEXT(write_metrics_file(path, m, error), error.c_str());
    STRCMP_EQUAL(metrics_text(m).c_str(), read_bytes(path).c_str());
    CHECK_FALSE(fs::exists(path + ".tmp"));
    fs::remove_all(dir);
}

TEST(SyncMetrics, AnUnwritablePathGivesAOneLineError) {
    std::string error;
    CHECK_FALSE(write_metrics_file("/nonexistent-dir/aff_kiosk.prom", SyncMetrics{}, error));
    STRCMP_EQUAL("metrics: No such file or directory creating /nonexistent-dir/aff_kiosk.prom.tmp",
                 error.c_str());
}

// ---- Schedule ----

namespace {
// A fake RNG: hands out the given numbers in turn, then repeats the last.
class Script {
public:
    explicit Script(std::vector<double> values) : values_(std::move(values)) {}
    double operator()() {
        const double v = values_[std::min(next_, values_.size() - 1)];
        ++next_;
        return v;
    }

private:
    std::vector<double> values_;
    std::size_t next_ = 0;
};
}  // namespace

TEST_GROUP(Schedule) {};

TEST(Schedule, ASuccessWaitsTheIntervalPlusOrMinusTheJitter) {
    Schedule low(milliseconds{60'000}, 0.2, Script({0.0}));
    Schedule mid(milliseconds{60'000}, 0.2, Script({0.5}));
    Schedule high(milliseconds{60'000}, 0.2, Script({1.0}));
    LONGS_EQUAL(48'000, low.next_delay(true).count());
    LONGS_EQUAL(60'000, mid.next_delay(true).count());
    LONGS_EQUAL(72'000, high.next_delay(true).count());
}

TEST(Schedule, FailuresBackOffExponentiallyUpToTenIntervals) {
    Schedule s(milliseconds{60'000}, 0.2, Script({0.0}));
    LONGS_EQUAL(120'000, s.next_delay(false).count());
    LONGS_EQUAL(240'000, s.next_delay(false).count());
    LONGS_EQUAL(480'000, s.next_delay(false).count());
    LONGS_EQUAL(600'000, s.next_delay(false).count());
    for (int i = 0; i < 100; ++i) {
        LONGS_EQUAL(600'000, s.next_delay(false).count());
    }
    LONGS_EQUAL(104, s.consecutive_failures());
}

TEST(Schedule, BackoffIsJitteredDownwardsSoItNeverPassesTheCap) {
    Schedule s(milliseconds{60'000}, 0.2, Script({1.0, 0.5, 1.0, 1.0, 1.0}));
    LONGS_EQUAL(96'000, s.next_delay(false).count());   // 120 s - 20%
    LONGS_EQUAL(216'000, s.next_delay(false).count());  // 240 s - 10%
    LONGS_EQUAL(384'000, s.next_delay(false).count());
    LONGS_EQUAL(480'000, s.next_delay(false).count());  // the cap, 600 s - 20%
}

TEST(Schedule, ASuccessResetsTheBackoff) {
    Schedule s(milliseconds{60'000}, 0.0, Script({0.5}));
    s.next_delay(false);
    s.next_delay(false);
    LONGS_EQUAL(60'000, s.next_delay(true).count());
    LONGS_EQUAL(0, s.consecutive_failures());
    LONGS_EQUAL(120'000, s.next_delay(false).count());
}

TEST(Schedule, ARandomSourceOutOfRangeIsClamped) {
    Schedule s(milliseconds{1'000}, 0.5, Script({7.0, -3.0}));
    LONGS_EQUAL(1'500, s.next_delay(true).count());
    LONGS_EQUAL(500, s.next_delay(true).count());
}

// ---- The syncer's helpers ----

TEST_GROUP(SyncHelpers) {};

TEST(SyncHelpers, AnHttpDateIsReadAsUtc) {
    const auto t = parse_http_date("Tue, 24 Nov 2026 21:55:47 GMT");
    CHECK(t.has_value());
    LONGS_EQUAL(1'795'557'347, t->time_since_epoch().count());
}

TEST(SyncHelpers, AnythingButAnImfFixdateIsNoDate) {
    CHECK_FALSE(parse_http_date("").has_value());
    CHECK_FALSE(parse_http_date("Tuesday, 24-Nov-26 21:55:47 GMT").has_value());
    CHECK_FALSE(parse_http_date("Tue, 31 Nov 2026 21:55:47 GMT").has_value());
    CHECK_FALSE(parse_http_date("Tue, 24 Now 2026 21:55:47 GMT").has_value());
    CHECK_FALSE(parse_http_date("Tue, 24 Nov 2026 25:55:47 GMT").has_value());
    CHECK_FALSE(parse_http_date("Tue, 24 Nov 2026 21:55:47 UTC").has_value());
}

TEST(SyncHelpers, AnAssetPathIsRelativeToTheFeedsDirectory) {
    STRCMP_EQUAL("https://cdn.example/aff/posters/a.png",
                 resolve_url("https://cdn.example/aff/feed.json", "posters/a.png").c_str());
    STRCMP_EQUAL("https://cdn.example/aff/posters/a.png",
                 resolve_url("https://cdn.example/aff/feed.json?v=3#x", "posters/a.png").c_str());
    STRCMP_EQUAL("https://cdn.example/posters/a.png",
                 resolve_url("https://cdn.example/aff/feed.json", "/posters/a.png").c_str());
    STRCMP_EQUAL("https://cdn.example/a.png", resolve_url("https://cdn.example", "a.png").c_str());
    STRCMP_EQUAL("file:///srv/feed/a.png",
                 resolve_url("file:///srv/feed/feed.json", "a.png").c_str());
}

}  // namespace aff
