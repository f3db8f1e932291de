#include "platform/sdl_canvas.hpp"

#include "platform/geometry.hpp"

#include <SDL.h>

#include <algorithm>
#include <climits>
#include <cstddef>
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

bool SdlCanvas::use_color(Color color) {
    if (color.a == 0) {
        return false;
    }
    SDL_SetRenderDrawBlendMode(&renderer_,
                               color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(&renderer_, color.r, color.g, color.b, color.a);
    return true;
}

void SdlCanvas::fill_rect(const Rect& rect, Color color) {
    if (rect.w <= 0 || rect.h <= 0 || !use_color(color)) {
        return;
    }
    const SDL_Rect r{rect.x, rect.y, rect.w, rect.h};
    SDL_RenderFillRect(&renderer_, &r);
}

// Untextured triangles take the renderer's blend mode, as rectangles do, and their colour from
// their corners; clipping and the rotation target apply as to everything else.
void SdlCanvas::draw_triangles(const std::vector<Point>& corners, const std::vector<int>& indices,
                               Color color) {
    if (corners.empty() || corners.size() > static_cast<std::size_t>(INT_MAX) ||
        indices.size() > static_cast<std::size_t>(INT_MAX) || !use_color(color)) {
        return;
    }
    std::vector<SDL_Vertex> vertices(corners.size());
    const SDL_Color c{color.r, color.g, color.b, color.a};
    for (std::size_t i = 0; i < corners.size(); ++i) {
        vertices[i] = SDL_Vertex{SDL_FPoint{corners[i].x, corners[i].y}, c, SDL_FPoint{0, 0}};
    }
    if (SDL_RenderGeometry(&renderer_, nullptr, vertices.data(), static_cast<int>(vertices.size()),
                           indices.empty() ? nullptr : indices.data(),
                           static_cast<int>(indices.size())) != 0) {
        SDL_LogError(SDL_LOG_CATEGORY_RENDER, "cannot draw %zu triangles: %s",
                     (indices.empty() ? vertices.size() : indices.size()) / 3, SDL_GetError());
    }
}

void SdlCanvas::fill_polygon(std::span<const Point> points, Color color) {
    if (color.a == 0) {
        return;
    }
    const std::vector<Triangle> triangles = triangulate(points);
    if (triangles.empty()) {
        return;
    }
    std::vector<int> indices;
    indices.reserve(triangles.size() * 3);
    for (const Triangle& t : triangles) {
        indices.push_back(static_cast<int>(t.a));
        indices.push_back(static_cast<int>(t.b));
        indices.push_back(static_cast<int>(t.c));
    }
    draw_triangles(std::vector<Point>(points.begin(), points.end()), indices, color);
}

void SdlCanvas::draw_polyline(std::span<const Point> points, float width, Color color) {
    if (color.a == 0) {
        return;
    }
    draw_triangles(stroke_polyline(points, width), {}, color);
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
    layers_.clear();
}

void SdlCanvas::draw_layer(std::string_view key, Size size, int x, int y,
                           const std::function<void(Canvas&)>& paint) {
    if (size.w <= 0 || size.h <= 0 || painting_) {
        // No picture, or one inside another (not kept): painted straight through.
        Canvas::draw_layer(key, size, x, y, paint);
        return;
    }
    auto found = std::find_if(layers_.begin(), layers_.end(), [&](const Layer& layer) {
        return layer.key == key && layer.size == size;
    });
    if (found == layers_.end()) {
        TexturePtr texture{SDL_CreateTexture(&renderer_, SDL_PIXELFORMAT_ARGB8888,
                                             SDL_TEXTUREACCESS_TARGET, size.w, size.h)};
        if (!texture) {
            Canvas::draw_layer(key, size, x, y, paint);  // out of texture memory: still drawn
            return;
        }
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
        SDL_Texture* const previous = SDL_GetRenderTarget(&renderer_);
        const Size outer = size_;
        SDL_SetRenderTarget(&renderer_, texture.get());
        SDL_RenderSetClipRect(&renderer_, nullptr);
        clear(Color{0, 0, 0, 0});
        size_ = size;
        painting_ = size;
        paint(*this);
        painting_.reset();
        size_ = outer;
        SDL_RenderSetClipRect(&renderer_, nullptr);
        SDL_SetRenderTarget(&renderer_, previous);
        ++layers_painted_;
        if (layers_.size() >= max_layers) {
            layers_.pop_back();
        }
        layers_.insert(layers_.begin(), Layer{std::string(key), size, std::move(texture)});
        found = layers_.begin();
    } else if (found != layers_.begin()) {
        std::rotate(layers_.begin(), found, found + 1);
        found = layers_.begin();
    }
    SDL_RenderSetClipRect(&renderer_, nullptr);
    const SDL_Rect where{x, y, size.w, size.h};
    SDL_RenderCopy(&renderer_, found->texture.get(), nullptr, &where);
}

void SdlCanvas::set_clip(std::optional<Rect> clip) {
    if (clip) {
        const SDL_Rect r{clip->x, clip->y, std::max(0, clip->w), std::max(0, clip->h)};
        SDL_RenderSetClipRect(&renderer_, &r);
    } else {
        SDL_RenderSetClipRect(&renderer_, nullptr);
    }
}

void draw_turned(SDL_Renderer& renderer, SDL_Texture& frame, Size output, int rotation) {
    SDL_SetRenderDrawBlendMode(&renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(&renderer, 0, 0, 0, 255);
    SDL_RenderClear(&renderer);
    int w = 0;
    int h = 0;
    SDL_QueryTexture(&frame, nullptr, nullptr, &w, &h);
    // Centred on the screen, so turning it about its centre lands it exactly on the screen.
    const SDL_FRect dst{static_cast<float>(output.w - w) / 2.0f,
                        static_cast<float>(output.h - h) / 2.0f, static_cast<float>(w),
                        static_cast<float>(h)};
    SDL_RenderCopyExF(&renderer, &frame, nullptr, &dst, rotation, nullptr, SDL_FLIP_NONE);
}

}  // namespace aff
