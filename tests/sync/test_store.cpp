#include "sync/store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include "tests/support/preload_tz.hpp"

#include <algorithm>
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

using namespace std::chrono_literals;

// ---- Building feeds ----

// 2018-09-<day> hh:mm in Almaty, which kept UTC+6 all that year.
Instant almaty(int day, int hour, int minute = 0) {
    Instant t = std::chrono::sys_days{std::chrono::year{2018} / 9 / day};
    return t + std::chrono::hours{hour - 6} + std::chrono::minutes{minute};
}

Date september(int day) {
    return Date{2018, 9, day};
}

Text text(const std::string& kk, const std::string& ru, const std::string& en) {
    return Text{{kk, ru, en}};
}

// A distinct text per language from one word, so a mixed-up language shows.
Text text(const std::string& word) {
    return text(word + " (kk)", word + " (ru)", word + " (en)");
}

// Feeds written as C++ values: the store never sees JSON.
class FeedBuilder {
public:
    explicit FeedBuilder(std::int64_t sequence = 1) {
        feed_.sequence = sequence;
        feed_.generated_at = almaty(14, 12);
        feed_.festival.id = "aff-2018";
        feed_.festival.name = text("Алматы кинофестивалі", "Алматинский кинофестиваль",
                                   "Almaty Film Festival");
        feed_.festival.timezone = "Asia/Almaty";
        feed_.festival.first_day = "2018-09-14";
        feed_.festival.last_day = "2018-09-20";
        feed_.festival.url = "https://aff.example/programme";
    }

    FeedBuilder& venue(const std::string& id, const std::vector<std::string>& halls) {
        Venue& v = feed_.venues.emplace_back();
        v.id = id;
        v.name = text(id);
        v.address = text(id + " street");
        for (const auto& hall_id : halls) {
            Hall& h = v.halls.emplace_back();
            h.id = hall_id;
            h.name = text(hall_id);
        }
        return *this;
    }

    FeedBuilder& section(const std::string& id, const std::string& color = "") {
        Section& s = feed_.sections.emplace_back();
        s.id = id;
        s.name = text(id);
        s.color = color;
        return *this;
    }

    FeedBuilder& film(const std::string& id, int runtime_min, const std::string& section = "") {
        Film& f = feed_.films.emplace_back();
        f.id = id;
        f.title = text(id);
        f.original_title = id + " (original)";
        f.year = 2018;
        f.countries = {"KZ"};
        f.runtime_min = runtime_min;
        f.section = section;
        return *this;
    }

    // Ends after the film's runtime, as the parser fills it in.
    FeedBuilder& screening(const std::string& id, const std::string& film, const std::string& hall,
                           Instant start, Status status = Status::scheduled, int delay_min = 0) {
        Screening& s = feed_.screenings.emplace_back();
        s.id = id;
        s.film = film;
        s.hall = hall;
        s.starts_at = start;
        s.ends_at = start + std::chrono::minutes{runtime_of(film)};
        s.status = status;
        s.delay_min = delay_min;
        return *this;
    }

    FeedBuilder& announcement(const std::string& id, Level level, std::optional<Instant> from,
                              std::optional<Instant> until,
                              const std::vector<std::string>& venues = {}) {
        Announcement& a = feed_.announcements.emplace_back();
        a.id = id;
        a.text = text(id);
        a.level = level;
        a.from = from;
        a.until = until;
        a.venues = venues;
        return *this;
    }

    FeedBuilder& map(VenueMap map) {
        feed_.maps.push_back(std::move(map));
        return *this;
    }

    FeedBuilder& asset(const std::string& id) {
        Asset& a = feed_.assets.emplace_back();
        a.id = id;
        a.path = "assets/" + id + ".png";
        a.sha256 = std::string(64, 'a');
        a.size = 1234;
        a.type = "image/png";
        return *this;
    }

    Feed& feed() { return feed_; }
    Feed build() const { return feed_; }

private:
    int runtime_of(const std::string& film) const {
        for (const Film& f : feed_.films) {
            if (f.id == film) {
                return f.runtime_min;
            }
        }
        return 90;  // a screening of an unknown film, built on purpose
    }

    Feed feed_;
};

VenueMap arman_map() {
    VenueMap map;
    map.venue = "arman";
    map.north_deg = 12.5;
    MapFloor& ground = map.floors.emplace_back();
    ground.level = 0;
    ground.name = text("ground floor");
    ground.width = 40;
    ground.height = 25.5;
    ground.image = "plan-0";
    ground.areas.push_back(
        MapArea{"foyer", "foyer", text("foyer"), {{0, 0}, {20, 0}, {20, 10.25}, {0, 10.25}}});
    ground.areas.push_back(MapArea{"cafe", "cafe", {}, {{20, 0}, {30, 0}, {30, 8}}});
    MapFloor& upper = map.floors.emplace_back();
    upper.level = 1;
    upper.name = text("first floor");
    upper.width = 40;
    upper.height = 25;
    upper.areas.push_back(MapArea{"gallery", "gallery", text("gallery"), {{1, 1}, {2, 2}}});
    map.nodes.push_back(MapNode{"n-kiosk", 0, 2, 3, NodeKind::kiosk, {}, "", 275.5});
    map.nodes.push_back(MapNode{"n-stairs-0", 0, 10, 5, NodeKind::stairs, {}, "", {}});
    map.nodes.push_back(MapNode{"n-stairs-1", 1, 10, 5, NodeKind::stairs, {}, "", {}});
    map.nodes.push_back(MapNode{"n-hall-3", 1, 30.5, 12, NodeKind::hall, text("hall 3"),
                                "arman-3", {}});
    map.edges.push_back(MapEdge{"n-kiosk", "n-stairs-0", 8.5, EdgeKind::walk, true, false});
    map.edges.push_back(MapEdge{"n-stairs-0", "n-stairs-1", 6, EdgeKind::escalator, false, true});
    map.edges.push_back(MapEdge{"n-stairs-1", "n-hall-3", 21, EdgeKind::ramp, true, false});
    return map;
}

// Two venues over two festival days. Times are Almaty local; "16th 00:30" belongs to the 15th.
//   arman-1: s1 tomiris 15th 10:00-12:00, s2 sweetie 13:00-14:30, s3 ayka 18:00 (cancelled),
//            s4 tomiris 20:00-22:00 delayed 20 min, s5 sweetie 16th 00:30-02:00,
//            s6 ayka 16th 11:00-12:40
//   arman-2: s7 ayka 15th 10:30-12:10        arman-3: nothing
//   kino-1:  s8 tomiris 16th 19:00-21:00, s9 sweetie 15th 21:00-22:30
FeedBuilder festival(std::int64_t sequence = 1) {
    FeedBuilder b(sequence);
    b.asset("plan-0")
        .asset("poster-tomiris")
        .venue("arman", {"arman-1", "arman-2", "arman-3"})
        .venue("kino", {"kino-1"})
        .section("competition", "#C0392B")
        .section("panorama")
        .film("tomiris", 120, "competition")
        .film("sweetie", 90, "panorama")
        .film("ayka", 100)
        .screening("s1", "tomiris", "arman-1", almaty(15, 10))
        .screening("s2", "sweetie", "arman-1", almaty(15, 13))
        .screening("s3", "ayka", "arman-1", almaty(15, 18), Status::cancelled)
        .screening("s4", "tomiris", "arman-1", almaty(15, 20), Status::delayed, 20)
        .screening("s5", "sweetie", "arman-1", almaty(16, 0, 30))
        .screening("s6", "ayka", "arman-1", almaty(16, 11))
        .screening("s7", "ayka", "arman-2", almaty(15, 10, 30))
        .screening("s8", "tomiris", "kino-1", almaty(16, 19))
        .screening("s9", "sweetie", "kino-1", almaty(15, 21))
        .map(arman_map());
    Venue& arman = b.feed().venues[0];
    arman.location = LatLon{43.2389, 76.9453};
    arman.halls[0].seats = 320;
    arman.halls[0].map_node = "n-hall-3";
    Film& tomiris = b.feed().films[0];
    tomiris.countries = {"KZ", "RU"};
    tomiris.age_rating = "16+";
    tomiris.director = text("Ақан Сатаев", "Акан Сатаев", "Akan Satayev");
    tomiris.synopsis = text("synopsis");
    tomiris.spoken_languages = {"kk"};
    tomiris.subtitles = {"ru", "en"};
    tomiris.poster = "poster-tomiris";
    Screening& s1 = b.feed().screenings[0];
    s1.qa = true;
    s1.note = text("with the director");
    b.feed().expires_at = almaty(21, 0);
    return b;
}

