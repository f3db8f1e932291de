// The cache's SQLite layer, private to sync/store.cpp: RAII handles for the connection and its
// statements, transactions, and the schema with its migrations.
#pragma once

#include "sync/feed.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace aff::store_detail {

struct DbCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, DbCloser>;

// Throws StoreError with SQLite's message for the last failure on db; callers add the context.
[[noreturn]] void fail(sqlite3* db);

// Runs SQL that takes no parameters (DDL, PRAGMA, BEGIN/COMMIT).
void exec(sqlite3* db, const char* sql);

// A prepared statement. Parameters are bound in order with bind(); bind(Text) binds three,
// kk, ru, en, to match the <name>_kk, <name>_ru, <name>_en columns. Columns are read in order
// with the next_*() readers after step() has returned a row.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);

    Statement& bind(std::int64_t value);
    Statement& bind(int value) { return bind(static_cast<std::int64_t>(value)); }
    Statement& bind(bool value) { return bind(static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(double value);
    Statement& bind(std::string_view value);
    Statement& bind(const std::string& value) { return bind(std::string_view(value)); }
    Statement& bind(const char* value) { return bind(std::string_view(value)); }
    Statement& bind(Instant value) {
        return bind(static_cast<std::int64_t>(value.time_since_epoch().count()));
    }
    Statement& bind(const Text& text);
    Statement& bind(std::nullopt_t);
    template <typename T>
    Statement& bind(const std::optional<T>& value) {
        return value ? bind(*value) : bind(std::nullopt);
    }
    // The empty string as NULL: optional references ("no section", "no poster").
    Statement& bind_id_or_null(const std::string& id);

    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        (bind(args), ...);
        return *this;
    }

    // True when a row is ready, false when done; throws StoreError on failure.
    bool step();
    // Steps a statement that returns no rows, then resets it for the next use.
    void run();
    // Forgets the bindings and rewinds, so the statement can run again.
    void reset();

    bool next_is_null() const;
    std::int64_t next_int64();
    int next_int();
    bool next_bool() { return next_int64() != 0; }
    double next_double();
    std::string next_text();
    Text next_lang_text();
    Instant next_instant() { return Instant{std::chrono::seconds{next_int64()}}; }
    std::optional<Instant> next_optional_instant();
    std::optional<int> next_optional_int();
    std::optional<double> next_optional_double();

    sqlite3_stmt* raw() const { return stmt_.get(); }

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
    };
    sqlite3* db_;
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
    int bind_index_ = 0;
    int column_ = 0;
};

// A transaction that rolls back unless committed. A read transaction gives several statements one
// snapshot and simply ends when it goes out of scope; if the connection is already inside a
// transaction, it joins that one instead.
class Transaction {
public:
    enum class Kind : std::uint8_t { read, write };
    Transaction(sqlite3* db, Kind kind);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    sqlite3* db_;
    bool active_ = false;
};

// Checks that an open connection is a kiosk cache this program can use, configures it (WAL,
// foreign keys, synchronous, busy timeout) and migrates its schema to Store::schema_version.
// Throws StoreError with a one-line reason, leaving a cache from a newer program untouched.
void prepare_cache(sqlite3* db);

}  // namespace aff::store_detail
