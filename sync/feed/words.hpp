// Words for the feed reader's messages: JSON paths ("screenings[12].hall"), values quoted so a
// control character cannot garble the line, and counts.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace aff::feed_detail {

using json = nlohmann::json;

std::string key_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t index);
// A string for a message: JSON-quoted (so control characters cannot garble the line) and cut
// short, on a character boundary, when it is long.
std::string quote(std::string_view text);
// A value as a message shows it: a quoted string, a number, "an object", "an array".
std::string describe(const json& value);
// "1 text", "3 texts".
std::string plural(std::size_t count, std::string_view one, std::string_view many);

}  // namespace aff::feed_detail
