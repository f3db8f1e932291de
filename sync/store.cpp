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

std::string to_json(const std::vector<std::string>& list) {
    // Replace rather than throw on invalid UTF-8: the parser has checked it, this is a backstop.
    return nlohmann::json(list).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<std::array<double, 2>>& polygon) {
    return nlohmann::json(polygon).dump();
}

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

// ---- Writing a feed ----

// "INSERT INTO t (a, b_kk, b_ru, b_en) VALUES (?, ?, ?, ?)" from "a b*": a trailing * names a
// Text, stored as three columns.
std::string insert_sql(std::string_view table, std::string_view columns) {
    std::string names;
    std::string marks;
    auto add = [&](std::string_view name) {
        names += names.empty() ? "" : ", ";
        names += name;
        marks += marks.empty() ? "?" : ", ?";
    };
    while (!columns.empty()) {
        const auto end = std::min(columns.find(' '), columns.size());
        const auto column = columns.substr(0, end);
        columns.remove_prefix(std::min(end + 1, columns.size()));
        if (column.ends_with('*')) {
            // In the order of Text::by_lang, which Statement::bind(Text) follows.
            const auto base = std::string(column.substr(0, column.size() - 1));
            for (const char* suffix : {"_kk", "_ru", "_en"}) {
                add(base + suffix);
            }
        } else if (!column.empty()) {
            add(column);
        }
    }
    return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + marks + ")";
}

// All the content. Foreign keys are off while apply() runs (see ForeignKeysCheckedAtCommit), so
// SQLite empties each table whole instead of row by row.
constexpr const char* delete_content_sql = R"sql(
DELETE FROM map_edges;
DELETE FROM map_nodes;
DELETE FROM map_areas;
DELETE FROM map_floors;
DELETE FROM maps;
DELETE FROM announcement_venues;
DELETE FROM announcements;
DELETE FROM screenings;
DELETE FROM films;
DELETE FROM sections;
DELETE FROM halls;
DELETE FROM venues;
DELETE FROM assets;
DELETE FROM feed_meta;
)sql";

// Writes one feed's rows inside the caller's transaction, parents before children. Every
// statement is prepared once and reused for all its rows. Errors name the row that failed.
class FeedWriter {
public:
    FeedWriter(sqlite3* db, const Feed& feed, const TimeZone& zone)
        : db_(db), feed_(feed), zone_(zone) {}

    void write(Instant applied_at) {
        store_detail::exec(db_, delete_content_sql);
        write_meta(applied_at);
        write_assets();
        write_venues();
        write_sections();
        write_films();
        write_screenings();
        write_announcements();
        write_maps();
    }

private:
    // Runs one insert; a failure names the row it was writing.
    template <typename... Args>
    void insert(Statement& stmt, std::string_view kind, std::string_view id, const Args&... args) {
        try {
            stmt.bind_all(args...).run();
        } catch (const StoreError&) {
            const std::string reason = sqlite3_errmsg(db_);
            stmt.reset();
            throw StoreError(std::string(kind) + " \"" + std::string(id) + "\": " + reason);
        }
    }

    void write_meta(Instant applied_at) {
        Statement stmt(db_, insert_sql("feed_meta",
                                       "id feed_version sequence generated_at expires_at "
                                       "applied_at festival_id festival_name* timezone first_day "
                                       "last_day day_starts_at_min url"));
        const Festival& f = feed_.festival;
        insert(stmt, "festival", f.id, 1, feed_.version, feed_.sequence, feed_.generated_at,
               feed_.expires_at, applied_at, f.id, f.name, f.timezone, f.first_day, f.last_day,
               f.day_starts_at_min, f.url);
    }

    void write_assets() {
        Statement stmt(db_, insert_sql("assets", "id ord path sha256 size type"));
        int ord = 0;
        for (const Asset& a : feed_.assets) {
            if (a.size > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                throw StoreError("asset \"" + a.id + "\": size out of range");
            }
            insert(stmt, "asset", a.id, a.id, ord++, a.path, a.sha256,
                   static_cast<std::int64_t>(a.size), a.type);
        }
    }

