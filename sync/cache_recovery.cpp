#include "sync/cache_recovery.hpp"

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <system_error>

namespace aff {
namespace {

// The cache's PRAGMA application_id, "AFFK" (set by store_schema.cpp).
constexpr std::int64_t cache_application_id = 0x4146464B;

struct DbCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};

bool is_damage(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// One value read on the probe connection, with the result code that says whether it was.
struct Answer {
    int rc = SQLITE_OK;
    std::string text;
    std::int64_t number = 0;
};

Answer ask(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    Answer answer;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        answer.rc = sqlite3_extended_errcode(db);
        return answer;
    }
    const std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt(raw);
    const int step = sqlite3_step(raw);
    if (step == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(raw, 0);
        answer.text = text != nullptr ? reinterpret_cast<const char*>(text) : "";
        answer.number = sqlite3_column_int64(raw, 0);
    } else if (step != SQLITE_DONE) {
        answer.rc = sqlite3_extended_errcode(db);
    }
    return answer;
}

// Whether the file the Store refused is damaged or foreign, looked at read-only. Every other
// reason (a newer schema, permissions, a lock, a full disk) must never cost the file.
bool damaged(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) == 0) {
        return false;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    const std::unique_ptr<sqlite3, DbCloser> db(raw);
    if (rc != SQLITE_OK) {
        return is_damage(rc);
    }
    sqlite3_extended_result_codes(raw, 1);
    const Answer version = ask(raw, "PRAGMA user_version");
    if (version.rc != SQLITE_OK) {
        return is_damage(version.rc);
    }
    if (version.number > Store::schema_version) {
        return false;
    }
    const Answer foreign =
        version.number == 0
            ? ask(raw, "SELECT count(*) > 0 FROM sqlite_schema")
            : ask(raw, ("SELECT application_id <> " + std::to_string(cache_application_id) +
                        " FROM pragma_application_id")
                           .c_str());
    if (foreign.rc != SQLITE_OK) {
        return is_damage(foreign.rc);
    }
    if (foreign.number != 0) {
        return true;
    }
    const Answer check = ask(raw, "PRAGMA quick_check(1)");
    return check.rc != SQLITE_OK ? is_damage(check.rc) : check.text != "ok";
}

// "20261124T215200Z": sortable, and no colon, which a FAT-formatted card would refuse.
std::string compact_utc(Instant now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm parts{};
    gmtime_r(&t, &parts);
    std::array<char, 32> text{};
    const auto size = std::strftime(text.data(), text.size(), "%Y%m%dT%H%M%SZ", &parts);
    return std::string(text.data(), size);
}

// A name beside `path` that nothing uses yet.
std::string aside_name(const std::string& path, Instant now) {
    const std::string stem = path + ".corrupt-" + compact_utc(now);
    std::string name = stem;
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(name, ec) || std::filesystem::exists(name + "-wal", ec);
         ++n) {
        name = stem + "-" + std::to_string(n);
    }
    return name;
}

void move_aside(const std::string& path, const std::string& aside) {
    std::error_code ec;
    std::filesystem::rename(path, aside, ec);
    if (ec) {
        throw StoreError("cache " + path + " is damaged and cannot be moved aside to " + aside +
                         ": " + ec.message());
    }
    // The WAL belongs to the damaged file; the shared-memory index is rebuilt from it.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        if (std::filesystem::exists(path + suffix, ec)) {
            std::filesystem::rename(path + suffix, aside + suffix, ec);
            if (ec) {
                throw StoreError("cache " + path + suffix + " cannot be moved aside: " +
                                 ec.message());
            }
        }
    }
}

}  // namespace

Store open_cache(const std::string& path, Instant now, std::string& note) {
    note.clear();
    try {
        return Store::open(path);
    } catch (const StoreError& e) {
        if (path == ":memory:" || !damaged(path)) {
            throw;
        }
        const std::string aside = aside_name(path, now);
        move_aside(path, aside);
        Store fresh = Store::open(path);
        note = std::string(e.what()) + "; moved aside to " + aside +
               ", starting with an empty cache";
        return fresh;
    }
}

}  // namespace aff
