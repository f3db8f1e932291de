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
constexpr std::size_t max_remembered = 4096;  // characters looked up
constexpr std::size_t max_unfound_logged = 64;

constexpr const char* arabic = "Arab";
constexpr const char* hebrew = "Hebr";

std::size_t weight_index(Weight weight) { return weight == Weight::bold ? 1 : 0; }

// The right-to-left scripts a venue might meet in a film title: the ISO 15924 tag HarfBuzz
// shapes `c` with, or null for a left-to-right (or neutral) character.
const char* rtl_script(char32_t c) {
    if ((c >= 0x0590 && c <= 0x05FF) || (c >= 0xFB1D && c <= 0xFB4F)) {
        return hebrew;
    }
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
        (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
        (c >= 0xFE70 && c <= 0xFEFE)) {
        return arabic;
    }
    return nullptr;
}

// Spaces, digits and punctuation, which go with the words around them: the space between two
// Arabic words stays in their run, so HarfBuzz puts the second word on the left.
bool is_neutral(char32_t c) {
    const char32_t lower = c | 0x20;
    return (c < 0x80 && !(lower >= 'a' && lower <= 'z')) || (c >= 0xA0 && c <= 0xBF) ||
           (c >= 0x2000 && c <= 0x206F);
}

// SDL_ttf shapes each call with the face's direction and script; a right-to-left run sets them
// for its call only, as the same face may draw left-to-right runs too.
class RunDirection {
public:
    RunDirection(TTF_Font* face, const char* rtl_script)
        : face_(rtl_script != nullptr ? face : nullptr) {
        if (face_ != nullptr) {
            TTF_SetFontDirection(face_, TTF_DIRECTION_RTL);
            TTF_SetFontScriptName(face_, rtl_script);
        }
    }
    ~RunDirection() {
        if (face_ != nullptr) {
            TTF_SetFontDirection(face_, TTF_DIRECTION_LTR);
            TTF_SetFontScriptName(face_, "Zzzz");  // unknown: HarfBuzz's default
        }
    }
    RunDirection(const RunDirection&) = delete;
    RunDirection& operator=(const RunDirection&) = delete;

private:
    TTF_Font* face_;
};

std::string family_name(TTF_Font& font) {
    const char* name = TTF_FontFaceFamilyName(&font);
    return name != nullptr ? name : "the UI font";
}

}  // namespace

FontSet::FontSet(const FontFiles& files, FallbackFonts fallback) : fallback_(fallback) {
    if (files.regular.empty()) {
        throw PlatformError("no regular font file given (see find_font_files)");
    }
    faces_.resize(2);
    faces_[0].file = files.regular;
    faces_[1].file = files.bold.empty() ? files.regular : files.bold;
    faces_[1].bold = true;
    faces_[1].embolden = files.bold.empty();
    for (std::size_t i = 0; i < 2; ++i) {
        Face& face = faces_[i];
        face.probe = open_face(face, reference_points);
        if (!face.probe) {
            throw PlatformError("cannot open font '" + face.file + "': " + TTF_GetError());
        }
        const int height = TTF_FontHeight(face.probe.get());
        if (height <= 0) {
            throw PlatformError("font '" + face.file + "' reports no line height");
        }
        face.height_per_point = static_cast<double>(height) / reference_points;
        face.family = family_name(*face.probe);
        for (char32_t c = 0; c < known_below; ++c) {
            has_[i][c] = provides(i, c);
        }
    }
}

FontSet::~FontSet() = default;

TtfFontPtr FontSet::open_face(const Face& face, int points) const {
    return TtfFontPtr{TTF_OpenFontIndex(face.file.c_str(), points, face.index)};
}

