#include "kiosk/config.hpp"

#include "sync/time/time.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

ConfigResult read(std::vector<std::string> args) {
    args.insert(args.begin(), "kiosk");
    std::vector<const char*> argv;
    for (const auto& arg : args) {
        argv.push_back(arg.c_str());
    }
    return read_config(static_cast<int>(argv.size()), argv.data());
}

std::string write_toml(const std::string& name, const std::string& text) {
    std::filesystem::create_directories(AFF_TEST_TMPDIR);
    const std::string path = std::string(AFF_TEST_TMPDIR) + "/" + name;
    std::ofstream(path) << text;
    return path;
}

bool one_line(const std::string& text) {
    return !text.empty() && text.find('\n') == std::string::npos;
}

// What kiosk-sync says on stderr for `args`, without its name: its parse of the same options.
std::string kiosk_sync_error(const std::vector<std::string>& args) {
    const std::string err = std::string(AFF_TEST_TMPDIR) + "/kiosk-sync-err.txt";
    std::string command = std::string(AFF_EMULATOR) + " '" + AFF_KIOSK_SYNC_BINARY + "'";
    for (const auto& arg : args) {
        command += " '" + arg + "'";
    }
    command += " >/dev/null 2>'" + err + "' </dev/null";
    const int status = std::system(command.c_str());
    CHECK_TEXT(WIFEXITED(status) && WEXITSTATUS(status) == 2, command.c_str());
    std::ifstream in(err);
    std::string line;
    std::getline(in, line);
    CHECK_TEXT(line.starts_with("kiosk-sync: "), line.c_str());
    return line.substr(std::string_view("kiosk-sync: ").size());
}

void check_usage_error(const ConfigResult& result, const std::string& mentions) {
    CHECK_FALSE(result.config.has_value());
    LONGS_EQUAL(2, result.exit_code);
    CHECK_TRUE(one_line(result.error));
    CHECK_TRUE(result.error.rfind("kiosk: ", 0) == 0);
    CHECK_TEXT(result.error.find(mentions) != std::string::npos, result.error.c_str());
}

}  // namespace

TEST_GROUP(Config) {};

TEST(Config, DefaultsShowTheBoardFullscreenRotatingAllThreeLanguages) {
    const auto result = read({});
    CHECK_TRUE(result.config.has_value());
    const Config& c = *result.config;
    CHECK_TRUE(c.db.empty());         // the app fills in state_dir()/cache.db
    CHECK_TRUE(c.demo_feed.empty());  // and data_dir()/demo/feed.json
    CHECK_TRUE(c.venue.empty());
    CHECK_FALSE(c.lang.has_value());
    CHECK_TRUE((c.languages == std::vector<Lang>{Lang::kk, Lang::ru, Lang::en}));
    LONGS_EQUAL(8, c.rotate_seconds);
    CHECK_FALSE(c.window);
    CHECK_TRUE((c.size == Size{1920, 1080}));
    LONGS_EQUAL(0, c.rotate);
    CHECK_TRUE(c.screen.kind == ScreenKind::board);
    CHECK_TRUE(c.screenshot.empty());
    CHECK_FALSE(c.at.has_value());
    STRCMP_EQUAL("Noto Sans", c.font.c_str());
}

