// The faces of one family opened with SDL_ttf at the sizes the screens ask for. A screen uses a
// handful of sizes, so each is opened once and kept; the least recently used is closed only
// past max_open sizes.
#pragma once

#include "platform/canvas.hpp"
#include "platform/fonts.hpp"
#include "platform/sdl_handles.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace aff {

class FontSet {
public:
    static constexpr int max_px = 1000;
    static constexpr std::size_t max_open = 24;

    // Opens both files once to check them. Throws PlatformError naming the file that does not
    // open. An empty `bold` means the regular face is emboldened.
    explicit FontSet(const FontFiles& files);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // The face for `font`, sized so that TTF_FontHeight is as close to font.px as the point
    // sizes allow. Null (with one warning in SDL's log per size) when px is outside
    // 1..max_px or SDL_ttf refuses. Valid until the next call.
    TTF_Font* get(const Font& font);

    std::size_t open_count() const { return open_.size(); }

private:
    struct Face {
        std::string file;
        bool embolden = false;
        double height_per_point = 1.0;  // TTF_FontHeight / point size, measured once
    };
    struct Opened {
        Font font;
        TtfFontPtr handle;
        std::uint64_t last_used = 0;
    };

    TtfFontPtr open_sized(const Face& face, int px) const;
    void warn_once(const Font& font, const std::string& why);

    // First member, so SDL_ttf is quit only after every face below is closed.
    TtfSession ttf_;
    std::array<Face, 2> faces_;  // by Weight
    std::vector<Opened> open_;
    std::vector<Font> warned_;
    std::uint64_t uses_ = 0;
};

}  // namespace aff
