// Opening the cache at start-up, surviving a damaged file. An SD card that loses power can leave
// the cache truncated or full of garbage; the kiosk must then start empty (and fill up from the
// next sync) rather than crash or refuse to start. The damaged file is kept for a post-mortem.
#pragma once

#include "sync/feed.hpp"
#include "sync/store.hpp"

#include <string>

namespace aff {

// Opens (or creates) the cache at `path`. When the file is damaged or is not a kiosk cache (not
// a SQLite database, fails SQLite's quick_check, another application's database), moves it and
// its -wal and -shm files aside to "PATH.corrupt-YYYYMMDDTHHMMSSZ" (the UTC time `now`), creates a
// fresh empty cache and puts a one-line note saying so in `note` (left empty otherwise).
// A zero-length file is a valid empty database and is used as it is.
// Throws StoreError, moving nothing, when the cache cannot be used for any other reason: a schema
// newer than this program's, a file or directory it may not write, or a fresh cache that cannot be
// created either. It tries at most once, so it never loops.
Store open_cache(const std::string& path, Instant now, std::string& note);

}  // namespace aff
