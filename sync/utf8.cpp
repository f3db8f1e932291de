#include "sync/utf8.hpp"

#include <cstdint>

namespace aff::utf8 {
namespace {

// One character read at `pos`: how many bytes it takes and whether they are well-formed.
struct Step {
    char32_t code_point = replacement_character;
    std::size_t length = 1;
    bool valid = false;
};

// Unicode's table 3-7 of well-formed byte sequences: the lead byte fixes the length and the
// range of the second byte (which rules out overlong forms, surrogates and code points past
// U+10FFFF); every later byte is 80..BF.
Step step(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t at) { return static_cast<std::uint8_t>(text[at]); };
    const std::uint8_t lead = byte(pos);
    if (lead < 0x80) {
        return {lead, 1, true};
    }
    std::size_t length = 0;
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        low = lead == 0xE0 ? 0xA0 : 0x80;   // below: overlong
        high = lead == 0xED ? 0x9F : 0xBF;  // above: surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        low = lead == 0xF0 ? 0x90 : 0x80;   // below: overlong
        high = lead == 0xF4 ? 0x8F : 0xBF;  // above: past U+10FFFF
    } else {
        return {};  // a stray continuation byte, C0, C1 or F5..FF
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (pos + k >= text.size()) {
            return {replacement_character, k, false};  // cut short by the end
        }
        const std::uint8_t next = byte(pos + k);
        if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) {
            return {replacement_character, k, false};
        }
        value = (value << 6) | (next & 0x3Fu);
    }
    return {value, length, true};
}

}  // namespace

std::optional<std::size_t> first_invalid(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const Step s = step(text, pos);
        if (!s.valid) {
            return pos;
        }
        pos += s.length;
    }
    return std::nullopt;
}

bool is_valid(std::string_view text) { return !first_invalid(text).has_value(); }

char32_t decode(std::string_view text, std::size_t& pos) {
    const Step s = step(text, pos);
    pos += s.length;
    return s.code_point;
}

std::size_t count(std::string_view text) {
    std::size_t characters = 0;
    for (std::size_t pos = 0; pos < text.size(); ++characters) {
        pos += step(text, pos).length;
    }
    return characters;
}

std::size_t offset(std::string_view text, std::size_t characters) {
    std::size_t pos = 0;
    for (; pos < text.size() && characters > 0; --characters) {
        pos += step(text, pos).length;
    }
    return pos;
}

std::string_view cut(std::string_view text, std::size_t max_bytes) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t next = pos + step(text, pos).length;
        if (next > max_bytes) {
            break;
        }
        pos = next;
    }
    return text.substr(0, pos);
}

std::string replace_invalid(std::string_view text, char replacement) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const Step s = step(text, pos);
        if (s.valid) {
            result.append(text.substr(pos, s.length));
        } else {
            result.append(s.length, replacement);
        }
        pos += s.length;
    }
    return result;
}

}  // namespace aff::utf8
