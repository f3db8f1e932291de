// The cache opened, a feed applied (written in one transaction) and the sync state kept. The
// reads are in store_read.cpp.
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

    void write(Instant applied_at, Store::Source source) {
        store_detail::exec(db_, delete_content_sql);
        write_meta(applied_at, source);
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

    void write_meta(Instant applied_at, Store::Source source) {
        Statement stmt(db_, insert_sql("feed_meta",
                                       "id feed_version sequence generated_at expires_at "
                                       "applied_at festival_id festival_name* timezone first_day "
                                       "last_day day_starts_at_min url demo"));
        const Festival& f = feed_.festival;
        insert(stmt, "festival", f.id, 1, feed_.version, feed_.sequence, feed_.generated_at,
               feed_.expires_at, applied_at, f.id, f.name, f.timezone, f.first_day, f.last_day,
               f.day_starts_at_min, f.url, source == Store::Source::demo);
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
        Statement map(db_, insert_sql("maps", "venue_id ord north_deg"));
        Statement floor(db_, insert_sql("map_floors",
                                        "venue_id level ord name* width height image_id"));
        Statement area(db_, insert_sql("map_areas",
                                       "venue_id id floor_level ord kind name* polygon"));
        Statement node(db_, insert_sql("map_nodes",
                                       "venue_id id ord floor_level x y kind name* hall_id facing_deg"));
        Statement edge(db_, insert_sql("map_edges",
                                       "venue_id ord from_node to_node length kind step_free one_way"));
        int map_ord = 0;
        for (const VenueMap& m : feed_.maps) {
            const std::string& v = m.venue;
            insert(map, "map", v, v, map_ord++, m.north_deg);
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
                    .bind_id_or_null(n.hall)
                    .bind(n.facing_deg);
                insert(node, "map node", n.id);
            }
            int edge_ord = 0;
            for (const MapEdge& e : m.edges) {
                insert(edge, "map edge", e.from + "-" + e.to, v, edge_ord++, e.from, e.to,
                       e.length, edge_kind_code(e.kind), e.step_free, e.one_way);
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

void Store::apply(const Feed& feed, Instant applied_at, Source source) {
    try {
        const auto zone = TimeZone::load(feed.festival.timezone);
        if (!zone) {
            throw StoreError("unknown time zone \"" + feed.festival.timezone + "\"");
        }
        ForeignKeysCheckedAtCommit foreign_keys(db_);
        Transaction tx(db_, Transaction::Kind::write);
        FeedWriter(db_, feed, *zone).write(applied_at, source);
        foreign_keys.check();
        tx.commit();
    } catch (const StoreError& e) {
        throw StoreError("cannot apply feed " + std::to_string(feed.sequence) + ": " + e.what());
    }
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
