// The option rules the kiosk and kiosk-sync share (sync/options): numbers, the config file's
// checks, and which origin a bad value is blamed on. Each test builds a small CLI::App the way
// the programs do.
#include "sync/options.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;

struct Program {
    CLI::App app{"test", "prog"};
    bool flag = false;
    int seconds = 8;
    std::string name;
    options::SyncOptions sync;

    Program() {
        app.set_help_flag("-h,--help", "help");
        options::add_config_file(app, "config");
        app.add_flag("--flag", flag, "a flag");
        app.add_option("--seconds", seconds, "seconds")->transform(options::seconds(1, 3600));
        app.add_option("--name", name, "a name")->check(options::non_empty());
        options::add_sync_options(app, sync);
    }

    options::Parsed parse(std::vector<std::string> args) {
        args.insert(args.begin(), "prog");
        std::vector<const char*> argv;
        for (const auto& arg : args) {
            argv.push_back(arg.c_str());
        }
        return options::parse(app, static_cast<int>(argv.size()), argv.data());
    }
};

std::string write_file(const std::string& name, const std::string& text) {
    const std::string dir = std::string(AFF_TEST_TMPDIR) + "/options-" + std::to_string(getpid());
    fs::create_directories(dir);
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
}

// The error of parsing `args` with a config file holding `text`.
std::string file_error(const std::string& text, std::vector<std::string> args = {}) {
    const std::string path = write_file("c.toml", text);
    args.insert(args.begin(), {"--config", path});
    Program program;
    const auto parsed = program.parse(args);
    CHECK_TEXT(parsed.outcome == options::Parsed::Outcome::usage_error, text.c_str());
    const std::string error = parsed.error;
    CHECK_TEXT(error.starts_with(path), error.c_str());
    return error.substr(path.size());
}

}  // namespace

TEST_GROUP(Options) {
    void teardown() override {
        std::error_code ignored;
        fs::remove_all(std::string(AFF_TEST_TMPDIR) + "/options-" + std::to_string(getpid()),
                       ignored);
    }
};

TEST(Options, AnIntegerIsDecimalDigitsWithAnOptionalMinusAndNothingElse) {
    CHECK(options::parse_int("08") == 8);
    CHECK(options::parse_int("-15") == -15);
    for (const char* bad : {"", " 8", "8 ", "+8", "8s", "0x8", "1e3", "-", "99999999999"}) {
        CHECK_FALSE_TEXT(options::parse_int(bad).has_value(), bad);
    }
}

TEST(Options, ANumberOutOfItsRangeNamesTheOptionTheValueAndTheRange) {
    Program program;
    const auto parsed = program.parse({"--seconds", "0"});
    CHECK(parsed.outcome == options::Parsed::Outcome::usage_error);
    STRCMP_EQUAL("--seconds: '0' is not a number of seconds from 1 to 3600", parsed.error.c_str());
    STRCMP_EQUAL("--seconds: 'ten' is not a number of seconds from 1 to 3600",
                 Program().parse({"--seconds", "ten"}).error.c_str());
}

TEST(Options, ANumberWithALeadingZeroIsDecimalNotOctal) {
    Program program;
    CHECK(program.parse({"--seconds", "010"}).outcome == options::Parsed::Outcome::run);
    LONGS_EQUAL(10, program.seconds);
}

TEST(Options, TheFileGivesWhatTheCommandLineDoesNotAndABadValueThereNamesTheFileAndKey) {
    const std::string path = write_file("c.toml", "seconds = 20\nname = \"from file\"\n");
    Program program;
    CHECK(program.parse({"--config", path, "--name", "given"}).outcome ==
          options::Parsed::Outcome::run);
    LONGS_EQUAL(20, program.seconds);
    STRCMP_EQUAL("given", program.name.c_str());
    STRCMP_EQUAL(": seconds: '4000' is not a number of seconds from 1 to 3600",
                 file_error("seconds = 4000\n").c_str());
    // The same bad value on the command line is the command line's.
    const auto cli = Program().parse({"--config", path, "--seconds", "0"});
    STRCMP_EQUAL("--seconds: '0' is not a number of seconds from 1 to 3600", cli.error.c_str());
}

