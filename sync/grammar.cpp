#include "sync/grammar.hpp"

#include <algorithm>
#include <cstddef>

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

std::optional<std::string> asset_path_problem(std::string_view path) {
    if (path.empty()) {
        return "is empty";
    }
    if (path.front() == '/') {
        return "must be relative (no leading \"/\")";
    }
    for (const char c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') {
            return "must not contain control characters or \"\\\"";
        }
    }
    const std::string_view first_segment = path.substr(0, path.find('/'));
    if (first_segment.find(':') != std::string_view::npos) {
        return "must be relative (no scheme such as \"https:\")";
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "..") {
            return "must not contain a \"..\" segment";
        }
        if (segment.empty()) {
            return "must not contain an empty segment";
        }
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace aff