// ---- Helpers ----

// A cache file of its own per test, removed with its WAL and shared-memory files afterwards.
class TempCache {
public:
    TempCache() {
        std::filesystem::create_directories(AFF_TEST_TMPDIR);
        const UtestShell* test = UtestShell::getCurrent();
        path_ = std::string(AFF_TEST_TMPDIR) + "/store-" + test->getGroup().asCharString() + "-" +
                test->getName().asCharString() + "-" + std::to_string(getpid()) + ".db";
        remove();
    }
    TempCache(const TempCache&) = delete;
    TempCache& operator=(const TempCache&) = delete;
    ~TempCache() { remove(); }

    const std::string& path() const { return path_; }
    // A second file beside the first, removed with it.
    std::string sibling(const std::string& tag) {
        siblings_.push_back(path_ + "-" + tag + ".db");
        return siblings_.back();
    }

private:
    void remove() const {
        std::error_code ignored;
        for (const std::string& path : siblings_) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
                std::filesystem::remove(path + suffix, ignored);
            }
        }
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(path_ + suffix, ignored);
        }
    }

    std::string path_;
    std::vector<std::string> siblings_;
};

std::vector<std::string> ids(const std::vector<ScreeningView>& screenings) {
    std::vector<std::string> list;
    for (const auto& s : screenings) {
        list.push_back(s.id);
    }
    return list;
}

std::vector<std::string> ids(const std::vector<Announcement>& announcements) {
    std::vector<std::string> list;
    for (const auto& a : announcements) {
        list.push_back(a.id);
    }
    return list;
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& item : list) {
        out += (out.empty() ? "" : " ") + item;
    }
    return out;
}

void check_ids(const std::string& expected, const std::vector<std::string>& actual) {
    STRCMP_EQUAL(expected.c_str(), joined(actual).c_str());
}

// Raw SQL on the cache, for checks that need to look beneath the Store API.
std::string query_text(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        FAIL(sqlite3_errmsg(db));
    }
    std::string result;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
        result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return result;
}

long query_long(sqlite3* db, const std::string& sql) {
    return std::stol(query_text(db, sql));
}

// Runs SQL on a plain connection to `path`, outside the Store.
void exec_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open(path.c_str(), &db);
    char* error = nullptr;
    const int exec_rc = rc == SQLITE_OK ? sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error)
                                        : rc;
    const std::string message = error != nullptr ? error : sqlite3_errstr(exec_rc);
    sqlite3_free(error);
    sqlite3_close(db);
    if (exec_rc != SQLITE_OK) {
        FAIL(message.c_str());
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

void check_text(const Text& expected, const Text& actual) {
    for (const Lang lang : all_langs) {
        STRCMP_EQUAL(expected.raw(lang).c_str(), actual.raw(lang).c_str());
    }
}

template <typename F>
std::string error_of(F&& action) {
    try {
        action();
    } catch (const StoreError& e) {
        return e.what();
    }
    FAIL("expected a StoreError");
    return {};
}

}  // namespace

// ================================================================================================

TEST_GROUP(Store) {
    TempCache* cache = nullptr;

    void setup() override {
        test::preload_time_zones();
        cache = new TempCache;
    }
    void teardown() override { delete cache; }

    Store open() const { return Store::open(cache->path()); }
};

TEST(Store, ANewCacheHoldsNoFeed) {
    Store store = open();
    CHECK_TRUE(store.empty());
    CHECK_FALSE(store.info().has_value());
    CHECK_FALSE(store.timezone().has_value());
    CHECK_TRUE(store.venues().empty());
    CHECK_TRUE(store.rest_of_day("arman", almaty(15, 12)).empty());
}

TEST(Store, AppliedFeedInfoReadsBack) {
    Store store = open();
    store.apply(festival(42).build(), almaty(14, 12, 5));
    const auto info = store.info();
    CHECK_TRUE(info.has_value());
    LONGS_EQUAL(42, info->sequence);
    CHECK_TRUE(info->generated_at == almaty(14, 12));
    CHECK_TRUE(info->expires_at == almaty(21, 0));
    CHECK_TRUE(info->applied_at == almaty(14, 12, 5));
    STRCMP_EQUAL("aff-2018", info->festival_id.c_str());
    check_text(text("Алматы кинофестивалі", "Алматинский кинофестиваль", "Almaty Film Festival"),
               info->festival_name);
    STRCMP_EQUAL("Asia/Almaty", info->timezone.c_str());
    LONGS_EQUAL(300, info->day_starts_at_min);
    CHECK_TRUE(info->first_day == september(14));
    CHECK_TRUE(info->last_day == september(20));
    STRCMP_EQUAL("https://aff.example/programme", info->url.c_str());
}

TEST(Store, FeedWithoutExpiryHasNone) {
    Store store = open();
    Feed feed = festival().build();
    feed.expires_at.reset();
    store.apply(feed, almaty(14, 13));
    CHECK_FALSE(store.info()->expires_at.has_value());
}

TEST(Store, VenuesAndHallsReadBackInFeedOrderInAllThreeLanguages) {
    Store store = open();
    store.apply(festival().build(), almaty(14, 13));
    const auto venues = store.venues();
    LONGS_EQUAL(2, venues.size());
    STRCMP_EQUAL("arman", venues[0].id.c_str());
    STRCMP_EQUAL("kino", venues[1].id.c_str());
    check_text(text("arman"), venues[0].name);
    check_text(text("arman street"), venues[0].address);
    CHECK_TRUE(venues[0].location.has_value());
    DOUBLES_EQUAL(43.2389, venues[0].location->lat, 1e-12);
    DOUBLES_EQUAL(76.9453, venues[0].location->lon, 1e-12);
    CHECK_FALSE(venues[1].location.has_value());
    LONGS_EQUAL(3, venues[0].halls.size());
    STRCMP_EQUAL("arman-1", venues[0].halls[0].id.c_str());
    STRCMP_EQUAL("arman-3", venues[0].halls[2].id.c_str());
    check_text(text("arman-1"), venues[0].halls[0].name);
    LONGS_EQUAL(320, venues[0].halls[0].seats.value_or(-1));
    STRCMP_EQUAL("n-hall-3", venues[0].halls[0].map_node.c_str());
    CHECK_FALSE(venues[0].halls[1].seats.has_value());
    STRCMP_EQUAL("", venues[0].halls[1].map_node.c_str());
}

TEST(Store, OneVenueByIdAndNothingForAnUnknownOne) {
    Store store = open();
    store.apply(festival().build(), almaty(14, 13));
    const auto kino = store.venue("kino");
    CHECK_TRUE(kino.has_value());
    LONGS_EQUAL(1, kino->halls.size());
    STRCMP_EQUAL("kino-1", kino->halls[0].id.c_str());
    CHECK_FALSE(store.venue("nowhere").has_value());
}

TEST(Store, FilmReadsBackWithItsLists) {
    Store store = open();
    store.apply(festival().build(), almaty(14, 13));
    const auto film = store.film("tomiris");
    CHECK_TRUE(film.has_value());
    check_text(text("tomiris"), film->title);
    STRCMP_EQUAL("tomiris (original)", film->original_title.c_str());
    LONGS_EQUAL(2018, film->year);
    check_ids("KZ RU", film->countries);
    LONGS_EQUAL(120, film->runtime_min);
    STRCMP_EQUAL("16+", film->age_rating.c_str());
    STRCMP_EQUAL("competition", film->section.c_str());
    check_text(text("Ақан Сатаев", "Акан Сатаев", "Akan Satayev"), film->director);
    check_text(text("synopsis"), film->synopsis);
    check_ids("kk", film->spoken_languages);
    check_ids("ru en", film->subtitles);
    STRCMP_EQUAL("poster-tomiris", film->poster.c_str());

    const auto ayka = store.film("ayka");
    STRCMP_EQUAL("", ayka->section.c_str());
    STRCMP_EQUAL("", ayka->poster.c_str());
    CHECK_TRUE(ayka->director.empty());
    CHECK_FALSE(store.film("no-such-film").has_value());
}

