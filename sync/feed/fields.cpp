#include "sync/feed/fields.hpp"

#include "sync/grammar.hpp"
#include "sync/time/time.hpp"
#include "sync/utf8.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace aff::feed_detail {
namespace {

// The C0 and C1 controls and DEL: never in a feed's text, which a screen would draw as the text
// before a NUL, or as boxes.
bool is_control(char32_t c) {
    return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
}

// Reports each control character of `text` (a line feed is allowed with Lines::many).
void check_controls(const std::string& text, Lines lines, const std::string& path,
                    Report& report) {
    std::size_t character = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::decode(text, pos);
        ++character;
        if (!is_control(c) || (c == U'\n' && lines == Lines::many)) {
            continue;
        }
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        report.error(path, "control character " + std::string(code) + " at character " +
                               std::to_string(character) + ": not allowed in text" +
                               (lines == Lines::many ? " (a line feed is)" : ""));
    }
}

}  // namespace

std::optional<std::int64_t> exact_integer(const json& value) {
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(n);
    }
    if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^53: past it a double no longer says which integer it meant.
        constexpr double exact_limit = 9007199254740992.0;
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= exact_limit) {
            return static_cast<std::int64_t>(d);
        }
    }
    return std::nullopt;
}

const json* Fields::get(std::string_view key, Need need) const {
    const auto it = object_.find(key);
    if (it == object_.end()) {
        if (need == Need::required && origin_ == Origin::object) {
            report_.error(at(key), "missing (required)");
        }
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> Fields::string(std::string_view key, Need need) const {
    const json* value = get(key, need);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        report_.error(at(key), "expected a string, got " + describe(*value));
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::string Fields::id(std::string_view key, Need need, std::string_view what) const {
    const json* value = get(key, need);
    if (value == nullptr) {
        return {};
    }
    if (!value->is_string() || !is_valid_id(value->get_ref<const std::string&>())) {
        report_.error(at(key), "expected " + std::string(what) +
                                   " (1 to 64 of A-Z a-z 0-9 . _ -), got " +
                                   describe(*value));
        return {};
    }
    return value->get<std::string>();
}

std::optional<std::int64_t> Fields::integer(std::string_view key, Need need, std::int64_t low,
                                            std::int64_t high, std::string_view what) const {
    const json* value = get(key, need);
    if (value == nullptr) {
        return std::nullopt;
    }
    const auto n = exact_integer(*value);
    if (!n || *n < low || *n > high) {
        report_.error(at(key), "expected " + std::string(what) + ", got " + describe(*value));
        return std::nullopt;
    }
    return n;
}

std::optional<int> Fields::small_integer(std::string_view key, Need need, int low, int high,
                                         std::string_view what) const {
    const auto n = integer(key, need, low, high, what);
    return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
}

std::optional<double> Fields::number(std::string_view key, Need need, std::string_view what,
                                     const std::function<bool(double)>& ok) const {
    const json* value = get(key, need);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number() || !ok(value->get<double>())) {
        report_.error(at(key), "expected " + std::string(what) + ", got " + describe(*value));
        return std::nullopt;
    }
    return value->get<double>();
}

std::optional<bool> Fields::boolean(std::string_view key) const {
    const json* value = get(key, Need::optional);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        report_.error(at(key), "expected true or false, got " + describe(*value));
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<Instant> Fields::time(std::string_view key, Need need) const {
    const json* value = get(key, need);
    if (value == nullptr) {
        return std::nullopt;
    }
    const auto t = value->is_string() ? parse_rfc3339(value->get_ref<const std::string&>())
                                      : std::nullopt;
    if (!t) {
        report_.error(at(key),
                      "expected an RFC 3339 time with an offset "
                      "(e.g. \"2018-09-15T18:00:00+06:00\"), got " + describe(*value));
    }
    return t;
}

const json* Fields::array(std::string_view key, Need need) const {
    const json* value = get(key, need);
    if (value != nullptr && !value->is_array()) {
        report_.error(at(key), "expected an array, got " + describe(*value));
        return nullptr;
    }
    return value;
}

Text Fields::text(std::string_view key, Need need, Lines lines) const {
    Text text;
    const json* value = get(key, need);
    if (value == nullptr) {
        return text;
    }
    const std::string path = at(key);
    if (!value->is_object()) {
        report_.error(path, "expected a text object like {\"kk\": \"..\", \"ru\": \"..\", "
                            "\"en\": \"..\"}, got " + describe(*value));
        return text;
    }
    std::array<bool, 3> bad{};
    for (const Lang lang : all_langs) {
        const auto it = value->find(lang_code(lang));
        if (it == value->end()) {
            continue;
        }
        if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
            report_.error(key_path(path, lang_code(lang)),
                          "expected a non-empty string, got " + describe(*it));
            bad[static_cast<std::size_t>(lang)] = true;
            continue;
        }
        text.raw(lang) = it->get<std::string>();
        check_controls(text.raw(lang), lines, key_path(path, lang_code(lang)), report_);
    }
    const bool any_bad = bad[0] || bad[1] || bad[2];
    if (text.empty()) {
        if (need == Need::required && !any_bad) {
            report_.error(path, "has no text in any of kk, ru, en");
        }
        return text;
    }
    for (const Lang lang : all_langs) {
        if (text.raw(lang).empty() && !bad[static_cast<std::size_t>(lang)]) {
            report_.missing_translation(lang, path);
        }
    }
    return text;
}

std::vector<std::string> string_list(const Fields& fields, std::string_view key, Need need,
                                     std::string_view what, bool (*ok)(std::string_view)) {
    std::vector<std::string> result;
    const json* items = fields.array(key, need);
    if (items == nullptr) {
        return result;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const json& item = (*items)[i];
        if (!item.is_string() || !ok(item.get_ref<const std::string&>())) {
            fields.report().error(index_path(fields.at(key), i),
                                  "expected " + std::string(what) + ", got " + describe(item));
            continue;
        }
        result.push_back(item.get<std::string>());
    }
    return result;
}

void IdIndex::claim(const std::string& id, std::size_t index, const std::string& path,
                    Report& report) {
    if (id.empty()) {
        return;
    }
    const auto [it, inserted] = first_.try_emplace(id, Entry{index, path});
    if (!inserted) {
        report.error(path, "duplicate " + kind_ + " id " + quote(id) + " (first at " +
                               it->second.path + ")");
    }
}

}  // namespace aff::feed_detail
