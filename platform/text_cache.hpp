// Whole lines of text rasterised once and kept as textures, after ES-DE's TextCache: a kiosk
// screen draws the same few dozen strings every frame, so a steady frame rasterises and uploads
// nothing. Textures are bounded by their bytes and the least recently drawn go first;
// measurements are cached too, by count.
#pragma once

#include "platform/cache_stats.hpp"
#include "platform/canvas.hpp"
#include "platform/lru_cache.hpp"
#include "platform/sdl_handles.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aff {

class FontSet;

class TextCache {
public:
    static constexpr std::size_t default_budget_bytes = std::size_t{32} << 20;
    static constexpr std::size_t max_measurements = 8192;

    struct Line {
        SDL_Texture* texture = nullptr;  // null for empty text or a line that was refused
        int w = 0;
        int h = 0;
    };

    // `renderer` and `fonts` must outlive the cache, which destroys its textures with itself.
    TextCache(SDL_Renderer& renderer, FontSet& fonts,
              std::size_t budget_bytes = default_budget_bytes);

    // The box of one line: its advance width and the font's line height. An empty line is
    // zero wide and one line high.
    TextSize measure(std::string_view utf8, const Font& font);
    // The texture of one line in `color`, rasterised on first use. A refusal is remembered as
    // well (with one warning in SDL's log), so no frame repeats the attempt. The texture stays
    // valid until the next call.
    Line line(std::string_view utf8, const Font& font, Color color);

    bool contains(std::string_view utf8, const Font& font, Color color) const;
    std::size_t size() const { return lines_.size(); }
    // Texture bytes (4 per pixel) plus key bytes held: what the budget bounds.
    std::size_t bytes() const { return lines_.cost(); }
    std::size_t budget_bytes() const { return lines_.budget(); }
    const TextCacheStats& stats() const { return stats_; }

    // Lets every texture and measurement go, e.g. when the renderer lost its textures.
    void clear();

private:
    struct Texture {
        TexturePtr texture;
        int w = 0;
        int h = 0;
    };

    Texture rasterise(std::string_view utf8, const Font& font, Color color, TextSize size);

    SDL_Renderer& renderer_;
    FontSet& fonts_;
    LruCache<Texture> lines_;
    LruCache<TextSize> sizes_;
    int max_texture_w_ = 0;
    int max_texture_h_ = 0;
    // Reused buffers, so a lookup allocates nothing once they have grown.
    std::string line_key_;
    std::string size_key_;
    TextCacheStats stats_;
};

}  // namespace aff