TEST(Store, SectionsReadBackInFeedOrder) {
    Store store = open();
    store.apply(festival().build(), almaty(14, 13));
    const auto sections = store.sections();
    LONGS_EQUAL(2, sections.size());
    STRCMP_EQUAL("competition", sections[0].id.c_str());
    STRCMP_EQUAL("#C0392B", sections[0].color.c_str());
    check_text(text("competition"), sections[0].name);
    STRCMP_EQUAL("panorama", sections[1].id.c_str());
    STRCMP_EQUAL("", sections[1].color.c_str());
}

TEST(Store, TimezoneIsTheFestivalsZone) {
    Store store = open();
    store.apply(festival().build(), almaty(14, 13));
    const auto zone = store.timezone();
    CHECK_TRUE(zone.has_value());
    STRCMP_EQUAL("Asia/Almaty", zone->name().c_str());
    LONGS_EQUAL(6 * 3600, zone->to_local(almaty(15, 12)).utc_offset_s);
}

TEST(Store, ApplyingASecondFeedReplacesEverythingWithoutLeftovers) {
    Store store = open();
    store.apply(festival(1).announcement("a1", Level::info, {}, {}, {"arman"}).build(),
                almaty(14, 13));

    FeedBuilder second(2);
    second.venue("lumiere", {"lumiere-1"})
        .film("ayka", 100)
        .screening("x1", "ayka", "lumiere-1", almaty(17, 15));
    store.apply(second.build(), almaty(17, 9));

    LONGS_EQUAL(2, store.info()->sequence);
    LONGS_EQUAL(1, store.venues().size());
    STRCMP_EQUAL("lumiere", store.venues()[0].id.c_str());
    CHECK_FALSE(store.venue("arman").has_value());
    CHECK_FALSE(store.film("tomiris").has_value());
    CHECK_TRUE(store.film_screenings("tomiris").empty());
    check_ids("x1", ids(store.film_screenings("ayka")));
    CHECK_TRUE(store.sections().empty());
    CHECK_TRUE(store.active_announcements("", almaty(15, 12)).empty());
    CHECK_FALSE(store.venue_map("arman").has_value());
    for (const char* table : {"assets", "halls", "films", "screenings", "announcement_venues",
                              "map_floors", "map_areas", "map_nodes", "map_edges"}) {
        const long expected = std::string(table) == "halls" || std::string(table) == "films" ||
                                      std::string(table) == "screenings"
                                  ? 1
                                  : 0;
        LONGS_EQUAL_TEXT(expected,
                         query_long(store.handle(), std::string("SELECT count(*) FROM ") + table),
                         table);
    }
}

TEST(Store, TheDemoTheKioskSeedsIsKnownAsTheDemoUntilAFeedReplacesIt) {
    Store store = open();
    store.apply(festival(1).build(), almaty(14, 12), Store::Source::demo);
    CHECK_TRUE(store.info()->demo);
    store.apply(festival(1).build(), almaty(14, 13));
    CHECK_FALSE(store.info()->demo);
}

TEST(Store, ApplyKeepsTheSyncState) {
    Store store = open();
    SyncState state;
    state.etag = "\"abc\"";
    state.consecutive_failures = 3;
    store.save_sync_state(state);
    store.apply(festival().build(), almaty(14, 13));
    STRCMP_EQUAL("\"abc\"", store.sync_state().etag.c_str());
    LONGS_EQUAL(3, store.sync_state().consecutive_failures);
}

TEST(Store, FailedApplyOnAForeignKeyThrowsAndKeepsThePreviousFeed) {
    Store store = open();
    store.apply(festival(1).build(), almaty(14, 13));

    FeedBuilder broken = festival(2);
    broken.screening("s-bad", "no-such-film", "arman-2", almaty(17, 10));
    const std::string error = error_of([&] { store.apply(broken.build(), almaty(15, 9)); });

    STRCMP_CONTAINS("cannot apply feed 2", error.c_str());
    STRCMP_CONTAINS("screening \"s-bad\": FOREIGN KEY constraint failed (no such film)",
                    error.c_str());
    LONGS_EQUAL(1, store.info()->sequence);
    CHECK_TRUE(store.info()->applied_at == almaty(14, 13));
    LONGS_EQUAL(9, query_long(store.handle(), "SELECT count(*) FROM screenings"));
    check_ids("s1 s4 s8", ids(store.film_screenings("tomiris")));
    CHECK_TRUE(store.venue_map("arman").has_value());
}

TEST(Store, FailedApplyNamesTheMapNodeThatRefersToAMissingHall) {
    Store store = open();
    FeedBuilder broken = festival(1);
    broken.feed().maps[0].nodes[3].hall = "arman-9";
    const std::string error = error_of([&] { store.apply(broken.build(), almaty(14, 13)); });
    STRCMP_CONTAINS("map node \"n-hall-3\": FOREIGN KEY constraint failed (no such hall)",
                    error.c_str());
    CHECK_TRUE(store.empty());
}

TEST(Store, FailedApplyOnAnAnnouncementForAMissingVenue) {
    Store store = open();
    store.apply(festival(1).build(), almaty(14, 13));
    const std::string error = error_of([&] {
        store.apply(festival(2).announcement("a1", Level::info, {}, {}, {"nowhere"}).build(),
                    almaty(14, 13));
    });
    STRCMP_CONTAINS("announcement venue: FOREIGN KEY constraint failed (no such venue)",
                    error.c_str());
    LONGS_EQUAL(1, store.info()->sequence);
}

TEST(Store, ForeignKeysStayOnAfterAppliesThatSucceedAndFail) {
    Store store = open();
    store.apply(festival(1).build(), almaty(14, 13));
    LONGS_EQUAL(1, query_long(store.handle(), "PRAGMA foreign_keys"));
    FeedBuilder broken = festival(2);
    broken.screening("s-bad", "no-such-film", "arman-2", almaty(17, 10));
    CHECK_THROWS(StoreError, store.apply(broken.build(), almaty(15, 9)));
    LONGS_EQUAL(1, query_long(store.handle(), "PRAGMA foreign_keys"));
}

TEST(Store, FailedApplyOnADuplicateIdThrowsAndKeepsThePreviousFeed) {
    Store store = open();
    store.apply(festival(1).build(), almaty(14, 13));

    FeedBuilder broken(2);
    broken.venue("lumiere", {"lumiere-1"})
        .film("ayka", 100)
        .screening("x1", "ayka", "lumiere-1", almaty(17, 15))
        .screening("x1", "ayka", "lumiere-1", almaty(17, 18));
    const std::string error = error_of([&] { store.apply(broken.build(), almaty(15, 9)); });

    STRCMP_CONTAINS("screening \"x1\"", error.c_str());
    STRCMP_CONTAINS("UNIQUE constraint failed", error.c_str());
    LONGS_EQUAL(1, store.info()->sequence);
    LONGS_EQUAL(2, store.venues().size());
    CHECK_FALSE(store.venue("lumiere").has_value());
    check_ids("s1 s4 s8", ids(store.film_screenings("tomiris")));
}

TEST(Store, FailedApplyOnAnUnknownTimeZoneKeepsThePreviousFeed) {
    Store store = open();
    store.apply(festival(1).build(), almaty(14, 13));

    Feed feed = festival(2).build();
    feed.festival.timezone = "Asia/Atlantis";
    test::preload_time_zones({feed.festival.timezone});
    const std::string error = error_of([&] { store.apply(feed, almaty(15, 9)); });

    STRCMP_CONTAINS("unknown time zone \"Asia/Atlantis\"", error.c_str());
    LONGS_EQUAL(1, store.info()->sequence);
}

