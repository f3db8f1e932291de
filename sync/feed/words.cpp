#include "sync/feed/words.hpp"

#include "sync/utf8.hpp"

namespace aff::feed_detail {

std::string key_path(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string index_path(const std::string& base, std::size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

std::string quote(std::string_view text) {
    constexpr std::size_t max_shown = 60;
    const bool cut = text.size() > max_shown;
    const std::string shown(cut ? utf8::cut(text, max_shown) : text);
    std::string result =
        json(shown).dump(-1, ' ', false, json::error_handler_t::replace);
    if (cut) {
        result.insert(result.size() - 1, "...");
    }
    return result;
}

std::string describe(const json& value) {
    switch (value.type()) {
    case json::value_t::string:
        return quote(value.get_ref<const std::string&>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
    case json::value_t::boolean:
    case json::value_t::null:
        return value.dump();
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::binary:
    case json::value_t::discarded:
        break;
    }
    return "an unreadable value";
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace aff::feed_detail
