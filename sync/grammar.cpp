#include "sync/grammar.hpp"

#include <algorithm>

namespace aff {

bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool is_hex_digit(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_valid_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return is_ascii_alnum(c) || c == '.' || c == '_' || c == '-';
    });
}

bool is_country_code(std::string_view code) {
    return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
           code[1] <= 'Z';
}

bool is_language_tag(std::string_view tag) {
    std::size_t pos = 0;
    while (pos < tag.size() && is_ascii_alpha(tag[pos])) {
        ++pos;
    }
    if (pos < 2 || pos > 3) {
        return false;
    }
    while (pos < tag.size()) {
        if (tag[pos] != '-') {
            return false;
        }
        const std::size_t start = ++pos;
        while (pos < tag.size() && is_ascii_alnum(tag[pos])) {
            ++pos;
        }
        if (pos - start < 2 || pos - start > 8) {
            return false;
        }
    }
    return true;
}

bool is_color(std::string_view color) {
    return color.size() == 7 && color[0] == '#' &&
           std::all_of(color.begin() + 1, color.end(), is_hex_digit);
}

}  // namespace aff
