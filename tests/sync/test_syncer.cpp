// The sync engine end to end, over real HTTP: a real nginx for the happy path, and a scripted
// fault server for everything that can go wrong. Feeds are signed with the demo key (its secret
// key is committed for exactly this) through sync/minisign.
#include "sync/asset_store.hpp"
#include "sync/feed_parse.hpp"
#include "sync/feed_gen.hpp"
#include "sync/http_client.hpp"
#include "sync/minisign.hpp"
#include "sync/store.hpp"
#include "sync/syncer.hpp"
#include "tests/support/fake_clock.hpp"
#include "tests/support/fault_server.hpp"
#include "tests/support/nginx_server.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;

const std::string demo_dir = std::string(AFF_SOURCE_DATADIR) + "/demo";

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

minisign::SecretKey demo_secret_key() {
    std::string error;
    auto key = minisign::parse_secret_key(
        read_bytes(demo_dir + "/keys/demo-NOT-FOR-PRODUCTION.key"), error);
    CHECK_TEXT(key.has_value(), error.c_str());
    return *key;
}

minisign::PublicKey demo_public_key() {
    std::string error;
    auto key = minisign::parse_public_key(
        read_bytes(demo_dir + "/keys/demo-NOT-FOR-PRODUCTION.pub"), error);
    CHECK_TEXT(key.has_value(), error.c_str());
    return *key;
}

std::string sign(const std::string& body, const minisign::SecretKey& key) {
    std::string error;
    auto signature = minisign::sign(body, key, "timestamp:1537000000\tfile:feed.json", error);
    CHECK_TEXT(signature.has_value(), error.c_str());
    return *signature;
}

std::string sign(const std::string& body) {
    return sign(body, demo_secret_key());
}

// The demo festival (369 screenings, 6 posters) under another sequence number.
json demo_feed(std::int64_t sequence) {
    json feed = json::parse(read_bytes(demo_dir + "/feed.json"));
    feed["sequence"] = sequence;
    return feed;
}

// A feed as the kiosk holds it after parsing.
Feed parsed(const json& feed) {
    ParseResult result = parse_feed(feed.dump());
    CHECK_TRUE(result.ok());
    return std::move(*result.feed);
}

// A synthetic feed as the next publication of the demo's festival (its festival.id).
json same_festival(json feed) {
    feed["festival"]["id"] = demo_feed(1)["festival"]["id"];
    return feed;
}

std::string demo_poster(const std::string& path) {
    return read_bytes(demo_dir + "/" + path);
}

json asset_entry(const std::string& id, const std::string& path, const std::string& bytes) {
    return json{{"id", id},
                {"path", path},
                {"sha256", sha256_hex(bytes)},
                {"size", bytes.size()},
                {"type", "image/png"}};
}

std::int64_t count_rows(const Store& store, const char* table) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store.handle(), (std::string("SELECT count(*) FROM ") + table).c_str(), -1,
                       &stmt, nullptr);
    std::int64_t n = -1;
    if (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
        n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return n;
}

void exec_sql(const Store& store, const std::string& sql) {
    LONGS_EQUAL(SQLITE_OK, sqlite3_exec(store.handle(), sql.c_str(), nullptr, nullptr, nullptr));
}

