#include "platform/sdl_canvas.hpp"

#include <SDL.h>

namespace aff {

SdlCanvas::SdlCanvas(SDL_Renderer& renderer, FontSet& fonts, Size size,
                     std::size_t text_budget_bytes)
    : renderer_(renderer), size_(size), text_(renderer, fonts, text_budget_bytes) {}

void SdlCanvas::clear(Color color) {
    SDL_SetRenderDrawBlendMode(&renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(&renderer_, color.r, color.g, color.b, color.a);
    SDL_RenderClear(&renderer_);
}

void SdlCanvas::fill_rect(const Rect& rect, Color color) {
    if (rect.w <= 0 || rect.h <= 0 || color.a == 0) {
        return;
    }
    SDL_SetRenderDrawBlendMode(&renderer_,
                               color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(&renderer_, color.r, color.g, color.b, color.a);
    const SDL_Rect r{rect.x, rect.y, rect.w, rect.h};
    SDL_RenderFillRect(&renderer_, &r);
}

TextSize SdlCanvas::measure(std::string_view utf8, const Font& font) {
    return text_.measure(utf8, font);
}

void SdlCanvas::draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) {
    if (color.a == 0) {
        return;
    }
    const TextCache::Line line = text_.line(utf8, font, color);
    if (line.texture == nullptr) {
        return;
    }
    const SDL_Rect dst{x, y, line.w, line.h};
    SDL_RenderCopy(&renderer_, line.texture, nullptr, &dst);
}

}  // namespace aff
