// What the platform tests share: the system's Noto Sans, an SDL software renderer to draw into,
// pixels read back, and environment variables set for one test.
#pragma once

#include "platform/fonts.hpp"
#include "platform/sdl_handles.hpp"

#include <CppUTest/TestHarness.h>
#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace aff::test {

inline FontFiles noto_sans() {
    const auto files = find_font_files("Noto Sans");
    if (!files) {
        FAIL("fontconfig does not know Noto Sans: install fonts-noto-core");
    }
    return *files;
}

inline std::filesystem::path scratch_dir() {
    const std::filesystem::path dir = AFF_TEST_TMPDIR;
    std::filesystem::create_directories(dir);
    return dir;
}

// A memory surface with SDL's software renderer over it, as Offscreen uses.
struct SoftwareTarget {
    SurfacePtr surface;
    RendererPtr renderer;

    explicit SoftwareTarget(int w = 64, int h = 64)
        : surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)),
          renderer(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr) {
        CHECK_TRUE(renderer != nullptr);
    }
};

struct Pixel {
    Uint8 r = 0, g = 0, b = 0, a = 0;
};

// A copy in one known pixel format, whatever format the surface (or PNG loader) chose.
inline SurfacePtr as_argb(SDL_Surface& surface) {
    SurfacePtr argb{SDL_ConvertSurfaceFormat(&surface, SDL_PIXELFORMAT_ARGB8888, 0)};
    CHECK_TRUE(argb != nullptr);
    return argb;
}

// `surface` as made by as_argb.
inline Pixel pixel_at(const SDL_Surface& surface, int x, int y) {
    CHECK_TRUE(surface.format->format == SDL_PIXELFORMAT_ARGB8888);
    CHECK_TRUE(x >= 0 && y >= 0 && x < surface.w && y < surface.h);
    const auto* row = static_cast<const Uint8*>(surface.pixels) + y * surface.pitch;
    Uint32 value = 0;
    SDL_memcpy(&value, row + x * 4, sizeof value);
    Pixel p;
    SDL_GetRGBA(value, surface.format, &p.r, &p.g, &p.b, &p.a);
    return p;
}

// Sets (or with nullopt unsets) an environment variable until the end of the scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
        }
        set(value);
    }
    ~ScopedEnv() { set(old_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    void set(const std::optional<std::string>& value) const {
        if (value) {
            setenv(name_.c_str(), value->c_str(), 1);
        } else {
            unsetenv(name_.c_str());
        }
    }
    std::string name_;
    std::optional<std::string> old_;
};

}  // namespace aff::test
