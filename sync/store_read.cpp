// The cache read back: the feed's info, venues, now and next, day programmes, films, assets,
// announcements and maps. Opening and writing are in store.cpp.
#include "sync/store.hpp"

#include "sync/store_schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace aff {

using store_detail::DbHandle;
using store_detail::Statement;
using store_detail::Transaction;

namespace {

// ---- Lists as JSON text ----

nlohmann::json parse_json_array(const std::string& text, std::string_view what) {
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_array()) {
        throw StoreError("the cache holds a malformed " + std::string(what) + " list");
    }
    return json;
}

std::vector<std::string> string_list(const std::string& text, std::string_view what) {
    std::vector<std::string> list;
    for (const auto& item : parse_json_array(text, what)) {
        if (!item.is_string()) {
            throw StoreError("the cache holds a malformed " + std::string(what) + " list");
        }
        list.push_back(item.get<std::string>());
    }
    return list;
}

std::vector<std::array<double, 2>> polygon_points(const std::string& text) {
    std::vector<std::array<double, 2>> points;
    for (const auto& item : parse_json_array(text, "polygon")) {
        if (!item.is_array() || item.size() != 2 || !item[0].is_number() ||
            !item[1].is_number()) {
            throw StoreError("the cache holds a malformed polygon");
        }
        points.push_back({item[0].get<double>(), item[1].get<double>()});
    }
    return points;
}
// ---- Codes read back from the cache ----

template <typename T>
T decode(std::optional<T> value, std::string_view what, const std::string& code) {
    if (!value) {
        throw StoreError("the cache holds an unknown " + std::string(what) + " \"" + code + "\"");
    }
    return *value;
}

Date decode_date(const std::string& text) {
    return decode(parse_date(text), "date", text);
}

int severity(Level level) {
    switch (level) {
    case Level::emergency:
        return 2;
    case Level::urgent:
        return 1;
    case Level::info:
        break;
    }
    return 0;
}
// ---- Reading ----

// A screening at the hall where it takes place (h, v): its new one when it moved (the feed's
// moved_to), with the hall the feed lists it in as moved_from (o).
constexpr std::string_view screening_view_sql = R"sql(
SELECT s.id, s.film_id, f.title_kk, f.title_ru, f.title_en, f.original_title, f.runtime_min,
       f.age_rating, COALESCE(f.section_id, ''), COALESCE(c.name_kk, ''), COALESCE(c.name_ru, ''),
       COALESCE(c.name_en, ''), COALESCE(c.color, ''), h.venue_id, v.name_kk, v.name_ru,
       v.name_en, h.id, h.name_kk, h.name_ru, h.name_en, COALESCE(o.id, ''),
       COALESCE(o.name_kk, ''), COALESCE(o.name_ru, ''), COALESCE(o.name_en, ''), s.starts_at,
       s.ends_at, s.status, s.delay_min, s.note_kk, s.note_ru, s.note_en, s.qa, s.festival_day
FROM screenings AS s
JOIN films AS f ON f.id = s.film_id
JOIN halls AS h ON h.id = COALESCE(s.moved_to_hall_id, s.hall_id)
JOIN venues AS v ON v.id = h.venue_id
LEFT JOIN halls AS o ON o.id = s.hall_id AND s.moved_to_hall_id IS NOT NULL
LEFT JOIN sections AS c ON c.id = f.section_id
)sql";

std::string screening_query(std::string_view where_and_order) {
    return std::string(screening_view_sql) + std::string(where_and_order);
}

ScreeningView read_screening(Statement& stmt) {
    ScreeningView v;
    v.id = stmt.next_text();
    v.film_id = stmt.next_text();
    v.title = stmt.next_lang_text();
    v.original_title = stmt.next_text();
    v.runtime_min = stmt.next_int();
    v.age_rating = stmt.next_text();
    v.section_id = stmt.next_text();
    v.section_name = stmt.next_lang_text();
    v.section_color = stmt.next_text();
    v.venue_id = stmt.next_text();
    v.venue_name = stmt.next_lang_text();
    v.hall_id = stmt.next_text();
    v.hall_name = stmt.next_lang_text();
    v.moved_from_hall_id = stmt.next_text();
    v.moved_from_hall_name = stmt.next_lang_text();
    v.starts_at = stmt.next_instant();
    v.ends_at = stmt.next_instant();
    const std::string status = stmt.next_text();
    v.status = decode(status_from_code(status), "screening status", status);
    v.delay_min = stmt.next_int();
    v.note = stmt.next_lang_text();
    v.qa = stmt.next_bool();
    v.festival_day = decode_date(stmt.next_text());
    return v;
}

