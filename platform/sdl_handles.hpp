// Owning handles for SDL and SDL_ttf objects, declared without the SDL headers so no header of
// platform/ pulls SDL into the code that includes it.
#pragma once

#include <memory>

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;
struct SDL_Surface;
// The same declaration SDL_ttf.h makes; C++ allows the two to meet.
typedef struct _TTF_Font TTF_Font;  // NOLINT(modernize-use-using)

namespace aff {

struct SdlDeleter {
    void operator()(SDL_Window* window) const noexcept;
    void operator()(SDL_Renderer* renderer) const noexcept;
    void operator()(SDL_Texture* texture) const noexcept;
    void operator()(SDL_Surface* surface) const noexcept;
    void operator()(TTF_Font* font) const noexcept;
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using TtfFontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;

// One TTF_Init, undone by one TTF_Quit. SDL_ttf counts these itself (TTF_WasInit is the count),
// so sessions nest and FreeType goes away with the last one. Throws PlatformError.
class TtfSession {
public:
    TtfSession();
    ~TtfSession();
    TtfSession(const TtfSession&) = delete;
    TtfSession& operator=(const TtfSession&) = delete;
};

}  // namespace aff
