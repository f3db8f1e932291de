#include "sync/feed_parse.hpp"
#include "sync/time/time.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

// CppUTest last: its leak detector redefines `new`, which the standard headers must not see.
// TestHarness.h before MemoryLeakWarningPlugin.h, which relies on what it declares.
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

using namespace aff;
using nlohmann::json;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string minimal_text() { return read_file(AFF_TEST_DATADIR "/feeds/minimal.json"); }

std::string all_diagnostics(const ParseResult& result) {
    std::string text;
    for (const Diagnostic& d : result.diagnostics) {
        text += (d.severity == Diagnostic::Severity::error ? "\n  error: " : "\n  warning: ") +
                d.to_string();
    }
    return text.empty() ? std::string("\n  (no diagnostics)") : text;
}

bool has(const ParseResult& result, Diagnostic::Severity severity, const std::string& path,
         const std::string& fragment) {
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                       [&](const Diagnostic& d) {
                           return d.severity == severity && d.path == path &&
                                  d.message.find(fragment) != std::string::npos;
                       });
}

Instant at(const char* text) {
    const auto t = parse_rfc3339(text);
    CHECK_TEXT(t.has_value(), text);
    return t.value_or(Instant{});
}

}  // namespace

TEST_GROUP(FeedParse) {
    json feed;

    void setup() override {
        test::preload_time_zones({"Asia/Almaty", "Mars/Olympus"});
        feed = json::parse(minimal_text());
    }

    static ParseResult parse(const json& document) { return parse_feed(document.dump()); }

    static void expect_error(const json& document, const std::string& path,
                             const std::string& fragment) {
        const ParseResult result = parse(document);
        const std::string wanted = "expected error " + path + ": ..." + fragment + "..., got:" +
                                   all_diagnostics(result);
        CHECK_FALSE_TEXT(result.ok(), wanted.c_str());
        CHECK_TEXT(has(result, Diagnostic::Severity::error, path, fragment), wanted.c_str());
    }

    static void expect_raw_error(const std::string& bytes, const std::string& fragment,
                                 const ParseLimits& limits = {}) {
        const ParseResult result = parse_feed(bytes, limits);
        const std::string wanted = "expected error ..." + fragment + "..., got:" +
                                   all_diagnostics(result);
        CHECK_FALSE_TEXT(result.ok(), wanted.c_str());
        CHECK_TEXT(has(result, Diagnostic::Severity::error, "", fragment), wanted.c_str());
    }

    // The feed still applies, and says this.
    static void expect_warning(const json& document, const std::string& path,
                               const std::string& fragment) {
        const ParseResult result = parse(document);
        const std::string wanted = "expected warning " + path + ": ..." + fragment +
                                   "..., got:" + all_diagnostics(result);
        CHECK_TEXT(result.ok(), wanted.c_str());
        CHECK_TEXT(has(result, Diagnostic::Severity::warning, path, fragment), wanted.c_str());
    }

    static void expect_clean(const json& document) {
        const ParseResult result = parse(document);
        CHECK_TEXT(result.ok() && result.diagnostics.empty(), all_diagnostics(result).c_str());
    }

    Feed parsed_minimal() {
        ParseResult result = parse(feed);
        CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
        return result.feed.value_or(Feed{});
    }
};

// ---------------------------------------------------------------------------------------------
// The good feed

TEST(FeedParse, TheMinimalFeedIsValidWithoutWarnings) {
    const ParseResult result = parse_feed(minimal_text());
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    CHECK_EQUAL(0U, result.error_count());
    CHECK_EQUAL(0U, result.warning_count());
}

TEST(FeedParse, TopLevelAndFestivalAreRead) {
    const Feed f = parsed_minimal();
    CHECK_EQUAL(1, f.version);
    CHECK_EQUAL(7, f.sequence);
    CHECK(at("2018-09-14T03:00:00Z") == f.generated_at);
    CHECK(f.expires_at == at("2018-09-21T03:00:00Z"));
    STRCMP_EQUAL("aff-2018", f.festival.id.c_str());
    STRCMP_EQUAL("Almaty Film Festival", f.festival.name.raw(Lang::en).c_str());
    STRCMP_EQUAL("Алматы кинофестивалі", f.festival.name.raw(Lang::kk).c_str());
    STRCMP_EQUAL("Asia/Almaty", f.festival.timezone.c_str());
    STRCMP_EQUAL("2018-09-15", f.festival.first_day.c_str());
    STRCMP_EQUAL("2018-09-16", f.festival.last_day.c_str());
    CHECK_EQUAL(300, f.festival.day_starts_at_min);
    STRCMP_EQUAL("https://example.org/aff/programme", f.festival.url.c_str());
}

TEST(FeedParse, DayStartsAtIsReadAndDefaultsToFive) {
    feed["festival"]["day_starts_at"] = "06:30";
    ParseResult result = parse(feed);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    CHECK_EQUAL(390, result.feed->festival.day_starts_at_min);

    feed["festival"].erase("day_starts_at");
    result = parse(feed);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    CHECK_EQUAL(300, result.feed->festival.day_starts_at_min);
}

TEST(FeedParse, VenuesHallsAndSectionsAreRead) {
    const Feed f = parsed_minimal();
    CHECK_EQUAL(2U, f.venues.size());
    const Venue& arman = f.venues[0];
    STRCMP_EQUAL("arman", arman.id.c_str());
    STRCMP_EQUAL("проспект Абая, 1", arman.address.raw(Lang::ru).c_str());
    CHECK_TRUE(arman.location.has_value());
    DOUBLES_EQUAL(43.2389, arman.location->lat, 1e-9);
    DOUBLES_EQUAL(76.8897, arman.location->lon, 1e-9);
    CHECK_EQUAL(2U, arman.halls.size());
    STRCMP_EQUAL("arman-2", arman.halls[1].id.c_str());
    CHECK(arman.halls[0].seats == 320);
    STRCMP_EQUAL("n-hall-1", arman.halls[0].map_node.c_str());
    const Venue& kazakhstan = f.venues[1];
    CHECK_FALSE(kazakhstan.location.has_value());
    CHECK_TRUE(kazakhstan.address.empty());
    CHECK_FALSE(kazakhstan.halls[0].seats.has_value());
    CHECK_TRUE(kazakhstan.halls[0].map_node.empty());
    CHECK_EQUAL(1U, f.sections.size());
    STRCMP_EQUAL("#C0392B", f.sections[0].color.c_str());
    STRCMP_EQUAL("Конкурс", f.sections[0].name.raw(Lang::ru).c_str());
}

