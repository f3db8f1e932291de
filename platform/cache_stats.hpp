// The counters of the text and image caches, apart from the caches themselves, so that code
// which only reads them (a display's user, a benchmark) does not pull the caches' headers in.
#pragma once

#include <cstdint>

namespace aff {

// The text cache since it was made, so a test or a benchmark can see the steady state.
struct TextCacheStats {
    std::uint64_t rendered = 0;      // lines rasterised and uploaded as textures
    std::uint64_t hits = 0;          // lines drawn from a texture made earlier
    std::uint64_t refused = 0;       // lines that could not be made (too large, or SDL failed)
    std::uint64_t evicted = 0;       // entries let go to stay within the budget
    std::uint64_t measured = 0;      // measurements made by SDL_ttf
    std::uint64_t measure_hits = 0;  // measurements answered from the cache
};

// The image cache since it was made.
struct ImageCacheStats {
    std::uint64_t decoded = 0;  // pictures decoded and uploaded as textures
    std::uint64_t hits = 0;     // draws from a texture made earlier
    std::uint64_t failed = 0;   // decodes that failed, each logged once
    std::uint64_t evicted = 0;  // textures let go to stay within the budget
};

}  // namespace aff