TEST(Config, EveryOptionIsReadFromTheCommandLine) {
    const auto result = read({"--db", "/tmp/c.db", "--venue", "arman-dostyk", "--lang", "ru",
                              "--languages", "en,kk", "--rotate-seconds", "12", "--window",
                              "--size", "1080x1920", "--rotate", "90", "--screen", "board",
                              "--screenshot", "out.png", "--at", "2018-09-15T18:00:00+06:00",
                              "--demo-feed", "demo.json", "--font", "DejaVu Sans"});
    CHECK_TEXT(result.config.has_value(), result.error.c_str());
    const Config& c = *result.config;
    STRCMP_EQUAL("/tmp/c.db", c.db.c_str());
    STRCMP_EQUAL("arman-dostyk", c.venue.c_str());
    CHECK_TRUE(c.lang == Lang::ru);
    CHECK_TRUE((c.languages == std::vector<Lang>{Lang::en, Lang::kk}));
    LONGS_EQUAL(12, c.rotate_seconds);
    CHECK_TRUE(c.window);
    CHECK_TRUE((c.size == Size{1080, 1920}));
    LONGS_EQUAL(90, c.rotate);
    STRCMP_EQUAL("out.png", c.screenshot.c_str());
    CHECK_TRUE(c.at == parse_rfc3339("2018-09-15T12:00:00Z"));
    STRCMP_EQUAL("demo.json", c.demo_feed.c_str());
    STRCMP_EQUAL("DejaVu Sans", c.font.c_str());
}

TEST(Config, TheCommandLineWinsOverTheConfigFile) {
    const auto path = write_toml("over.toml", "db = \"/var/lib/file.db\"\n"
                                              "lang = \"kk\"\n"
                                              "rotate-seconds = 20\n"
                                              "window = true\n"
                                              "languages = [\"ru\", \"en\"]\n"
                                              "size = \"800x480\"\n");
    const auto result = read({"--config", path, "--lang", "en", "--size", "1280x720"});
    CHECK_TEXT(result.config.has_value(), result.error.c_str());
    const Config& c = *result.config;
    CHECK_TRUE(c.lang == Lang::en);                        // command line
    CHECK_TRUE((c.size == Size{1280, 720}));               // command line
    STRCMP_EQUAL("/var/lib/file.db", c.db.c_str());        // file
    LONGS_EQUAL(20, c.rotate_seconds);                     // file
    CHECK_TRUE(c.window);                                  // file
    CHECK_TRUE((c.languages == std::vector<Lang>{Lang::ru, Lang::en}));  // file, as an array
    STRCMP_EQUAL(path.c_str(), c.config_file.c_str());
}

TEST(Config, TheExampleConfigFileIsValid) {
    const auto result = read({"--config", std::string(AFF_SOURCE_DATADIR) + "/kiosk.example.toml"});
    CHECK_TEXT(result.config.has_value(), result.error.c_str());
}

// Whether `text` has a line "key = ..." or "# key = ...": the key, set or shown commented out.
bool lists_key(const std::string& text, const std::string& key) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("# ")) {
            line.erase(0, 2);
        }
        if (line.starts_with(key + " = ")) {
            return true;
        }
    }
    return false;
}

TEST(Config, TheExampleConfigFileListsEveryOption) {
    std::ifstream in(std::string(AFF_SOURCE_DATADIR) + "/kiosk.example.toml");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto keys = config_keys();
    CHECK_TRUE(keys.size() > 25);
    for (const char* key : {"feed-url", "public-key", "public-key-file", "assets", "ca-file",
                            "interval", "metrics", "type-scale", "demo-fallback", "db"}) {
        CHECK_TEXT(std::find(keys.begin(), keys.end(), key) != keys.end(), key);
    }
    for (const std::string& key : keys) {
        CHECK_TEXT(lists_key(text, key), ("kiosk.example.toml lacks " + key).c_str());
    }
}

TEST(Config, AConfigFileThatIsADirectoryIsNamedAsOne) {
    const std::string dir = std::string(AFF_TEST_TMPDIR) + "/config-dir";
    std::filesystem::create_directories(dir);
    const auto result = read({"--config", dir});
    check_usage_error(result, "--config");
    STRCMP_EQUAL(("kiosk: --config: '" + dir + "' is a directory, not a TOML file").c_str(),
                 result.error.c_str());
}

TEST(Config, TwoDefaultTypeScalesOrOneSizeTwiceAreRefused) {
    check_usage_error(read({"--type-scale", "100,90"}), "'100,90' is not a type scale");
    check_usage_error(read({"--type-scale", "800x480:120,800x480:110"}), "--type-scale");
    // 480x800 is the same panel as 800x480, mounted sideways.
    check_usage_error(read({"--type-scale", "800x480:120,480x800:110,100"}), "--type-scale");
    CHECK_TRUE(read({"--type-scale", "800x480:120,1280x720:110,100"}).config.has_value());
}