TEST(FeedParse, FilmsAreRead) {
    const Feed f = parsed_minimal();
    CHECK_EQUAL(2U, f.films.size());
    const Film& steppe = f.films[0];
    STRCMP_EQUAL("Steppe Melody", steppe.title.raw(Lang::en).c_str());
    STRCMP_EQUAL("Dala áueni", steppe.original_title.c_str());
    CHECK_EQUAL(2018, steppe.year);
    CHECK_EQUAL(1U, steppe.countries.size());
    STRCMP_EQUAL("KZ", steppe.countries[0].c_str());
    CHECK_EQUAL(96, steppe.runtime_min);
    STRCMP_EQUAL("12+", steppe.age_rating.c_str());
    STRCMP_EQUAL("competition", steppe.section.c_str());
    STRCMP_EQUAL("Aigul Seitova", steppe.director.raw(Lang::en).c_str());
    CHECK_EQUAL(2U, steppe.spoken_languages.size());
    STRCMP_EQUAL("zh-Hans", steppe.subtitles[1].c_str());
    STRCMP_EQUAL("poster-steppe", steppe.poster.c_str());
    const Film& mountains = f.films[1];
    STRCMP_EQUAL("KG", mountains.countries[1].c_str());
    CHECK_TRUE(mountains.section.empty());
    CHECK_TRUE(mountains.synopsis.empty());
    CHECK_TRUE(mountains.poster.empty());
}

TEST(FeedParse, ScreeningsAreReadWithTheDefaultEnd) {
    const Feed f = parsed_minimal();
    CHECK_EQUAL(5U, f.screenings.size());
    const Screening& s1 = f.screenings[0];
    CHECK(at("2018-09-15T13:00:00Z") == s1.starts_at);
    // No ends_at: the start plus the film's 96 minutes.
    CHECK(at("2018-09-15T14:36:00Z") == s1.ends_at);
    CHECK(Status::scheduled == s1.status);
    CHECK_TRUE(s1.qa);
    const Screening& s2 = f.screenings[1];
    CHECK(at("2018-09-15T17:00:00Z") == s2.ends_at);
    CHECK(Status::delayed == s2.status);
    CHECK_EQUAL(15, s2.delay_min);
    CHECK_FALSE(s2.qa);
    CHECK(Status::sold_out == f.screenings[2].status);
    CHECK(Status::cancelled == f.screenings[3].status);
    CHECK(Status::moved == f.screenings[4].status);
    STRCMP_EQUAL("Moved to hall 2", f.screenings[4].note.raw(Lang::en).c_str());
    STRCMP_EQUAL("kaz-1", f.screenings[4].hall.c_str());
    STRCMP_EQUAL("f-steppe", f.screenings[4].film.c_str());
    // Moved, but the feed does not say where to: still valid, the note says it.
    CHECK_TRUE(f.screenings[4].moved_to.empty());
}

TEST(FeedParse, AMovedScreeningNamesTheHallItMovedTo) {
    feed["screenings"][4]["moved_to"] = "arman-2";  // another venue's hall: any venue will do
    expect_clean(feed);
    STRCMP_EQUAL("arman-2", parsed_minimal().screenings[4].moved_to.c_str());
    STRCMP_EQUAL("kaz-1", parsed_minimal().screenings[4].hall.c_str());
}

TEST(FeedParse, AnnouncementsAreRead) {
    const Feed f = parsed_minimal();
    CHECK_EQUAL(3U, f.announcements.size());
    CHECK(Level::info == f.announcements[0].level);
    CHECK_FALSE(f.announcements[0].from.has_value());
    CHECK_TRUE(f.announcements[0].venues.empty());
    CHECK(Level::urgent == f.announcements[1].level);
    CHECK(Level::emergency == f.announcements[2].level);
    CHECK(f.announcements[2].from == at("2018-09-16T06:00:00Z"));
    CHECK(f.announcements[2].until == at("2018-09-16T06:30:00Z"));
    CHECK_EQUAL(2U, f.announcements[2].venues.size());
    STRCMP_EQUAL("kazakhstan", f.announcements[2].venues[1].c_str());
}

TEST(FeedParse, MapsAreReadWithDefaultEdgeLengths) {
    const Feed f = parsed_minimal();
    CHECK_EQUAL(1U, f.maps.size());
    const VenueMap& map = f.maps[0];
    STRCMP_EQUAL("arman", map.venue.c_str());
    CHECK_EQUAL(2U, map.floors.size());
    CHECK_EQUAL(1, map.floors[1].level);
    DOUBLES_EQUAL(60.0, map.floors[0].width, 1e-9);
    STRCMP_EQUAL("plan-arman-0", map.floors[0].image.c_str());
    CHECK_EQUAL(1U, map.floors[0].areas.size());
    CHECK_EQUAL(4U, map.floors[0].areas[0].polygon.size());
    DOUBLES_EQUAL(30.0, map.floors[0].areas[0].polygon[2][0], 1e-9);
    CHECK_TRUE(map.floors[1].areas.empty());
    CHECK_EQUAL(9U, map.nodes.size());
    CHECK(NodeKind::kiosk == map.nodes[0].kind);
    CHECK(NodeKind::accessible_toilet == map.nodes[8].kind);
    STRCMP_EQUAL("arman-1", map.nodes[2].hall.c_str());
    STRCMP_EQUAL("Вы здесь", map.nodes[0].name.raw(Lang::ru).c_str());
    // (5, 5) to (8, 9): the straight distance is 5.
    DOUBLES_EQUAL(5.0, map.edges[0].length, 1e-9);
    CHECK_TRUE(map.edges[0].step_free);
    DOUBLES_EQUAL(8.0, map.edges[4].length, 1e-9);
    CHECK_FALSE(map.edges[4].step_free);
}

