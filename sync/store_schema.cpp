#include "sync/store_schema.hpp"

#include "sync/store.hpp"

#include <array>
#include <string>

namespace aff::store_detail {

namespace {

// "AFFK" in the database header: tells our cache from any other SQLite file.
constexpr int application_id = 0x4146464B;

// How long a statement waits for another connection's lock (the sync writing while the screen
// reads) before it gives up with "database is locked".
constexpr int busy_timeout_ms = 5000;

// Version 1: the content of one feed. Instants are INTEGER unix seconds (UTC), texts are three
// columns <name>_kk/_ru/_en, lists are JSON arrays, `ord` keeps the feed's order. Optional
// references are NULL rather than ''.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE feed_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    feed_version INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    generated_at INTEGER NOT NULL,
    expires_at INTEGER,
    applied_at INTEGER NOT NULL,
    festival_id TEXT NOT NULL,
    festival_name_kk TEXT NOT NULL,
    festival_name_ru TEXT NOT NULL,
    festival_name_en TEXT NOT NULL,
    timezone TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    day_starts_at_min INTEGER NOT NULL,
    url TEXT NOT NULL
) STRICT;

CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    type TEXT NOT NULL
) STRICT;

CREATE TABLE venues (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    address_kk TEXT NOT NULL,
    address_ru TEXT NOT NULL,
    address_en TEXT NOT NULL,
    lat REAL,
    lon REAL
) STRICT;

CREATE TABLE halls (
    id TEXT PRIMARY KEY,
    venue_id TEXT NOT NULL REFERENCES venues (id),
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    seats INTEGER,
    map_node TEXT
) STRICT;
CREATE INDEX halls_by_venue ON halls (venue_id, ord);

CREATE TABLE sections (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    color TEXT NOT NULL
) STRICT;

CREATE TABLE films (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    title_kk TEXT NOT NULL,
    title_ru TEXT NOT NULL,
    title_en TEXT NOT NULL,
    original_title TEXT NOT NULL,
    year INTEGER NOT NULL,
    countries TEXT NOT NULL,
    runtime_min INTEGER NOT NULL,
    age_rating TEXT NOT NULL,
    section_id TEXT REFERENCES sections (id),
    director_kk TEXT NOT NULL,
    director_ru TEXT NOT NULL,
    director_en TEXT NOT NULL,
    synopsis_kk TEXT NOT NULL,
    synopsis_ru TEXT NOT NULL,
    synopsis_en TEXT NOT NULL,
    spoken_languages TEXT NOT NULL,
    subtitles TEXT NOT NULL,
    poster_id TEXT REFERENCES assets (id)
) STRICT;

CREATE TABLE screenings (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    film_id TEXT NOT NULL REFERENCES films (id),
    hall_id TEXT NOT NULL REFERENCES halls (id),
    venue_id TEXT NOT NULL REFERENCES venues (id),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    delay_min INTEGER NOT NULL,
    note_kk TEXT NOT NULL,
    note_ru TEXT NOT NULL,
    note_en TEXT NOT NULL,
    qa INTEGER NOT NULL CHECK (qa IN (0, 1)),
    festival_day TEXT NOT NULL
) STRICT;
CREATE INDEX screenings_by_hall ON screenings (hall_id, starts_at);
CREATE INDEX screenings_by_film ON screenings (film_id, starts_at);

CREATE TABLE announcements (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    text_kk TEXT NOT NULL,
    text_ru TEXT NOT NULL,
    text_en TEXT NOT NULL,
    level TEXT NOT NULL,
    from_at INTEGER,
    until_at INTEGER
) STRICT;

CREATE TABLE announcement_venues (
    announcement_id TEXT NOT NULL REFERENCES announcements (id),
    venue_id TEXT NOT NULL REFERENCES venues (id),
    ord INTEGER NOT NULL,
    PRIMARY KEY (announcement_id, venue_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE maps (
    venue_id TEXT PRIMARY KEY REFERENCES venues (id),
    ord INTEGER NOT NULL
) STRICT;

CREATE TABLE map_floors (
    venue_id TEXT NOT NULL REFERENCES maps (venue_id),
    level INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    image_id TEXT REFERENCES assets (id),
    PRIMARY KEY (venue_id, level)
) STRICT;

CREATE TABLE map_areas (
    venue_id TEXT NOT NULL,
    id TEXT NOT NULL,
    floor_level INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    polygon TEXT NOT NULL,
    PRIMARY KEY (venue_id, id),
    FOREIGN KEY (venue_id, floor_level) REFERENCES map_floors (venue_id, level)
) STRICT;

CREATE TABLE map_nodes (
    venue_id TEXT NOT NULL,
    id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    floor_level INTEGER NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    kind TEXT NOT NULL,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    hall_id TEXT REFERENCES halls (id),
    PRIMARY KEY (venue_id, id),
    FOREIGN KEY (venue_id, floor_level) REFERENCES map_floors (venue_id, level)
) STRICT;

CREATE TABLE map_edges (
    venue_id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    from_node TEXT NOT NULL,
    to_node TEXT NOT NULL,
    length REAL NOT NULL,
    step_free INTEGER NOT NULL CHECK (step_free IN (0, 1)),
    PRIMARY KEY (venue_id, ord),
    FOREIGN KEY (venue_id, from_node) REFERENCES map_nodes (venue_id, id),
    FOREIGN KEY (venue_id, to_node) REFERENCES map_nodes (venue_id, id)
) STRICT;
)sql";

// Version 2: what the HTTP sync remembers between attempts, and the indexes for the day programme
// of one venue or of all, which version 1 answered by scanning every screening.
constexpr const char* schema_v2 = R"sql(
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_attempt INTEGER,
    last_success INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    last_result TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    consecutive_failures INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

CREATE INDEX screenings_by_venue_day ON screenings (venue_id, festival_day, starts_at);
CREATE INDEX screenings_by_day ON screenings (festival_day, starts_at);
)sql";

