#include "platform/font_set.hpp"

#include "platform/error.hpp"

#include <SDL.h>
#include <SDL_ttf.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace aff {
namespace {

// Large enough that rounding the measured height hardly matters.
constexpr int reference_points = 100;

TtfFontPtr open_file(const std::string& file, int points) {
    return TtfFontPtr{TTF_OpenFont(file.c_str(), points)};
}

std::size_t weight_index(Weight weight) { return weight == Weight::bold ? 1 : 0; }

}  // namespace

FontSet::FontSet(const FontFiles& files) {
    if (files.regular.empty()) {
        throw PlatformError("no regular font file given (see find_font_files)");
    }
    faces_[0].file = files.regular;
    faces_[1].file = files.bold.empty() ? files.regular : files.bold;
    faces_[1].embolden = files.bold.empty();
    for (Face& face : faces_) {
        const TtfFontPtr probe = open_file(face.file, reference_points);
        if (!probe) {
            throw PlatformError("cannot open font '" + face.file + "': " + TTF_GetError());
        }
        const int height = TTF_FontHeight(probe.get());
        if (height <= 0) {
            throw PlatformError("font '" + face.file + "' reports no line height");
        }
        face.height_per_point = static_cast<double>(height) / reference_points;
    }
}

FontSet::~FontSet() = default;

TtfFontPtr FontSet::open_sized(const Face& face, int px) const {
    const int guess = std::max(1, static_cast<int>(std::lround(px / face.height_per_point)));
    TtfFontPtr font = open_file(face.file, guess);
    if (!font) {
        return nullptr;
    }
    // Heights are rounded per size, so a neighbouring point size may land closer to px.
    int best = guess;
    int best_error = std::abs(TTF_FontHeight(font.get()) - px);
    for (const int points : {guess - 1, guess + 1}) {
        if (points < 1 || TTF_SetFontSize(font.get(), points) != 0) {
            continue;
        }
        const int error = std::abs(TTF_FontHeight(font.get()) - px);
        if (error < best_error) {
            best = points;
            best_error = error;
        }
    }
    if (TTF_SetFontSize(font.get(), best) != 0) {
        return nullptr;
    }
    TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
    if (face.embolden) {
        TTF_SetFontStyle(font.get(), TTF_STYLE_BOLD);
    }
    return font;
}

void FontSet::warn_once(const Font& font, const std::string& why) {
    // Bounded, so a caller cycling through bad sizes cannot grow it without end.
    if (warned_.size() >= 64 || std::find(warned_.begin(), warned_.end(), font) != warned_.end()) {
        return;
    }
    warned_.push_back(font);
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "no text drawn at %d px: %s", font.px,
                why.c_str());
}

TTF_Font* FontSet::get(const Font& font) {
    ++uses_;
    const auto found = std::find_if(open_.begin(), open_.end(),
                                    [&](const Opened& o) { return o.font == font; });
    if (found != open_.end()) {
        found->last_used = uses_;
        return found->handle.get();
    }
    if (font.px < 1 || font.px > max_px) {
        warn_once(font, "sizes run from 1 to " + std::to_string(max_px) + " px");
        return nullptr;
    }
    TtfFontPtr handle = open_sized(faces_[weight_index(font.weight)], font.px);
    if (!handle) {
        warn_once(font, TTF_GetError());
        return nullptr;
    }
    if (open_.size() >= max_open) {
        const auto oldest = std::min_element(
            open_.begin(), open_.end(),
            [](const Opened& a, const Opened& b) { return a.last_used < b.last_used; });
        open_.erase(oldest);
    }
    open_.push_back(Opened{font, std::move(handle), uses_});
    return open_.back().handle.get();
}

}  // namespace aff