std::string scratch(const char* what) {
    const std::string dir =
        std::string(AFF_TEST_TMPDIR) + "/" + what + "-" + std::to_string(getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// What every sync test needs: a cache, an asset directory, a clock and an HTTP client.
struct Rig {
    std::string dir;
    Store store;
    HttpClient http;
    test::FakeClock clock{Instant{std::chrono::sys_days{std::chrono::year{2018} / 9 / 15}}};
    SyncConfig config;

    explicit Rig(const char* name)
        : dir(scratch(name)), store(Store::open(dir + "/cache.db")) {
        config.key = demo_public_key();
        config.assets_dir = dir + "/assets";
        config.metrics_path = dir + "/aff_kiosk.prom";
        config.connect_timeout = 2s;
        config.total_timeout = 5s;
        config.low_speed_time = 5s;
    }
    ~Rig() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    Rig(const Rig&) = delete;
    Rig& operator=(const Rig&) = delete;

    SyncReport sync() {
        clock.advance(60s);
        Syncer syncer(config, store, http, clock);
        return syncer.run_once();
    }
    AssetStore assets() const { return AssetStore(config.assets_dir); }
};

// The file names in the asset directory (none when it does not exist).
std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

// The ids of the assets a report calls missing, as one string: "a,b".
std::string joined(const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) {
        text += (text.empty() ? "" : ",") + id;
    }
    return text;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void check_applied(const SyncReport& report) {
    CHECK_TEXT(report.outcome == SyncOutcome::applied,
               (std::string(reason_code(report.reason)) + ": " + report.message).c_str());
}

}  // namespace

// ---- Against a real nginx ----

TEST_GROUP(SyncEndToEnd) {
    Rig* rig = nullptr;
    std::string root;
    test::NginxServer* nginx = nullptr;
    int publishes = 0;

    void setup() override {
        test::preload_time_zones();
        rig = new Rig("e2e");
        root = rig->dir + "/www";
        fs::create_directories(root);
        nginx = new test::NginxServer(root, rig->dir);
        rig->config.feed_url = nginx->url("/festival/feed.json");
    }
    void teardown() override {
        delete nginx;
        delete rig;
    }

    // Publishes a feed the way the programme office does: the JSON, its signature, its assets.
    void publish(const json& feed) {
        const std::string body = feed.dump(1);
        write_bytes(root + "/festival/feed.json", body);
        // nginx's ETag is the file's mtime (whole seconds) and size: publishing twice within one
        // second with the same size would look unchanged, so each publish gets its own second.
        fs::last_write_time(root + "/festival/feed.json",
                            fs::file_time_type::clock::now() + std::chrono::seconds{++publishes});
        write_bytes(root + "/festival/feed.json.minisig", sign(body));
        for (const auto& asset : feed.value("assets", json::array())) {
            const std::string path = asset["path"].get<std::string>();
            if (!fs::exists(root + "/festival/" + path)) {
                write_bytes(root + "/festival/" + path, demo_poster(path));
            }
        }
    }
};

TEST(SyncEndToEnd, AFirstSyncAppliesTheFeedAndStoresEveryAssetByItsHash) {
    publish(demo_feed(1));
    const SyncReport report = rig->sync();
    check_applied(report);
    LONGS_EQUAL(1, report.sequence);
    LONGS_EQUAL(369, count_rows(rig->store, "screenings"));
    CHECK(report.missing_assets.empty());
    LONGS_EQUAL(6, report.assets_fetched);
    // The message does not say "applied" again: line() puts the outcome first, once.
    STRCMP_EQUAL("sequence 1", report.message.c_str());
    STRCMP_EQUAL("applied: sequence 1", report.line().c_str());
    const json published = demo_feed(1);
    for (const auto& asset : published["assets"]) {
        CHECK(fs::exists(rig->assets().path_of(asset["sha256"].get<std::string>())));
    }
    const SyncState state = rig->store.sync_state();
    CHECK_FALSE(state.etag.empty());
    STRCMP_EQUAL("applied", state.last_result.c_str());
    STRCMP_EQUAL("", state.last_error.c_str());
    CHECK(state.last_success == rig->clock.now());
    const std::string metrics = read_bytes(rig->config.metrics_path);
    CHECK(metrics.find("\naff_kiosk_feed_sequence 1\n") != std::string::npos);
    CHECK(metrics.find("aff_kiosk_last_attempt_result{reason=\"none\"} 1") != std::string::npos);
    CHECK(metrics.find("\naff_kiosk_missing_assets 0\n") != std::string::npos);
}

TEST(SyncEndToEnd, ThePollAfterIsAnsweredWith304ForTheStoredEtagAndAppliesNothing) {
    publish(demo_feed(1));
    check_applied(rig->sync());
    const Instant applied_at = rig->store.info()->applied_at;
    timespec cpu_before{};
    timespec cpu_after{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu_before);
    const SyncReport report = rig->sync();
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu_after);
    const double cpu_ms = static_cast<double>(cpu_after.tv_sec - cpu_before.tv_sec) * 1e3 +
                          static_cast<double>(cpu_after.tv_nsec - cpu_before.tv_nsec) / 1e6;
    std::printf("\nSyncEndToEnd: a poll answered with 304: %llu bytes received, %.2f ms CPU\n",
                static_cast<unsigned long long>(report.bytes_received), cpu_ms);
    CHECK_TEXT(report.outcome == SyncOutcome::unchanged, report.message.c_str());
    STRCMP_EQUAL("not modified (HTTP 304)", report.message.c_str());
    CHECK(report.bytes_received < 1024);
    CHECK(rig->store.info()->applied_at == applied_at);
    CHECK(rig->store.sync_state().last_attempt == rig->clock.now());
}

TEST(SyncEndToEnd, AGzippedFeedArrivesCompressedAndIsApplied) {
    auto big = generate_feed(GenOptions{3000, 5, 0});
    big["sequence"] = 3;
    publish(big);
    const std::string feed_path = root + "/festival/feed.json";
    const auto plain_size = fs::file_size(feed_path);
    LONGS_EQUAL(0, std::system(("gzip -k -9 '" + feed_path + "'").c_str()));
    const SyncReport report = rig->sync();
    check_applied(report);
    LONGS_EQUAL(3000, count_rows(rig->store, "screenings"));
    CHECK_TEXT(report.bytes_received < plain_size / 4,
               (std::to_string(report.bytes_received) + " of " + std::to_string(plain_size))
                   .c_str());
}

