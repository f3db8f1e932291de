// Synthetic schedule feeds (feed-v1) of any size, for load tests and `kiosk-feed generate`.
// The same options give the same document, byte for byte, on every platform and compiler.
#pragma once

#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace aff {

struct GenOptions {
    std::size_t screenings = 10000;
    std::uint64_t seed = 1;
    std::size_t venues = 0;  // 0: derived from the number of halls
};

// A valid feed-v1 document with exactly `options.screenings` screenings. Halls and films grow
// with the screening count, no hall has overlapping screenings, and the festival runs from
// 2018-09-15 (Asia/Almaty) for as many days as the screenings need. Every status appears once
// there are at least five screenings; a moved one names the hall it moved to (moved_to), in its
// venue. No assets, so no file I/O.
nlohmann::json generate_feed(const GenOptions& options);

}  // namespace aff
