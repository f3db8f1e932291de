// The bundled demo festival, parsed and applied into a scratch cache, for the board tests.
#pragma once

#include "sync/asset_store.hpp"
#include "sync/feed_parse.hpp"
#include "sync/store.hpp"
#include "sync/time/time.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace aff::test {

// The tz database and each zone it reads stay for the life of the process. Loading the demo's zone before any test
// runs keeps that one-time allocation out of CppUTest's per-test leak check.
inline const bool demo_zone_cached = TimeZone::load("Asia/Almaty").has_value();

inline std::string demo_feed_path() {
    return std::string(AFF_SOURCE_DATADIR) + "/demo/feed.json";
}

inline Feed demo_feed() {
    std::ifstream in(demo_feed_path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ParseResult parsed = parse_feed(bytes.str());
    if (!parsed.ok()) {
        throw std::runtime_error("the demo feed " + demo_feed_path() + " does not parse");
    }
    return std::move(*parsed.feed);
}

// An asset store holding the demo's posters, as seeding the demo makes one: this process's own
// (test groups run side by side), filled before any test runs so that CppUTest's leak check does
// not see it.
inline std::string make_demo_assets() {
    const std::string dir =
        std::string(AFF_TEST_TMPDIR) + "/demo-assets-" + std::to_string(::getpid());
    const auto imported = AssetStore(dir).import_files(std::string(AFF_SOURCE_DATADIR) + "/demo",
                                                       demo_feed().assets);
    if (!imported.problems.empty()) {
        throw std::runtime_error("the demo's posters: " + imported.problems.front());
    }
    return dir;
}
inline const std::string demo_assets_dir = make_demo_assets();

// "18:05" and the festival day of an instant, in the demo festival's zone (its day starts at 05:00).
inline std::string hh_mm(Instant t) {
    const LocalTime local = TimeZone::load("Asia/Almaty")->to_local(t);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", local.hour, local.minute);
    return text;
}
inline Date demo_day(Instant t) { return festival_day(*TimeZone::load("Asia/Almaty"), t, 300); }

inline Instant at(const char* rfc3339) {
    auto t = parse_rfc3339(rfc3339);
    if (!t) {
        throw std::runtime_error(std::string("not an RFC 3339 time: ") + rfc3339);
    }
    return *t;
}

inline void remove_cache(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path + suffix);
    }
}

// A fresh cache file in the scratch directory, removed again by `remove_cache`.
inline std::string scratch_cache(const std::string& name) {
    std::filesystem::create_directories(AFF_TEST_TMPDIR);
    const std::string path = std::string(AFF_TEST_TMPDIR) + "/" + name;
    remove_cache(path);
    return path;
}

}  // namespace aff::test