TEST(SyncEndToEnd, ANewSequenceReplacesTheOldFeed) {
    publish(demo_feed(1));
    check_applied(rig->sync());
    auto next = same_festival(generate_feed(GenOptions{50, 9, 0}));
    next["sequence"] = 2;
    publish(next);
    const SyncReport report = rig->sync();
    check_applied(report);
    LONGS_EQUAL(2, rig->store.info()->sequence);
    LONGS_EQUAL(50, count_rows(rig->store, "screenings"));
}

// ---- Which feed replaces which (feed-v1, `sequence`) ----

TEST(SyncEndToEnd, TheDemoTheKioskSeededIsReplacedByAFeedOfTheSameSequence) {
    rig->store.apply(parsed(demo_feed(1)), rig->clock.now(), Store::Source::demo);
    CHECK_TRUE(rig->store.info()->demo);
    publish(demo_feed(1));  // sequence 1, as the festival's first feed is
    const SyncReport report = rig->sync();
    check_applied(report);
    STRCMP_EQUAL("sequence 1 (replaces the demo festival)", report.message.c_str());
    CHECK_FALSE(rig->store.info()->demo);
    CHECK(rig->store.info()->applied_at == rig->clock.now());
    // Now it is the festival's own feed, which the same sequence leaves alone.
    fs::last_write_time(root + "/festival/feed.json", fs::file_time_type::clock::now() + 1h);
    const SyncReport again = rig->sync();
    CHECK_TEXT(again.outcome == SyncOutcome::unchanged, again.message.c_str());
    STRCMP_EQUAL("sequence 1 already applied", again.message.c_str());
}

TEST(SyncEndToEnd, TheDemoTheKioskSeededIsReplacedByAnyFeedThatVerifiesHoweverOld) {
    rig->store.apply(parsed(demo_feed(40)), rig->clock.now(), Store::Source::demo);
    auto festival = generate_feed(GenOptions{50, 9, 0});  // another festival, made earlier
    festival["sequence"] = 1;
    CHECK_TRUE(festival["generated_at"].get<std::string>() < "2018-09-15");
    publish(festival);
    check_applied(rig->sync());
    LONGS_EQUAL(1, rig->store.info()->sequence);
    LONGS_EQUAL(50, count_rows(rig->store, "screenings"));
}

TEST(SyncEndToEnd, TheNextFestivalReplacesTheCacheWhenItsFeedIsGeneratedLater) {
    publish(demo_feed(57));
    check_applied(rig->sync());
    json next = demo_feed(1);
    next["festival"]["id"] = "aff-2019";
    next["generated_at"] = "2019-08-01T10:00:00+06:00";
    publish(next);
    const SyncReport report = rig->sync();
    check_applied(report);
    STRCMP_EQUAL("sequence 1 (festival \"aff-2019\" replaces \"aff-2018-demo\")",
                 report.message.c_str());
    STRCMP_EQUAL("aff-2019", rig->store.info()->festival_id.c_str());
    LONGS_EQUAL(1, rig->store.info()->sequence);
}

TEST(SyncEndToEnd, AnotherFestivalsFeedGeneratedNoLaterIsARollbackAndTheCacheStays) {
    publish(demo_feed(57));
    check_applied(rig->sync());
    json other = demo_feed(90);
    other["festival"]["id"] = "aff-2017";
    publish(other);  // generated at the same instant as the cache's feed: not later
    const SyncReport report = rig->sync();
    CHECK_TEXT(report.outcome == SyncOutcome::failed, report.message.c_str());
    CHECK(report.reason == SyncReason::rollback);
    STRCMP_EQUAL("rollback: the feed of festival \"aff-2017\" was generated at "
                 "2018-09-15T02:00:00Z, not after the cache's feed of \"aff-2018-demo\" "
                 "(2018-09-15T02:00:00Z)",
                 report.message.c_str());
    STRCMP_EQUAL("aff-2018-demo", rig->store.info()->festival_id.c_str());
    LONGS_EQUAL(57, rig->store.info()->sequence);
}

TEST(SyncEndToEnd, ALowerSequenceOfTheSameFestivalIsStillARollbackHoweverLateItsDate) {
    publish(demo_feed(57));
    check_applied(rig->sync());
    json older = demo_feed(56);
    older["generated_at"] = "2018-09-16T10:00:00+06:00";
    publish(older);
    const SyncReport report = rig->sync();
    CHECK(report.reason == SyncReason::rollback);
    STRCMP_EQUAL("rollback: the feed's sequence 56 is older than the cache's 57",
                 report.message.c_str());
    LONGS_EQUAL(57, rig->store.info()->sequence);
}