TEST(Store, FailedApplyLeavesTheCacheWritable) {
    Store store = open();
    FeedBuilder broken = festival(1);
    broken.screening("s-bad", "tomiris", "arman-1", almaty(17, 10));
    broken.feed().screenings.back().film = "no-such-film";
    CHECK_THROWS(StoreError, store.apply(broken.build(), almaty(14, 13)));
    CHECK_TRUE(store.empty());

    store.apply(festival(1).build(), almaty(14, 13));
    LONGS_EQUAL(1, store.info()->sequence);
}

TEST(Store, SyncStateStartsEmptyAndRoundTrips) {
    Store store = open();
    const SyncState fresh = store.sync_state();
    CHECK_FALSE(fresh.last_attempt.has_value());
    CHECK_FALSE(fresh.last_success.has_value());
    STRCMP_EQUAL("", fresh.etag.c_str());
    LONGS_EQUAL(0, fresh.consecutive_failures);

    SyncState state;
    state.last_attempt = almaty(15, 10, 1);
    state.last_success = almaty(15, 9, 1);
    state.last_error = "signature does not verify";
    state.last_result = "bad-signature";
    state.etag = "W/\"5f3c\"";
    state.last_modified = "Sat, 15 Sep 2018 03:00:00 GMT";
    state.consecutive_failures = 2;
    store.save_sync_state(state);

    const SyncState back = Store::open(cache->path()).sync_state();
    CHECK_TRUE(back.last_attempt == almaty(15, 10, 1));
    CHECK_TRUE(back.last_success == almaty(15, 9, 1));
    STRCMP_EQUAL("signature does not verify", back.last_error.c_str());
    STRCMP_EQUAL("bad-signature", back.last_result.c_str());
    STRCMP_EQUAL("W/\"5f3c\"", back.etag.c_str());
    STRCMP_EQUAL("Sat, 15 Sep 2018 03:00:00 GMT", back.last_modified.c_str());
    LONGS_EQUAL(2, back.consecutive_failures);
}

TEST(Store, ConnectionUsesWalForeignKeysAndNormalSync) {
    Store store = open();
    STRCMP_EQUAL("wal", query_text(store.handle(), "PRAGMA journal_mode").c_str());
    LONGS_EQUAL(1, query_long(store.handle(), "PRAGMA foreign_keys"));
    LONGS_EQUAL(1, query_long(store.handle(), "PRAGMA synchronous"));  // NORMAL
    CHECK_TRUE(query_long(store.handle(), "PRAGMA busy_timeout") >= 1000);
}

TEST(Store, AnInMemoryCacheWorksLikeAFile) {
    Store store = Store::open(":memory:");
    store.apply(festival(6).build(), almaty(14, 13));
    LONGS_EQUAL(6, store.info()->sequence);
    check_ids("s1 s4 s8", ids(store.film_screenings("tomiris")));
    LONGS_EQUAL(1, query_long(store.handle(), "PRAGMA foreign_keys"));
}

TEST(Store, ContentSurvivesClosingAndReopening) {
    {
        Store store = open();
        store.apply(festival(5).build(), almaty(14, 13));
    }
    Store store = open();
    LONGS_EQUAL(5, store.info()->sequence);
    check_ids("s1 s4 s8", ids(store.film_screenings("tomiris")));
}

TEST(Store, MovedStoreKeepsItsConnection) {
    Store first = open();
    first.apply(festival(3).build(), almaty(14, 13));
    Store second = std::move(first);
    LONGS_EQUAL(3, second.info()->sequence);
    Store third = open();
    third = std::move(second);
    LONGS_EQUAL(3, third.info()->sequence);
}

namespace {

// Reads the sequence through a second connection from inside the writer's commit hook, that is
// while the writer's transaction is complete but not yet committed.
struct SequenceSpy {
    const Store* reader = nullptr;
    std::int64_t seen = 0;
    int calls = 0;
};

int read_sequence_before_commit(void* arg) {
    auto* spy = static_cast<SequenceSpy*>(arg);
    ++spy->calls;
    try {
        const auto info = spy->reader->info();
        spy->seen = info ? info->sequence : -1;
    } catch (const StoreError&) {
        spy->seen = -2;
    }
    return 0;
}

}  // namespace

TEST(Store, AReaderDuringAnOpenApplySeesTheOldFeedThenTheNewOne) {
    Store writer = open();
    writer.apply(festival(1).build(), almaty(14, 13));
    Store reader = open();
    // A tiny page cache makes the writer spill its changes to disk before the commit: without
    // WAL that would lock the reader out; with WAL the reader keeps its snapshot.
    sqlite3_exec(writer.handle(), "PRAGMA cache_size = 2", nullptr, nullptr, nullptr);

    SequenceSpy spy;
    spy.reader = &reader;
    sqlite3_commit_hook(writer.handle(), read_sequence_before_commit, &spy);
    writer.apply(festival(2).build(), almaty(15, 9));
    sqlite3_commit_hook(writer.handle(), nullptr, nullptr);

    LONGS_EQUAL(1, spy.calls);
    LONGS_EQUAL(1, spy.seen);
    LONGS_EQUAL(2, reader.info()->sequence);
}

namespace {

// Applies a feed through another connection the moment the reader starts a statement that
// contains `trigger`, that is in the middle of one of the reader's multi-statement reads.
class ApplyMidRead {
public:
    ApplyMidRead(const Store& reader, Store& writer, Feed feed, std::string trigger)
        : reader_(reader), writer_(writer), feed_(std::move(feed)), trigger_(std::move(trigger)) {
        sqlite3_trace_v2(reader_.handle(), SQLITE_TRACE_STMT, on_statement, this);
    }
    ApplyMidRead(const ApplyMidRead&) = delete;
    ApplyMidRead& operator=(const ApplyMidRead&) = delete;
    ~ApplyMidRead() { sqlite3_trace_v2(reader_.handle(), 0, nullptr, nullptr); }

    bool applied() const { return applied_; }

private:
    static int on_statement(unsigned type, void* self, void* stmt, void*) {
        auto* me = static_cast<ApplyMidRead*>(self);
        const std::string sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
        if (type == SQLITE_TRACE_STMT && !me->applied_ &&
            sql.find(me->trigger_) != std::string::npos) {
            try {
                me->writer_.apply(me->feed_, almaty(15, 9));
                me->applied_ = true;
            } catch (const StoreError&) {
                me->applied_ = false;
            }
        }
        return 0;
    }

    const Store& reader_;
    Store& writer_;
    Feed feed_;
    std::string trigger_;
    bool applied_ = false;
};

}  // namespace

TEST(Store, AMultiStatementReadSeesOneFeedEvenWhenAnotherIsAppliedMeanwhile) {
    Store writer = open();
    writer.apply(festival(1).build(), almaty(14, 13));
    const Store reader = open();

    FeedBuilder emptied(2);
    emptied.venue("arman", {"arman-1", "arman-2", "arman-3"});
    std::optional<std::vector<HallNowNext>> halls;
    {
        ApplyMidRead during(reader, writer, emptied.build(), "FROM screenings");
        halls = reader.now_and_next("arman", almaty(15, 11));
        CHECK_TRUE(during.applied());
    }
    STRCMP_EQUAL("s1", halls->at(0).now ? halls->at(0).now->id.c_str() : "-");
    CHECK_TRUE(reader.now_and_next("arman", almaty(15, 11))[0].now == std::nullopt);
}

TEST(Store, AMapReadSeesOneFeedEvenWhenAnotherIsAppliedMeanwhile) {
    Store writer = open();
    writer.apply(festival(1).build(), almaty(14, 13));
    const Store reader = open();

    Feed moved = festival(2).build();
    moved.maps[0].nodes.resize(1);
    moved.maps[0].edges.clear();
    std::optional<VenueMap> map;
    {
        ApplyMidRead during(reader, writer, moved, "FROM map_nodes");
        map = reader.venue_map("arman");
        CHECK_TRUE(during.applied());
    }
    LONGS_EQUAL(4, map->nodes.size());
    LONGS_EQUAL(3, map->edges.size());
    LONGS_EQUAL(1, reader.venue_map("arman")->nodes.size());
}

// ================================================================================================