std::vector<ScreeningView> read_screenings(Statement& stmt) {
    std::vector<ScreeningView> list;
    while (stmt.step()) {
        list.push_back(read_screening(stmt));
    }
    return list;
}

std::vector<Hall> read_halls(Statement& stmt, const std::string& venue_id) {
    stmt.bind(venue_id);
    std::vector<Hall> halls;
    while (stmt.step()) {
        Hall& h = halls.emplace_back();
        h.id = stmt.next_text();
        h.name = stmt.next_lang_text();
        h.seats = stmt.next_optional_int();
        h.map_node = stmt.next_text();
    }
    stmt.reset();
    return halls;
}

constexpr const char* halls_sql =
    "SELECT id, name_kk, name_ru, name_en, seats, map_node FROM halls WHERE venue_id = ? "
    "ORDER BY ord";
constexpr const char* venues_sql =
    "SELECT id, name_kk, name_ru, name_en, address_kk, address_ru, address_en, lat, lon "
    "FROM venues";

VenueInfo read_venue(Statement& stmt) {
    VenueInfo v;
    v.id = stmt.next_text();
    v.name = stmt.next_lang_text();
    v.address = stmt.next_lang_text();
    if (!stmt.next_is_null()) {
        const double lat = stmt.next_double();
        v.location = LatLon{lat, stmt.next_double()};
    }
    return v;
}

Film read_film(Statement& stmt) {
    Film f;
    f.id = stmt.next_text();
    f.title = stmt.next_lang_text();
    f.original_title = stmt.next_text();
    f.year = stmt.next_int();
    f.countries = string_list(stmt.next_text(), "countries");
    f.runtime_min = stmt.next_int();
    f.age_rating = stmt.next_text();
    f.section = stmt.next_text();
    f.director = stmt.next_lang_text();
    f.synopsis = stmt.next_lang_text();
    f.spoken_languages = string_list(stmt.next_text(), "spoken languages");
    f.subtitles = string_list(stmt.next_text(), "subtitles");
    f.poster = stmt.next_text();
    return f;
}

}  // namespace
std::optional<FeedInfo> Store::info() const {
    Statement stmt(db_,
                   "SELECT sequence, generated_at, expires_at, applied_at, festival_id, "
                   "festival_name_kk, festival_name_ru, festival_name_en, timezone, first_day, "
                   "last_day, day_starts_at_min, url, demo FROM feed_meta WHERE id = 1");
    if (!stmt.step()) {
        return std::nullopt;
    }
    FeedInfo info;
    info.sequence = stmt.next_int64();
    info.generated_at = stmt.next_instant();
    info.expires_at = stmt.next_optional_instant();
    info.applied_at = stmt.next_instant();
    info.festival_id = stmt.next_text();
    info.festival_name = stmt.next_lang_text();
    info.timezone = stmt.next_text();
    info.first_day = decode_date(stmt.next_text());
    info.last_day = decode_date(stmt.next_text());
    info.day_starts_at_min = stmt.next_int();
    info.url = stmt.next_text();
    info.demo = stmt.next_bool();
    return info;
}

std::optional<TimeZone> Store::timezone() const {
    const auto held = info();
    if (!held) {
        return std::nullopt;
    }
    auto zone = TimeZone::load(held->timezone);
    if (!zone) {
        throw StoreError("the cache's time zone \"" + held->timezone +
                         "\" is not in this system's tz database");
    }
    return zone;
}

std::vector<VenueInfo> Store::venues() const {
    Transaction snapshot(db_, Transaction::Kind::read);
    Statement venues(db_, std::string(venues_sql) + " ORDER BY ord");
    Statement halls(db_, halls_sql);
    std::vector<VenueInfo> list;
    while (venues.step()) {
        list.push_back(read_venue(venues));
        list.back().halls = read_halls(halls, list.back().id);
    }
    return list;
}

std::optional<VenueInfo> Store::venue(const std::string& venue_id) const {
    Transaction snapshot(db_, Transaction::Kind::read);
    Statement stmt(db_, std::string(venues_sql) + " WHERE id = ?");
    stmt.bind(venue_id);
    if (!stmt.step()) {
        return std::nullopt;
    }
    VenueInfo venue = read_venue(stmt);
    Statement halls(db_, halls_sql);
    venue.halls = read_halls(halls, venue_id);
    return venue;
}