TEST(Config, ACaFileThatIsNotThereIsRefused) {
    const auto missing = read({"--ca-file", "/nonexistent.pem"});
    check_usage_error(missing, "--ca-file");
    STRCMP_EQUAL("kiosk: --ca-file: '/nonexistent.pem' is not a file: there is no such file",
                 missing.error.c_str());
    check_usage_error(read({"--ca-file", AFF_TEST_TMPDIR}), "is a directory, not a file");
    const std::string pem = write_toml("ca.pem", "-----BEGIN CERTIFICATE-----\n");
    CHECK_TRUE(read({"--ca-file", pem}).config.has_value());
}

TEST(Config, ABadSizeIsAOneLineError) {
    check_usage_error(read({"--size", "0x0"}), "--size");
    check_usage_error(read({"--size", "100000x5"}), "--size");
    check_usage_error(read({"--size", "1920"}), "--size");
    check_usage_error(read({"--size", "1920x1080x3"}), "--size");
    check_usage_error(read({"--size", "-1920x1080"}), "--size");
}

TEST(Config, ABadLanguageIsAOneLineError) {
    check_usage_error(read({"--lang", "de"}), "--lang");
    check_usage_error(read({"--languages", "kk,de"}), "--languages");
    check_usage_error(read({"--languages", "kk,kk"}), "--languages");
    check_usage_error(read({"--languages", ""}), "--languages");
}

TEST(Config, TheScreenIsTheBoardADayProgrammeAHallOrAFilm) {
    CHECK_TRUE(read({"--screen", "hall:grand"}).config->screen ==
               (ScreenRequest{ScreenKind::hall, "grand"}));
    CHECK_TRUE(read({"--screen", "day"}).config->screen.kind == ScreenKind::day);
    CHECK_TRUE(read({"--screen", "film:salt-road"}).config->screen ==
               (ScreenRequest{ScreenKind::film, "salt-road"}));
    check_usage_error(read({"--screen", "map"}), "board, day, hall:ID or film:ID");
    check_usage_error(read({"--screen", "hall:"}), "--screen");
}

TEST(Config, TextsAreWrittenBesideAScreenshotOnly) {
    const auto texts = read({"--screenshot", "a.png", "--texts", "t.json"});
    CHECK_TRUE(texts.config.has_value());
    STRCMP_EQUAL("t.json", texts.config->texts.c_str());
    CHECK_TRUE(read({"--screenshot", "a.png"}).config->texts.empty());
    check_usage_error(read({"--texts", "texts.json"}), "--screenshot");
    check_usage_error(read({"--screenshot", "a.png", "--texts", ""}), "--texts");
}

TEST(Config, TapsToReplayComeWithAScreenshotAndArePoints) {
    const auto taps = read({"--screenshot", "a.png", "--touch", "10,20", "--touch", "30,40"});
    CHECK_TRUE(taps.config.has_value());
    LONGS_EQUAL(2, taps.config->touches.size());
    LONGS_EQUAL(30, taps.config->touches[1].first);
    LONGS_EQUAL(40, taps.config->touches[1].second);
    check_usage_error(read({"--touch", "10,20"}), "--screenshot");
    check_usage_error(read({"--screenshot", "a.png", "--touch", "10"}), "--touch");
    check_usage_error(read({"--screenshot", "a.png", "--touch", "-1,5"}), "--touch");
}

