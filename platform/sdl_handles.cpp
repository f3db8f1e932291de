#include "platform/sdl_handles.hpp"

#include "platform/error.hpp"

#include <SDL.h>
#include <SDL_ttf.h>

#include <string>

namespace aff {

void SdlDeleter::operator()(SDL_Window* window) const noexcept { SDL_DestroyWindow(window); }
void SdlDeleter::operator()(SDL_Renderer* renderer) const noexcept {
    SDL_DestroyRenderer(renderer);
}
void SdlDeleter::operator()(SDL_Texture* texture) const noexcept { SDL_DestroyTexture(texture); }
void SdlDeleter::operator()(SDL_Surface* surface) const noexcept { SDL_FreeSurface(surface); }
void SdlDeleter::operator()(TTF_Font* font) const noexcept { TTF_CloseFont(font); }

TtfSession::TtfSession() {
    if (TTF_Init() != 0) {
        throw PlatformError(std::string("cannot initialise SDL_ttf: ") + TTF_GetError());
    }
}

TtfSession::~TtfSession() { TTF_Quit(); }

}  // namespace aff