std::vector<HallNowNext> Store::now_and_next(const std::string& venue_id, Instant t) const {
    Transaction snapshot(db_, Transaction::Kind::read);
    Statement halls(db_, halls_sql);
    std::vector<Hall> venue_halls = read_halls(halls, venue_id);
    // Every screening that concerns the venue's halls and is not over at T: held there, called
    // off there, moved there or moved away. The rule for each hall is hall_now_next's.
    Statement stmt(db_, screening_query(R"sql(
WHERE (s.venue_id = ?1 OR s.moved_to_hall_id IN (SELECT id FROM halls WHERE venue_id = ?1))
  AND s.ends_at + 60 * s.delay_min > ?2
ORDER BY s.starts_at, s.ord
)sql"));
    stmt.bind_all(venue_id, t);
    const std::vector<ScreeningView> upcoming = read_screenings(stmt);
    std::vector<HallNowNext> list;
    for (Hall& hall : venue_halls) {
        list.push_back(hall_now_next(std::move(hall.id), std::move(hall.name), upcoming, t));
    }
    return list;
}

std::vector<ScreeningView> Store::day_programme(const std::string& venue_id, Date day,
                                                std::optional<Instant> from) const {
    // Two statements rather than "?1 = '' OR ...", so each can use its own index. A venue's
    // programme holds what is held there and what moved away from there.
    if (venue_id.empty()) {
        Statement stmt(db_, screening_query(R"sql(
WHERE s.festival_day = ?1 AND (?2 IS NULL OR s.ends_at + 60 * s.delay_min > ?2)
ORDER BY s.starts_at, s.ord
)sql"));
        stmt.bind_all(format_date(day), from);
        return read_screenings(stmt);
    }
    Statement stmt(db_, screening_query(R"sql(
WHERE s.festival_day = ?2
  AND (s.venue_id = ?1 OR s.moved_to_hall_id IN (SELECT id FROM halls WHERE venue_id = ?1))
  AND (?3 IS NULL OR s.ends_at + 60 * s.delay_min > ?3)
ORDER BY s.starts_at, s.ord
)sql"));
    stmt.bind_all(venue_id, format_date(day), from);
    return read_screenings(stmt);
}

std::vector<ScreeningView> Store::rest_of_day(const std::string& venue_id, Instant t) const {
    Transaction snapshot(db_, Transaction::Kind::read);
    const auto held = info();
    const auto zone = timezone();
    if (!held || !zone) {
        return {};
    }
    return day_programme(venue_id, festival_day(*zone, t, held->day_starts_at_min), t);
}

std::vector<ScreeningView> Store::film_screenings(const std::string& film_id) const {
    Statement stmt(db_, screening_query("WHERE s.film_id = ?1 ORDER BY s.starts_at, s.ord"));
    stmt.bind(film_id);
    return read_screenings(stmt);
}

std::optional<Film> Store::film(const std::string& film_id) const {
    Statement stmt(db_,
                   "SELECT id, title_kk, title_ru, title_en, original_title, year, countries, "
                   "runtime_min, age_rating, COALESCE(section_id, ''), director_kk, director_ru, "
                   "director_en, synopsis_kk, synopsis_ru, synopsis_en, spoken_languages, "
                   "subtitles, COALESCE(poster_id, '') FROM films WHERE id = ?");
    stmt.bind(film_id);
    if (!stmt.step()) {
        return std::nullopt;
    }
    return read_film(stmt);
}

namespace {
Asset read_asset(Statement& stmt) {
    Asset a;
    a.id = stmt.next_text();
    a.path = stmt.next_text();
    a.sha256 = stmt.next_text();
    a.size = static_cast<std::uint64_t>(stmt.next_int64());
    a.type = stmt.next_text();
    return a;
}
}  // namespace

std::optional<Asset> Store::asset(const std::string& asset_id) const {
    Statement stmt(db_, "SELECT id, path, sha256, size, type FROM assets WHERE id = ?");
    stmt.bind(asset_id);
    if (!stmt.step()) {
        return std::nullopt;
    }
    return read_asset(stmt);
}

std::vector<Asset> Store::assets() const {
    Statement stmt(db_, "SELECT id, path, sha256, size, type FROM assets ORDER BY ord");
    std::vector<Asset> list;
    while (stmt.step()) {
        list.push_back(read_asset(stmt));
    }
    return list;
}

std::vector<Section> Store::sections() const {
    Statement stmt(db_,
                   "SELECT id, name_kk, name_ru, name_en, color FROM sections ORDER BY ord");
    std::vector<Section> list;
    while (stmt.step()) {
        Section& s = list.emplace_back();
        s.id = stmt.next_text();
        s.name = stmt.next_lang_text();
        s.color = stmt.next_text();
    }
    return list;
}

std::vector<Announcement> Store::active_announcements(const std::string& venue_id,
                                                      Instant t) const {
    Transaction snapshot(db_, Transaction::Kind::read);
    Statement stmt(db_, R"sql(
SELECT a.id, a.text_kk, a.text_ru, a.text_en, a.level, a.from_at, a.until_at
FROM announcements AS a
WHERE (a.from_at IS NULL OR a.from_at <= ?2) AND (a.until_at IS NULL OR ?2 < a.until_at)
  AND (?1 = ''
       OR NOT EXISTS (SELECT 1 FROM announcement_venues AS x WHERE x.announcement_id = a.id)
       OR EXISTS (SELECT 1 FROM announcement_venues AS x
                  WHERE x.announcement_id = a.id AND x.venue_id = ?1))
ORDER BY a.ord
)sql");
    Statement venues(db_,
                     "SELECT venue_id FROM announcement_venues WHERE announcement_id = ? "
                     "ORDER BY ord");
    stmt.bind_all(venue_id, t);
    std::vector<Announcement> list;
    while (stmt.step()) {
        Announcement& a = list.emplace_back();
        a.id = stmt.next_text();
        a.text = stmt.next_lang_text();
        const std::string level = stmt.next_text();
        a.level = decode(level_from_code(level), "announcement level", level);
        a.from = stmt.next_optional_instant();
        a.until = stmt.next_optional_instant();
        venues.bind(a.id);
        while (venues.step()) {
            a.venues.push_back(venues.next_text());
        }
        venues.reset();
    }
    std::stable_sort(list.begin(), list.end(), [](const Announcement& x, const Announcement& y) {
        return severity(x.level) > severity(y.level);
    });
    return list;
}

std::optional<VenueMap> Store::venue_map(const std::string& venue_id) const {
    Transaction snapshot(db_, Transaction::Kind::read);
    Statement exists(db_, "SELECT north_deg FROM maps WHERE venue_id = ?");
    exists.bind(venue_id);
    if (!exists.step()) {
        return std::nullopt;
    }
    VenueMap map;
    map.venue = venue_id;
    map.north_deg = exists.next_optional_double();

    Statement floors(db_,
                     "SELECT level, name_kk, name_ru, name_en, width, height, "
                     "COALESCE(image_id, '') FROM map_floors WHERE venue_id = ? ORDER BY ord");
    floors.bind(venue_id);
    while (floors.step()) {
        MapFloor& f = map.floors.emplace_back();
        f.level = floors.next_int();
        f.name = floors.next_lang_text();
        f.width = floors.next_double();
        f.height = floors.next_double();
        f.image = floors.next_text();
    }

    Statement areas(db_,
                    "SELECT floor_level, id, kind, name_kk, name_ru, name_en, polygon "
                    "FROM map_areas WHERE venue_id = ? ORDER BY ord");
    areas.bind(venue_id);
    while (areas.step()) {
        const int level = areas.next_int();
        const auto floor = std::find_if(map.floors.begin(), map.floors.end(),
                                        [&](const MapFloor& f) { return f.level == level; });
        if (floor == map.floors.end()) {
            throw StoreError("the cache holds a map area on a missing floor");
        }
        MapArea& a = floor->areas.emplace_back();
        a.id = areas.next_text();
        a.kind = areas.next_text();
        a.name = areas.next_lang_text();
        a.polygon = polygon_points(areas.next_text());
    }

    Statement nodes(db_,
                    "SELECT id, floor_level, x, y, kind, name_kk, name_ru, name_en, "
                    "COALESCE(hall_id, ''), facing_deg FROM map_nodes WHERE venue_id = ? ORDER BY ord");
    nodes.bind(venue_id);
    while (nodes.step()) {
        MapNode& n = map.nodes.emplace_back();
        n.id = nodes.next_text();
        n.floor = nodes.next_int();
        n.x = nodes.next_double();
        n.y = nodes.next_double();
        const std::string kind = nodes.next_text();
        n.kind = decode(node_kind_from_code(kind), "map node kind", kind);
        n.name = nodes.next_lang_text();
        n.hall = nodes.next_text();
        n.facing_deg = nodes.next_optional_double();
    }

    Statement edges(db_,
                    "SELECT from_node, to_node, length, kind, step_free, one_way FROM map_edges "
                    "WHERE venue_id = ? ORDER BY ord");
    edges.bind(venue_id);
    while (edges.step()) {
        MapEdge& e = map.edges.emplace_back();
        e.from = edges.next_text();
        e.to = edges.next_text();
        e.length = edges.next_double();
        const std::string kind = edges.next_text();
        e.kind = decode(edge_kind_from_code(kind), "map edge kind", kind);
        e.step_free = edges.next_bool();
        e.one_way = edges.next_bool();
    }
    return map;
}
}  // namespace aff