TEST(SyncEndToEnd, AnAssetAddedIsFetchedAndAnAssetNoLongerListedIsDeleted) {
    json feed = demo_feed(1);
    feed["assets"] = json::array();
    const std::string salt = demo_poster("posters/salt-road.png");
    const std::string moon = demo_poster("posters/moon-over-jeju.png");
    for (auto& film : feed["films"]) {
        film.erase("poster");
    }
    feed["assets"].push_back(asset_entry("poster-a", "posters/salt-road.png", salt));
    publish(feed);
    check_applied(rig->sync());
    CHECK(fs::exists(rig->assets().path_of(sha256_hex(salt))));

    feed["sequence"] = 2;
    feed["assets"].push_back(asset_entry("poster-b", "posters/moon-over-jeju.png", moon));
    publish(feed);
    check_applied(rig->sync());
    CHECK(fs::exists(rig->assets().path_of(sha256_hex(salt))));
    CHECK(fs::exists(rig->assets().path_of(sha256_hex(moon))));

    feed["sequence"] = 3;
    feed["assets"].erase(0);
    publish(feed);
    const SyncReport report = rig->sync();
    check_applied(report);
    CHECK_FALSE(fs::exists(rig->assets().path_of(sha256_hex(salt))));
    CHECK(fs::exists(rig->assets().path_of(sha256_hex(moon))));
}

TEST(SyncEndToEnd, AStoredAssetDamagedInPlaceIsFetchedAgainWithTheNextFeed) {
    publish(demo_feed(1));
    check_applied(rig->sync());
    const std::string poster = demo_poster("posters/salt-road.png");
    const std::string stored = rig->assets().path_of(sha256_hex(poster));
    write_bytes(stored, std::string(poster.size(), '\0'));
    publish(demo_feed(2));
    check_applied(rig->sync());
    CHECK(read_bytes(stored) == poster);
}

TEST(SyncEndToEnd, AWrongAssetFileIsNeverStoredAndTheRightOneArrivesAtA304PollLater) {
    json feed = demo_feed(1);
    const std::string right = "the announced bytes";
    const std::string wrong = "THE ANNOUNCED BYTES";  // the same size, another hash
    feed["assets"].push_back(asset_entry("poster-new", "posters/new.png", right));
    write_bytes(root + "/festival/posters/new.png", wrong);
    publish(feed);

    // The schedule is applied at once, without the poster.
    const SyncReport first = rig->sync();
    check_applied(first);
    LONGS_EQUAL(1, rig->store.info()->sequence);
    LONGS_EQUAL(369, count_rows(rig->store, "screenings"));
    STRCMP_EQUAL("poster-new", joined(first.missing_assets).c_str());
    CHECK_TEXT(contains(first.message, "; 1 asset missing (asset poster-new: sha256 mismatch"),
               first.message.c_str());
    for (const std::string& name : files_in(rig->config.assets_dir)) {
        CHECK_TEXT(is_sha256_name(name) && name != sha256_hex(wrong), name.c_str());
        CHECK(read_bytes(rig->config.assets_dir + "/" + name) != wrong);
    }
    CHECK_FALSE(rig->assets().has(*rig->store.asset("poster-new")));
    CHECK(contains(read_bytes(rig->config.metrics_path), "\naff_kiosk_missing_assets 1\n"));

    // The next poll is a 304, and fetches the poster again: now the right one.
    write_bytes(root + "/festival/posters/new.png", right);
    const SyncReport second = rig->sync();
    CHECK_TEXT(second.outcome == SyncOutcome::unchanged, second.message.c_str());
    STRCMP_EQUAL("not modified (HTTP 304); fetched 1 missing asset", second.message.c_str());
    CHECK(second.missing_assets.empty());
    LONGS_EQUAL(1, second.assets_fetched);
    STRCMP_EQUAL(right.c_str(), read_bytes(rig->assets().path_of(sha256_hex(right))).c_str());
    CHECK(contains(read_bytes(rig->config.metrics_path), "\naff_kiosk_missing_assets 0\n"));
}