    void write_venues() {
        Statement venue(db_, insert_sql("venues", "id ord name* address* lat lon"));
        Statement hall(db_, insert_sql("halls", "id venue_id ord name* seats map_node"));
        int venue_ord = 0;
        for (const Venue& v : feed_.venues) {
            std::optional<double> lat;
            std::optional<double> lon;
            if (v.location) {
                lat = v.location->lat;
                lon = v.location->lon;
            }
            insert(venue, "venue", v.id, v.id, venue_ord++, v.name, v.address, lat, lon);
            int hall_ord = 0;
            for (const Hall& h : v.halls) {
                hall.bind_all(h.id, v.id, hall_ord++, h.name, h.seats).bind_id_or_null(h.map_node);
                insert(hall, "hall", h.id);
                venue_of_hall_.emplace(h.id, v.id);
            }
        }
    }

    void write_sections() {
        Statement stmt(db_, insert_sql("sections", "id ord name* color"));
        int ord = 0;
        for (const Section& s : feed_.sections) {
            insert(stmt, "section", s.id, s.id, ord++, s.name, s.color);
        }
    }

    void write_films() {
        Statement stmt(db_, insert_sql("films",
                                       "id ord title* original_title year countries runtime_min "
                                       "age_rating section_id director* synopsis* "
                                       "spoken_languages subtitles poster_id"));
        int ord = 0;
        for (const Film& f : feed_.films) {
            stmt.bind_all(f.id, ord++, f.title, f.original_title, f.year, to_json(f.countries),
                          f.runtime_min, f.age_rating)
                .bind_id_or_null(f.section)
                .bind_all(f.director, f.synopsis, to_json(f.spoken_languages),
                          to_json(f.subtitles))
                .bind_id_or_null(f.poster);
            insert(stmt, "film", f.id);
        }
    }

    void write_screenings() {
        Statement stmt(db_, insert_sql("screenings",
                                       "id ord film_id hall_id venue_id starts_at ends_at status "
                                       "delay_min note* qa festival_day moved_to_hall_id"));
        const int day_starts_at = feed_.festival.day_starts_at_min;
        int ord = 0;
        for (const Screening& s : feed_.screenings) {
            const auto venue = venue_of_hall_.find(s.hall);
            if (venue == venue_of_hall_.end()) {
                throw StoreError("screening \"" + s.id + "\": unknown hall \"" + s.hall + "\"");
            }
            std::optional<std::string> moved_to;
            if (!s.moved_to.empty()) {
                if (!venue_of_hall_.contains(s.moved_to)) {
                    throw StoreError("screening \"" + s.id + "\": moved to unknown hall \"" +
                                     s.moved_to + "\"");
                }
                moved_to = s.moved_to;
            }
            const Date day = festival_day(zone_, s.starts_at, day_starts_at);
            insert(stmt, "screening", s.id, s.id, ord++, s.film, s.hall, venue->second,
                   s.starts_at, s.ends_at, status_code(s.status), s.delay_min, s.note, s.qa,
                   format_date(day), moved_to);
        }
    }

    void write_announcements() {
        Statement stmt(db_, insert_sql("announcements",
                                       "id ord text* level from_at until_at"));
        Statement venue(db_, insert_sql("announcement_venues", "announcement_id venue_id ord"));
        int ord = 0;
        for (const Announcement& a : feed_.announcements) {
            insert(stmt, "announcement", a.id, a.id, ord++, a.text, level_code(a.level), a.from,
                   a.until);
            int venue_ord = 0;
            for (const std::string& v : a.venues) {
                insert(venue, "announcement venue", a.id, a.id, v, venue_ord++);
            }
        }
    }