TEST_GROUP(StoreQueries) {
    TempCache* cache = nullptr;
    Store* store = nullptr;

    void setup() override {
        test::preload_time_zones();
        cache = new TempCache;
        store = new Store(Store::open(cache->path()));
        store->apply(festival()
                         .announcement("a1", Level::info, {}, {})
                         .announcement("a2", Level::urgent, almaty(15, 10), almaty(15, 12),
                                       {"arman"})
                         .announcement("a3", Level::emergency, almaty(15, 11), {}, {"kino"})
                         .announcement("a4", Level::info, {}, almaty(15, 9), {"arman", "kino"})
                         .build(),
                     almaty(14, 13));
    }
    void teardown() override {
        delete store;
        delete cache;
    }

    HallNowNext hall_at(const std::string& hall_id, Instant t) const {
        for (const HallNowNext& entry : store->now_and_next(hall_id.substr(0, hall_id.find('-')),
                                                            t)) {
            if (entry.hall_id == hall_id) {
                return entry;
            }
        }
        FAIL(("no hall " + hall_id).c_str());
        return {};
    }

    std::string now_at(const std::string& hall_id, Instant t) const {
        const auto entry = hall_at(hall_id, t);
        return entry.now ? entry.now->id : "-";
    }

    std::string next_at(const std::string& hall_id, Instant t) const {
        const auto entry = hall_at(hall_id, t);
        return entry.next ? entry.next->id : "-";
    }
};

TEST(StoreQueries, NowAndNextListsEveryHallOfTheVenueInFeedOrder) {
    const auto halls = store->now_and_next("arman", almaty(15, 11));
    LONGS_EQUAL(3, halls.size());
    STRCMP_EQUAL("arman-1", halls[0].hall_id.c_str());
    STRCMP_EQUAL("arman-2", halls[1].hall_id.c_str());
    STRCMP_EQUAL("arman-3", halls[2].hall_id.c_str());
    check_text(text("arman-2"), halls[1].hall_name);
    CHECK_FALSE(halls[2].now.has_value());
    CHECK_FALSE(halls[2].next.has_value());
    CHECK_TRUE(store->now_and_next("nowhere", almaty(15, 11)).empty());
}

TEST(StoreQueries, BeforeTheFirstScreeningNothingIsOnAndTheFirstIsNext) {
    STRCMP_EQUAL("-", now_at("arman-1", almaty(15, 9)).c_str());
    STRCMP_EQUAL("s1", next_at("arman-1", almaty(15, 9)).c_str());
    STRCMP_EQUAL("s7", next_at("arman-2", almaty(15, 9)).c_str());
}

TEST(StoreQueries, DuringAScreeningItIsNowAndTheFollowingOneIsNext) {
    STRCMP_EQUAL("s1", now_at("arman-1", almaty(15, 11)).c_str());
    STRCMP_EQUAL("s2", next_at("arman-1", almaty(15, 11)).c_str());
    STRCMP_EQUAL("s7", now_at("arman-2", almaty(15, 11)).c_str());
    STRCMP_EQUAL("-", next_at("arman-2", almaty(15, 11)).c_str());
}

TEST(StoreQueries, AScreeningIsOnFromItsStartUpToButExcludingItsEnd) {
    STRCMP_EQUAL("s1", now_at("arman-1", almaty(15, 10)).c_str());
    STRCMP_EQUAL("s2", next_at("arman-1", almaty(15, 10)).c_str());
    STRCMP_EQUAL("s1", now_at("arman-1", almaty(15, 11, 59)).c_str());
    STRCMP_EQUAL("-", now_at("arman-1", almaty(15, 12)).c_str());
}

TEST(StoreQueries, InAGapNothingIsOnAndTheNextOneIsNext) {
    STRCMP_EQUAL("-", now_at("arman-1", almaty(15, 12, 30)).c_str());
    STRCMP_EQUAL("s2", next_at("arman-1", almaty(15, 12, 30)).c_str());
}

TEST(StoreQueries, AfterTheLastScreeningThereIsNeitherNowNorNext) {
    STRCMP_EQUAL("-", now_at("arman-1", almaty(16, 13)).c_str());
    STRCMP_EQUAL("-", next_at("arman-1", almaty(16, 13)).c_str());
}

TEST(StoreQueries, ACancelledScreeningIsNeitherNowNorNext) {
    STRCMP_EQUAL("s4", next_at("arman-1", almaty(15, 17)).c_str());
    STRCMP_EQUAL("-", now_at("arman-1", almaty(15, 18, 30)).c_str());
    STRCMP_EQUAL("s4", next_at("arman-1", almaty(15, 18, 30)).c_str());
}

TEST(StoreQueries, ADelayShiftsBothTheStartAndTheEnd) {
    // s4: published 20:00-22:00, delayed 20 minutes.
    STRCMP_EQUAL("-", now_at("arman-1", almaty(15, 20, 10)).c_str());
    STRCMP_EQUAL("s4", next_at("arman-1", almaty(15, 20, 10)).c_str());
    STRCMP_EQUAL("s4", now_at("arman-1", almaty(15, 20, 20)).c_str());
    STRCMP_EQUAL("s4", now_at("arman-1", almaty(15, 22, 10)).c_str());
    STRCMP_EQUAL("-", now_at("arman-1", almaty(15, 22, 20)).c_str());
    STRCMP_EQUAL("s5", next_at("arman-1", almaty(15, 22, 20)).c_str());
}

TEST(StoreQueries, NowCarriesTheFilmSectionHallVenueAndScreeningDetails) {
    const auto s1 = hall_at("arman-1", almaty(15, 11)).now;
    CHECK_TRUE(s1.has_value());
    STRCMP_EQUAL("tomiris", s1->film_id.c_str());
    check_text(text("tomiris"), s1->title);
    STRCMP_EQUAL("tomiris (original)", s1->original_title.c_str());
    LONGS_EQUAL(120, s1->runtime_min);
    STRCMP_EQUAL("16+", s1->age_rating.c_str());
    STRCMP_EQUAL("competition", s1->section_id.c_str());
    check_text(text("competition"), s1->section_name);
    STRCMP_EQUAL("#C0392B", s1->section_color.c_str());
    STRCMP_EQUAL("arman", s1->venue_id.c_str());
    check_text(text("arman"), s1->venue_name);
    STRCMP_EQUAL("arman-1", s1->hall_id.c_str());
    check_text(text("arman-1"), s1->hall_name);
    CHECK_TRUE(s1->starts_at == almaty(15, 10));
    CHECK_TRUE(s1->ends_at == almaty(15, 12));
    CHECK_TRUE(s1->status == Status::scheduled);
    check_text(text("with the director"), s1->note);
    CHECK_TRUE(s1->qa);
    CHECK_TRUE(s1->festival_day == september(15));

    const auto s4 = hall_at("arman-1", almaty(15, 21)).now;
    CHECK_TRUE(s4->status == Status::delayed);
    LONGS_EQUAL(20, s4->delay_min);
    CHECK_TRUE(s4->effective_start() == almaty(15, 20, 20));
    CHECK_FALSE(s4->qa);

    const auto s6 = hall_at("arman-1", almaty(16, 11)).now;
    STRCMP_EQUAL("", s6->section_id.c_str());
    CHECK_TRUE(s6->section_name.empty());
}

TEST(StoreQueries, DayProgrammeOfAVenueIsByStartTimeAndKeepsCancelledOnes) {
    check_ids("s1 s7 s2 s3 s4 s5", ids(store->day_programme("arman", september(15))));
    CHECK_TRUE(store->day_programme("arman", september(15))[3].status == Status::cancelled);
}

TEST(StoreQueries, ScreeningAfterMidnightBelongsToThePreviousFestivalDay) {
    const auto day15 = store->day_programme("arman", september(15));
    CHECK_TRUE(day15.back().festival_day == september(15));
    STRCMP_EQUAL("s5", day15.back().id.c_str());
    check_ids("s6", ids(store->day_programme("arman", september(16))));
}

TEST(StoreQueries, DayProgrammeOfEveryVenue) {
    check_ids("s1 s7 s2 s3 s4 s9 s5", ids(store->day_programme("", september(15))));
    check_ids("s6 s8", ids(store->day_programme("", september(16))));
    CHECK_TRUE(store->day_programme("", september(19)).empty());
}

