// The real kiosk binary in a window under SDL's offscreen video driver, as systemd runs it:
// SIGTERM ends it cleanly (exit 0, its frame count logged) and promptly, though its event loop
// was asleep until the next minute.
#include "tests/bench/kiosk_process.hpp"

#include "sync/asset_store.hpp"
#include "sync/store.hpp"
#include "tests/kiosk/demo_store.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The command line, through the emulator when the tests run under one.
std::vector<std::string> kiosk_command(const std::vector<std::string>& args) {
    std::vector<std::string> command;
    std::istringstream emulator(AFF_EMULATOR);
    for (std::string word; emulator >> word;) {
        command.push_back(word);
    }
    command.push_back(AFF_KIOSK_BINARY);
    command.insert(command.end(), args.begin(), args.end());
    return command;
}

// An environment variable set for the life of this object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
        }
        setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (old_) {
            setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

// Spins (no sleep) until the main thread of `pid` is seen asleep in nanosleep, or `deadline`.
// After the first frame that is the second frame's present (SDL's software renderer waits for the
// next refresh) or the event loop's wait, polling the offscreen driver: either way, with nothing
// queued, so only a wake can end the wait before the next minute. Where /proc does not say, the
// deadline passes and the test only checks the exit.
void until_asleep(pid_t pid, Clock::time_point deadline) {
    const std::string path = "/proc/" + std::to_string(pid) + "/wchan";
    while (Clock::now() < deadline) {
        std::ifstream wchan(path);
        std::string where;
        std::getline(wchan, where);
        if (where.find("nanosleep") != std::string::npos) {
            return;
        }
        std::this_thread::yield();
    }
}

}  // namespace

TEST_GROUP(KioskProcess) {
    std::string db;

    void setup() override {
        const std::filesystem::path dir = std::string(AFF_TEST_TMPDIR) + "/kiosk-process";
        std::filesystem::create_directories(dir);
        db = (dir / "cache.db").string();
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(db + suffix);
        }
    }

    struct FirstStart {
        bool reaped = false;
        bool seeded_demo = false;
    };
    // A windowed kiosk on the empty cache, with no feed: it shows its first frame, then SIGTERM.
    FirstStart first_start_on_an_empty_cache() {
        const ScopedEnv driver("SDL_VIDEODRIVER", "offscreen");
        aff::bench::KioskProcess kiosk(kiosk_command(
            {"--window", "--size", "640x360", "--db", db, "--lang", "en", "--at",
             "2018-09-15T18:00:00+06:00"}));
        const auto first = kiosk.wait_for("first frame on screen", Clock::now() + 30s);
        if (!first) {
            kiosk.show_lines();
        }
        CHECK_TRUE_TEXT(first.has_value(), "the kiosk showed no first frame");
        FirstStart result;
        result.seeded_demo = !kiosk.line_with("loaded the demo feed").empty();
        result.reaped = kiosk.terminate().reaped;
        return result;
    }
};

TEST(KioskProcess, SigtermEndsAWindowedKioskCleanlyAndAtOnce) {
    const ScopedEnv driver("SDL_VIDEODRIVER", "offscreen");
    // One language and long pages: nothing for the loop to wake for before the next minute.
    aff::bench::KioskProcess kiosk(kiosk_command(
        {"--window", "--size", "640x360", "--db", db, "--lang", "en", "--page-seconds", "600",
         "--at", "2018-09-15T18:00:00+06:00"}));
    const auto first = kiosk.wait_for("first frame on screen", Clock::now() + 30s);
    if (!first) {
        kiosk.show_lines();
    }
    CHECK_TRUE_TEXT(first.has_value(), "the kiosk showed no first frame");
    until_asleep(kiosk.pid(), Clock::now() + 10s);

    const auto sent = Clock::now();
    const aff::bench::KioskProcess::Exit exit = kiosk.terminate();
    const auto took = Clock::now() - sent;
    if (!exit.reaped || !WIFEXITED(exit.status) || WEXITSTATUS(exit.status) != 0) {
        kiosk.show_lines();
    }
    CHECK_TRUE_TEXT(exit.reaped, "the kiosk did not stop within 10 s of SIGTERM");
    CHECK_TRUE(WIFEXITED(exit.status));
    LONGS_EQUAL(0, WEXITSTATUS(exit.status));
    CHECK_FALSE(kiosk.line_with("frames drawn in").empty());
    CHECK_TRUE_TEXT(took < 2s, "SIGTERM did not wake the kiosk's event loop");
}

// A kiosk seeding the demo puts its posters in the asset store beside the cache, by SHA-256, as a
// synced feed's are; the screens draw them from there.
TEST(KioskProcess, SeedingTheDemoPutsItsPostersInTheAssetStoreBesideTheCache) {
    CHECK_TRUE(first_start_on_an_empty_cache().reaped);
    const aff::AssetStore assets((std::filesystem::path(db).parent_path() / "assets").string());
    const auto listed = aff::test::demo_feed().assets;
    LONGS_EQUAL(6, listed.size());
    for (const aff::Asset& asset : listed) {
        CHECK_TEXT(assets.has(asset, /*verify_hash=*/true), asset.id.c_str());
    }
}

// The trap: a kiosk with the demo as its fallback seeds the demo (sequence 1) into its
// empty cache, and the festival's first feed is sequence 1 too. It replaces the demo at once.
TEST(KioskProcess, TheFestivalsFirstFeedReplacesTheDemoAKioskSeededThoughBothAreSequenceOne) {
    CHECK_TRUE(first_start_on_an_empty_cache().seeded_demo);
    CHECK_TRUE(aff::Store::open_snapshot(db).info()->demo);

    // The demo's own signed file stands for the festival's first feed: sequence 1, verified.
    const std::string demo = std::string(AFF_SOURCE_DATADIR) + "/demo";
    const std::string dir = std::filesystem::path(db).parent_path().string();
    const std::string log = dir + "/kiosk-sync.log";
    std::string command = AFF_EMULATOR;
    command += std::string(command.empty() ? "" : " ") + "'" + AFF_KIOSK_SYNC_BINARY +
               "' --once --feed-url 'file://" + demo + "/feed.json' --public-key-file '" + demo +
               "/keys/demo-NOT-FOR-PRODUCTION.pub' --db '" + db + "' --assets '" + dir +
               "/assets' >'" + log + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(log);
    const std::string output{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK_TEXT(WIFEXITED(status) && WEXITSTATUS(status) == 0, output.c_str());
    STRCMP_CONTAINS("applied: sequence 1 (replaces the demo festival)", output.c_str());
    const auto info = aff::Store::open_snapshot(db).info();
    CHECK_FALSE(info->demo);
    LONGS_EQUAL(1, info->sequence);
}
