// Reading UTF-8 one code point at a time, for finding which font draws each character. A
// malformed sequence reads as one U+FFFD, as SDL_ttf draws it.
#pragma once

#include <cstddef>
#include <string_view>

namespace aff {

inline constexpr char32_t replacement_character = U'\uFFFD';

// The code point starting at `pos`, with `pos` moved past it. `pos` must be before the end.
inline char32_t next_code_point(std::string_view utf8, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
    const unsigned char lead = byte(pos++);
    if (lead < 0x80) {
        return lead;
    }
    int more = 0;
    char32_t value = 0;
    char32_t smallest = 0;  // anything below is an overlong encoding
    if ((lead & 0xE0) == 0xC0) {
        more = 1;
        value = lead & 0x1Fu;
        smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        more = 2;
        value = lead & 0x0Fu;
        smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        more = 3;
        value = lead & 0x07u;
        smallest = 0x10000;
    } else {
        return replacement_character;
    }
    for (; more > 0; --more) {
        if (pos >= utf8.size() || (byte(pos) & 0xC0) != 0x80) {
            return replacement_character;  // the bytes read so far are the bad sequence
        }
        value = (value << 6) | (byte(pos++) & 0x3Fu);
    }
    if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return replacement_character;
    }
    return value;
}

}  // namespace aff