TEST(FeedParse, EdgeKindsSetTheStepFreeDefaultAndOneWayIsRead) {
    feed["maps"][0]["north_deg"] = 350.5;
    feed["maps"][0]["nodes"][0]["facing_deg"] = 90;
    feed["maps"][0]["edges"][4] = {{"from", "n-stairs-0"}, {"to", "n-stairs-1"}, {"length", 8},
                                   {"kind", "escalator"}, {"one_way", true}};
    feed["maps"][0]["edges"][5]["kind"] = "elevator";
    feed["maps"][0]["edges"][7] = {{"from", "n-stairs-1"}, {"to", "n-lift-1"}, {"kind", "stairs"}};
    ParseResult result = parse(feed);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    const VenueMap& map = result.feed->maps[0];
    CHECK_TRUE(map.north_deg == 350.5);
    CHECK_TRUE(map.nodes[0].facing_deg == 90.0);
    CHECK_FALSE(map.nodes[1].facing_deg.has_value());
    CHECK_TRUE(EdgeKind::walk == map.edges[0].kind);
    CHECK_FALSE(map.edges[0].one_way);
    CHECK_TRUE(EdgeKind::escalator == map.edges[4].kind);
    CHECK_FALSE(map.edges[4].step_free);
    CHECK_TRUE(map.edges[4].one_way);
    CHECK_TRUE(EdgeKind::elevator == map.edges[5].kind);
    CHECK_TRUE(map.edges[5].step_free);
    CHECK_TRUE(EdgeKind::stairs == map.edges[7].kind);
    CHECK_FALSE(map.edges[7].step_free);
}

TEST(FeedParse, EdgeKindsAreKnown) {
    feed["maps"][0]["edges"][5]["kind"] = "lift";
    expect_error(feed, "maps[0].edges[5].kind",
                 "expected one of walk, stairs, ramp, elevator, escalator, got \"lift\"");
    feed["maps"][0]["edges"][5]["kind"] = "elevator";
    feed["maps"][0]["edges"][5]["one_way"] = "yes";
    expect_error(feed, "maps[0].edges[5].one_way", "expected true or false");
}

TEST(FeedParse, StairsAreNeverStepFree) {
    feed["maps"][0]["edges"][4]["kind"] = "stairs";
    feed["maps"][0]["edges"][4]["step_free"] = true;
    expect_warning(feed, "maps[0].edges[4].step_free", "a stairs edge is never step-free");
    CHECK_FALSE(parse(feed).feed->maps[0].edges[4].step_free);
}

TEST(FeedParse, FacingAndNorthAreDegreesBelow360) {
    feed["maps"][0]["north_deg"] = 360;
    expect_error(feed, "maps[0].north_deg", "expected degrees from 0 up to (not including) 360");
    feed["maps"][0].erase("north_deg");
    feed["maps"][0]["nodes"][0]["facing_deg"] = -1;
    expect_error(feed, "maps[0].nodes[0].facing_deg", "expected degrees from 0 up to");
    feed["maps"][0]["nodes"][0].erase("facing_deg");
    feed["maps"][0]["nodes"][1]["facing_deg"] = 10;
    expect_warning(feed, "maps[0].nodes[1].facing_deg",
                   "facing_deg is only read on a kiosk node; this node is of kind entrance");
}

