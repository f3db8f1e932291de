#include "platform/sdl_canvas.hpp"

#include <SDL.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace aff {

SdlCanvas::SdlCanvas(SDL_Renderer& renderer, FontSet& fonts, Size size, SdlCanvasOptions options)
    : renderer_(renderer),
      size_(size),
      text_(renderer, fonts, options.text_budget_bytes),
      images_(renderer, options.image_decoding, std::move(options.image_ready),
              options.image_budget_bytes) {}

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

ImageState SdlCanvas::draw_image(std::string_view path, const Rect& box) {
    const ImageCache::Picture picture = images_.get(path, box);
    if (picture.state == ImageState::drawn) {
        const SDL_Rect dst{picture.rect.x, picture.rect.y, picture.rect.w, picture.rect.h};
        SDL_RenderCopy(&renderer_, picture.texture, nullptr, &dst);
    }
    return picture.state;
}

void SdlCanvas::draw_modules(std::string_view key, const Modules& modules, const Rect& box,
                             Color dark, Color light) {
    const int side = modules.side;
    if (side <= 0 ||
        modules.dark.size() != static_cast<std::size_t>(side) * static_cast<std::size_t>(side)) {
        return;
    }
    const int scale = std::min(box.w, box.h) / side;
    if (scale < 1) {
        return;
    }
    if (!modules_texture_ || key != modules_key_) {
        modules_texture_.reset(SDL_CreateTexture(&renderer_, SDL_PIXELFORMAT_ARGB8888,
                                                 SDL_TEXTUREACCESS_STATIC, side, side));
        modules_key_.clear();
        if (!modules_texture_) {
            SDL_LogError(SDL_LOG_CATEGORY_RENDER, "cannot create a %dx%d texture: %s", side, side,
                         SDL_GetError());
            return;
        }
        const auto argb = [](Color c) {
            return (Uint32{c.a} << 24) | (Uint32{c.r} << 16) | (Uint32{c.g} << 8) | Uint32{c.b};
        };
        std::vector<Uint32> pixels(modules.dark.size());
        for (std::size_t i = 0; i < pixels.size(); ++i) {
            pixels[i] = argb(modules.dark[i] != 0 ? dark : light);
        }
        SDL_UpdateTexture(modules_texture_.get(), nullptr, pixels.data(),
                          side * static_cast<int>(sizeof(Uint32)));
        SDL_SetTextureScaleMode(modules_texture_.get(), SDL_ScaleModeNearest);
        modules_key_ = key;
    }
    const int extent = side * scale;
    const SDL_Rect dst{box.x + (box.w - extent) / 2, box.y + (box.h - extent) / 2, extent, extent};
    SDL_RenderCopy(&renderer_, modules_texture_.get(), nullptr, &dst);
}

void SdlCanvas::drop_textures() {
    text_.clear();
    image_cache().clear();
    modules_texture_.reset();
    modules_key_.clear();
}

void SdlCanvas::set_clip(std::optional<Rect> clip) {
    if (clip) {
        const SDL_Rect r{clip->x, clip->y, std::max(0, clip->w), std::max(0, clip->h)};
        SDL_RenderSetClipRect(&renderer_, &r);
    } else {
        SDL_RenderSetClipRect(&renderer_, nullptr);
    }
}

}  // namespace aff