    void write_maps() {
        Statement map(db_, insert_sql("maps", "venue_id ord"));
        Statement floor(db_, insert_sql("map_floors",
                                        "venue_id level ord name* width height image_id"));
        Statement area(db_, insert_sql("map_areas",
                                       "venue_id id floor_level ord kind name* polygon"));
        Statement node(db_, insert_sql("map_nodes",
                                       "venue_id id ord floor_level x y kind name* hall_id"));
        Statement edge(db_, insert_sql("map_edges",
                                       "venue_id ord from_node to_node length step_free"));
        int map_ord = 0;
        for (const VenueMap& m : feed_.maps) {
            const std::string& v = m.venue;
            insert(map, "map", v, v, map_ord++);
            int floor_ord = 0;
            int area_ord = 0;
            for (const MapFloor& f : m.floors) {
                floor.bind_all(v, f.level, floor_ord++, f.name, f.width, f.height)
                    .bind_id_or_null(f.image);
                insert(floor, "map floor", std::to_string(f.level));
                for (const MapArea& a : f.areas) {
                    insert(area, "map area", a.id, v, a.id, f.level, area_ord++, a.kind, a.name,
                           to_json(a.polygon));
                }
            }
            int node_ord = 0;
            for (const MapNode& n : m.nodes) {
                node.bind_all(v, n.id, node_ord++, n.floor, n.x, n.y, node_kind_code(n.kind),
                              n.name)
                    .bind_id_or_null(n.hall);
                insert(node, "map node", n.id);
            }
            int edge_ord = 0;
            for (const MapEdge& e : m.edges) {
                insert(edge, "map edge", e.from + "-" + e.to, v, edge_ord++, e.from, e.to,
                       e.length, e.step_free);
            }
        }
    }

    sqlite3* db_;
    const Feed& feed_;
    const TimeZone& zone_;
    std::unordered_map<std::string_view, std::string_view> venue_of_hall_;
};

// SQLite checks foreign keys row by row while they are on, and then cannot empty a table in one
// step either: deleting the old feed and writing the new one with them on takes half as long again.
// So apply() switches them off (which only works outside a transaction) and checks the whole
// database with foreign_key_check before it commits.
class ForeignKeysCheckedAtCommit {
public:
    explicit ForeignKeysCheckedAtCommit(sqlite3* db) : db_(db) {
        store_detail::exec(db, "PRAGMA foreign_keys = OFF");
    }
    ForeignKeysCheckedAtCommit(const ForeignKeysCheckedAtCommit&) = delete;
    ForeignKeysCheckedAtCommit& operator=(const ForeignKeysCheckedAtCommit&) = delete;
    ~ForeignKeysCheckedAtCommit() {
        sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }

    // Throws for the first row that refers to a missing one, naming it by its id (or, for a table
    // without one, its first column).
    void check() const {
        Statement violations(db_, "PRAGMA foreign_key_check");
        if (!violations.step()) {
            return;
        }
        const std::string table = violations.next_text();
        const bool has_rowid = !violations.next_is_null();
        const std::int64_t rowid = violations.next_int64();
        const std::string parent = violations.next_text();
        std::string row = row_kind(table);
        if (has_rowid) {
            // Identifiers cannot be bound; this one is a table name SQLite itself reported.
            Statement key(db_, "SELECT * FROM " + quoted(table) + " WHERE rowid = ?");
            key.bind(rowid);
            if (key.step()) {
                row += " \"" + key_of(key) + "\"";
            }
        }
        throw StoreError(row + ": FOREIGN KEY constraint failed (no such " + row_kind(parent) +
                         ")");
    }

private:
    // "map_nodes" -> "map node": the words the rest of apply()'s errors use.
    static std::string row_kind(std::string table) {
        if (table.ends_with('s')) {
            table.pop_back();
        }
        std::replace(table.begin(), table.end(), '_', ' ');
        return table;
    }

    static std::string key_of(Statement& row) {
        const int columns = sqlite3_column_count(row.raw());
        int key = 0;
        for (int i = 0; i < columns; ++i) {
            if (std::string_view(sqlite3_column_name(row.raw(), i)) == "id") {
                key = i;
            }
        }
        const auto* text = sqlite3_column_text(row.raw(), key);
        return text != nullptr ? reinterpret_cast<const char*>(text) : "";
    }