TEST(SyncEndToEnd, AnAssetTheServerLacksIsAskedForAtEveryPollUntilItIsThere) {
    json feed = demo_feed(1);
    const std::string poster = "a poster no other asset has";
    feed["assets"].push_back(asset_entry("poster-late", "posters/late.png", poster));
    write_bytes(root + "/festival/posters/late.png", poster);
    publish(feed);
    fs::remove(root + "/festival/posters/late.png");  // published without it: a 404
    const std::string access_log = (nginx->work_dir() / "access.log").string();
    const auto asked = [&] {
        const std::string log = read_bytes(access_log);
        std::size_t n = 0;
        for (auto at = log.find("GET /festival/posters/late.png"); at != std::string::npos;
             at = log.find("GET /festival/posters/late.png", at + 1)) {
            ++n;
        }
        return n;
    };

    const SyncReport first = rig->sync();
    check_applied(first);
    STRCMP_EQUAL("poster-late", joined(first.missing_assets).c_str());
    CHECK_TEXT(contains(first.message, "1 asset missing (asset poster-late: ") &&
                   contains(first.message, "404"),
               first.message.c_str());
    LONGS_EQUAL(1, asked());

    const SyncReport second = rig->sync();
    STRCMP_EQUAL(("not modified (HTTP 304); 1 asset missing (asset poster-late: http: 404 Not "
                  "Found from " + nginx->url("/festival/posters/late.png") + ")")
                     .c_str(),
                 second.message.c_str());
    CHECK(second.ok());
    STRCMP_EQUAL("poster-late", joined(second.missing_assets).c_str());
    LONGS_EQUAL(2, asked());

    write_bytes(root + "/festival/posters/late.png", poster);
    const SyncReport third = rig->sync();
    CHECK_TEXT(third.outcome == SyncOutcome::unchanged, third.message.c_str());
    CHECK(third.missing_assets.empty());
    LONGS_EQUAL(3, asked());
    CHECK(rig->assets().has(*rig->store.asset("poster-late"), true));

    // Present now, so the polls after ask for it no more.
    rig->sync();
    LONGS_EQUAL(3, asked());
}

// ---- Faults, from a server under the test's control ----

TEST_GROUP(SyncFaults) {
    Rig* rig = nullptr;
    test::FaultServer* server = nullptr;
    json good;
    std::int64_t good_screenings = 0;

    void setup() override {
        test::preload_time_zones();
        rig = new Rig("faults");
        server = new test::FaultServer;
        rig->config.feed_url = server->url("/feed.json");
        good = demo_feed(5);
        serve(good);
        const SyncReport first = rig->sync();
        check_applied(first);
        good_screenings = count_rows(rig->store, "screenings");
        // A test that scripts only a broken feed must not find the good feed's signature.
        server->respond("/feed.json.minisig", 404);
    }
    void teardown() override {
        delete server;
        delete rig;
    }

    void serve(const json& feed) const {
        serve_signed(feed.dump());
        for (const auto& asset : feed["assets"]) {
            const std::string path = asset["path"].get<std::string>();
            server->respond("/" + path, 200, demo_poster(path));
        }
    }
    void serve_signed(const std::string& body) const {
        server->respond("/feed.json", 200, body);
        server->respond("/feed.json.minisig", 200, sign(body));
    }

    // The attempt failed for `reason`, which is recorded, and the last good feed is intact.
    // The feed was applied (sequence 6) and `id` is the one asset missing, in the report, the
    // message and the metrics.
    void check_applied_with_missing(const SyncReport& report, const std::string& id) const {
        check_applied(report);
        LONGS_EQUAL(6, rig->store.info()->sequence);
        STRCMP_EQUAL(id.c_str(), joined(report.missing_assets).c_str());
        CHECK_TEXT(contains(report.message, "; 1 asset missing (asset " + id + ": "),
                   report.message.c_str());
        CHECK_FALSE(rig->assets().has(*rig->store.asset(id)));
        STRCMP_EQUAL("applied", rig->store.sync_state().last_result.c_str());
        const std::string metrics = read_bytes(rig->config.metrics_path);
        CHECK(contains(metrics, "\naff_kiosk_missing_assets 1\n"));
        CHECK(contains(metrics, "{reason=\"none\"} 1"));
    }

    void check_failed_and_intact(const SyncReport& report, SyncReason reason) const {
        CHECK_TEXT(report.outcome == SyncOutcome::failed, report.message.c_str());
        STRCMP_EQUAL(std::string(reason_code(reason)).c_str(),
                     std::string(reason_code(report.reason)).c_str());
        CHECK(report.message.find('\n') == std::string::npos);
        LONGS_EQUAL(5, rig->store.info()->sequence);
        LONGS_EQUAL(good_screenings, count_rows(rig->store, "screenings"));
        const SyncState state = rig->store.sync_state();
        STRCMP_EQUAL(report.message.c_str(), state.last_error.c_str());
        STRCMP_EQUAL(std::string(reason_code(reason)).c_str(), state.last_result.c_str());
        LONGS_EQUAL(1, state.consecutive_failures);
        CHECK(state.last_attempt == rig->clock.now());
        const std::string metrics = read_bytes(rig->config.metrics_path);
        CHECK(metrics.find("{reason=\"" + std::string(reason_code(reason)) + "\"} 1") !=
              std::string::npos);
        CHECK(metrics.find("\naff_kiosk_consecutive_failures 1\n") != std::string::npos);
    }
};

TEST(SyncFaults, AServerThatStallsHitsTheTotalDeadline) {
    rig->config.total_timeout = 1s;
    server->trickle("/feed.json", demo_feed(6).dump(), 100);
    check_failed_and_intact(rig->sync(), SyncReason::network);
}