TEST(StoreQueries, DayProgrammeFromAnInstantLeavesOutWhatHasEnded) {
    check_ids("s7 s2 s3 s4 s5", ids(store->day_programme("arman", september(15), almaty(15, 12))));
    // s4's delay keeps it until 22:20; the cancelled s3 ended at 19:40.
    check_ids("s4 s5", ids(store->day_programme("arman", september(15), almaty(15, 22, 10))));
}

TEST(StoreQueries, RestOfTheDayJustAfterMidnightIsStillThePreviousFestivalDay) {
    check_ids("s5", ids(store->rest_of_day("arman", almaty(16, 0, 10))));
    check_ids("s5", ids(store->rest_of_day("arman", almaty(16, 1))));
    check_ids("s6", ids(store->rest_of_day("arman", almaty(16, 9))));
    check_ids("s4 s9 s5", ids(store->rest_of_day("", almaty(15, 21, 30))));
}

TEST(StoreQueries, FilmScreeningsSpanEveryVenueByStartTime) {
    const auto screenings = store->film_screenings("tomiris");
    check_ids("s1 s4 s8", ids(screenings));
    STRCMP_EQUAL("arman", screenings[0].venue_id.c_str());
    STRCMP_EQUAL("kino", screenings[2].venue_id.c_str());
    check_text(text("kino"), screenings[2].venue_name);
    CHECK_TRUE(store->film_screenings("no-such-film").empty());
}

TEST(StoreQueries, AnnouncementsAreActiveFromTheirStartUntilJustBeforeTheirEnd) {
    check_ids("a1 a4", ids(store->active_announcements("arman", almaty(15, 8, 59))));
    check_ids("a2 a1", ids(store->active_announcements("arman", almaty(15, 10))));
    check_ids("a1", ids(store->active_announcements("arman", almaty(15, 12))));
    check_ids("a1", ids(store->active_announcements("arman", almaty(15, 9))));
}

TEST(StoreQueries, AnnouncementsForOtherVenuesAreLeftOut) {
    check_ids("a2 a1", ids(store->active_announcements("arman", almaty(15, 11, 30))));
    check_ids("a3 a1", ids(store->active_announcements("kino", almaty(15, 11, 30))));
    check_ids("a1", ids(store->active_announcements("lumiere", almaty(15, 11, 30))));
}

TEST(StoreQueries, AnnouncementsComeMostSevereFirstThenInFeedOrder) {
    check_ids("a3 a2 a1", ids(store->active_announcements("", almaty(15, 11, 30))));
    check_ids("a1 a4", ids(store->active_announcements("", almaty(15, 8))));
}

TEST(StoreQueries, AnnouncementReadsBackWhole) {
    const auto list = store->active_announcements("arman", almaty(15, 11));
    const Announcement& a2 = list.front();
    STRCMP_EQUAL("a2", a2.id.c_str());
    check_text(text("a2"), a2.text);
    CHECK_TRUE(a2.level == Level::urgent);
    CHECK_TRUE(a2.from == almaty(15, 10));
    CHECK_TRUE(a2.until == almaty(15, 12));
    check_ids("arman", a2.venues);
    const Announcement& a1 = list.back();
    CHECK_FALSE(a1.from.has_value());
    CHECK_FALSE(a1.until.has_value());
    CHECK_TRUE(a1.venues.empty());
    check_ids("arman kino", store->active_announcements("", almaty(15, 8)).back().venues);
}

TEST(StoreQueries, VenueMapReadsBackInFeedOrder) {
    const auto map = store->venue_map("arman");
    CHECK_TRUE(map.has_value());
    const VenueMap expected = arman_map();
    STRCMP_EQUAL("arman", map->venue.c_str());
    LONGS_EQUAL(expected.floors.size(), map->floors.size());
    for (std::size_t f = 0; f < expected.floors.size(); ++f) {
        const MapFloor& want = expected.floors[f];
        const MapFloor& got = map->floors[f];
        LONGS_EQUAL(want.level, got.level);
        check_text(want.name, got.name);
        DOUBLES_EQUAL(want.width, got.width, 0);
        DOUBLES_EQUAL(want.height, got.height, 0);
        STRCMP_EQUAL(want.image.c_str(), got.image.c_str());
        LONGS_EQUAL(want.areas.size(), got.areas.size());
        for (std::size_t a = 0; a < want.areas.size(); ++a) {
            STRCMP_EQUAL(want.areas[a].id.c_str(), got.areas[a].id.c_str());
            STRCMP_EQUAL(want.areas[a].kind.c_str(), got.areas[a].kind.c_str());
            check_text(want.areas[a].name, got.areas[a].name);
            CHECK_TRUE(want.areas[a].polygon == got.areas[a].polygon);
        }
    }
    LONGS_EQUAL(expected.nodes.size(), map->nodes.size());
    for (std::size_t n = 0; n < expected.nodes.size(); ++n) {
        const MapNode& want = expected.nodes[n];
        const MapNode& got = map->nodes[n];
        STRCMP_EQUAL(want.id.c_str(), got.id.c_str());
        LONGS_EQUAL(want.floor, got.floor);
        DOUBLES_EQUAL(want.x, got.x, 0);
        DOUBLES_EQUAL(want.y, got.y, 0);
        CHECK_TRUE(want.kind == got.kind);
        check_text(want.name, got.name);
        STRCMP_EQUAL(want.hall.c_str(), got.hall.c_str());
        CHECK_TRUE(want.facing_deg == got.facing_deg);
    }
    CHECK_TRUE(expected.north_deg == map->north_deg);
    LONGS_EQUAL(expected.edges.size(), map->edges.size());
    for (std::size_t e = 0; e < expected.edges.size(); ++e) {
        STRCMP_EQUAL(expected.edges[e].from.c_str(), map->edges[e].from.c_str());
        STRCMP_EQUAL(expected.edges[e].to.c_str(), map->edges[e].to.c_str());
        DOUBLES_EQUAL(expected.edges[e].length, map->edges[e].length, 0);
        CHECK_EQUAL(expected.edges[e].step_free, map->edges[e].step_free);
        CHECK_TRUE(expected.edges[e].kind == map->edges[e].kind);
        CHECK_EQUAL(expected.edges[e].one_way, map->edges[e].one_way);
    }
}

TEST(StoreQueries, AVenueWithoutAMapHasNone) {
    CHECK_FALSE(store->venue_map("kino").has_value());
    CHECK_FALSE(store->venue_map("nowhere").has_value());
}

TEST(StoreQueries, DayStartsAtComesFromTheFeed) {
    Feed feed = festival(2).build();
    feed.festival.day_starts_at_min = 0;  // days change at midnight
    store->apply(feed, almaty(14, 14));
    check_ids("s1 s7 s2 s3 s4", ids(store->day_programme("arman", september(15))));
    check_ids("s5 s6", ids(store->day_programme("arman", september(16))));
}

namespace {

void collect_sql(void* arg, sqlite3_stmt* stmt) {
    static_cast<std::set<std::string>*>(arg)->insert(sqlite3_sql(stmt));
}

int trace_statement(unsigned type, void* arg, void* stmt, void*) {
    if (type == SQLITE_TRACE_STMT) {
        collect_sql(arg, static_cast<sqlite3_stmt*>(stmt));
    }
    return 0;
}

std::vector<std::string> query_plan(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    const std::string explain = "EXPLAIN QUERY PLAN " + sql;
    if (sqlite3_prepare_v2(db, explain.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        FAIL(sqlite3_errmsg(db));
    }
    std::vector<std::string> details;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        details.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
    }
    sqlite3_finalize(stmt);
    return details;
}

}  // namespace

// s2 (arman-1, 15th 13:00) moved to arman-3; s9 (kino-1, 15th 21:00) moved to arman-2.
Feed with_moves() {
    Feed feed = festival(2).build();
    for (Screening& s : feed.screenings) {
        if (s.id == "s2") {
            s.status = Status::moved;
            s.moved_to = "arman-3";
        } else if (s.id == "s9") {
            s.status = Status::moved;
            s.moved_to = "arman-2";
        }
    }
    return feed;
}

