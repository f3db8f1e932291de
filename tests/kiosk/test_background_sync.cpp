// The kiosk's background sync: the same Syncer as kiosk-sync, in its own thread with its own
// cache connection, feeding the cache the screens read.
#include "kiosk/background_sync.hpp"
#include "kiosk/config.hpp"
#include "sync/minisign.hpp"
#include "sync/store.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>

#include "tests/support/fake_clock.hpp"
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>

using namespace aff;
namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

minisign::PublicKey demo_key() {
    std::string error;
    auto key = minisign::parse_public_key(
        read_text(AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.pub"), error);
    CHECK_TEXT(key.has_value(), error.c_str());
    return key.value_or(minisign::PublicKey{});
}

ConfigResult config_of(std::initializer_list<const char*> args) {
    std::vector<const char*> argv{"kiosk"};
    argv.insert(argv.end(), args.begin(), args.end());
    return read_config(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_GROUP(BackgroundSync) {
    fs::path dir;
    std::ostringstream log;

    void setup() override {
        test::preload_time_zones();
        dir = fs::path(AFF_TEST_TMPDIR) / ("bgsync-" + std::to_string(getpid()));
        fs::create_directories(dir);
    }
    void teardown() override { fs::remove_all(dir); }

    SyncConfig demo_sync(const std::string& url) {
        SyncConfig config;
        config.feed_url = url;
        config.key = demo_key();
        config.assets_dir = (dir / "assets").string();
        return config;
    }
};

TEST(BackgroundSync, AppliesTheSignedDemoFeedIntoTheCacheTheScreensRead) {
    test::FakeClock clock(std::chrono::sys_seconds{std::chrono::seconds{1537012800}});
    const std::string db = (dir / "cache.db").string();
    {
        BackgroundSync sync(demo_sync("file://" AFF_SOURCE_DATADIR "/demo/feed.json"), db,
                            std::chrono::seconds(3600), clock, log);
        CHECK_TEXT(sync.wait_for_attempts(1, std::chrono::seconds(30)), log.str().c_str());
        LONGS_EQUAL_TEXT(1, sync.data_changes(), log.str().c_str());
    }
    Store reader = Store::open(db);
    auto info = reader.info();
    CHECK_TRUE(info.has_value());
    LONGS_EQUAL(1, info->sequence);
}

TEST(BackgroundSync, NewDataIsAnnouncedAtOnceNotAtTheNextPoll) {
    test::FakeClock clock(std::chrono::sys_seconds{std::chrono::seconds{1537012800}});
    std::atomic<std::uint64_t> announced{0};
    {
        BackgroundSync sync(demo_sync("file://" AFF_SOURCE_DATADIR "/demo/feed.json"),
                            (dir / "cache.db").string(), std::chrono::seconds(3600), clock, log,
                            [&] { ++announced; });
        CHECK_TEXT(sync.wait_for_attempts(1, std::chrono::seconds(30)), log.str().c_str());
        // The first attempt applied the feed and said so; the next poll is an hour away.
        LONGS_EQUAL_TEXT(1, announced.load(), log.str().c_str());
        LONGS_EQUAL(1, sync.data_changes());
    }
    announced = 0;
    {
        // The same feed again changes nothing, and wakes nobody.
        BackgroundSync sync(demo_sync("file://" AFF_SOURCE_DATADIR "/demo/feed.json"),
                            (dir / "cache.db").string(), std::chrono::seconds(3600), clock, log,
                            [&] { ++announced; });
        CHECK_TRUE(sync.wait_for_attempts(1, std::chrono::seconds(30)));
        LONGS_EQUAL_TEXT(0, announced.load(), log.str().c_str());
    }
}

TEST(BackgroundSync, AFailedSyncIsLoggedAndAppliesNothing) {
    test::FakeClock clock;
    const std::string db = (dir / "cache.db").string();
    {
        BackgroundSync sync(demo_sync("file://" AFF_SOURCE_DATADIR "/demo/no-such-feed.json"), db,
                            std::chrono::seconds(3600), clock, log);
        CHECK_TRUE(sync.wait_for_attempts(1, std::chrono::seconds(30)));
        LONGS_EQUAL(0, sync.data_changes());
    }
    CHECK_TEXT(log.str().find("kiosk: sync failed") != std::string::npos, log.str().c_str());
    CHECK_TRUE(Store::open(db).empty());
}

TEST(BackgroundSync, ACacheThatCannotBeOpenedIsLoggedAndCountsAsAnAttempt) {
    test::FakeClock clock;
    const std::string db = (dir / "a-directory").string();
    fs::create_directories(db);
    {
        BackgroundSync sync(demo_sync("file://" AFF_SOURCE_DATADIR "/demo/feed.json"), db,
                            std::chrono::seconds(3600), clock, log);
        CHECK_TRUE(sync.wait_for_attempts(1, std::chrono::seconds(30)));
        LONGS_EQUAL(0, sync.data_changes());
    }
    CHECK_TEXT(log.str().starts_with("kiosk: sync: "), log.str().c_str());
}

TEST(BackgroundSync, AFeedUrlWithoutAPublicKeyIsAConfigurationError) {
    auto result = config_of({"--feed-url", "https://feed.example.org/feed.json"});
    CHECK_FALSE(result.config.has_value());
    LONGS_EQUAL(2, result.exit_code);
    CHECK_TEXT(result.error.find("public-key") != std::string::npos, result.error.c_str());
}

TEST(BackgroundSync, OnlyHttpHttpsAndFileFeedUrlsAreAccepted) {
    auto result = config_of({"--feed-url", "ftp://feed.example.org/feed.json", "--public-key",
                             "RWQ8OCVYEnieCJod+xHT5V8ea9gzlnXfGde5dAS0Kk2s12IrSirhmcOX"});
    CHECK_FALSE(result.config.has_value());
    CHECK_TEXT(result.error.find("feed-url") != std::string::npos, result.error.c_str());
}
