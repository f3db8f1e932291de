// The kiosk-sync command, run as a process: its flags, exit codes, status JSON and clean stop.
// Feeds come over file:// (the HTTP paths are covered by test_syncer).
#include "tests/support/drop_root.hpp"
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string demo_dir = std::string(AFF_SOURCE_DATADIR) + "/demo";
const std::string public_key_file = demo_dir + "/keys/demo-NOT-FOR-PRODUCTION.pub";

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string shell_quoted(const std::string& text) {
    return "'" + text + "'";
}

// The command, through the emulator when the tests run under one.
std::string kiosk_sync_command() {
    const std::string emulator = KIOSK_SYNC_EMULATOR;
    return (emulator.empty() ? "" : emulator + " ") + shell_quoted(KIOSK_SYNC);
}

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

}  // namespace

TEST_GROUP(KioskSyncCommand) {
    std::string dir;
    std::string feed_url;

    void setup() override {
        dir = std::string(AFF_TEST_TMPDIR) + "/kiosk-sync-" + std::to_string(getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        feed_url = "file://" + demo_dir + "/feed.json";
    }
    void teardown() override {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }

    Run run(const std::string& args) const {
        const std::string out = dir + "/out.txt";
        const std::string err = dir + "/err.txt";
        const std::string command = kiosk_sync_command() + " " + args + " >" +
                                    shell_quoted(out) + " 2>" + shell_quoted(err) + " </dev/null";
        const int status = std::system(command.c_str());
        Run result;
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.out = read_bytes(out);
        result.err = read_bytes(err);
        return result;
    }

    std::string sync_args(const std::string& url) const {
        return "--once --feed-url " + shell_quoted(url) + " --public-key-file " +
               shell_quoted(public_key_file) + " --db " + shell_quoted(dir + "/cache.db") +
               " --assets " + shell_quoted(dir + "/assets");
    }
};

TEST(KioskSyncCommand, OnceAppliesTheFeedThenFindsItUnchangedBothExitingZero) {
    const Run first = run(sync_args(feed_url) + " --metrics " + shell_quoted(dir + "/k.prom"));
    LONGS_EQUAL_TEXT(0, first.exit_code, first.err.c_str());
    // The outcome is said once, first: not "applied: applied sequence 1".
    CHECK_TEXT(first.out.starts_with("kiosk-sync: applied: sequence 1"), first.out.c_str());
    CHECK(read_bytes(dir + "/k.prom").find("aff_kiosk_feed_sequence 1\n") != std::string::npos);
    const Run second = run(sync_args(feed_url));
    LONGS_EQUAL_TEXT(0, second.exit_code, second.err.c_str());
    CHECK_TEXT(second.out.starts_with("kiosk-sync: unchanged: "), second.out.c_str());
}

TEST(KioskSyncCommand, OnceAppliesAFeedWhoseAssetsAreMissingExitingZeroAndStatusListsThem) {
    // The demo feed, signed as it is, published without its posters.
    const std::string www = dir + "/www";
    fs::create_directories(www);
    fs::copy_file(demo_dir + "/feed.json", www + "/feed.json");
    fs::copy_file(demo_dir + "/feed.json.minisig", www + "/feed.json.minisig");
    const std::string url = "file://" + www + "/feed.json";
    const std::string status_args =
        "--status --db " + shell_quoted(dir + "/cache.db") + " --assets " +
        shell_quoted(dir + "/assets");
    json expected = json::array();
    const json feed = json::parse(read_bytes(demo_dir + "/feed.json"));
    for (const auto& asset : feed["assets"]) {
        expected.push_back(asset["id"]);
    }
    LONGS_EQUAL(6, expected.size());

    const Run first = run(sync_args(url) + " --metrics " + shell_quoted(dir + "/k.prom"));
    LONGS_EQUAL_TEXT(0, first.exit_code, first.err.c_str());
    CHECK_TEXT(first.out.starts_with("kiosk-sync: applied: sequence 1; 6 assets missing ("),
               first.out.c_str());
    CHECK(read_bytes(dir + "/k.prom").find("\naff_kiosk_missing_assets 6\n") != std::string::npos);
    const Run missing = run(status_args);
    LONGS_EQUAL_TEXT(0, missing.exit_code, missing.err.c_str());
    STRCMP_EQUAL(expected.dump().c_str(),
                 json::parse(missing.out)["missing_assets"].dump().c_str());

    fs::copy(demo_dir + "/posters", www + "/posters");
    const Run second = run(sync_args(url));
    LONGS_EQUAL_TEXT(0, second.exit_code, second.err.c_str());
    // A file:// URL has no HTTP status: not "(HTTP 304)".
    STRCMP_EQUAL("kiosk-sync: unchanged: not modified (the file's time is the same); fetched 6 "
                 "missing assets\n",
                 second.out.c_str());
    const Run complete = run(status_args);
    STRCMP_EQUAL("[]", json::parse(complete.out)["missing_assets"].dump().c_str());
}

TEST(KioskSyncCommand, TheKeyCanBeGivenInlineAsBase64) {
    const std::string pub = read_bytes(public_key_file);
    const std::string base64 = pub.substr(pub.find('\n') + 1, 56);
    const Run result = run("--once --feed-url " + shell_quoted(feed_url) + " --public-key " +
                           base64 + " --db " + shell_quoted(dir + "/cache.db") + " --assets " +
                           shell_quoted(dir + "/assets"));
    LONGS_EQUAL_TEXT(0, result.exit_code, result.err.c_str());
}

TEST(KioskSyncCommand, AFailedSyncExitsOneWithOneLineOnStderr) {
    const std::string feed = dir + "/feed.json";
    write_bytes(feed, read_bytes(demo_dir + "/feed.json") + " ");
    write_bytes(feed + ".minisig", read_bytes(demo_dir + "/feed.json.minisig"));
    const Run result = run(sync_args("file://" + feed));
    LONGS_EQUAL(1, result.exit_code);
    // Each thing said once: not "failed (signature): signature: signature does not match".
    STRCMP_EQUAL("kiosk-sync: failed: signature does not match the file (the file or the "
                 "signature was altered)\n",
                 result.err.c_str());
}

TEST(KioskSyncCommand, UsageErrorsExitTwo) {
    LONGS_EQUAL(2, run("--once").exit_code);
    LONGS_EQUAL(2, run("--no-such-flag").exit_code);
    LONGS_EQUAL(2, run(sync_args(feed_url) + " --interval 0").exit_code);
    LONGS_EQUAL(2, run(sync_args("ftp://example.org/feed.json")).exit_code);
    const Run bad_key = run("--once --feed-url http://x/f.json --public-key NOTAKEY --db " +
                            shell_quoted(dir + "/c.db") + " --assets " + shell_quoted(dir + "/a"));
    LONGS_EQUAL(2, bad_key.exit_code);
    CHECK_TEXT(bad_key.err.starts_with("kiosk-sync: --public-key: "), bad_key.err.c_str());
    // --status compares the feed's assets with the asset directory, so it needs both.
    const Run no_assets = run("--status --db " + shell_quoted(dir + "/c.db"));
    LONGS_EQUAL(2, no_assets.exit_code);
    STRCMP_EQUAL("kiosk-sync: --assets is required\n", no_assets.err.c_str());
}

TEST(KioskSyncCommand, AKeyFileThatIsMissingOrTooLargeIsAUsageErrorSayingSo) {
    const std::string feed = demo_dir + "/feed.json";  // a feed given for the key
    const std::string rest = " --db " + shell_quoted(dir + "/c.db") + " --assets " +
                             shell_quoted(dir + "/a");
    const Run too_large = run("--once --feed-url http://x/f.json --public-key-file " +
                              shell_quoted(feed) + rest);
    LONGS_EQUAL(2, too_large.exit_code);
    CHECK_TEXT(too_large.err.starts_with("kiosk-sync: --public-key-file: public key file \"" +
                                         feed + "\" is too large to be a key"),
               too_large.err.c_str());
    const Run missing = run("--once --feed-url http://x/f.json --public-key-file " +
                            shell_quoted(dir + "/absent.pub") + rest);
    LONGS_EQUAL(2, missing.exit_code);
    CHECK_TEXT(missing.err.starts_with("kiosk-sync: --public-key-file: cannot read public key "
                                       "file \"" + dir + "/absent.pub\": No such file"),
               missing.err.c_str());
}

TEST(KioskSyncCommand, EveryOptionCanComeFromTheTomlConfig) {
    const std::string config = dir + "/kiosk-sync.toml";
    write_bytes(config, "feed-url = \"" + feed_url + "\"\npublic-key-file = \"" +
                            public_key_file + "\"\ndb = \"" + dir + "/cache.db\"\nassets = \"" +
                            dir + "/assets\"\ninterval = 30\n");
    const Run result = run("--once --config " + shell_quoted(config));
    LONGS_EQUAL_TEXT(0, result.exit_code, result.err.c_str());
    CHECK_TEXT(result.out.starts_with("kiosk-sync: applied: "), result.out.c_str());
    write_bytes(config, "feed_url = \"x\"\n");
    const Run unknown = run("--once --config " + shell_quoted(config));
    LONGS_EQUAL(2, unknown.exit_code);
    CHECK_TEXT(unknown.err.find("unknown key 'feed_url'") != std::string::npos,
               unknown.err.c_str());
}

TEST(KioskSyncCommand, TheExampleConfigLoadsAndTheCommandLineWinsOverIt) {
    // Its key file and directories are a device's; the command line puts them here.
    const Run result = run(sync_args(feed_url) + " --config " +
                           shell_quoted(std::string(AFF_SOURCE_DATADIR) +
                                        "/kiosk-sync.example.toml"));
    LONGS_EQUAL_TEXT(0, result.exit_code, result.err.c_str());
    CHECK_TEXT(result.out.starts_with("kiosk-sync: applied: "), result.out.c_str());
}

TEST(KioskSyncCommand, StatusPrintsOneJsonObject) {
    LONGS_EQUAL(0, run(sync_args(feed_url)).exit_code);
    const Run status = run("--status --db " + shell_quoted(dir + "/cache.db") + " --assets " +
                           shell_quoted(dir + "/assets"));
    LONGS_EQUAL_TEXT(0, status.exit_code, status.err.c_str());
    LONGS_EQUAL(1, std::count(status.out.begin(), status.out.end(), '\n'));
    const json object = json::parse(status.out);
    LONGS_EQUAL(1, object["sequence"].get<int>());
    STRCMP_EQUAL("2018-09-15T02:00:00Z", object["generated_at"].get<std::string>().c_str());
    CHECK(object["last_attempt"].is_string());
    CHECK(object["last_success"].is_string());
    STRCMP_EQUAL("", object["last_error"].get<std::string>().c_str());
    CHECK(object.contains("etag"));
    STRCMP_EQUAL("[]", object["missing_assets"].dump().c_str());
}

// --status only reads: as a user who may only read the cache (a root test runs it without root's powers), in
// a directory it may not write, it answers, and the directory holds the same files, unchanged.
TEST(KioskSyncCommand, StatusOnlyReadsTheCacheAndSaysWhetherItHoldsTheDemo) {
    LONGS_EQUAL(0, run(sync_args(feed_url)).exit_code);
    const std::string state = dir + "/state";
    fs::create_directories(state);
    fs::rename(dir + "/cache.db", state + "/cache.db");
    fs::permissions(state + "/cache.db",
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(state, fs::perms::owner_read | fs::perms::owner_exec |
                               fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(dir, fs::perms::all);  // for its output files
    fs::remove(dir + "/out.txt");
    fs::remove(dir + "/err.txt");
    const auto files = [&] {
        std::vector<std::pair<std::string, std::string>> found;
        for (const auto& entry : fs::directory_iterator(state)) {
            found.emplace_back(entry.path().filename().string(), read_bytes(entry.path()));
        }
        return found;
    };
    const auto before = files();

    const pid_t pid = fork();
    if (pid == 0) {
        if (!aff::test::drop_root_powers()) {
            _exit(126);
        }
        const std::string command = kiosk_sync_command() + " --status --db " +
                                    shell_quoted(state + "/cache.db") + " --assets " +
                                    shell_quoted(dir + "/assets") + " >" +
                                    shell_quoted(dir + "/out.txt") + " 2>" +
                                    shell_quoted(dir + "/err.txt") + " </dev/null";
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const std::string out = read_bytes(dir + "/out.txt");
    CHECK_TEXT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
               (out + read_bytes(dir + "/err.txt")).c_str());
    const json object = json::parse(out);
    LONGS_EQUAL(1, object["sequence"].get<int>());
    STRCMP_EQUAL("aff-2018-demo", object["festival"].get<std::string>().c_str());
    CHECK_FALSE(object["demo"].get<bool>());  // the demo's feed, but synced: a published one
    CHECK_TRUE(before == files());
    fs::permissions(state, fs::perms::owner_all, fs::perm_options::add);
}

TEST(KioskSyncCommand, WithoutOnceItPollsUntilSigtermThenExitsCleanly) {
    int out[2];
    CHECK(pipe(out) == 0);
    const pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        // exec, so the signal goes to kiosk-sync (or the emulator, which passes it on).
        const std::string command = "exec " + kiosk_sync_command() + " --feed-url " +
                                    shell_quoted(feed_url) + " --public-key-file " +
                                    shell_quoted(public_key_file) + " --db " +
                                    shell_quoted(dir + "/cache.db") + " --assets " +
                                    shell_quoted(dir + "/assets") + " --interval 3600";
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    // The first poll's line says it has synced; then it waits an hour, unless stopped.
    std::string line;
    std::array<char, 256> buffer{};
    while (line.find('\n') == std::string::npos) {
        const auto n = read(out[0], buffer.data(), buffer.size());
        if (n <= 0) {
            break;
        }
        line.append(buffer.data(), static_cast<std::size_t>(n));
    }
    CHECK_TEXT(line.starts_with("kiosk-sync: applied"), line.c_str());
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    close(out[0]);
    CHECK(WIFEXITED(status));
    LONGS_EQUAL(0, WEXITSTATUS(status));
}

TEST(KioskSyncCommand, VersionPrintsTheProgramAndVersion) {
    const Run result = run("--version");
    LONGS_EQUAL(0, result.exit_code);
    STRCMP_EQUAL((std::string("kiosk-sync ") + AFF_VERSION + "\n").c_str(), result.out.c_str());
}

TEST(KioskSyncCommand, TheExampleConfigListsEveryKeyTheConfigFileTakes) {
    // Every option --help lists that a config file takes (a key it does not call unknown).
    const Run help = run("--help");
    LONGS_EQUAL(0, help.exit_code);
    const std::string example = read_bytes(std::string(AFF_SOURCE_DATADIR) +
                                           "/kiosk-sync.example.toml");
    std::size_t keys = 0;
    for (std::size_t at = help.out.find("--"); at != std::string::npos;
         at = help.out.find("--", at + 2)) {
        const std::size_t end = help.out.find_first_of(" ,\n", at);
        const std::string key = help.out.substr(at + 2, end - at - 2);
        write_bytes(dir + "/probe.toml", key + " = true\n");
        const Run probe = run("--config " + shell_quoted(dir + "/probe.toml") + " --status");
        if (probe.err.find("unknown key") != std::string::npos) {
            continue;  // --help, --version, --config, --once, --status
        }
        ++keys;
        const bool listed = example.find("\n" + key + " = ") != std::string::npos ||
                            example.find("\n# " + key + " = ") != std::string::npos;
        CHECK_TEXT(listed, ("kiosk-sync.example.toml lacks " + key).c_str());
    }
    LONGS_EQUAL(8, keys);  // db and the seven sync options
}

}  // namespace aff