TEST(StoreQueries, AMovedScreeningIsHeldInItsNewHallAndSaidToHaveMovedInItsOldOne) {
    store->apply(with_moves(), almaty(14, 14));
    const auto halls = store->now_and_next("arman", almaty(15, 13, 30));
    STRCMP_EQUAL("-", halls[0].now ? halls[0].now->id.c_str() : "-");
    STRCMP_EQUAL("s2", halls[0].away_now(almaty(15, 13, 30))->id.c_str());
    STRCMP_EQUAL("arman-3", halls[0].away[0].hall_id.c_str());
    check_text(text("arman-3"), halls[0].away[0].hall_name);
    check_text(text("arman-1"), halls[0].away[0].moved_from_hall_name);
    STRCMP_EQUAL("s2", halls[2].now->id.c_str());
    STRCMP_EQUAL("arman-1", halls[2].now->moved_from_hall_id.c_str());
}

TEST(StoreQueries, AScreeningMovedFromAnotherVenueIsInTheNewVenuesNowAndProgramme) {
    store->apply(with_moves(), almaty(14, 14));
    STRCMP_EQUAL("s9", now_at("arman-2", almaty(15, 21, 30)).c_str());
    const auto arman = store->day_programme("arman", september(15));
    const auto s9 = std::find_if(arman.begin(), arman.end(),
                                 [](const ScreeningView& s) { return s.id == "s9"; });
    CHECK_TRUE(s9 != arman.end());
    STRCMP_EQUAL("arman", s9->venue_id.c_str());
    STRCMP_EQUAL("kino-1", s9->moved_from_hall_id.c_str());
    // The old venue's programme still lists it, at its new hall, so its visitors learn of it.
    check_ids("s9", ids(store->day_programme("kino", september(15))));
}

TEST(StoreQueries, AMovedScreeningsNewHallMustExist) {
    Feed feed = with_moves();
    feed.screenings[1].moved_to = "nowhere";
    const std::string error = error_of([&] { store->apply(feed, almaty(14, 14)); });
    STRCMP_CONTAINS("moved to unknown hall \"nowhere\"", error.c_str());
    LONGS_EQUAL(1, store->info()->sequence);
}

TEST(StoreQueries, ScreeningQueriesSearchAnIndexInsteadOfScanningTheTable) {
    std::set<std::string> statements;
    sqlite3_trace_v2(store->handle(), SQLITE_TRACE_STMT, trace_statement, &statements);
    (void)store->now_and_next("arman", almaty(15, 11));
    (void)store->day_programme("arman", september(15));
    (void)store->day_programme("", september(15));
    (void)store->rest_of_day("arman", almaty(15, 11));
    (void)store->film_screenings("tomiris");
    (void)store->active_announcements("arman", almaty(15, 11));
    sqlite3_trace_v2(store->handle(), 0, nullptr, nullptr);

    int checked = 0;
    for (const std::string& sql : statements) {
        if (sql.find("FROM screenings AS s") == std::string::npos) {
            continue;
        }
        ++checked;
        for (const std::string& step : query_plan(store->handle(), sql)) {
            if (step == "SCAN s" || step.starts_with("SCAN s ")) {
                FAIL(("full scan of screenings: " + step + " in" + sql).c_str());
            }
        }
    }
    LONGS_EQUAL(4, checked);  // now and next, one venue's day, every venue's day, one film's
}

// ================================================================================================

TEST_GROUP(StoreMigration) {
    TempCache* cache = nullptr;

    void setup() override {
        test::preload_time_zones();
        cache = new TempCache;
    }
    void teardown() override { delete cache; }

    void load_v1_fixture() const {
        exec_sql(cache->path(), read_file(std::string(AFF_TEST_DATADIR) + "/cache/cache-v1.sql"));
    }
};

TEST(StoreMigration, ANewCacheIsAtTheCurrentSchemaVersion) {
    Store store = Store::open(cache->path());
    LONGS_EQUAL(Store::schema_version, query_long(store.handle(), "PRAGMA user_version"));
    LONGS_EQUAL(5, Store::schema_version);
}

TEST(StoreMigration, AVersionOneCacheIsUpgradedAndItsContentStaysReadable) {
    load_v1_fixture();
    Store store = Store::open(cache->path());
    LONGS_EQUAL(Store::schema_version, query_long(store.handle(), "PRAGMA user_version"));

    const auto info = store.info();
    LONGS_EQUAL(7, info->sequence);
    CHECK_TRUE(info->generated_at == almaty(14, 12));
    CHECK_TRUE(info->applied_at == almaty(14, 12, 5));
    check_text(text("Алматы кинофестивалі", "Алматинский кинофестиваль", "Almaty Film Festival"),
               info->festival_name);
    STRCMP_EQUAL("Asia/Almaty", store.timezone()->name().c_str());

    check_ids("s1 s2", ids(store.day_programme("arman", september(15))));
    check_ids("s3", ids(store.day_programme("", september(16))));
    const auto halls = store.now_and_next("arman", almaty(15, 11));
    STRCMP_EQUAL("s1", halls[0].now->id.c_str());
    STRCMP_EQUAL("s2", halls[0].next->id.c_str());
    CHECK_TRUE(halls[0].now->qa);
    CHECK_TRUE(store.film_screenings("ayka")[1].status == Status::sold_out);
    check_ids("ru en", store.film("tomiris")->subtitles);
    check_ids("a1", ids(store.active_announcements("arman", almaty(15, 11))));
    const auto map = store.venue_map("arman");
    STRCMP_EQUAL("foyer", map->floors[0].areas[0].id.c_str());
    STRCMP_EQUAL("arman-1", map->nodes[1].hall.c_str());
    LONGS_EQUAL(0, store.sync_state().consecutive_failures);
    CHECK_FALSE(info->demo);
}

TEST(StoreMigration, AnUpgradedCacheTakesANewFeed) {
    load_v1_fixture();
    Store store = Store::open(cache->path());
    store.apply(festival(8).build(), almaty(15, 9));
    LONGS_EQUAL(8, store.info()->sequence);
    check_ids("s1 s4 s8", ids(store.film_screenings("tomiris")));
}

TEST(StoreMigration, TheVersionOneFixtureMatchesWhatMigrationOneCreates) {
    load_v1_fixture();
    const Store fresh = Store::open(cache->sibling("fresh"));
    sqlite3* v1 = nullptr;
    LONGS_EQUAL(SQLITE_OK, sqlite3_open(cache->path().c_str(), &v1));
    sqlite3_stmt* stmt = nullptr;
    LONGS_EQUAL(SQLITE_OK, sqlite3_prepare_v2(v1,
                                              "SELECT name, sql FROM sqlite_schema "
                                              "WHERE sql IS NOT NULL",
                                              -1, &stmt, nullptr));
    int objects = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ++objects;
        const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const std::string sql = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
        std::string fresh_sql;
        sqlite3_stmt* lookup = nullptr;
        LONGS_EQUAL(SQLITE_OK, sqlite3_prepare_v2(fresh.handle(),
                                                  "SELECT sql FROM sqlite_schema WHERE name = ?",
                                                  -1, &lookup, nullptr));
        sqlite3_bind_text(lookup, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(lookup) == SQLITE_ROW) {
            fresh_sql = reinterpret_cast<const char*>(sqlite3_column_text(lookup, 0));
        }
        sqlite3_finalize(lookup);
        // Version 3 adds a column to the screenings (ALTER TABLE writes it into the table's SQL).
        const std::string added = "\n, moved_to_hall_id TEXT REFERENCES halls (id))";
        if (name == "screenings" && fresh_sql.find(added) != std::string::npos) {
            fresh_sql.replace(fresh_sql.find(added), added.size(), "\n)");
        }
        // Version 4 adds one to the feed's metadata.
        const std::string demo = "\n, demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)))";
        if (name == "feed_meta" && fresh_sql.find(demo) != std::string::npos) {
            fresh_sql.replace(fresh_sql.find(demo), demo.size(), "\n)");
        }
        // Version 5 adds the map's geometry: a column to maps and nodes, two to edges.
        for (const auto& [table, column] :
             std::initializer_list<std::pair<std::string_view, std::string_view>>{
                 {"maps", "north_deg REAL"},
                 {"map_nodes", "facing_deg REAL"},
                 {"map_edges", "kind TEXT NOT NULL DEFAULT 'walk'"},
                 {"map_edges", "one_way INTEGER NOT NULL DEFAULT 0 CHECK (one_way IN (0, 1))"}}) {
            const std::string added = ", " + std::string(column);
            if (name == table && fresh_sql.find(added) != std::string::npos) {
                fresh_sql.erase(fresh_sql.find(added), added.size());
            }
        }
        STRCMP_EQUAL_TEXT(sql.c_str(), fresh_sql.c_str(), name.c_str());
    }
    sqlite3_finalize(stmt);
    sqlite3_close(v1);
    LONGS_EQUAL(17, objects);  // 14 tables, 3 indexes
}