    static std::string quoted(const std::string& identifier) {
        std::string out = "\"";
        for (const char c : identifier) {
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        return out + "\"";
    }

    sqlite3* db_;
};

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

Store Store::open(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    DbHandle db(raw);
    try {
        if (rc != SQLITE_OK) {
            throw StoreError(raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        }
        store_detail::prepare_cache(db.get());
    } catch (const StoreError& e) {
        throw StoreError("cache " + path + ": " + e.what());
    }
    return Store(db.release());
}

Store::Store(sqlite3* db) : db_(db) {}

Store::Store(Store&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Store& Store::operator=(Store&& other) noexcept {
    if (this != &other) {
        DbHandle old(std::exchange(db_, std::exchange(other.db_, nullptr)));
    }
    return *this;
}

Store::~Store() {
    DbHandle close(db_);
}

void Store::apply(const Feed& feed, Instant applied_at) {
    try {
        const auto zone = TimeZone::load(feed.festival.timezone);
        if (!zone) {
            throw StoreError("unknown time zone \"" + feed.festival.timezone + "\"");
        }
        ForeignKeysCheckedAtCommit foreign_keys(db_);
        Transaction tx(db_, Transaction::Kind::write);
        FeedWriter(db_, feed, *zone).write(applied_at);
        foreign_keys.check();
        tx.commit();
    } catch (const StoreError& e) {
        throw StoreError("cannot apply feed " + std::to_string(feed.sequence) + ": " + e.what());
    }
}

std::optional<FeedInfo> Store::info() const {
    Statement stmt(db_,
                   "SELECT sequence, generated_at, expires_at, applied_at, festival_id, "
                   "festival_name_kk, festival_name_ru, festival_name_en, timezone, first_day, "
                   "last_day, day_starts_at_min, url FROM feed_meta WHERE id = 1");
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
    Statement exists(db_, "SELECT 1 FROM maps WHERE venue_id = ?");
    exists.bind(venue_id);
    if (!exists.step()) {
        return std::nullopt;
    }
    VenueMap map;
    map.venue = venue_id;

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
                    "COALESCE(hall_id, '') FROM map_nodes WHERE venue_id = ? ORDER BY ord");
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
    }

    Statement edges(db_,
                    "SELECT from_node, to_node, length, step_free FROM map_edges "
                    "WHERE venue_id = ? ORDER BY ord");
    edges.bind(venue_id);
    while (edges.step()) {
        MapEdge& e = map.edges.emplace_back();
        e.from = edges.next_text();
        e.to = edges.next_text();
        e.length = edges.next_double();
        e.step_free = edges.next_bool();
    }
    return map;
}

SyncState Store::sync_state() const {
    Statement stmt(db_,
                   "SELECT last_attempt, last_success, last_error, last_result, etag, "
                   "last_modified, consecutive_failures FROM sync_state WHERE id = 1");
    SyncState state;
    if (stmt.step()) {
        state.last_attempt = stmt.next_optional_instant();
        state.last_success = stmt.next_optional_instant();
        state.last_error = stmt.next_text();
        state.last_result = stmt.next_text();
        state.etag = stmt.next_text();
        state.last_modified = stmt.next_text();
        state.consecutive_failures = stmt.next_int();
    }
    return state;
}

void Store::save_sync_state(const SyncState& state) {
    Statement stmt(db_,
                   "UPDATE sync_state SET last_attempt = ?, last_success = ?, last_error = ?, "
                   "last_result = ?, etag = ?, last_modified = ?, consecutive_failures = ? "
                   "WHERE id = 1");
    try {
        stmt.bind_all(state.last_attempt, state.last_success, state.last_error, state.last_result,
                      state.etag, state.last_modified, state.consecutive_failures)
            .run();
    } catch (const StoreError& e) {
        throw StoreError(std::string("cannot save the sync state: ") + e.what());
    }
}

}  // namespace aff