TEST(Options, AnUnknownKeyIsAnErrorWithTheFileLineAndKey) {
    STRCMP_EQUAL(":3: unknown key 'secnds'", file_error("# c\nseconds = 2\nsecnds = 3\n").c_str());
    STRCMP_EQUAL(":1: unknown key 'help'", file_error("help = true\n").c_str());
    STRCMP_EQUAL(":1: unknown key 'config'", file_error("config = \"other.toml\"\n").c_str());
}

TEST(Options, ASectionIsAnError) {
    STRCMP_EQUAL(":2: unknown section [sync]: every key is at the top",
                 file_error("seconds = 2\n[sync]\nname = \"x\"\n").c_str());
}

TEST(Options, ALineThatIsNoKeyValueIsAnErrorWithItsLine) {
    STRCMP_EQUAL(":2: 'not toml at all' is not key = value",
                 file_error("seconds = 2\nnot toml at all\n").c_str());
}

TEST(Options, ValuesOfTheWrongTypeAreErrors) {
    STRCMP_EQUAL(":1: seconds: expected a number, not a string",
                 file_error("seconds = \"8\"\n").c_str());
    STRCMP_EQUAL(":1: flag: 'maybe' is not true or false", file_error("flag = \"maybe\"\n").c_str());
    STRCMP_EQUAL(":1: name: expected one value, not an array",
                 file_error("name = [\"a\", \"b\"]\n").c_str());
}

TEST(Options, AHashInsideAQuotedValueIsAnErrorNotACutValue) {
    STRCMP_EQUAL(":1: name: a '#' inside a quoted value is not supported",
                 file_error("name = \"a#b\"\n").c_str());
    const std::string path = write_file("c.toml", "name = \"a b\"  # a comment\nflag = true\n");
    Program program;
    CHECK(program.parse({"--config", path}).outcome == options::Parsed::Outcome::run);
    STRCMP_EQUAL("a b", program.name.c_str());
    CHECK(program.flag);
}

TEST(Options, AConfigFileThatCannotBeReadIsAnError) {
    STRCMP_EQUAL("--config: cannot read '/nonexistent/c.toml'",
                 Program().parse({"--config", "/nonexistent/c.toml"}).error.c_str());
}

TEST(Options, AnUnknownOptionOrAMissingValuePointsToHelp) {
    STRCMP_EQUAL("The following argument was not expected: --bogus (see prog --help)",
                 Program().parse({"--bogus"}).error.c_str());
    CHECK(Program().parse({"--name"}).error.starts_with("--name: "));
}

TEST(Options, TheSyncOptionsCheckTheirValues) {
    STRCMP_EQUAL("--feed-url: 'ftp://x/f.json' is not an https://, http:// or file:// URL",
                 Program().parse({"--feed-url", "ftp://x/f.json"}).error.c_str());
    STRCMP_EQUAL("--interval: '0' is not a number of seconds from 1 to 86400",
                 Program().parse({"--interval", "0"}).error.c_str());
    STRCMP_EQUAL("--ca-file: must not be empty", Program().parse({"--ca-file", ""}).error.c_str());
}

TEST(Options, OneKeyIsNeededForAFeedAndNotTwo) {
    options::SyncOptions sync;
    sync.feed_url = "https://x/feed.json";
    CHECK_THROWS(options::Error, options::check_key_choice(sync));
    sync.public_key = "RWQ8OCVYEnieCJod+xHT5V8ea9gzlnXfGde5dAS0Kk2s12IrSirhmcOX";
    options::check_key_choice(sync);
    sync.public_key_file = "/etc/aff-kiosk/festival.pub";
    CHECK_THROWS(options::Error, options::check_key_choice(sync));
}

}  // namespace aff
