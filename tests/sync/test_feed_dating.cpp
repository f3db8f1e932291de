// A feed dated in its signer's future: the rule on an injected clock, then kiosk-feed validate
// (a warning) and kiosk-feed sign (refused), run as the programme office runs them.
#include "sync/feed_dating.hpp"

#include "sync/feed_parse.hpp"
#include "sync/time/time.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string demo_bytes() { return read_file(AFF_SOURCE_DATADIR "/demo/feed.json"); }

Feed demo_dated(const std::string& generated_at) {
    auto json = nlohmann::json::parse(demo_bytes());
    json["generated_at"] = generated_at;
    ParseResult parsed = parse_feed(json.dump());
    CHECK_TRUE(parsed.ok());
    return std::move(*parsed.feed);
}

Instant at(const char* text) { return *parse_rfc3339(text); }

std::string quoted(const std::string& text) { return "'" + text + "'"; }

struct Run {
    int exit_code = -1;
    std::string output;
};

Run kiosk_feed(const std::string& args, const fs::path& log) {
    const std::string emulator = AFF_EMULATOR;
    const std::string command = (emulator.empty() ? "" : emulator + " ") +
                                quoted(AFF_KIOSK_FEED) + " " + args + " </dev/null >" +
                                quoted(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    Run run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.output = read_file(log);
    return run;
}

}  // namespace

TEST_GROUP(FeedDating) {
    fs::path dir;

    void setup() override {
        test::preload_time_zones();  // the tz database stays for the life of the process
        dir = fs::path(AFF_TEST_TMPDIR) / "feed-dating";
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void teardown() override {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }

    // The demo feed dated `generated_at`, in a file.
    std::string feed_file(const std::string& generated_at) const {
        auto json = nlohmann::json::parse(demo_bytes());
        json["generated_at"] = generated_at;
        const fs::path path = dir / "feed.json";
        std::ofstream(path, std::ios::binary) << json.dump(1);
        return path.string();
    }
    std::string sign_args(const std::string& feed) const {
        return "sign -s " + quoted(AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.key") +
               " -m " + quoted(feed);
    }
};

TEST(FeedDating, AFeedDatedUpToFiveMinutesAheadOfTheSignersClockIsFine) {
    const Instant now = at("2026-09-15T08:00:00Z");
    CHECK_FALSE(future_dating(demo_dated("2026-09-15T08:05:00Z"), now).has_value());
    CHECK_FALSE(future_dating(demo_dated("2026-09-15T07:00:00Z"), now).has_value());
    CHECK_FALSE(future_dating(demo_dated("2018-09-15T08:00:00+06:00"), now).has_value());
}

TEST(FeedDating, AFeedDatedMoreThanFiveMinutesAheadOfTheSignersClockIsAWarningOnGeneratedAt) {
    const Instant now = at("2026-09-15T08:00:00Z");
    const auto just = future_dating(demo_dated("2026-09-15T08:05:01Z"), now);
    CHECK_TRUE(just.has_value());
    const auto fast = future_dating(demo_dated("2026-09-15T20:00:00+06:00"), now);
    CHECK_TRUE(fast.has_value());
    CHECK_TRUE(fast->severity == Diagnostic::Severity::warning);
    STRCMP_EQUAL("generated_at", fast->path.c_str());
    STRCMP_CONTAINS("2026-09-15T14:00:00Z is 6 h 0 min ahead of this computer's clock "
                    "(2026-09-15T08:00:00Z)",
                    fast->message.c_str());
}

// The real tool on the real clock: a feed dated 2099 is in any signer's future, the demo's 2018
// in none.
TEST(FeedDating, ValidateWarnsOfAFeedDatedInTheFutureAndStillPassesIt) {
    const Run run =
        kiosk_feed("validate " + quoted(feed_file("2099-01-01T00:00:00Z")), dir / "log");
    LONGS_EQUAL_TEXT(0, run.exit_code, run.output.c_str());
    STRCMP_CONTAINS("warning: generated_at: 2099-01-01T00:00:00Z is ", run.output.c_str());
    STRCMP_CONTAINS("ahead of this computer's clock", run.output.c_str());
    const Run past = kiosk_feed("validate " + quoted(feed_file("2018-09-15T08:00:00+06:00")),
                                dir / "log");
    LONGS_EQUAL_TEXT(0, past.exit_code, past.output.c_str());
    CHECK_TEXT(past.output.find("generated_at") == std::string::npos, past.output.c_str());
}

TEST(FeedDating, SignRefusesAFeedDatedInTheFutureAndWritesNoSignature) {
    const std::string future = feed_file("2099-01-01T00:00:00Z");
    const Run run = kiosk_feed(sign_args(future), dir / "log");
    LONGS_EQUAL_TEXT(1, run.exit_code, run.output.c_str());
    STRCMP_CONTAINS("generated_at: 2099-01-01T00:00:00Z is ", run.output.c_str());
    STRCMP_CONTAINS("not signed", run.output.c_str());
    CHECK_FALSE(fs::exists(future + ".minisig"));

    const std::string past = feed_file("2018-09-15T08:00:00+06:00");
    const Run signed_run = kiosk_feed(sign_args(past), dir / "log");
    LONGS_EQUAL_TEXT(0, signed_run.exit_code, signed_run.output.c_str());
    CHECK_TRUE(fs::exists(past + ".minisig"));
}

}  // namespace aff