// Version 3: a moved screening's new hall (the feed's `moved_to`), at any venue.
constexpr const char* schema_v3 = R"sql(
ALTER TABLE screenings ADD COLUMN moved_to_hall_id TEXT REFERENCES halls (id);
CREATE INDEX screenings_by_moved_to ON screenings (moved_to_hall_id, starts_at);
)sql";

// Version 4: whether the feed held is the bundled demo the kiosk seeded into an empty cache,
// which any feed that verifies replaces (feed-v1, `sequence`).
constexpr const char* schema_v4 = R"sql(
ALTER TABLE feed_meta ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
)sql";

// Version 5: the map's exact geometry (feed-v1 revised): the plan's compass bearing, a kiosk
// node's facing, and each edge's kind and direction.
constexpr const char* schema_v5 = R"sql(
ALTER TABLE maps ADD COLUMN north_deg REAL;
ALTER TABLE map_nodes ADD COLUMN facing_deg REAL;
ALTER TABLE map_edges ADD COLUMN kind TEXT NOT NULL DEFAULT 'walk';
ALTER TABLE map_edges ADD COLUMN one_way INTEGER NOT NULL DEFAULT 0 CHECK (one_way IN (0, 1));
)sql";

// migrations[i] takes the schema from version i to version i + 1.
constexpr std::array<const char*, 5> migrations{schema_v1, schema_v2, schema_v3, schema_v4,
                                                schema_v5};
static_assert(migrations.size() == Store::schema_version,
              "every schema version needs its migration");

std::int64_t pragma_int(sqlite3* db, const char* sql) {
    Statement stmt(db, sql);
    if (!stmt.step()) {
        throw StoreError(std::string(sql) + " returned nothing");
    }
    return stmt.next_int64();
}

std::string pragma_text(sqlite3* db, const char* sql) {
    Statement stmt(db, sql);
    return stmt.step() ? stmt.next_text() : std::string();
}

bool has_tables(sqlite3* db) {
    Statement stmt(db, "SELECT 1 FROM sqlite_schema LIMIT 1");
    return stmt.step();
}

// Refuses what is not ours (another application's database) and what is newer than this program.
// Nothing here writes.
void check_identity(sqlite3* db, std::int64_t version) {
    if (version > Store::schema_version) {
        throw StoreError("schema version " + std::to_string(version) +
                         " is newer than this program's " + std::to_string(Store::schema_version) +
                         "; leaving it untouched");
    }
    if (version == 0 ? has_tables(db)
                     : pragma_int(db, "PRAGMA application_id") != application_id) {
        throw StoreError("a SQLite database, but not a kiosk cache");
    }
}

void check_integrity(sqlite3* db) {
    std::string verdict = pragma_text(db, "PRAGMA quick_check(1)");
    if (verdict == "ok") {
        return;
    }
    // "*** in database main ***\nPage 203: btreeInitPage() returns error code 11": keep the reason.
    constexpr std::string_view banner = "*** in database main ***\n";
    if (verdict.starts_with(banner)) {
        verdict.erase(0, banner.size());
    }
    throw StoreError("damaged (quick_check: " + verdict.substr(0, verdict.find('\n')) + ")");
}

// synchronous=NORMAL: in WAL mode a commit is written to the WAL without an fsync, which happens
// at checkpoints instead. A power cut can then lose the latest committed transaction(s) but never
// corrupts the file or leaves half a transaction: the kiosk shows the old feed or the new one, as
// the contract requires, and the next sync fetches the lost one again. FULL would fsync the SD card
// on every commit for nothing the kiosk needs.
void configure(sqlite3* db) {
    const std::string mode = pragma_text(db, "PRAGMA journal_mode = WAL");
    // An in-memory database (":memory:", for tests) has no file to log ahead of.
    const char* file = sqlite3_db_filename(db, "main");
    const bool in_memory = file == nullptr || *file == '\0';
    if (mode != "wal" && !in_memory) {
        throw StoreError("cannot use write-ahead logging (journal mode stays \"" + mode + "\")");
    }
    exec(db, "PRAGMA foreign_keys = ON");
    if (pragma_int(db, "PRAGMA foreign_keys") != 1) {
        throw StoreError("this SQLite cannot enforce foreign keys");
    }
    exec(db, "PRAGMA synchronous = NORMAL");
}