TEST(Config, TheUiTimingsAndTheDpiHaveSaneBounds) {
    const auto c = read({"--outdated-after", "45", "--clock-tolerance", "5", "--idle-seconds",
                         "90", "--page-seconds", "12", "--dpi", "72"});
    CHECK_TRUE(c.config.has_value());
    LONGS_EQUAL(45, c.config->outdated_after_min);
    LONGS_EQUAL(5, c.config->clock_tolerance_min);
    LONGS_EQUAL(90, c.config->idle_seconds);
    LONGS_EQUAL(12, c.config->page_seconds);
    LONGS_EQUAL(72, c.config->dpi);
    check_usage_error(read({"--idle-seconds", "1"}), "--idle-seconds");
    check_usage_error(read({"--type-scale", "800x480:300"}), "--type-scale");
    LONGS_EQUAL(120, read({"--type-scale", "800x480:120,100"})
                         .config->type_scales.percent_for(Size{800, 480}));
    check_usage_error(read({"--dpi", "5"}), "--dpi");
    check_usage_error(read({"--page-seconds", "x"}), "--page-seconds");
}

TEST(Config, ATypeScaleTooLargeForTheBoardToHoldEveryHallIsRefusedSayingWhy) {
    // The largest the board's layout test shows every hall and screening at
    // (tests/kiosk/test_board_complete.cpp), at every documented panel.
    LONGS_EQUAL(140, read({"--type-scale", "140"}).config->type_scales.fallback);
    for (const char* scale : {"150", "200", "800x480:145,100"}) {
        check_usage_error(read({"--type-scale", scale}), "from 50 to 140");
        check_usage_error(read({"--type-scale", scale}), "no room for every hall");
    }
}

TEST(Config, OtherBadValuesAreOneLineErrors) {
    check_usage_error(read({"--rotate", "45"}), "--rotate");
    check_usage_error(read({"--rotate-seconds", "0"}), "--rotate-seconds");
    check_usage_error(read({"--rotate-seconds", "8s"}), "--rotate-seconds");
    check_usage_error(read({"--at", "yesterday"}), "--at");
    check_usage_error(read({"--at", "2018-09-15T18:00:00"}), "--at");  // no offset
    check_usage_error(read({"--screenshot", "board.jpg"}), "--screenshot");
    check_usage_error(read({"--venue", "no such venue"}), "--venue");
    check_usage_error(read({"--font", ""}), "--font");
    check_usage_error(read({"--no-such-option"}), "--no-such-option");
    check_usage_error(read({"--db"}), "--db");
}

TEST(Config, AnUnknownKeyInTheConfigFileIsAnErrorNamingIt) {
    const auto path = write_toml("unknown.toml", "db = \"x.db\"\nrotation_speed = 3\n");
    check_usage_error(read({"--config", path}), "rotation_speed");
}

TEST(Config, ANumberOutOfItsRangeIsAnErrorNamingTheOptionValueAndRange) {
    STRCMP_EQUAL("kiosk: --rotate-seconds: '0' is not a number of seconds from 1 to 3600",
                 read({"--rotate-seconds", "0"}).error.c_str());
    STRCMP_EQUAL("kiosk: --dpi: '1001' is not a number of pixels per inch from 20 to 1000",
                 read({"--dpi", "1001"}).error.c_str());
    const auto path = write_toml("range.toml", "outdated-after = 20000\n");
    STRCMP_EQUAL(("kiosk: " + path +
                  ": outdated-after: '20000' is not a number of minutes from 1 to 10080")
                     .c_str(),
                 read({"--config", path}).error.c_str());
    LONGS_EQUAL(9, read({"--rotate-seconds", "09"}).config->rotate_seconds);  // not octal
}

TEST(Config, AnUnknownKeyInTheConfigFileNamesTheFileTheLineAndTheKey) {
    const auto path = write_toml("unknown-line.toml", "# a kiosk\ndb = \"x.db\"\nrotation = 90\n");
    STRCMP_EQUAL(("kiosk: " + path + ":3: unknown key 'rotation'").c_str(),
                 read({"--config", path}).error.c_str());
}