TEST(StoreMigration, ACacheFromANewerProgramIsRefusedAndLeftUntouched) {
    exec_sql(cache->path(),
             "PRAGMA application_id = 1095124555; CREATE TABLE future (x INTEGER);"
             "PRAGMA user_version = 6;");
    const std::string before = read_file(cache->path());

    const std::string error = error_of([&] { (void)Store::open(cache->path()); });

    STRCMP_CONTAINS(cache->path().c_str(), error.c_str());
    STRCMP_CONTAINS("schema version 6 is newer than this program's 5", error.c_str());
    CHECK_TRUE(before == read_file(cache->path()));
    CHECK_FALSE(std::filesystem::exists(cache->path() + "-wal"));
}

TEST(StoreMigration, AFileThatIsNotADatabaseIsRefused) {
    std::string garbage;
    for (int i = 0; i < 200; ++i) {
        garbage += "this is not a database, just some text. ";
    }
    write_file(cache->path(), garbage);

    const std::string error = error_of([&] { (void)Store::open(cache->path()); });

    STRCMP_CONTAINS("file is not a database", error.c_str());
    CHECK_TRUE(error.find('\n') == std::string::npos);
    CHECK_TRUE(garbage == read_file(cache->path()));
}

TEST(StoreMigration, ASqliteDatabaseOfSomethingElseIsRefused) {
    exec_sql(cache->path(), "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');");
    const std::string error = error_of([&] { (void)Store::open(cache->path()); });
    STRCMP_CONTAINS("not a kiosk cache", error.c_str());
}

TEST(StoreMigration, ADamagedCacheIsRefused) {
    {
        Store store = Store::open(cache->path());
        store.apply(festival().build(), almaty(14, 13));
    }
    // The last two pages hold content, not the schema: the file opens, quick_check fails.
    std::string bytes = read_file(cache->path());
    CHECK_TRUE(bytes.size() > 8 * 4096);
    for (std::size_t i = bytes.size() - 2 * 4096; i < bytes.size(); ++i) {
        bytes[i] = static_cast<char>(0xA5 ^ (i & 0xFF));
    }
    write_file(cache->path(), bytes);

    const std::string error = error_of([&] { (void)Store::open(cache->path()); });

    STRCMP_CONTAINS(cache->path().c_str(), error.c_str());
    STRCMP_CONTAINS("damaged (quick_check: ", error.c_str());
    CHECK_TRUE(error.find('\n') == std::string::npos);
}

TEST(StoreMigration, AnUnopenablePathIsRefused) {
    const std::string path = std::string(AFF_TEST_TMPDIR) + "/no/such/dir/cache.db";
    const std::string error = error_of([&] { (void)Store::open(path); });
    STRCMP_CONTAINS("unable to open database file", error.c_str());
}

TEST(StoreMigration, OpeningAnUpToDateCacheAgainChangesNothing) {
    {
        Store store = Store::open(cache->path());
        store.apply(festival(4).build(), almaty(14, 13));
    }
    Store store = Store::open(cache->path());
    LONGS_EQUAL(Store::schema_version, query_long(store.handle(), "PRAGMA user_version"));
    LONGS_EQUAL(4, store.info()->sequence);
}

// ================================================================================================
// A snapshot: the cache in memory, the file only read.

TEST_GROUP(StoreSnapshot) {
    TempCache* cache = nullptr;

    void setup() override {
        test::preload_time_zones();
        cache = new TempCache;
    }
    void teardown() override { delete cache; }

    // The files beside the cache (its directory holds other tests' files too), with their bytes.
    std::vector<std::pair<std::string, std::string>> files() const {
        std::vector<std::pair<std::string, std::string>> found;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (std::filesystem::exists(cache->path() + suffix)) {
                found.emplace_back(suffix, read_file(cache->path() + suffix));
            }
        }
        return found;
    }
};

TEST(StoreSnapshot, ASnapshotReadsTheCacheAndWritesOrCreatesNothing) {
    { Store::open(cache->path()).apply(festival(9).build(), almaty(14, 12)); }
    const auto before = files();
    LONGS_EQUAL(1, before.size());
    {
        const Store snapshot = Store::open_snapshot(cache->path());
        LONGS_EQUAL(9, snapshot.info()->sequence);
        STRCMP_EQUAL("arman", snapshot.venues().at(0).id.c_str());
    }
    CHECK_TRUE(before == files());
}

TEST(StoreSnapshot, ASnapshotReadsWhatAnOpenWriterHasOnlyInItsWal) {
    Store writer = Store::open(cache->path());
    writer.apply(festival(9).build(), almaty(14, 12));
    const auto before = files();
    LONGS_EQUAL(3, before.size());  // the file, its WAL, its shared memory
    const std::string file = read_file(cache->path());
    const std::string wal = read_file(cache->path() + "-wal");
    LONGS_EQUAL(9, Store::open_snapshot(cache->path()).info()->sequence);
    LONGS_EQUAL(3, files().size());
    CHECK_TRUE(file == read_file(cache->path()));
    CHECK_TRUE(wal == read_file(cache->path() + "-wal"));
}

TEST(StoreSnapshot, ASnapshotOfAnOlderSchemaIsUpgradedInMemoryAndTheFileStaysAsItWas) {
    exec_sql(cache->path(), read_file(std::string(AFF_TEST_DATADIR) + "/cache/cache-v1.sql"));
    const auto before = files();
    {
        Store snapshot = Store::open_snapshot(cache->path());
        LONGS_EQUAL(Store::schema_version, query_long(snapshot.handle(), "PRAGMA user_version"));
        LONGS_EQUAL(7, snapshot.info()->sequence);
        // What is applied to a snapshot stays in it.
        snapshot.apply(festival(8).build(), almaty(15, 9));
        LONGS_EQUAL(8, snapshot.info()->sequence);
    }
    CHECK_TRUE(before == files());
    LONGS_EQUAL(7, Store::open_snapshot(cache->path()).info()->sequence);
}

TEST(StoreSnapshot, ADamagedFileIsRefusedAndLeftAsItIs) {
    const std::string garbage(8192, '\x5a');
    write_file(cache->path(), garbage);
    const std::string error = error_of([&] { (void)Store::open_snapshot(cache->path()); });
    STRCMP_CONTAINS(cache->path().c_str(), error.c_str());
    STRCMP_CONTAINS("file is not a database", error.c_str());
    CHECK_TRUE(garbage == read_file(cache->path()));
    LONGS_EQUAL(1, files().size());
}

TEST(StoreSnapshot, NoFileIsRefusedAndNoneIsCreated) {
    const std::string error = error_of([&] { (void)Store::open_snapshot(cache->path()); });
    STRCMP_CONTAINS("no such file", error.c_str());
    CHECK_TRUE(files().empty());
}

TEST(StoreSnapshot, AnEmptyFileIsAnEmptyCache) {
    write_file(cache->path(), "");
    CHECK_TRUE(Store::open_snapshot(cache->path()).empty());
    LONGS_EQUAL(1, files().size());
    STRCMP_EQUAL("", read_file(cache->path()).c_str());
}

TEST(StoreSnapshot, APathWithCharactersAUriReadsOtherwiseIsReadAsItIs) {
    const std::string odd = cache->sibling("odd ?mode=rwc#%41");
    { Store::open(odd).apply(festival(3).build(), almaty(14, 12)); }
    LONGS_EQUAL(3, Store::open_snapshot(odd).info()->sequence);
}

}  // namespace aff
