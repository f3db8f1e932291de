// Offscreen: SDL's software renderer drawing into a memory surface (through a texture turned onto
// it, for a screen mounted sideways). Neither the renderer nor its
// textures need SDL's video subsystem, so this works with no display and any (or no) video
// driver; only SDL_ttf is initialised.
#include "platform/font_set.hpp"
#include "platform/rotation.hpp"
#include "platform/sdl_canvas.hpp"
#include "platform/video.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <string>

namespace aff {
namespace {

// Larger frames than any screen are a mistake in the request, not a screenshot.
constexpr int max_side = 16384;

SurfacePtr make_surface(Size size) {
    if (size.w < 1 || size.h < 1 || size.w > max_side || size.h > max_side) {
        throw PlatformError("offscreen frame " + std::to_string(size.w) + "x" +
                            std::to_string(size.h) + " is outside 1..16384 pixels a side");
    }
    SurfacePtr surface{
        SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888)};
    if (!surface) {
        throw PlatformError(std::string("cannot allocate the offscreen frame: ") +
                            SDL_GetError());
    }
    return surface;
}

RendererPtr make_renderer(SDL_Surface& surface) {
    RendererPtr renderer{SDL_CreateSoftwareRenderer(&surface)};
    if (!renderer) {
        throw PlatformError(std::string("cannot create the software renderer: ") +
                            SDL_GetError());
    }
    return renderer;
}

int checked_rotation(int rotation) {
    if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
        throw PlatformError("offscreen rotation " + std::to_string(rotation) +
                            " is not one of 0, 90, 180, 270");
    }
    return rotation;
}

// What the canvas of a screen mounted sideways draws into, turned onto the frame when it is saved.
TexturePtr make_target(SDL_Renderer& renderer, Size logical) {
    TexturePtr target{SDL_CreateTexture(&renderer, SDL_PIXELFORMAT_ARGB8888,
                                        SDL_TEXTUREACCESS_TARGET, logical.w, logical.h)};
    if (!target || SDL_SetRenderTarget(&renderer, target.get()) != 0) {
        throw PlatformError(std::string("cannot create the rotation texture: ") + SDL_GetError());
    }
    return target;
}

// One frame cannot wait for a background decode, so pictures are decoded at their first draw.
SdlCanvasOptions immediate_pictures() {
    SdlCanvasOptions options;
    options.image_decoding = ImageDecoding::immediate;
    return options;
}

class SdlOffscreen final : public Offscreen {
public:
    SdlOffscreen(Size size, const FontFiles& fonts, int rotation)
        : rotation_(checked_rotation(rotation)),
          surface_(make_surface(size)),
          renderer_(make_renderer(*surface_)),
          target_(rotation_ != 0 ? make_target(*renderer_, rotated(size, rotation_)) : nullptr),
          fonts_(fonts),
          canvas_(*renderer_, fonts_, rotated(size, rotation_), immediate_pictures()) {
        canvas_.clear(Color{0, 0, 0, 255});
    }

    Canvas& canvas() override { return canvas_; }

    void save_png(const std::string& path) override {
        if (path.empty()) {
            throw PlatformError("cannot save a PNG: no path given");
        }
        if (target_) {
            SDL_SetRenderTarget(renderer_.get(), nullptr);
            draw_turned(*renderer_, *target_, Size{surface_->w, surface_->h}, rotation_);
        }
        SDL_RenderFlush(renderer_.get());
        const bool saved = IMG_SavePNG(surface_.get(), path.c_str()) == 0;
        if (target_) {
            SDL_SetRenderTarget(renderer_.get(), target_.get());
        }
        if (!saved) {
            throw PlatformError("cannot save PNG '" + path + "': " + IMG_GetError());
        }
    }

    const TextCacheStats& text_cache_stats() const override { return canvas_.text_cache().stats(); }
    const ImageCacheStats& image_cache_stats() const override {
        return canvas_.image_cache().stats();
    }

private:
    // Declared in the order they depend on each other; destroyed in reverse.
    int rotation_;
    SurfacePtr surface_;
    RendererPtr renderer_;
    TexturePtr target_;  // what the canvas draws into when the frame is rotated
    FontSet fonts_;
    SdlCanvas canvas_;
};

}  // namespace

Offscreen::~Offscreen() = default;

std::unique_ptr<Offscreen> Offscreen::create(Size size, const FontFiles& fonts, int rotation) {
    return std::make_unique<SdlOffscreen>(size, fonts, rotation);
}

}  // namespace aff
