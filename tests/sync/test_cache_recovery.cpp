#include "sync/cache_recovery.hpp"
#include "sync/feed_gen.hpp"
#include "sync/feed_parse.hpp"
#include "sync/store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;

// 2026-11-24T21:52:17Z
const Instant now{std::chrono::seconds{1'795'557'137}};
constexpr const char* aside_suffix = ".corrupt-20261124T215217Z";

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

void exec_sql(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    LONGS_EQUAL(SQLITE_OK, rc);
}

}  // namespace

TEST_GROUP(CacheRecovery) {
    std::string dir;
    std::string path;

    void setup() override {
        test::preload_time_zones();
        dir = std::string(AFF_TEST_TMPDIR) + "/recovery-" + std::to_string(getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        path = dir + "/cache.db";
    }
    void teardown() override {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }

    // A cache holding a 400-screening feed, checkpointed and closed: one file of some size.
    void make_full_cache() const {
        auto json = generate_feed(GenOptions{400, 7, 0});
        json["sequence"] = 41;
        const auto parsed = parse_feed(json.dump());
        CHECK(parsed.ok());
        Store store = Store::open(path);
        store.apply(*parsed.feed, now);
    }

    void check_recovered(const std::string& bad_bytes) const {
        std::string note;
        {
            const Store store = open_cache(path, now, note);
            CHECK(store.empty());
        }
        CHECK_TEXT(note.find("moved aside to " + path + aside_suffix) != std::string::npos,
                   note.c_str());
        CHECK(note.find('\n') == std::string::npos);
        STRCMP_EQUAL(bad_bytes.c_str(), read_bytes(path + aside_suffix).c_str());
        CHECK(read_bytes(path + aside_suffix) == bad_bytes);
        // The fresh cache opens with no note: recovery happens once, not in a loop.
        const Store again = open_cache(path, now, note);
        STRCMP_EQUAL("", note.c_str());
        CHECK(again.empty());
    }
};

TEST(CacheRecovery, AHealthyCacheOpensWithItsFeedAndNoNote) {
    make_full_cache();
    std::string note = "stale";
    const Store store = open_cache(path, now, note);
    STRCMP_EQUAL("", note.c_str());
    LONGS_EQUAL(41, store.info()->sequence);
    CHECK_FALSE(fs::exists(path + aside_suffix));
}

TEST(CacheRecovery, ACacheTruncatedToHalfItsSizeIsMovedAsideAndReplacedByAnEmptyOne) {
    make_full_cache();
    const auto size = fs::file_size(path);
    CHECK(size > 64 * 1024);
    fs::resize_file(path, size / 2);
    check_recovered(read_bytes(path));
}

TEST(CacheRecovery, AFileOfRandomBytesIsMovedAsideAndReplacedByAnEmptyCache) {
    std::mt19937 rng(3);
    std::string garbage(32 * 1024, '\0');
    for (char& c : garbage) {
        c = static_cast<char>(rng() & 0xffu);
    }
    write_bytes(path, garbage);
    check_recovered(garbage);
}

TEST(CacheRecovery, ACacheWithADamagedPageIsMovedAside) {
    make_full_cache();
    std::string bytes = read_bytes(path);
    // Page 3 onwards, with the header left intact: SQLite opens it and quick_check finds it.
    for (std::size_t i = 2 * 4096; i < bytes.size() && i < 40 * 4096; ++i) {
        bytes[i] = static_cast<char>(0x5a);
    }
    write_bytes(path, bytes);
    check_recovered(bytes);
}

TEST(CacheRecovery, AnotherApplicationsDatabaseIsMovedAsideNotUsed) {
    exec_sql(path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
    check_recovered(read_bytes(path));
}

TEST(CacheRecovery, AZeroLengthFileIsAnEmptyDatabaseAndIsUsedInPlace) {
    write_bytes(path, "");
    std::string note = "stale";
    {
        Store store = open_cache(path, now, note);
        CHECK(store.empty());
    }
    STRCMP_EQUAL("", note.c_str());
    CHECK_FALSE(fs::exists(path + aside_suffix));
    CHECK(fs::file_size(path) > 0);
}

TEST(CacheRecovery, ACacheFromANewerProgramIsRefusedAndLeftUntouched) {
    make_full_cache();
    exec_sql(path, "PRAGMA user_version = 99");
    const std::string before = read_bytes(path);
    std::string note;
    try {
        (void)open_cache(path, now, note);
        FAIL("a newer cache was opened");
    } catch (const StoreError& e) {
        CHECK_TEXT(std::string(e.what()).find("newer") != std::string::npos, e.what());
    }
    CHECK(read_bytes(path) == before);
    CHECK_FALSE(fs::exists(path + aside_suffix));
}

TEST(CacheRecovery, ASecondDamagedCacheTheSameSecondIsMovedAsideUnderAnotherName) {
    write_bytes(path, std::string(8192, 'x'));
    std::string note;
    { const Store store = open_cache(path, now, note); }
    // The fresh cache goes bad too, within the same second.
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    write_bytes(path, std::string(8192, 'y'));
    { const Store store = open_cache(path, now, note); }
    CHECK_TEXT(note.find(std::string(aside_suffix) + "-2") != std::string::npos, note.c_str());
    CHECK(read_bytes(path + aside_suffix) == std::string(8192, 'x'));
    CHECK(read_bytes(path + aside_suffix + "-2") == std::string(8192, 'y'));
}

}  // namespace aff
