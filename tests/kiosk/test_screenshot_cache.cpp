// A screenshot only looks at the cache: the files stay byte for byte as they were, none is added
// beside them (no -wal, no -shm, no demo written in), and a user who may only read the cache can
// take one. The kiosk binary runs as a process, as staff run it over ssh.
#include "tests/support/drop_root.hpp"
#include "demo_store.hpp"
#include "sync/store.hpp"

#include <grp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

namespace {

namespace fs = std::filesystem;
using aff::Store;

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file in `dir`, by name, with its bytes.
std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        files[entry.path().filename().string()] = read_bytes(entry.path());
    }
    return files;
}

std::string names(const std::map<std::string, std::string>& files) {
    std::string text;
    for (const auto& [name, bytes] : files) {
        text += (text.empty() ? "" : " ") + name;
    }
    return text;
}

struct Run {
    int exit_code = -1;
    std::string output;
};

// The kiosk binary with `args`, its stdout and stderr in `log`. With `as_nobody`, a root test
// runs it without root's powers, so permission bits mean what they say.
Run kiosk(const std::vector<std::string>& args, const fs::path& log, bool as_nobody = false) {
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        setenv("AFF_DATADIR", AFF_SOURCE_DATADIR, 1);
        if (as_nobody && !aff::test::drop_root_powers()) {
            _exit(126);
        }
        std::FILE* out = std::freopen(log.c_str(), "w", stdout);
        if (out == nullptr || dup2(fileno(stdout), 2) < 0) {
            _exit(126);
        }
        std::vector<std::string> command;
        std::istringstream emulator(AFF_EMULATOR);
        for (std::string word; emulator >> word;) {
            command.push_back(word);
        }
        command.push_back(AFF_KIOSK_BINARY);
        command.insert(command.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& arg : command) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.output = read_bytes(log);
    return run;
}

}  // namespace

TEST_GROUP(ScreenshotCache) {
    fs::path dir;     // the cache's directory
    fs::path out;     // where the PNG and texts go, writable by anyone
    std::string db;

    void setup() override {
        dir = fs::path(AFF_TEST_TMPDIR) / "screenshot-cache" / "state";
        out = fs::path(AFF_TEST_TMPDIR) / "screenshot-cache" / "out";
        std::error_code ignored;
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(dir.parent_path());
        fs::create_directories(dir);
        fs::create_directories(out);
        fs::permissions(out, fs::perms::all);
        db = (dir / "cache.db").string();
    }
    void teardown() override {
        std::error_code ignored;
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(dir.parent_path(), ignored);
    }

    // A cache holding the demo festival, closed: SQLite has removed its -wal and -shm.
    void fill_cache() const {
        Store store = Store::open(db);
        store.apply(aff::test::demo_feed(), aff::test::at("2018-09-15T08:00:00+06:00"));
    }

    std::vector<std::string> screenshot_args() const {
        return {"--screenshot", (out / "now.png").string(), "--texts", (out / "now.json").string(),
                "--db",         db,  "--venue", "palace", "--at", "2018-09-15T18:00:00+06:00",
                "--size",       "800x480", "--lang", "en"};
    }

    void check_shows_the_board(const Run& run) const {
        LONGS_EQUAL_TEXT(0, run.exit_code, run.output.c_str());
        CHECK_TRUE(fs::exists(out / "now.png"));
        STRCMP_CONTAINS("Now showing", read_bytes(out / "now.json").c_str());
    }
};

// A cache the last release wrote (schema 3): the kiosk would bring it up to date, a screenshot
// reads it as it is.
TEST(ScreenshotCache, AScreenshotLeavesTheCachesFilesByteForByteAndAddsNone) {
    fill_cache();
    {
        Store store = Store::open(db);
        LONGS_EQUAL(SQLITE_OK, sqlite3_exec(store.handle(),
                                            "ALTER TABLE feed_meta DROP COLUMN demo; "
                                            "ALTER TABLE maps DROP COLUMN north_deg; "
                                            "ALTER TABLE map_nodes DROP COLUMN facing_deg; "
                                            "ALTER TABLE map_edges DROP COLUMN kind; "
                                            "ALTER TABLE map_edges DROP COLUMN one_way; "
                                            "PRAGMA user_version = 3",
                                            nullptr, nullptr, nullptr));
    }
    const auto before = files_in(dir);
    STRCMP_EQUAL("cache.db", names(before).c_str());
    check_shows_the_board(kiosk(screenshot_args(), out / "log"));
    const auto after = files_in(dir);
    STRCMP_EQUAL(names(before).c_str(), names(after).c_str());
    CHECK_TRUE(before == after);
}

// A kiosk running meanwhile holds its latest feed in the WAL: the screenshot reads it there, and
// writes neither the cache nor the WAL.
TEST(ScreenshotCache, WhileAKioskHasTheCacheOpenTheScreenshotReadsItsWalAndWritesNeither) {
    Store running = Store::open(db);
    running.apply(aff::test::demo_feed(), aff::test::at("2018-09-15T08:00:00+06:00"));
    CHECK_TRUE(fs::exists(db + "-wal"));
    const std::string cache = read_bytes(db);
    const std::string wal = read_bytes(db + "-wal");
    const auto before = files_in(dir);
    check_shows_the_board(kiosk(screenshot_args(), out / "log"));
    STRCMP_EQUAL(names(before).c_str(), names(files_in(dir)).c_str());
    CHECK_TRUE(cache == read_bytes(db));
    CHECK_TRUE(wal == read_bytes(db + "-wal"));
}

TEST(ScreenshotCache, AUserWhoMayOnlyReadTheCacheTakesAScreenshot) {
    fill_cache();
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    const auto before = files_in(dir);
    check_shows_the_board(kiosk(screenshot_args(), out / "log", true));
    CHECK_TRUE(before == files_in(dir));
}

// The empty cache a kiosk would fill with the demo stays empty: the demo is drawn from memory.
TEST(ScreenshotCache, AnEmptyCacheIsShownAsTheDemoFromMemoryAndStaysEmpty) {
    Store::open(db);
    const auto before = files_in(dir);
    const Run run = kiosk(screenshot_args(), out / "log");
    check_shows_the_board(run);
    STRCMP_CONTAINS("from memory", run.output.c_str());
    CHECK_TRUE(before == files_in(dir));
    CHECK_TRUE(Store::open_snapshot(db).empty());
}

TEST(ScreenshotCache, NoCacheFileIsShownAsTheDemoAndNoneIsCreated) {
    check_shows_the_board(kiosk(screenshot_args(), out / "log"));
    STRCMP_EQUAL("", names(files_in(dir)).c_str());
}
