// The faces of one family opened with SDL_ttf at the sizes the screens ask for, and the lines
// drawn with them. A screen uses a handful of sizes, so each is opened once and kept; the least
// recently used is closed only past max_open sizes.
//
// SDL_ttf 2.20 has no fallback of its own: a character the family lacks (a Georgian or Korean
// film title next to Noto Sans) is drawn with another installed font that has it, found through
// fontconfig once per character and logged once per font. A line is split into runs by face,
// each run measured and drawn by its face, and the runs laid side by side on one baseline.
#pragma once

#include "platform/canvas.hpp"
#include "platform/code_points.hpp"
#include "platform/fonts.hpp"
#include "platform/sdl_handles.hpp"

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aff {

// Where a FontSet looks for characters its family lacks.
enum class FallbackFonts : std::uint8_t {
    fontconfig,  // any installed font that has them, the family's own script companions first
    none,        // nowhere: the family's missing-glyph box is drawn
};

// One stretch of a line drawn with one face, in one direction.
struct TextRun {
    std::size_t begin = 0;  // bytes of the line
    std::size_t end = 0;
    std::size_t face = 0;
    const char* rtl_script = nullptr;  // ISO 15924 tag ("Arab") of a right-to-left run
};

class FontSet {
public:
    static constexpr int max_px = 1000;
    static constexpr std::size_t max_open = 24;
    static constexpr std::size_t max_fallbacks = 16;

    // Opens both files once to check them. Throws PlatformError naming the file that does not
    // open. An empty `bold` means the regular face is emboldened.
    explicit FontSet(const FontFiles& files, FallbackFonts fallback = FallbackFonts::fontconfig);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // The family's face for `font`, sized so that TTF_FontHeight is as close to font.px as the
    // point sizes allow. Null (with one warning in SDL's log per size) when px is outside
    // 1..max_px or SDL_ttf refuses. Valid until the next call.
    TTF_Font* get(const Font& font);

    // The box of one line as render() draws it: its advance width and the family's line height.
    // Zero for a size get() refuses.
    TextSize measure(std::string_view utf8, const Font& font);
    // One line in `color` on a transparent surface exactly measure() wide and high. Null for
    // empty text, a size get() refuses, or when SDL_ttf fails (the reason in TTF_GetError).
    SurfacePtr render(std::string_view utf8, const Font& font, Color color);

    std::size_t open_count() const { return open_.size(); }
    // The fallback faces found so far, each counted once per weight it serves.
    std::size_t fallback_count() const { return faces_.size() - 2; }

private:
    struct Face {
        std::string file;
        int index = 0;  // within a font collection
        std::string family;
        bool bold = false;      // serves bold lines
        bool embolden = false;  // drawn bold by SDL_ttf, having no bold of its own
        double height_per_point = 1.0;  // TTF_FontHeight / point size, measured once
        TtfFontPtr probe;  // kept open to ask which characters the face has
    };
    struct Opened {
        std::size_t face = 0;
        int px = 0;
        TtfFontPtr handle;
        std::uint64_t last_used = 0;
    };

    TtfFontPtr open_face(const Face& face, int points) const;
    TtfFontPtr open_sized(const Face& face, int px) const;
    TTF_Font* face_at(std::size_t face, const Font& font);
    bool provides(std::size_t face, char32_t c) const;
    std::size_t face_for(char32_t c, Weight weight);
    std::size_t find_fallback(char32_t c, bool bold);
    void split(std::string_view line, Weight weight);
    bool one_plain_run(Weight weight) const;
    int run_width(const TextRun& run, const Font& font);
    void warn_once(const Font& font, const std::string& why);

    // First member, so SDL_ttf is quit only after every face below is closed.
    TtfSession ttf_;
    FallbackFonts fallback_;
    std::vector<Face> faces_;  // regular, bold, then fallbacks in the order they were found
    // Which of the first code points (Latin, Greek, Cyrillic: nearly every line) the regular
    // and bold faces have, read once, so splitting a line rarely asks FreeType.
    static constexpr char32_t known_below = 0x800;
    std::bitset<known_below> has_[2];
    // (code point << 1 | bold) to the face that draws it, so fontconfig is asked once per
    // character; cleared when full.
    std::unordered_map<std::uint32_t, std::size_t> fallback_of_;
    std::vector<char32_t> unfound_;  // characters no font has, logged
    std::vector<Opened> open_;
    std::vector<Font> warned_;
    std::uint64_t uses_ = 0;
    // Reused buffers, so a steady measure or render allocates nothing once they have grown.
    std::string text_;      // NUL-terminated copy for SDL_ttf
    std::string run_text_;  // the same, of one run
    CodePointReader code_point_reader_;
    std::vector<CodePoint> code_points_;
    std::vector<TextRun> runs_;
    std::vector<int> run_widths_;
};

}  // namespace aff