TEST(SyncFaults, AServerThatTricklesBytesIsDroppedByTheLowSpeedLimit) {
    rig->config.low_speed_time = 1s;
    server->trickle("/feed.json", demo_feed(6).dump(), 10);
    check_failed_and_intact(rig->sync(), SyncReason::network);
}

TEST(SyncFaults, AConnectionResetMidBodyIsANetworkFailure) {
    server->reset_mid_body("/feed.json", demo_feed(6).dump(), 5000);
    check_failed_and_intact(rig->sync(), SyncReason::network);
}

TEST(SyncFaults, ATruncatedBodyIsANetworkFailure) {
    server->truncate("/feed.json", demo_feed(6).dump(), 5000);
    check_failed_and_intact(rig->sync(), SyncReason::network);
}

TEST(SyncFaults, ABodyWithoutEndIsCutOffAtTheSizeLimit) {
    rig->config.max_feed_bytes = 1u << 20;
    server->endless("/feed.json");
    check_failed_and_intact(rig->sync(), SyncReason::size);
}

TEST(SyncFaults, NotFoundIsAnHttpFailure) {
    server->respond("/feed.json", 404, "not found");
    const SyncReport report = rig->sync();
    check_failed_and_intact(report, SyncReason::http);
    CHECK_TEXT(report.message.find("404") != std::string::npos, report.message.c_str());
}

TEST(SyncFaults, AServerErrorIsAnHttpFailure) {
    server->respond("/feed.json", 500, "oops");
    check_failed_and_intact(rig->sync(), SyncReason::http);
}

TEST(SyncFaults, ServiceUnavailableIsAnHttpFailure) {
    server->respond("/feed.json", 503, "later", {{"Retry-After", "120"}});
    check_failed_and_intact(rig->sync(), SyncReason::http);
}

TEST(SyncFaults, ARedirectLoopIsAnHttpFailure) {
    server->redirect("/feed.json", server->url("/feed.json"));
    check_failed_and_intact(rig->sync(), SyncReason::http);
}

TEST(SyncFaults, ARedirectToAFileUrlIsRefused) {
    server->redirect("/feed.json", "file://" + demo_dir + "/feed.json");
    check_failed_and_intact(rig->sync(), SyncReason::http);
}

TEST(SyncFaults, AnHtmlErrorPageSentWith200FailsTheSignature) {
    server->respond("/feed.json", 200, "<html><body><h1>Gateway error</h1></body></html>",
                    {{"Content-Type", "text/html"}});
    server->respond("/feed.json.minisig", 200, sign(demo_feed(5).dump()));
    check_failed_and_intact(rig->sync(), SyncReason::signature);
}

TEST(SyncFaults, BrokenGzipIsANetworkFailure) {
    server->broken_gzip("/feed.json");
    check_failed_and_intact(rig->sync(), SyncReason::network);
}

TEST(SyncFaults, SignedJsonThatDoesNotParseIsAValidationFailure) {
    serve_signed(R"({"format": "aff-kiosk-feed", "version": 1, "sequence": 6,)");
    check_failed_and_intact(rig->sync(), SyncReason::validation);
}

TEST(SyncFaults, SignedBytesThatAreNotUtf8AreAValidationFailure) {
    std::string body = demo_feed(6).dump();
    body.replace(body.find("Almaty"), 1, "\xff");
    serve_signed(body);
    check_failed_and_intact(rig->sync(), SyncReason::validation);
}