TEST(FeedParse, AssetsAreReadAndTheirHashesLowercased) {
    feed["assets"][0]["sha256"] =
        "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    ParseResult result = parse(feed);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    const Asset& poster = result.feed->assets[0];
    STRCMP_EQUAL("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 poster.sha256.c_str());
    STRCMP_EQUAL("posters/steppe.jpg", poster.path.c_str());
    CHECK_EQUAL(48213U, poster.size);
    STRCMP_EQUAL("image/jpeg", poster.type.c_str());
    STRCMP_EQUAL("image/png", result.feed->assets[1].type.c_str());
}

TEST(FeedParse, UnknownKeysAreIgnoredEverywhere) {
    feed["future_top_level"] = {{"anything", 1}};
    feed["festival"]["sponsor"] = "someone";
    feed["screenings"][0]["subtitled_live"] = true;
    feed["maps"][0]["nodes"][0]["z"] = 3;
    feed["films"][0]["title"]["de"] = "Steppenmelodie";
    expect_clean(feed);
}

TEST(FeedParse, IntegralFloatsAreIntegers) {
    feed["films"][0]["runtime_min"] = 96.0;
    ParseResult result = parse(feed);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    CHECK_EQUAL(96, result.feed->films[0].runtime_min);
}

TEST(FeedParse, TextFallsBackToRussianThenEnglishThenKazakh) {
    Text text;
    text.raw(Lang::kk) = "Сәлем";
    STRCMP_EQUAL("Сәлем", text.get(Lang::en).c_str());
    text.raw(Lang::en) = "Hello";
    STRCMP_EQUAL("Hello", text.get(Lang::ru).c_str());
    STRCMP_EQUAL("Сәлем", text.get(Lang::kk).c_str());
    text.raw(Lang::ru) = "Привет";
    STRCMP_EQUAL("Привет", text.get(Lang::ru).c_str());
    text.raw(Lang::kk).clear();
    STRCMP_EQUAL("Привет", text.get(Lang::kk).c_str());
    STRCMP_EQUAL("", Text{}.get(Lang::en).c_str());
}

TEST(FeedParse, CodesRoundTrip) {
    for (const Lang lang : all_langs) {
        CHECK(lang_from_code(lang_code(lang)) == lang);
    }
    CHECK(status_from_code("sold_out") == Status::sold_out);
    STRCMP_EQUAL("moved", std::string(status_code(Status::moved)).c_str());
    CHECK(level_from_code("emergency") == Level::emergency);
    STRCMP_EQUAL("urgent", std::string(level_code(Level::urgent)).c_str());
    CHECK(node_kind_from_code("first_aid") == NodeKind::first_aid);
    STRCMP_EQUAL("accessible_toilet",
                 std::string(node_kind_code(NodeKind::accessible_toilet)).c_str());
    CHECK_FALSE(status_from_code("Scheduled").has_value());
    CHECK_FALSE(lang_from_code("de").has_value());
}

TEST(FeedParse, DiagnosticPrintsPathThenMessage) {
    const Diagnostic d{Diagnostic::Severity::error, "screenings[12].hall",
                       "unknown hall \"arman-9\""};
    STRCMP_EQUAL("screenings[12].hall: unknown hall \"arman-9\"", d.to_string().c_str());
    const Diagnostic top{Diagnostic::Severity::error, "", "the document is empty"};
    STRCMP_EQUAL("the document is empty", top.to_string().c_str());
}

// ---------------------------------------------------------------------------------------------
// Top level

TEST(FeedParse, AnotherFormatIsRefused) {
    feed["format"] = "rss";
    expect_error(feed, "format", "expected \"aff-kiosk-feed\", got \"rss\"");
}

TEST(FeedParse, AnUnknownVersionIsRefusedWithOneClearError) {
    feed["version"] = 2;
    feed.erase("festival");  // a v2 feed may look different: that is not reported
    const ParseResult result = parse(feed);
    CHECK_FALSE(result.ok());
    CHECK_EQUAL(1U, result.diagnostics.size());
    STRCMP_EQUAL("version: unsupported version 2 (this kiosk reads 1)",
                 result.diagnostics[0].to_string().c_str());
}

TEST(FeedParse, VersionMustBeAnInteger) {
    feed["version"] = "1";
    expect_error(feed, "version", "expected an integer, got \"1\"");
}

TEST(FeedParse, SequenceMustBeAPositiveInteger) {
    feed["sequence"] = 0;
    expect_error(feed, "sequence", "expected an integer >= 1, got 0");
    feed["sequence"] = 1.5;
    expect_error(feed, "sequence", "expected an integer >= 1, got 1.5");
    feed["sequence"] = 1e300;
    expect_error(feed, "sequence", "expected an integer >= 1");
}

TEST(FeedParse, AHugeIntegerIsACleanError) {
    std::string text = feed.dump();
    const std::string from = "\"sequence\":7";
    text.replace(text.find(from), from.size(),
                 "\"sequence\":123456789012345678901234567890123456789");
    const ParseResult result = parse_feed(text);
    CHECK_FALSE(result.ok());
    CHECK_TEXT(has(result, Diagnostic::Severity::error, "sequence", "expected an integer"),
               all_diagnostics(result).c_str());
}

TEST(FeedParse, TimesNeedAnOffset) {
    feed["generated_at"] = "2018-09-14T09:00:00";
    expect_error(feed, "generated_at", "expected an RFC 3339 time with an offset");
}

TEST(FeedParse, ExpiresAtMustBeATimeWhenPresent) {
    feed["expires_at"] = "next week";
    expect_error(feed, "expires_at", "got \"next week\"");
}

TEST(FeedParse, RequiredTopLevelListsMustBePresent) {
    feed.erase("films");
    expect_error(feed, "films", "missing (required)");
}

TEST(FeedParse, ListsMustBeArrays) {
    feed["screenings"] = {{"s-1", 1}};
    expect_error(feed, "screenings", "expected an array, got an object");
}

TEST(FeedParse, ElementsMustBeObjectsAndAreNotReadFurther) {
    feed["screenings"][2] = 42;
    const ParseResult result = parse(feed);
    CHECK_TRUE(has(result, Diagnostic::Severity::error, "screenings[2]",
                   "expected an object, got 42"));
    CHECK_EQUAL(1U, result.error_count());
}

// ---------------------------------------------------------------------------------------------
// Festival

TEST(FeedParse, FestivalMustBeAnObject) {
    feed["festival"] = json::array();
    expect_error(feed, "festival", "expected an object, got an array");
}

TEST(FeedParse, AnUnknownTimeZoneIsAnError) {
    feed["festival"]["timezone"] = "Mars/Olympus";
    expect_error(feed, "festival.timezone", "unknown time zone \"Mars/Olympus\"");
}

TEST(FeedParse, FestivalDaysMustBeRealDates) {
    feed["festival"]["first_day"] = "2018-02-30";
    expect_error(feed, "festival.first_day", "expected a date \"YYYY-MM-DD\", got \"2018-02-30\"");
}

TEST(FeedParse, TheLastDayCannotBeBeforeTheFirst) {
    feed["festival"]["last_day"] = "2018-09-14";
    expect_error(feed, "festival.last_day", "is before first_day (2018-09-15)");
}

TEST(FeedParse, DayStartsAtMustBeHoursAndMinutes) {
    feed["festival"]["day_starts_at"] = "5:00";
    expect_error(feed, "festival.day_starts_at", "expected a local time \"HH:MM\"");
}

// ---------------------------------------------------------------------------------------------
// Ids and texts

TEST(FeedParse, IdsAreShortAndPlain) {
    feed["films"][0]["id"] = "f steppe";
    expect_error(feed, "films[0].id", "expected an id (1 to 64 of A-Z a-z 0-9 . _ -)");
    feed["films"][0]["id"] = std::string(65, 'f');
    expect_error(feed, "films[0].id", "expected an id");
    feed["films"][0]["id"] = "";
    expect_error(feed, "films[0].id", "expected an id");
}

TEST(FeedParse, IdsAreUniqueWithinTheirKind) {
    feed["screenings"][1]["id"] = "s-1";
    expect_error(feed, "screenings[1].id",
                 "duplicate screening id \"s-1\" (first at screenings[0].id)");
}

TEST(FeedParse, HallIdsAreUniqueAcrossVenues) {
    feed["venues"][1]["halls"][0]["id"] = "arman-1";
    expect_error(feed, "venues[1].halls[0].id", "duplicate hall id \"arman-1\"");
}

TEST(FeedParse, ARequiredTextIsRequired) {
    feed["films"][0].erase("title");
    expect_error(feed, "films[0].title", "missing (required)");
}

TEST(FeedParse, ARequiredTextNeedsAtLeastOneLanguage) {
    feed["films"][0]["title"] = {{"de", "Steppenmelodie"}};
    expect_error(feed, "films[0].title", "has no text in any of kk, ru, en");
}

TEST(FeedParse, TextValuesAreNonEmptyStrings) {
    feed["films"][0]["title"]["ru"] = "";
    expect_error(feed, "films[0].title.ru", "expected a non-empty string, got \"\"");
    feed["films"][0]["title"]["ru"] = 5;
    expect_error(feed, "films[0].title.ru", "expected a non-empty string, got 5");
}

TEST(FeedParse, EachControlCharacterInATextIsAnErrorAtItsPath) {
    // A NUL would cut the title short on screen; ESC, BEL and TAB would be drawn as boxes.
    feed["films"][0]["title"]["en"] = std::string("Steppe\0Melody", 13);
    feed["films"][0]["title"]["ru"] = "\x1B[1m\a\tМелодия";
    feed["venues"][0]["name"]["kk"] = "Арман\x7F";
    feed["sections"][0]["name"]["en"] = "Compe\xC2\x85tition";  // U+0085, a C1 control
    const ParseResult result = parse(feed);
    CHECK_FALSE(result.ok());
    const std::string all = all_diagnostics(result);
    for (const auto& [path, message] :
         {std::pair{"films[0].title.en", "control character U+0000 at character 7"},
          std::pair{"films[0].title.ru", "control character U+001B at character 1"},
          std::pair{"films[0].title.ru", "control character U+0007 at character 5"},
          std::pair{"films[0].title.ru", "control character U+0009 at character 6"},
          std::pair{"venues[0].name.kk", "control character U+007F at character 6"},
          std::pair{"sections[0].name.en", "control character U+0085 at character 6"}}) {
        CHECK_TEXT(has(result, Diagnostic::Severity::error, path, message),
                   (std::string(path) + ": " + message + "; got:" + all).c_str());
    }
    LONGS_EQUAL(6, result.error_count());
    expect_error(feed, "films[0].title.en",
                 "control character U+0000 at character 7: not allowed in text");
}

TEST(FeedParse, ALineFeedIsAllowedInASynopsisOrANoteOnly) {
    feed["films"][0]["synopsis"]["en"] = "A young dombra player.\nA tune.";
    feed["screenings"][4]["note"]["en"] = "Moved\nto hall 2";
    expect_clean(feed);
    feed["films"][0]["synopsis"]["en"] = "A young\r\ndombra player.";
    expect_error(feed, "films[0].synopsis.en",
                 "control character U+000D at character 8: not allowed in text (a line feed is)");
    feed["films"][0]["synopsis"]["en"] = "A young dombra player.";
    feed["films"][0]["title"]["en"] = "Steppe\nMelody";
    expect_error(feed, "films[0].title.en", "control character U+000A at character 7");
    feed["films"][0]["title"]["en"] = "Steppe Melody";
    feed["announcements"][0]["text"]["en"] = "Doors\nopen";
    expect_error(feed, "announcements[0].text.en", "control character U+000A at character 6");
}

TEST(FeedParse, ATextIsAnObject) {
    feed["venues"][0]["name"] = "Arman";
    expect_error(feed, "venues[0].name", "expected a text object");
}

// ---------------------------------------------------------------------------------------------
// Venues, sections, films

TEST(FeedParse, ThereIsAtLeastOneVenue) {
    feed["venues"] = json::array();
    expect_error(feed, "venues", "expected at least one venue");
}

TEST(FeedParse, AVenueHasAtLeastOneHall) {
    feed["venues"][1]["halls"] = json::array();
    expect_error(feed, "venues[1].halls", "expected at least one hall");
}

TEST(FeedParse, LocationsAreOnEarth) {
    feed["venues"][0]["location"]["lat"] = 91;
    expect_error(feed, "venues[0].location.lat", "expected a latitude from -90 to 90, got 91");
}

TEST(FeedParse, SeatsArePositive) {
    feed["venues"][0]["halls"][0]["seats"] = -3;
    expect_error(feed, "venues[0].halls[0].seats", "got -3");
}

TEST(FeedParse, SectionColoursAreHexTriplets) {
    feed["sections"][0]["color"] = "red";
    expect_error(feed, "sections[0].color", "expected a colour \"#RRGGBB\", got \"red\"");
    feed["sections"][0]["color"] = "#C0392";
    expect_error(feed, "sections[0].color", "#RRGGBB");
}

TEST(FeedParse, RuntimeIsAPositiveIntegerNotAString) {
    feed["films"][1]["runtime_min"] = "90";
    expect_error(feed, "films[1].runtime_min", "expected an integer > 0");
    expect_error(feed, "films[1].runtime_min", "got \"90\"");
    feed["films"][1]["runtime_min"] = 0;
    expect_error(feed, "films[1].runtime_min", "expected an integer > 0");
    feed["films"][1]["runtime_min"] = 1e12;
    expect_error(feed, "films[1].runtime_min", "expected an integer > 0");
}

TEST(FeedParse, YearIsRequired) {
    feed["films"][1].erase("year");
    expect_error(feed, "films[1].year", "missing (required)");
}

TEST(FeedParse, CountriesAreTwoCapitalLetters) {
    feed["films"][1]["countries"][1] = "kg";
    expect_error(feed, "films[1].countries[1]", "ISO 3166-1 alpha-2");
    feed["films"][1]["countries"][1] = "KGZ";
    expect_error(feed, "films[1].countries[1]", "got \"KGZ\"");
}

TEST(FeedParse, LanguagesAreBcp47Tags) {
    feed["films"][0]["spoken_languages"][1] = "Russian language";
    expect_error(feed, "films[0].spoken_languages[1]", "BCP 47");
    feed["films"][0]["spoken_languages"][1] = "ru";
    feed["films"][0]["subtitles"][0] = "e";
    expect_error(feed, "films[0].subtitles[0]", "BCP 47");
}

TEST(FeedParse, AFilmSectionMustExist) {
    feed["films"][0]["section"] = "panorama";
    expect_error(feed, "films[0].section", "unknown section \"panorama\"");
}

TEST(FeedParse, AFilmPosterMustBeAnAsset) {
    feed["films"][0]["poster"] = "poster-missing";
    expect_error(feed, "films[0].poster", "unknown asset \"poster-missing\"");
}

// ---------------------------------------------------------------------------------------------
// Screenings

TEST(FeedParse, AScreeningHallMustExist) {
    feed["screenings"][0]["hall"] = "arman-9";
    expect_error(feed, "screenings[0].hall", "unknown hall \"arman-9\"");
}

TEST(FeedParse, AScreeningFilmMustExist) {
    feed["screenings"][3]["film"] = "f-lost";
    expect_error(feed, "screenings[3].film", "unknown film \"f-lost\"");
}

TEST(FeedParse, StatusIsOneOfTheFive) {
    feed["screenings"][0]["status"] = "postponed";
    expect_error(feed, "screenings[0].status",
                 "expected one of scheduled, delayed, cancelled, sold_out, moved, got "
                 "\"postponed\"");
}

TEST(FeedParse, ADelayedScreeningSaysByHowMuch) {
    feed["screenings"][1].erase("delay_min");
    expect_error(feed, "screenings[1].delay_min", "missing (required)");
    feed["screenings"][1]["delay_min"] = -5;
    expect_error(feed, "screenings[1].delay_min", "expected an integer >= 0");
}

TEST(FeedParse, MovedToIsAHallId) {
    feed["screenings"][4]["moved_to"] = 2;
    expect_error(feed, "screenings[4].moved_to", "expected a hall id (1 to 64");
}

TEST(FeedParse, MovedToMustBeAKnownHall) {
    feed["screenings"][4]["moved_to"] = "arman-9";
    expect_error(feed, "screenings[4].moved_to", "unknown hall \"arman-9\"");
}

TEST(FeedParse, MovedToIsOnlyAllowedOnAMovedScreening) {
    feed["screenings"][0]["moved_to"] = "arman-2";
    expect_error(feed, "screenings[0].moved_to",
                 "is only allowed with the status \"moved\" (the status is \"scheduled\")");
}

TEST(FeedParse, AScreeningCannotMoveToItsOwnHall) {
    feed["screenings"][4]["moved_to"] = "kaz-1";
    expect_error(feed, "screenings[4].moved_to", "is the screening's own hall \"kaz-1\"");
}

TEST(FeedParse, AScreeningEndsAfterItStarts) {
    feed["screenings"][1]["ends_at"] = "2018-09-15T21:00:00+06:00";
    expect_error(feed, "screenings[1].ends_at", "is not after starts_at (2018-09-15T15:00:00Z)");
}

TEST(FeedParse, QaIsABoolean) {
    feed["screenings"][0]["qa"] = "yes";
    expect_error(feed, "screenings[0].qa", "expected true or false, got \"yes\"");
}

// ---------------------------------------------------------------------------------------------
// Announcements

TEST(FeedParse, AnnouncementLevelIsKnown) {
    feed["announcements"][0]["level"] = "critical";
    expect_error(feed, "announcements[0].level", "expected one of info, urgent, emergency");
}

TEST(FeedParse, AnAnnouncementEndsAfterItStarts) {
    feed["announcements"][1]["until"] = "2018-09-15T20:00:00+06:00";
    expect_error(feed, "announcements[1].until", "is not after from");
}

TEST(FeedParse, AnnouncementVenuesMustExist) {
    feed["announcements"][2]["venues"][1] = "nowhere";
    expect_error(feed, "announcements[2].venues[1]", "unknown venue \"nowhere\"");
}

TEST(FeedParse, AnEmptyAnnouncementVenueListIsAnError) {
    feed["announcements"][2]["venues"] = json::array();
    expect_error(feed, "announcements[2].venues", "leave the key out for all venues");
}

// ---------------------------------------------------------------------------------------------
// Maps

TEST(FeedParse, AMapBelongsToAKnownVenue) {
    feed["maps"][0]["venue"] = "atlantis";
    expect_error(feed, "maps[0].venue", "unknown venue \"atlantis\"");
}

TEST(FeedParse, AVenueHasAtMostOneMap) {
    feed["maps"].push_back(feed["maps"][0]);
    expect_error(feed, "maps[1].venue", "venue \"arman\" already has a map (maps[0])");
}

TEST(FeedParse, FloorLevelsAreUniqueInAMap) {
    feed["maps"][0]["floors"][1]["level"] = 0;
    expect_error(feed, "maps[0].floors[1].level", "duplicate floor level 0");
}

TEST(FeedParse, FloorsHaveASize) {
    feed["maps"][0]["floors"][1]["width"] = 0;
    expect_error(feed, "maps[0].floors[1].width", "expected a width > 0");
}

TEST(FeedParse, AFloorImageMustBeAnAsset) {
    feed["maps"][0]["floors"][0]["image"] = "plan-missing";
    expect_error(feed, "maps[0].floors[0].image", "unknown asset \"plan-missing\"");
}

TEST(FeedParse, AnAreaIsAPolygon) {
    feed["maps"][0]["floors"][0]["areas"][0]["polygon"] = {{0, 0}, {1, 1}};
    expect_error(feed, "maps[0].floors[0].areas[0].polygon", "expected at least 3 points, got 2");
    feed["maps"][0]["floors"][0]["areas"][0]["polygon"] = {{0, 0}, {1, 1}, {2}};
    expect_error(feed, "maps[0].floors[0].areas[0].polygon[2]", "expected a point [x, y]");
}

TEST(FeedParse, ANodeIsOnAFloorOfItsMap) {
    feed["maps"][0]["nodes"][0]["floor"] = 5;
    expect_error(feed, "maps[0].nodes[0].floor", "no floor with level 5 in this map");
}

TEST(FeedParse, NodeKindsAreKnown) {
    feed["maps"][0]["nodes"][4]["kind"] = "lift";
    expect_error(feed, "maps[0].nodes[4].kind", "expected one of kiosk, entrance");
}

TEST(FeedParse, ANodeHallMustExistInTheMapsVenue) {
    feed["maps"][0]["nodes"][2]["hall"] = "arman-7";
    expect_error(feed, "maps[0].nodes[2].hall", "unknown hall \"arman-7\"");
    feed["maps"][0]["nodes"][2]["hall"] = "kaz-1";
    expect_error(feed, "maps[0].nodes[2].hall", "hall \"kaz-1\" is not in venue \"arman\"");
}

TEST(FeedParse, NodeIdsAreUniqueInAMap) {
    feed["maps"][0]["nodes"][1]["id"] = "n-kiosk";
    expect_error(feed, "maps[0].nodes[1].id", "duplicate node id \"n-kiosk\"");
}

TEST(FeedParse, EdgesJoinNodesOfTheirMap) {
    feed["maps"][0]["edges"][0]["to"] = "n-hall-9";
    expect_error(feed, "maps[0].edges[0].to", "unknown node \"n-hall-9\" in this map");
}

TEST(FeedParse, AnEdgeBetweenFloorsNeedsALength) {
    feed["maps"][0]["edges"][5].erase("length");
    expect_error(feed, "maps[0].edges[5].length", "required between floors");
}

TEST(FeedParse, EdgeLengthsArePositive) {
    feed["maps"][0]["edges"][0]["length"] = 0;
    expect_error(feed, "maps[0].edges[0].length", "expected a length > 0");
    feed["maps"][0]["edges"][0]["length"] = -2.5;
    expect_error(feed, "maps[0].edges[0].length", "got -2.5");
}

TEST(FeedParse, CoordinatesAreMetresInsideABuilding) {
    feed["maps"][0]["nodes"][0]["x"] = 1e300;
    expect_error(feed, "maps[0].nodes[0].x", "expected a coordinate in metres");
    feed["maps"][0]["nodes"][0]["x"] = "5";
    expect_error(feed, "maps[0].nodes[0].x", "got \"5\"");
}

TEST(FeedParse, AHallMapNodeMustBeInTheVenuesMap) {
    feed["venues"][0]["halls"][0]["map_node"] = "n-nowhere";
    expect_error(feed, "venues[0].halls[0].map_node",
                 "unknown node \"n-nowhere\" in the map of venue \"arman\"");
}

TEST(FeedParse, AHallMapNodeNeedsAMap) {
    feed["venues"][1]["halls"][0]["map_node"] = "n-kiosk";
    expect_error(feed, "venues[1].halls[0].map_node", "venue \"kazakhstan\" has no map");
}

// ---------------------------------------------------------------------------------------------
// Assets

TEST(FeedParse, AssetHashesAre64HexDigits) {
    feed["assets"][0]["sha256"] = "9f86d081";
    expect_error(feed, "assets[0].sha256", "expected 64 hex digits");
    feed["assets"][0]["sha256"] = std::string(63, 'a') + "g";
    expect_error(feed, "assets[0].sha256", "expected 64 hex digits");
}

TEST(FeedParse, AssetSizesAreNonNegativeIntegers) {
    feed["assets"][0]["size"] = -1;
    expect_error(feed, "assets[0].size", "expected a size in bytes (an integer >= 0), got -1");
}

TEST(FeedParse, AssetsArePngOrJpeg) {
    feed["assets"][0]["type"] = "image/gif";
    expect_error(feed, "assets[0].type", "expected \"image/png\" or \"image/jpeg\"");
}

TEST(FeedParse, AssetPathsAreRelativeAndStayInside) {
    feed["assets"][0]["path"] = "posters/../../etc/passwd";
    expect_error(feed, "assets[0].path", "must not contain a \"..\" segment");
    feed["assets"][0]["path"] = "/etc/passwd";
    expect_error(feed, "assets[0].path", "no leading \"/\"");
    feed["assets"][0]["path"] = "https://evil.example/x.jpg";
    expect_error(feed, "assets[0].path", "no scheme");
    feed["assets"][0]["path"] = "..";
    expect_error(feed, "assets[0].path", "\"..\" segment");
    feed["assets"][0]["path"] = "posters\\steppe.jpg";
    expect_error(feed, "assets[0].path", "must not contain control characters or \"\\\"");
}

// ---------------------------------------------------------------------------------------------
// Many errors at once

TEST(FeedParse, AllErrorsAreCollected) {
    feed["format"] = "aff-kiosk-feed";
    feed["sequence"] = -1;
    feed["screenings"][0]["hall"] = "arman-9";
    feed["assets"][1]["type"] = "image/gif";
    const ParseResult result = parse(feed);
    CHECK_EQUAL(3U, result.error_count());
    CHECK_FALSE(result.ok());
}

TEST(FeedParse, ErrorsAreCappedWithACount) {
    json screening = feed["screenings"][0];
    screening["hall"] = "arman-9";
    feed["screenings"] = json::array();
    for (int i = 0; i < 250; ++i) {
        screening["id"] = "s-" + std::to_string(i);
        feed["screenings"].push_back(screening);
    }
    const ParseResult result = parse(feed);
    CHECK_EQUAL(201U, result.error_count());
    STRCMP_EQUAL("... and 50 more errors", result.diagnostics.back().to_string().c_str());
}

// ---------------------------------------------------------------------------------------------
// Warnings

TEST(FeedParse, OverlappingScreeningsInOneHallAreAWarningNamingBoth) {
    feed["screenings"][1]["starts_at"] = "2018-09-15T20:00:00+06:00";
    expect_warning(feed, "screenings[1]",
                   "screenings \"s-1\" and \"s-2\" overlap in hall \"arman-1\"");
}

TEST(FeedParse, DelaysCountWhenLookingForOverlaps) {
    // s-1 runs 19:00-20:36; an hour late it runs into s-2 at 21:15.
    feed["screenings"][0]["status"] = "delayed";
    feed["screenings"][0]["delay_min"] = 60;
    expect_warning(feed, "screenings[1]", "\"s-1\" and \"s-2\" overlap");
}

TEST(FeedParse, CancelledScreeningsDoNotOverlap) {
    // s-4 (18:00, 110 minutes) is cancelled, so s-5 at 19:00 in the same hall is fine...
    expect_clean(feed);
    // ...until it is back on.
    feed["screenings"][3]["status"] = "scheduled";
    expect_warning(feed, "screenings[4]", "\"s-4\" and \"s-5\" overlap");
}

TEST(FeedParse, AMovedScreeningOverlapsInTheHallItMovedTo) {
    // s-5 at 19:30 on the 15th, moved into arman-1, where s-1 runs 19:00-20:36.
    feed["screenings"][4]["starts_at"] = "2018-09-15T19:30:00+06:00";
    feed["screenings"][4]["moved_to"] = "arman-1";
    expect_warning(feed, "screenings[4]",
                   "screenings \"s-1\" and \"s-5\" overlap in hall \"arman-1\"");
}

TEST(FeedParse, AMovedScreeningLeavesItsOldHallFree) {
    // s-4 (kaz-1, 18:00-19:50) back on would overlap s-5 at 19:00, but s-5 moved out of kaz-1.
    feed["screenings"][3]["status"] = "scheduled";
    feed["screenings"][4]["moved_to"] = "arman-2";
    expect_clean(feed);
}

TEST(FeedParse, ScreeningsOutsideTheFestivalDaysAreAWarning) {
    feed["screenings"][4]["starts_at"] = "2018-09-17T10:00:00+06:00";
    expect_warning(feed, "screenings[4].starts_at",
                   "falls on festival day 2018-09-17, outside the festival (2018-09-15 to "
                   "2018-09-16)");
}

TEST(FeedParse, AfterMidnightStillCountsAsTheLastFestivalDay) {
    feed["screenings"][4]["starts_at"] = "2018-09-17T04:30:00+06:00";
    expect_clean(feed);
    feed["screenings"][4]["starts_at"] = "2018-09-17T05:00:00+06:00";
    expect_warning(feed, "screenings[4].starts_at", "outside the festival");
}

TEST(FeedParse, MissingTranslationsAreOneWarningPerLanguageWithACount) {
    feed["films"][0]["synopsis"].erase("kk");
    feed["films"][1]["title"].erase("kk");
    feed["announcements"][0]["text"].erase("kk");
    feed["festival"]["name"].erase("en");
    const ParseResult result = parse(feed);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    CHECK_EQUAL(2U, result.warning_count());
    CHECK_TEXT(has(result, Diagnostic::Severity::warning, "",
                   "kk translation missing in 3 texts (first: films[0].synopsis)"),
               all_diagnostics(result).c_str());
    CHECK_TEXT(has(result, Diagnostic::Severity::warning, "",
                   "en translation missing in 1 text (first: festival.name)"),
               all_diagnostics(result).c_str());
    // The model keeps the gap; the fallback fills it when shown.
    STRCMP_EQUAL("", result.feed->films[1].title.raw(Lang::kk).c_str());
    STRCMP_EQUAL("Горы", result.feed->films[1].title.get(Lang::kk).c_str());
}

TEST(FeedParse, DelayOnAScreeningThatIsNotDelayedIsAWarning) {
    feed["screenings"][0]["delay_min"] = 10;
    expect_warning(feed, "screenings[0].delay_min", "is ignored: the status is not \"delayed\"");
}

TEST(FeedParse, AStepFreeEdgeOnStairsIsAWarning) {
    feed["maps"][0]["edges"][2].erase("step_free");
    expect_warning(feed, "maps[0].edges[2]", "is step-free but touches stairs node \"n-stairs-0\"");
}

TEST(FeedParse, ANodeOffItsFloorIsAWarning) {
    feed["maps"][0]["nodes"][8]["x"] = 61;
    expect_warning(feed, "maps[0].nodes[8]", "lies outside its floor");
}

// ---------------------------------------------------------------------------------------------
// Bytes that are not a feed at all

TEST(FeedParse, EmptyInputIsAnError) {
    expect_raw_error("", "the document is empty");
    expect_raw_error(" \n\t", "the document is empty");
}

TEST(FeedParse, InvalidUtf8IsAnError) {
    std::string text = minimal_text();
    text.insert(text.find("Steppe Melody"), "\xff");
    expect_raw_error(text, "not valid UTF-8");
    expect_raw_error("{\"format\": \"\xC0\xAF\"}", "not valid UTF-8 (at byte offset 12)");
    expect_raw_error("{\"format\": \"\xED\xA0\x80\"}", "not valid UTF-8");  // a surrogate
    expect_raw_error("{\"format\": \"\xE2\x82\"}", "not valid UTF-8");      // cut short
}

TEST(FeedParse, AByteOrderMarkIsAnError) {
    expect_raw_error("\xEF\xBB\xBF" + minimal_text(), "byte-order mark");
}

TEST(FeedParse, TruncatedJsonIsAnError) {
    const std::string text = minimal_text();
    expect_raw_error(text.substr(0, text.size() / 2), "not valid JSON");
}

TEST(FeedParse, TrailingGarbageIsAnError) {
    expect_raw_error(minimal_text() + "{}", "not valid JSON");
}

TEST(FeedParse, DeepNestingIsAnErrorNotACrash) {
    expect_raw_error(std::string(100000, '['), "nests deeper than 32 levels");
    expect_raw_error(std::string(100000, '[') + std::string(100000, ']'), "nests deeper");
    std::string objects;
    for (int i = 0; i < 20000; ++i) {
        objects += "{\"a\":";
    }
    expect_raw_error(objects, "nests deeper");
}

TEST(FeedParse, TheContractFitsInNineLevels) {
    ParseLimits limits;
    limits.max_depth = 9;  // document, maps, a map, floors, a floor, areas, an area, polygon, point
    const ParseResult result = parse_feed(minimal_text(), limits);
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    limits.max_depth = 8;
    expect_raw_error(minimal_text(), "nests deeper than 8 levels", limits);
}

TEST(FeedParse, NumbersTooBigForADoubleAreAnError) {
    expect_raw_error("{\"sequence\": 1e999}", "not valid JSON: number overflow");
}

TEST(FeedParse, TheByteLimitComesFirst) {
    ParseLimits limits;
    limits.max_bytes = 100;
    expect_raw_error(minimal_text(), "more than the limit of 100", limits);
}

TEST(FeedParse, TheTopLevelIsAnObject) {
    expect_raw_error("[]", "the document must be a JSON object, got an array");
    expect_raw_error("null", "must be a JSON object, got null");
    expect_raw_error("\"aff-kiosk-feed\"", "must be a JSON object");
}

TEST(FeedParse, DuplicateKeysAreAnError) {
    std::string text = minimal_text();
    text.insert(text.find("\"id\": \"aff-2018\""), "\"id\": \"other\", ");
    const ParseResult result = parse_feed(text);
    CHECK_FALSE(result.ok());
    CHECK_TEXT(has(result, Diagnostic::Severity::error, "festival.id", "duplicate key \"id\""),
               all_diagnostics(result).c_str());
}

TEST(FeedParse, EveryPrefixOfAFeedIsACleanError) {
    const std::string text = minimal_text();
    for (std::size_t length = 0; length < text.size(); length += 97) {
        const ParseResult result = parse_feed(text.substr(0, length));
        CHECK_FALSE(result.ok());
        CHECK_TRUE(result.error_count() > 0);
    }
}

TEST(FeedParse, SyntaxErrorMessagesAreValidUtf8) {
    // The parser quotes the bytes it last read, here the first byte of a two-byte "Ж".
    const ParseResult result = parse_feed("{\"name\"Ж}");
    CHECK_FALSE(result.ok());
    CHECK_EQUAL(1U, result.diagnostics.size());
    bool valid = true;
    try {
        (void)json(result.diagnostics[0].message).dump();
    } catch (const json::exception&) {
        valid = false;
    }
    CHECK_TEXT(valid, result.diagnostics[0].message.c_str());
}

TEST(FeedParse, LongValuesAreShortenedInMessages) {
    feed["format"] = std::string(5000, 'x');
    const ParseResult result = parse(feed);
    CHECK_FALSE(result.ok());
    CHECK_TRUE(result.diagnostics[0].message.size() < 120);
}

// ---------------------------------------------------------------------------------------------
// The demo festival

TEST(FeedParse, TheDemoFeedIsValidWithoutWarnings) {
    const std::string path = AFF_SOURCE_DATADIR "/demo/feed.json";
    CHECK_TEXT(std::filesystem::exists(path), path.c_str());
    const ParseResult result = parse_feed(read_file(path));
    CHECK_TEXT(result.ok(), all_diagnostics(result).c_str());
    CHECK_EQUAL_TEXT(0U, result.warning_count(), all_diagnostics(result).c_str());
}
