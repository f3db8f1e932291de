#include "platform/text_cache.hpp"

#include "platform/font_set.hpp"

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstring>

namespace aff {
namespace {

// A renderer that states no limit (the software one) still should not get lines wider than
// any screen can show.
constexpr int texture_limit = 16384;
constexpr std::size_t bytes_per_pixel = 4;

void append_bytes(std::string& out, const void* data, std::size_t n) {
    out.append(static_cast<const char*>(data), n);
}

// A fixed-length prefix (size, weight, colour) and then the text, so two keys are equal only
// when all of them are.
std::string_view make_key(std::string& out, std::string_view utf8, const Font& font,
                          const Color* color) {
    out.clear();
    append_bytes(out, &font.px, sizeof font.px);
    append_bytes(out, &font.weight, sizeof font.weight);
    if (color != nullptr) {
        const std::uint8_t rgba[] = {color->r, color->g, color->b, color->a};
        append_bytes(out, rgba, sizeof rgba);
    }
    out.append(utf8);
    return out;
}

int clamp_limit(int stated) {
    return stated > 0 && stated < texture_limit ? stated : texture_limit;
}

}  // namespace

TextCache::TextCache(SDL_Renderer& renderer, FontSet& fonts, std::size_t budget_bytes)
    : renderer_(renderer), fonts_(fonts), lines_(budget_bytes), sizes_(max_measurements) {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(&renderer_, &info) == 0) {
        max_texture_w_ = clamp_limit(info.max_texture_width);
        max_texture_h_ = clamp_limit(info.max_texture_height);
    } else {
        max_texture_w_ = texture_limit;
        max_texture_h_ = texture_limit;
    }
}

TextSize TextCache::measure(std::string_view utf8, const Font& font) {
    const std::string_view key = make_key(size_key_, utf8, font, nullptr);
    if (const TextSize* known = sizes_.find(key)) {
        ++stats_.measure_hits;
        return *known;
    }
    const TextSize size = fonts_.measure(utf8, font);
    ++stats_.measured;
    sizes_.insert(std::string(key), size, 1);
    return size;
}

TextCache::Line TextCache::line(std::string_view utf8, const Font& font, Color color) {
    if (utf8.empty()) {
        return Line{};
    }
    if (Texture* known = lines_.find(make_key(line_key_, utf8, font, &color))) {
        ++stats_.hits;
        return Line{known->texture.get(), known->w, known->h};
    }
    Texture made = rasterise(utf8, font, color, measure(utf8, font));
    ++(made.texture ? stats_.rendered : stats_.refused);
    const Line result{made.texture.get(), made.w, made.h};
    // measure() used its own buffer, so line_key_ still holds this line's key.
    const std::size_t cost =
        static_cast<std::size_t>(made.w) * static_cast<std::size_t>(made.h) * bytes_per_pixel +
        line_key_.size();
    stats_.evicted += lines_.insert(line_key_, std::move(made), cost);
    return result;
}

TextCache::Texture TextCache::rasterise(std::string_view utf8, const Font& font, Color color,
                                        TextSize size) {
    const auto refuse = [&](const char* why) {
        SDL_LogWarn(SDL_LOG_CATEGORY_RENDER, "text of %zu bytes at %d px not drawn: %s",
                    utf8.size(), font.px, why);
        return Texture{};
    };
    if (size.w <= 0 || size.h <= 0) {
        return Texture{};  // nothing visible, or a size FontSet already warned about
    }
    const std::size_t bytes =
        static_cast<std::size_t>(size.w) * static_cast<std::size_t>(size.h) * bytes_per_pixel;
    if (size.w > max_texture_w_ || size.h > max_texture_h_ || bytes > lines_.budget()) {
        return refuse("the line is larger than a texture may be");
    }
    const SurfacePtr surface = fonts_.render(utf8, font, color);
    if (!surface) {
        return refuse(TTF_GetError());
    }
    TexturePtr texture{SDL_CreateTextureFromSurface(&renderer_, surface.get())};
    if (!texture) {
        return refuse(SDL_GetError());
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    return Texture{std::move(texture), surface->w, surface->h};
}

bool TextCache::contains(std::string_view utf8, const Font& font, Color color) const {
    std::string key;
    return lines_.contains(make_key(key, utf8, font, &color));
}

void TextCache::clear() {
    lines_.clear();
    sizes_.clear();
}

}  // namespace aff
