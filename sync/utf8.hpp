// UTF-8, in one place: checking it, reading it one character at a time, counting characters and
// cutting text on a character boundary. The feed reader, its messages and the kiosk's layout
// all use these. (platform/ may not include sync/: it decodes with SDL's own converter.)
//
// Well-formed means RFC 3629: no overlong forms, no surrogates (U+D800..U+DFFF), nothing past
// U+10FFFF. Where text is not well-formed, each maximal subpart of a bad sequence (the lead byte
// and the continuation bytes that could still have completed it, or a single stray byte) is one
// bad character, read as U+FFFD, as Unicode recommends (chapter 3, "U+FFFD Substitution of
// Maximal Subparts").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aff::utf8 {

inline constexpr char32_t replacement_character = U'\uFFFD';

// The byte offset of the first byte that is not part of well-formed UTF-8, or nothing.
std::optional<std::size_t> first_invalid(std::string_view text);
bool is_valid(std::string_view text);

// The character starting at `pos`, with `pos` moved past it; U+FFFD for a bad one (`pos` then
// moves past its maximal subpart, at least one byte). `pos` must be before the end.
char32_t decode(std::string_view text, std::size_t& pos);

// The number of characters (a bad one counts as one).
std::size_t count(std::string_view text);
// The byte offset just past the first `characters` characters (the size when there are fewer).
std::size_t offset(std::string_view text, std::size_t characters);
// The longest prefix of at most `max_bytes` bytes that does not end inside a character.
std::string_view cut(std::string_view text, std::size_t max_bytes);

// `text` with each byte that is not part of well-formed UTF-8 replaced by `replacement`.
std::string replace_invalid(std::string_view text, char replacement = '?');

}  // namespace aff::utf8