TEST(SyncFaults, SignedJsonNestedTooDeeplyIsAValidationFailure) {
    serve_signed(std::string(100'000, '[') + std::string(100'000, ']'));
    check_failed_and_intact(rig->sync(), SyncReason::validation);
}

TEST(SyncFaults, AValidationFailureRecordsTheFirstErrors) {
    json feed = demo_feed(6);
    feed["screenings"][0]["hall"] = "nowhere-1";
    feed["screenings"][1]["hall"] = "nowhere-2";
    serve(feed);
    const SyncReport report = rig->sync();
    check_failed_and_intact(report, SyncReason::validation);
    CHECK_TEXT(report.message.find("screenings[0].hall") != std::string::npos,
               report.message.c_str());
}

TEST(SyncFaults, ATitleWithAControlCharacterIsRefusedAndTheLastScheduleStays) {
    json feed = demo_feed(6);
    feed["films"][0]["title"]["en"] = std::string("Before\0after", 12);
    serve(feed);
    const SyncReport report = rig->sync();
    check_failed_and_intact(report, SyncReason::validation);
    CHECK_TEXT(report.message.find("films[0].title.en: control character U+0000") !=
                   std::string::npos,
               report.message.c_str());
}

TEST(SyncFaults, AnUnknownVersionIsAVersionFailure) {
    json feed = demo_feed(6);
    feed["version"] = 2;
    serve(feed);
    const SyncReport report = rig->sync();
    check_failed_and_intact(report, SyncReason::version);
    STRCMP_EQUAL("version: unsupported version 2 (this kiosk reads 1)", report.message.c_str());
    STRCMP_EQUAL("failed: version: unsupported version 2 (this kiosk reads 1)",
                 report.line().c_str());
}

TEST(SyncFaults, AMissingSignatureIsASignatureFailure) {
    server->respond("/feed.json", 200, demo_feed(6).dump());
    server->respond("/feed.json.minisig", 404);
    check_failed_and_intact(rig->sync(), SyncReason::signature);
}

TEST(SyncFaults, AMalformedSignatureIsASignatureFailure) {
    server->respond("/feed.json", 200, demo_feed(6).dump());
    server->respond("/feed.json.minisig", 200, "untrusted comment: hi\nnot base64 at all!\n");
    check_failed_and_intact(rig->sync(), SyncReason::signature);
}

TEST(SyncFaults, ASignatureOfOtherBytesIsASignatureFailure) {
    server->respond("/feed.json", 200, demo_feed(6).dump());
    server->respond("/feed.json.minisig", 200, sign(demo_feed(7).dump()));
    check_failed_and_intact(rig->sync(), SyncReason::signature);
}

TEST(SyncFaults, ASignatureByAnotherKeyIsASignatureFailure) {
    std::string error;
    const auto other = minisign::generate_key_pair(error);
    CHECK_TEXT(other.has_value(), error.c_str());
    const std::string body = demo_feed(6).dump();
    server->respond("/feed.json", 200, body);
    server->respond("/feed.json.minisig", 200, sign(body, other->secret_key));
    check_failed_and_intact(rig->sync(), SyncReason::signature);
}

TEST(SyncFaults, AnOlderSequenceIsARollback) {
    serve(demo_feed(4));
    const SyncReport report = rig->sync();
    check_failed_and_intact(report, SyncReason::rollback);
    STRCMP_EQUAL("rollback: the feed's sequence 4 is older than the cache's 5",
                 report.message.c_str());
}

TEST(SyncFaults, TheSameSequenceIsUnchangedAndNotApplied) {
    const Instant applied_at = rig->store.info()->applied_at;
    serve_signed(demo_feed(5).dump(2));
    const SyncReport report = rig->sync();
    CHECK_TEXT(report.outcome == SyncOutcome::unchanged, report.message.c_str());
    CHECK(rig->store.info()->applied_at == applied_at);
}

TEST(SyncFaults, AnAssetWhoseHashDoesNotMatchIsMissingAndTheFeedIsAppliedWithoutIt) {
    json feed = demo_feed(6);
    feed["assets"].push_back(asset_entry("poster-new", "posters/new.png", "the announced bytes"));
    serve(feed);
    server->respond("/posters/new.png", 200, "THE ANNOUNCED BYTES");
    const SyncReport report = rig->sync();
    check_applied_with_missing(report, "poster-new");
    CHECK_TEXT(contains(report.message, "(asset poster-new: sha256 mismatch (expected "),
               report.message.c_str());
    CHECK_FALSE(fs::exists(rig->assets().path_of(sha256_hex("the announced bytes"))));
    CHECK_FALSE(fs::exists(rig->assets().path_of(sha256_hex("THE ANNOUNCED BYTES"))));
    CHECK_FALSE(fs::exists(rig->assets().path_of(sha256_hex("the announced bytes")) + ".tmp"));
}

TEST(SyncFaults, AnAssetNotFoundIsMissingAndTheFeedIsApplied) {
    json feed = demo_feed(6);
    feed["assets"].push_back(asset_entry("poster-new", "posters/new.png", "the announced bytes"));
    serve(feed);
    server->respond("/posters/new.png", 404);
    const SyncReport report = rig->sync();
    check_applied_with_missing(report, "poster-new");
    CHECK_TEXT(contains(report.message, "404"), report.message.c_str());
}

TEST(SyncFaults, AnAssetLargerThanTheLimitIsMissingAndNeverRequested) {
    rig->config.max_asset_bytes = 10;
    json feed = demo_feed(6);
    feed["assets"] = json::array({asset_entry("poster-new", "posters/new.png", "11 bytes...")});
    for (auto& film : feed["films"]) {
        film.erase("poster");
    }
    serve(feed);
    const SyncReport report = rig->sync();
    check_applied_with_missing(report, "poster-new");
    CHECK_TEXT(contains(report.message, "11 bytes is more than the limit of 10"),
               report.message.c_str());
    LONGS_EQUAL(0, server->request_count("/posters/new.png"));
}

TEST(SyncFaults, AnAssetCutOffByTheNetworkIsMissingAndTheFeedIsApplied) {
    json feed = demo_feed(6);
    const std::string bytes(4000, 'x');
    feed["assets"].push_back(asset_entry("poster-new", "posters/new.png", bytes));
    serve(feed);
    server->reset_mid_body("/posters/new.png", bytes, 1000);
    check_applied_with_missing(rig->sync(), "poster-new");
}

TEST(SyncFaults, AnAssetDirectoryThatCannotBeWrittenLeavesTheAssetsMissingNotTheFeed) {
    json feed = demo_feed(6);
    feed["assets"].push_back(asset_entry("poster-new", "posters/new.png", "the announced bytes"));
    serve(feed);
    server->respond("/posters/new.png", 200, "the announced bytes");
    fs::remove_all(rig->config.assets_dir);
    write_bytes(rig->config.assets_dir, "a file where the directory should be");
    const SyncReport report = rig->sync();
    check_applied(report);
    LONGS_EQUAL(6, rig->store.info()->sequence);
    LONGS_EQUAL(feed["assets"].size(), report.missing_assets.size());
    CHECK_TEXT(contains(report.message, "disk: "), report.message.c_str());
}

TEST(SyncFaults, ADamagedAssetThatCannotBeFetchedAgainIsDeletedAndNeverShown) {
    const std::string poster = demo_poster("posters/salt-road.png");
    const std::string stored = rig->assets().path_of(sha256_hex(poster));
    write_bytes(stored, std::string(poster.size(), '\0'));
    serve(demo_feed(6));
    server->respond("/posters/salt-road.png", 404);
    std::string id;
    for (const auto& asset : good["assets"]) {
        if (asset["path"] == "posters/salt-road.png") {
            id = asset["id"].get<std::string>();
        }
    }
    check_applied_with_missing(rig->sync(), id);
    CHECK_FALSE(fs::exists(stored));
}

TEST(SyncFaults, AnAssetMissingIsFetchedAtTheNextPollThatFindsTheSameSequence) {
    json feed = demo_feed(6);
    feed["assets"].push_back(asset_entry("poster-new", "posters/new.png", "the announced bytes"));
    serve(feed);
    server->respond("/posters/new.png", 503);
    check_applied_with_missing(rig->sync(), "poster-new");
    server->respond("/posters/new.png", 200, "the announced bytes");
    const SyncReport report = rig->sync();
    CHECK_TEXT(report.outcome == SyncOutcome::unchanged, report.message.c_str());
    STRCMP_EQUAL("sequence 6 already applied; fetched 1 missing asset", report.message.c_str());
    CHECK(report.missing_assets.empty());
    CHECK(rig->assets().has(*rig->store.asset("poster-new"), true));
}

TEST(SyncFaults, AFullDiskIsADiskFailureAndNotACrash) {
    auto bigger = same_festival(generate_feed(GenOptions{3000, 11, 0}));
    bigger["sequence"] = 6;
    serve_signed(bigger.dump());
    // The database may not grow past its size now: as good as a full disk for SQLite.
    exec_sql(rig->store, "PRAGMA wal_checkpoint(TRUNCATE)");
    exec_sql(rig->store, "PRAGMA max_page_count = " +
                             std::to_string(count_rows(rig->store, "pragma_page_count")));
    const SyncReport report = rig->sync();
    check_failed_and_intact(report, SyncReason::disk);
    CHECK_TEXT(report.message.find("full") != std::string::npos, report.message.c_str());
}

TEST(SyncFaults, AReadOnlyCacheIsADiskFailureAndNotACrash) {
    serve(demo_feed(6));
    exec_sql(rig->store, "PRAGMA query_only = ON");
    const SyncReport report = rig->sync();
    CHECK_TEXT(report.outcome == SyncOutcome::failed, report.message.c_str());
    STRCMP_EQUAL("disk", std::string(reason_code(report.reason)).c_str());
    exec_sql(rig->store, "PRAGMA query_only = OFF");
    LONGS_EQUAL(5, rig->store.info()->sequence);
    LONGS_EQUAL(good_screenings, count_rows(rig->store, "screenings"));
    // Nothing could be written, so the metrics file is where the failure is recorded.
    const std::string metrics = read_bytes(rig->config.metrics_path);
    CHECK(metrics.find("{reason=\"disk\"} 1") != std::string::npos);
}

TEST(SyncFaults, ConsecutiveFailuresCountUpAndASuccessResetsThem) {
    server->respond("/feed.json", 500);
    rig->sync();
    rig->sync();
    LONGS_EQUAL(2, rig->store.sync_state().consecutive_failures);
    serve(demo_feed(6));
    check_applied(rig->sync());
    const SyncState state = rig->store.sync_state();
    LONGS_EQUAL(0, state.consecutive_failures);
    STRCMP_EQUAL("", state.last_error.c_str());
}

}  // namespace aff
