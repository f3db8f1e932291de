// What the platform tests share: the system's Noto Sans, an SDL software renderer to draw into,
// pixels read back, and environment variables set for one test.
#pragma once

#include "platform/fonts.hpp"
#include "platform/sdl_handles.hpp"

// The standard headers before CppUTest's, whose leak detector redefines `new`.
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>
#include <SDL.h>
#include <SDL_image.h>

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

// A picture made for a test: `color(x, y)` for each pixel, saved as PNG (or JPEG) at `path`.
inline void write_picture(const std::string& path, int w, int h,
                          const std::function<Pixel(int, int)>& color, bool jpeg = false) {
    const SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888)};
    CHECK_TRUE(surface != nullptr);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<Uint32*>(static_cast<Uint8*>(surface->pixels) +
                                              y * surface->pitch);
        for (int x = 0; x < w; ++x) {
            const Pixel p = color(x, y);
            row[x] = SDL_MapRGBA(surface->format, p.r, p.g, p.b, p.a);
        }
    }
    const int saved = jpeg ? IMG_SaveJPG(surface.get(), path.c_str(), 95)
                           : IMG_SavePNG(surface.get(), path.c_str());
    CHECK_TEXT(saved == 0, IMG_GetError());
}

inline void write_picture(const std::string& path, int w, int h, Pixel fill, bool jpeg = false) {
    write_picture(path, w, h, [&](int, int) { return fill; }, jpeg);
}

// What SDL_Log wrote while it lives, instead of writing it to stderr.
class LogCapture {
public:
    LogCapture() {
        SDL_LogGetOutputFunction(&old_function_, &old_data_);
        SDL_LogSetOutputFunction(&LogCapture::output, this);
    }
    ~LogCapture() { SDL_LogSetOutputFunction(old_function_, old_data_); }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    // The lines that contain `text`.
    std::size_t count(const std::string& text) const {
        std::size_t n = 0;
        for (const std::string& line : lines) {
            if (line.find(text) != std::string::npos) {
                ++n;
            }
        }
        return n;
    }

    std::vector<std::string> lines;

private:
    static void output(void* self, int /*category*/, SDL_LogPriority /*priority*/,
                       const char* message) {
        static_cast<LogCapture*>(self)->lines.emplace_back(message);
    }
    SDL_LogOutputFunction old_function_ = nullptr;
    void* old_data_ = nullptr;
};

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
