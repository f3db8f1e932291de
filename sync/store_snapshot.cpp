// Store::open_snapshot: the cache copied into memory without writing a byte beside it.
//
// A read-only connection to a WAL database is no help by itself: SQLite creates the -wal and -shm
// files for it where the directory allows, and leaves them. So:
// - With no -wal file beside the cache (every connection closed cleanly: SQLite removes it), the
//   file alone holds every committed transaction. It is read with `immutable=1`, which takes no
//   lock and needs no -shm. A writer starting meanwhile writes to a new WAL, not to the file, so
//   the copy is the cache as it was; only a checkpoint writes the file, and a copy the file's size
//   or time changed under is made again.
// - With a -wal file (a kiosk or kiosk-sync has the cache open, or stopped without closing it),
//   the WAL holds transactions the file lacks, and it is read as any reader reads it (`mode=ro`):
//   both files exist already, so nothing is created, and neither the cache nor its WAL is written.
//   The reader takes its place in the shared-memory index (-shm) as every reader does.
// The copy is then checked and, if older, migrated in memory as Store::open does with the file.
#include "sync/store.hpp"

#include "sync/store_schema.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <system_error>

namespace aff {

namespace {

using store_detail::DbHandle;

// "file:" + the path, each byte a URI could read otherwise percent-encoded.
std::string file_uri(const std::string& path) {
    std::string uri = "file:";
    constexpr std::array<char, 17> hex{"0123456789ABCDEF"};
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                           (byte >= '0' && byte <= '9') || c == '/' || c == '-' || c == '_' ||
                           c == '.' || c == '~';
        if (plain) {
            uri += c;
        } else {
            uri += '%';
            uri += hex[byte >> 4];
            uri += hex[byte & 0x0F];
        }
    }
    return uri;
}

// What says the file changed: its size and its time.
struct FileStamp {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type time;
    bool operator==(const FileStamp&) const = default;
};

FileStamp stamp(const std::string& path) {
    std::error_code ec;
    FileStamp s;
    s.size = std::filesystem::file_size(path, ec);
    s.time = std::filesystem::last_write_time(path, ec);
    return s;
}

// Copies the database at `uri` (opened read-only) into `copy`, page for page.
void copy_from(const std::string& uri, sqlite3* copy) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    const DbHandle source(raw);
    if (rc != SQLITE_OK) {
        throw StoreError(raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    }
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_backup* backup = sqlite3_backup_init(copy, "main", raw, "main");
    if (backup == nullptr) {
        store_detail::fail(copy);
    }
    const int step = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE) {
        // The source's message names what was wrong with the file ("file is not a database").
        const int source_rc = sqlite3_errcode(raw);
        throw StoreError(source_rc != SQLITE_OK ? sqlite3_errmsg(raw) : sqlite3_errstr(step));
    }
}

// The cache at `path` into `copy`, as the comment at the top says.
void snapshot(const std::string& path, sqlite3* copy) {
    std::error_code ec;
    const std::string uri = file_uri(path);
    constexpr int attempts = 3;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (std::filesystem::exists(path + "-wal", ec)) {
            copy_from(uri + "?mode=ro", copy);
            return;
        }
        const FileStamp before = stamp(path);
        try {
            copy_from(uri + "?immutable=1", copy);
        } catch (const StoreError&) {
            if (stamp(path) == before) {
                throw;  // the file is as it was: what failed is the file
            }
            continue;
        }
        if (stamp(path) == before && !std::filesystem::exists(path + "-wal", ec)) {
            return;
        }
    }
    throw StoreError("the file kept changing while it was read; try again");
}

}  // namespace

Store Store::open_snapshot(const std::string& path) {
    try {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            throw StoreError(std::filesystem::exists(path, ec) ? "not a file" : "no such file");
        }
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(":memory:", &raw,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        DbHandle copy(raw);
        if (rc != SQLITE_OK) {
            throw StoreError(raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        }
        snapshot(path, copy.get());
        store_detail::prepare_cache(copy.get());
        return Store(copy.release());
    } catch (const StoreError& e) {
        throw StoreError("cache " + path + ": " + e.what());
    }
}

}  // namespace aff
