// Finding the font files of a family through fontconfig, so the kiosk uses whatever the system
// package installed (fonts-noto-core) instead of shipping its own copies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

struct FontFiles {
    std::string regular;
    std::string bold;  // empty when the family has no bold face: the regular one is emboldened
};

// Finds the files of a family through fontconfig ("Noto Sans"); nothing if fontconfig has no
// font whose family matches exactly (a substitute family is not accepted).
std::optional<FontFiles> find_font_files(const std::string& family);

// An installed font that has a character the UI font lacks.
struct FallbackFont {
    std::string family;  // "Noto Sans Georgian"
    std::string file;
    int index = 0;      // the face's index in the file (a .ttc collection holds several)
    bool bold = false;  // a bold face (else a bold line emboldens it)
};

// The font fontconfig ranks first for `code_point` next to `family` (upright and scalable), but
// one of the family's own script companions when there is one: "Noto Sans Georgian" rather than
// "DejaVu Sans" for Georgian next to "Noto Sans". Nothing if no installed font has it.
std::optional<FallbackFont> find_fallback_font(char32_t code_point, const std::string& family,
                                               bool bold);

// The code points of `utf8` (each once, in order of appearance) that the regular or the bold file
// has no glyph for, as SDL_ttf sees them. Needs no display. Throws PlatformError when a file
// does not open as a font, or when the text is not valid UTF-8.
std::vector<char32_t> missing_glyphs(const FontFiles& files, std::string_view utf8);

}  // namespace aff