TEST(Config, TheKioskAndKioskSyncWordTheSameBadValueAlike) {
    const auto file = write_toml("shared.toml", "interval = 0\n");
    const auto unknown = write_toml("shared-unknown.toml", "db = \"x.db\"\nfeed_url = \"x\"\n");
    const auto typed = write_toml("shared-typed.toml", "interval = \"60\"\n");
    const std::vector<std::vector<std::string>> cases{
        {"--interval", "0"},
        {"--interval", "1m"},
        {"--feed-url", "ftp://feed.example.org/feed.json"},
        {"--metrics", ""},
        {"--config", file},
        {"--config", unknown},
        {"--config", typed},
        {"--config", "/nonexistent/kiosk.toml"},
        {"--config", AFF_TEST_TMPDIR},
        {"--ca-file", "/nonexistent.pem"},
        {"--assets", "a", "--feed-url", "file:///feed.json", "--public-key", "KEY",
         "--public-key-file", "key.pub"},
    };
    for (const auto& args : cases) {
        const auto kiosk = read(args);
        CHECK_TEXT(kiosk.error.starts_with("kiosk: "), kiosk.error.c_str());
        STRCMP_EQUAL(kiosk.error.substr(7).c_str(), kiosk_sync_error(args).c_str());
    }
}

TEST(Config, AWronglyTypedKeyInTheConfigFileIsAnError) {
    const auto path = write_toml("typed.toml", "rotate-seconds = \"8\"\n");
    check_usage_error(read({"--config", path}), "rotate-seconds");
}

TEST(Config, ABadValueInTheConfigFileNamesTheFileAndKey) {
    const auto path = write_toml("badsize.toml", "size = \"0x0\"\n");
    const auto result = read({"--config", path});
    check_usage_error(result, "badsize.toml: size");
}

TEST(Config, AConfigFileThatIsNotTomlIsAnErrorWithItsLine) {
    const auto path = write_toml("broken.toml", "db = \"x.db\"\nthis is not toml\n");
    check_usage_error(read({"--config", path}), "broken.toml:2");
}

TEST(Config, AMissingConfigFileIsAOneLineError) {
    check_usage_error(read({"--config", "/nonexistent/kiosk.toml"}), "/nonexistent/kiosk.toml");
}

TEST(Config, HelpListsEveryOption) {
    const auto result = read({"--help"});
    LONGS_EQUAL(0, result.exit_code);
    CHECK_FALSE(result.config.has_value());
    for (const char* option :
         {"--config", "--db", "--venue", "--lang", "--languages", "--rotate-seconds", "--window",
          "--size", "--rotate", "--screen", "--screenshot", "--texts", "--at", "--demo-feed",
          "--font",
          "--help", "--version"}) {
        CHECK_TEXT(result.output.find(option) != std::string::npos, option);
    }
}

TEST(Config, VersionPrintsTheProgramAndVersion) {
    const auto result = read({"--version"});
    LONGS_EQUAL(0, result.exit_code);
    CHECK_FALSE(result.config.has_value());
    STRCMP_EQUAL((std::string("kiosk ") + AFF_VERSION + "\n").c_str(), result.output.c_str());
}

TEST(Config, TypeScalesAreSetPerScreenSizeWithADefault) {
    const auto scales = parse_type_scales("800x480:120, 3840x2160:90, 105");
    CHECK_TRUE(scales.has_value());
    LONGS_EQUAL(120, scales->percent_for(Size{800, 480}));
    LONGS_EQUAL(120, scales->percent_for(Size{480, 800}));  // the same panel, mounted sideways
    LONGS_EQUAL(90, scales->percent_for(Size{3840, 2160}));
    LONGS_EQUAL(105, scales->percent_for(Size{1920, 1080}));
    LONGS_EQUAL(100, aff::TypeScales{}.percent_for(Size{1920, 1080}));
    for (const char* bad : {"", "x", "800x480", "800x480:", "800:120", "49", "201", "800x480:12a",
                            "8a0x480:120", "800x48b:120", "x480:120", "100,,110"}) {
        CHECK_FALSE(parse_type_scales(bad).has_value());
    }
}