TtfFontPtr FontSet::open_sized(const Face& face, int px) const {
    const int guess = std::max(1, static_cast<int>(std::lround(px / face.height_per_point)));
    TtfFontPtr font = open_face(face, guess);
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

TTF_Font* FontSet::get(const Font& font) { return face_at(weight_index(font.weight), font); }

TTF_Font* FontSet::face_at(std::size_t face, const Font& font) {
    ++uses_;
    const auto found = std::find_if(open_.begin(), open_.end(), [&](const Opened& o) {
        return o.face == face && o.px == font.px;
    });
    if (found != open_.end()) {
        found->last_used = uses_;
        return found->handle.get();
    }
    if (font.px < 1 || font.px > max_px) {
        warn_once(font, "sizes run from 1 to " + std::to_string(max_px) + " px");
        return nullptr;
    }
    TtfFontPtr handle;
    if (face < 2) {
        handle = open_sized(faces_[face], font.px);
    } else {
        // A fallback takes the family's point size, not its line height, so its letters are as
        // large as the family's; they sit on the family's baseline.
        const double per_point = faces_[weight_index(font.weight)].height_per_point;
        handle = open_face(faces_[face],
                           std::max(1, static_cast<int>(std::lround(font.px / per_point))));
        if (handle) {
            TTF_SetFontHinting(handle.get(), TTF_HINTING_LIGHT);
            if (faces_[face].embolden) {
                TTF_SetFontStyle(handle.get(), TTF_STYLE_BOLD);
            }
        }
    }
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
    open_.push_back(Opened{face, font.px, std::move(handle), uses_});
    return open_.back().handle.get();
}

bool FontSet::provides(std::size_t face, char32_t c) const {
    return TTF_GlyphIsProvided32(faces_[face].probe.get(), static_cast<Uint32>(c)) != 0;
}

std::size_t FontSet::face_for(char32_t c, Weight weight) {
    const std::size_t main = weight_index(weight);
    if ((c < known_below ? has_[main][c] : provides(main, c)) ||
        fallback_ == FallbackFonts::none) {
        return main;
    }
    const auto key = static_cast<std::uint32_t>(c << 1 | main);
    if (const auto known = fallback_of_.find(key); known != fallback_of_.end()) {
        return known->second;
    }
    const std::size_t face = find_fallback(c, main == 1);
    if (fallback_of_.size() >= max_remembered) {
        fallback_of_.clear();
    }
    fallback_of_.emplace(key, face);
    return face;
}

std::size_t FontSet::find_fallback(char32_t c, bool bold) {
    const std::size_t main = bold ? 1 : 0;
    // A font found for one letter of a title usually has the rest of its script, and asking it
    // is far cheaper than asking fontconfig.
    for (std::size_t i = 2; i < faces_.size(); ++i) {
        if (faces_[i].bold == bold && provides(i, c)) {
            return i;
        }
    }
    const auto found = find_fallback_font(c, faces_[0].family, bold);
    const bool known = found && std::any_of(faces_.begin(), faces_.end(), [&](const Face& f) {
        return f.file == found->file && f.index == found->index && f.bold == bold;
    });
    const bool room = fallback_count() < max_fallbacks;
    if (found && !known && room) {
        Face face{found->file, found->index, found->family, bold, bold && !found->bold, 1.0,
                  nullptr};
        face.probe = open_face(face, reference_points);
        if (face.probe &&
            TTF_GlyphIsProvided32(face.probe.get(), static_cast<Uint32>(c)) != 0) {
            SDL_Log("font: U+%04X is not in %s; using %s%s", static_cast<unsigned>(c),
                    faces_[main].family.c_str(), face.family.c_str(), bold ? " for bold" : "");
            faces_.push_back(std::move(face));
            return faces_.size() - 1;
        }
    }
    // Once per character, whichever weights ask; bounded, so a feed full of emoji cannot flood
    // the log.
    if (unfound_.size() < max_unfound_logged &&
        std::find(unfound_.begin(), unfound_.end(), c) == unfound_.end()) {
        unfound_.push_back(c);
        SDL_Log("font: U+%04X is in no %s; %s draws its missing-glyph box",
                static_cast<unsigned>(c),
                room ? "installed font" : "font of the first few fallbacks",
                faces_[main].family.c_str());
    }
    return main;
}

void FontSet::split(std::string_view line, Weight weight) {
    runs_.clear();
    // Where the neutral characters that end the last right-to-left run begin, if they do.
    constexpr std::size_t none = std::string_view::npos;
    std::size_t tail = none;
    // Spaces or digits after a right-to-left run belong to the left-to-right line around it, so
    // they are drawn to the run's right rather than shaped into its left end.
    const auto end_rtl_run = [&] {
        if (!runs_.empty() && runs_.back().rtl_script != nullptr && tail != none) {
            TextRun rest = runs_.back();
            rest.begin = tail;
            rest.rtl_script = nullptr;
            runs_.back().end = tail;
            runs_.push_back(rest);
        }
        tail = none;
    };
    if (!code_point_reader_.read(line, code_points_)) {
        // Not UTF-8: the family's face draws it all, and SDL_ttf its box for the bad bytes.
        runs_.push_back(TextRun{0, line.size(), weight_index(weight), nullptr});
        return;
    }
    for (const CodePoint& code_point : code_points_) {
        const std::size_t begin = code_point.begin;
        const std::size_t pos = code_point.end;
        const char32_t c = code_point.value;
        if (!runs_.empty() && runs_.back().rtl_script != nullptr && is_neutral(c) &&
            provides(runs_.back().face, c)) {
            tail = tail == none ? begin : tail;
            runs_.back().end = pos;
            continue;
        }
        const std::size_t face = face_for(c, weight);
        const char* script = rtl_script(c);
        if (!runs_.empty() && runs_.back().face == face && runs_.back().rtl_script == script) {
            runs_.back().end = pos;
            tail = none;
            continue;
        }
        end_rtl_run();
        runs_.push_back(TextRun{begin, pos, face, script});
    }
    end_rtl_run();
}

// The common case, drawn exactly as before fallbacks existed: one call to SDL_ttf for the line.
bool FontSet::one_plain_run(Weight weight) const {
    return runs_.empty() || (runs_.size() == 1 && runs_[0].face == weight_index(weight) &&
                             runs_[0].rtl_script == nullptr);
}

int FontSet::run_width(const TextRun& run, const Font& font) {
    TTF_Font* face = face_at(run.face, font);
    if (face == nullptr) {
        return 0;
    }
    run_text_.assign(text_, run.begin, run.end - run.begin);
    const RunDirection direction(face, run.rtl_script);
    int w = 0;
    return TTF_SizeUTF8(face, run_text_.c_str(), &w, nullptr) == 0 ? w : 0;
}

TextSize FontSet::measure(std::string_view utf8, const Font& font) {
    TTF_Font* main = get(font);
    if (main == nullptr) {
        return TextSize{};
    }
    // SDL_ttf ends a line at a NUL; the runs end there too.
    text_.assign(utf8);
    split(std::string_view(text_.c_str()), font.weight);
    TextSize size;
    if (one_plain_run(font.weight)) {
        return TTF_SizeUTF8(main, text_.c_str(), &size.w, &size.h) == 0 ? size : TextSize{};
    }
    size.h = TTF_FontHeight(main);  // read before opening other faces may close this one
    for (const TextRun& run : runs_) {
        size.w += run_width(run, font);
    }
    return size;
}

SurfacePtr FontSet::render(std::string_view utf8, const Font& font, Color color) {
    TTF_Font* main = get(font);
    if (main == nullptr) {
        return nullptr;
    }
    text_.assign(utf8);
    split(std::string_view(text_.c_str()), font.weight);
    const SDL_Color fg{color.r, color.g, color.b, color.a};
    if (one_plain_run(font.weight)) {
        return SurfacePtr{TTF_RenderUTF8_Blended(main, text_.c_str(), fg)};
    }
    const int height = TTF_FontHeight(main);
    const int ascent = TTF_FontAscent(main);
    int width = 0;
    run_widths_.clear();
    for (const TextRun& run : runs_) {
        run_widths_.push_back(run_width(run, font));
        width += run_widths_.back();
    }
    if (width <= 0) {
        TTF_SetError("the line has no width");
        return nullptr;
    }
    SurfacePtr line{SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888)};
    if (!line) {
        TTF_SetError("%s", SDL_GetError());
        return nullptr;
    }
    // Transparent in the text's own colour, so blending the runs in leaves no dark fringes.
    SDL_FillRect(line.get(), nullptr, SDL_MapRGBA(line->format, fg.r, fg.g, fg.b, 0));
    int x = 0;
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        const TextRun& run = runs_[i];
        const int run_w = run_widths_[i];
        TTF_Font* face = face_at(run.face, font);
        if (face == nullptr || run_w <= 0) {
            continue;
        }
        run_text_.assign(text_, run.begin, run.end - run.begin);
        const RunDirection direction(face, run.rtl_script);
        const SurfacePtr piece{TTF_RenderUTF8_Blended(face, run_text_.c_str(), fg)};
        if (piece) {
            SDL_Rect at{x, ascent - TTF_FontAscent(face), piece->w, piece->h};
            SDL_SetSurfaceBlendMode(piece.get(), SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(piece.get(), nullptr, line.get(), &at);
        }
        x += run_w;
    }
    return line;
}

}  // namespace aff