// Each step in its own transaction, so an interrupted upgrade resumes where it stopped. The version
// is read again inside the transaction in case another connection migrated meanwhile.
void migrate(sqlite3* db, std::int64_t from_version) {
    for (auto version = from_version + 1; version <= Store::schema_version; ++version) {
        Transaction tx(db, Transaction::Kind::write);
        if (pragma_int(db, "PRAGMA user_version") >= version) {
            continue;
        }
        if (version == 1) {
            exec(db, ("PRAGMA application_id = " + std::to_string(application_id)).c_str());
        }
        exec(db, migrations[static_cast<std::size_t>(version - 1)]);
        exec(db, ("PRAGMA user_version = " + std::to_string(version)).c_str());
        tx.commit();
    }
}

}  // namespace

void fail(sqlite3* db) {
    throw StoreError(sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string reason = message != nullptr ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw StoreError(reason);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
        fail(db);
    }
    stmt_.reset(stmt);
}

Statement& Statement::bind(std::int64_t value) {
    if (sqlite3_bind_int64(raw(), ++bind_index_, value) != SQLITE_OK) {
        fail(db_);
    }
    return *this;
}

Statement& Statement::bind(double value) {
    if (sqlite3_bind_double(raw(), ++bind_index_, value) != SQLITE_OK) {
        fail(db_);
    }
    return *this;
}

Statement& Statement::bind(std::string_view value) {
    if (sqlite3_bind_text64(raw(), ++bind_index_, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK) {
        fail(db_);
    }
    return *this;
}

Statement& Statement::bind(const Text& text) {
    for (const Lang lang : all_langs) {
        bind(text.raw(lang));
    }
    return *this;
}

Statement& Statement::bind(std::nullopt_t) {
    if (sqlite3_bind_null(raw(), ++bind_index_) != SQLITE_OK) {
        fail(db_);
    }
    return *this;
}

Statement& Statement::bind_id_or_null(const std::string& id) {
    return id.empty() ? bind(std::nullopt) : bind(id);
}

bool Statement::step() {
    column_ = 0;
    switch (sqlite3_step(raw())) {
    case SQLITE_ROW:
        return true;
    case SQLITE_DONE:
        return false;
    default:
        fail(db_);
    }
}

void Statement::run() {
    if (step()) {
        throw StoreError("a statement that changes data returned a row");
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(raw());
    sqlite3_clear_bindings(raw());
    bind_index_ = 0;
    column_ = 0;
}

bool Statement::next_is_null() const {
    return sqlite3_column_type(raw(), column_) == SQLITE_NULL;
}

std::int64_t Statement::next_int64() {
    return sqlite3_column_int64(raw(), column_++);
}

int Statement::next_int() {
    return sqlite3_column_int(raw(), column_++);
}

double Statement::next_double() {
    return sqlite3_column_double(raw(), column_++);
}

std::string Statement::next_text() {
    const auto* text = sqlite3_column_text(raw(), column_);
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(raw(), column_));
    ++column_;
    return text != nullptr ? std::string(reinterpret_cast<const char*>(text), size)
                           : std::string();
}

Text Statement::next_lang_text() {
    Text text;
    for (const Lang lang : all_langs) {
        text.raw(lang) = next_text();
    }
    return text;
}

std::optional<Instant> Statement::next_optional_instant() {
    if (next_is_null()) {
        ++column_;
        return std::nullopt;
    }
    return next_instant();
}

std::optional<int> Statement::next_optional_int() {
    if (next_is_null()) {
        ++column_;
        return std::nullopt;
    }
    return next_int();
}

std::optional<double> Statement::next_optional_double() {
    if (next_is_null()) {
        ++column_;
        return std::nullopt;
    }
    return next_double();
}

Transaction::Transaction(sqlite3* db, Kind kind) : db_(db) {
    if (kind == Kind::read && sqlite3_get_autocommit(db) == 0) {
        return;
    }
    exec(db, kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN");
    active_ = true;
}

Transaction::~Transaction() {
    if (active_) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    if (active_) {
        exec(db_, "COMMIT");
        active_ = false;
    }
}

void prepare_cache(sqlite3* db) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    std::int64_t version = 0;
    {
        // One snapshot, so a cache another process is creating right now does not look foreign.
        Transaction snapshot(db, Transaction::Kind::read);
        // The first read of the file: a file that is not a database fails here.
        version = pragma_int(db, "PRAGMA user_version");
        check_identity(db, version);
        check_integrity(db);
    }
    configure(db);
    migrate(db, version);
}

}  // namespace aff::store_detail
