// The Canvas over an SDL_Renderer: rectangles through the renderer, text through a TextCache.
// It draws into whatever target the renderer has (the window, a rotation texture, a surface).
#pragma once

#include "platform/canvas.hpp"
#include "platform/text_cache.hpp"

#include <cstddef>

namespace aff {

class SdlCanvas final : public Canvas {
public:
    // `renderer` and `fonts` must outlive the canvas.
    SdlCanvas(SDL_Renderer& renderer, FontSet& fonts, Size size,
              std::size_t text_budget_bytes = TextCache::default_budget_bytes);

    Size size() const override { return size_; }
    void clear(Color color) override;
    void fill_rect(const Rect& rect, Color color) override;
    TextSize measure(std::string_view utf8, const Font& font) override;
    void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) override;

    // The drawing target changed size (a resized window).
    void resize(Size size) { size_ = size; }
    TextCache& text_cache() { return text_; }
    const TextCache& text_cache() const { return text_; }

private:
    SDL_Renderer& renderer_;
    Size size_;
    TextCache text_;
};

}  // namespace aff
