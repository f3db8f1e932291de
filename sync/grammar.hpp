// The small grammars of the feed contract (ids, language tags, country codes, colours, asset
// paths), in one place for the feed reader and for every option or file that names something in
// a feed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aff {

bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);
bool is_ascii_alnum(char c);
bool is_hex_digit(char c);

// An id of any kind: 1 to 64 characters from [A-Za-z0-9._-].
bool is_valid_id(std::string_view id);
inline constexpr std::string_view id_grammar = "1 to 64 of A-Z a-z 0-9 . _ -";
// ISO 3166-1 alpha-2, upper case: "KZ".
bool is_country_code(std::string_view code);
// BCP 47 in the shape the contract asks for: ^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$
bool is_language_tag(std::string_view tag);
// "#RRGGBB"
bool is_color(std::string_view color);

// Why an asset path is not a safe relative path, or nothing when it is. Kiosks fetch it relative
// to the feed's URL and may keep it on disk, so it must not be able to name anything else:
// relative, no scheme, no "..", no empty segment, no control characters or "\".
std::optional<std::string> asset_path_problem(std::string_view path);

}  // namespace aff
