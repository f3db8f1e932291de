// The typed field reader: the members of one JSON object, read with its path so every complaint
// says where it is. Whether a member is required is said at each call, Need::required or
// Need::optional; a required member that is absent is an error.
#pragma once

#include "sync/feed.hpp"
#include "sync/feed/report.hpp"
#include "sync/feed/words.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace aff::feed_detail {

enum class Need : std::uint8_t { required, optional };
// Whether a Text may hold line feeds: only a synopsis and a note may (feed-v1, Text).
enum class Lines : std::uint8_t { one, many };

// A JSON number that is exactly an integer and fits in 64 bits (1.0 is one; 1.5 and 1e300 are
// not), or nothing.
std::optional<std::int64_t> exact_integer(const json& value);

class Fields {
public:
    // What the object stands for: a real one, or a placeholder for an array element that was not
    // an object (already reported, so its absent members raise no errors of their own).
    enum class Origin : std::uint8_t { object, placeholder };

    Fields(const json& object, std::string path, Report& report, Origin origin = Origin::object)
        : object_(object), path_(std::move(path)), report_(report), origin_(origin) {}

    const std::string& path() const { return path_; }
    std::string at(std::string_view key) const { return key_path(path_, key); }
    Report& report() const { return report_; }

    // The member, or nullptr when absent (an error when it is required).
    const json* get(std::string_view key, Need need) const;
    std::optional<std::string> string(std::string_view key, Need need) const;
    // An id or a reference to one; "" when absent or bad.
    std::string id(std::string_view key, Need need, std::string_view what) const;
    std::optional<std::int64_t> integer(std::string_view key, Need need, std::int64_t low,
                                        std::int64_t high, std::string_view what) const;
    std::optional<int> small_integer(std::string_view key, Need need, int low, int high,
                                     std::string_view what) const;
    // A number for which `ok` holds.
    std::optional<double> number(std::string_view key, Need need, std::string_view what,
                                 const std::function<bool(double)>& ok) const;
    // Always optional: an absent flag is its default.
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<Instant> time(std::string_view key, Need need) const;

    // A string from a fixed set, turned into its enum by `from_code`.
    template <typename Enum>
    std::optional<Enum> choice(std::string_view key, Need need,
                               std::optional<Enum> (*from_code)(std::string_view),
                               std::string_view choices) const {
        const json* value = get(key, need);
        if (value == nullptr) {
            return std::nullopt;
        }
        const auto result =
            value->is_string() ? from_code(value->get_ref<const std::string&>()) : std::nullopt;
        if (!result) {
            report_.error(at(key),
                          "expected one of " + std::string(choices) + ", got " + describe(*value));
        }
        return result;
    }

    // The member if it is an array, else nullptr (an error when present or required).
    const json* array(std::string_view key, Need need) const;

    // A Text. A required one needs at least one language; an optional one that is absent or
    // has no language at all is simply empty. Each control character (U+0000 to U+001F and
    // U+007F to U+009F; with Lines::many a line feed is none) is an error at its language's path.
    Text text(std::string_view key, Need need, Lines lines = Lines::one) const;

private:
    const json& object_;
    std::string path_;
    Report& report_;
    Origin origin_;
};

// Calls read(fields) for each element of an array member. An element that is not an object is
// reported and read as an empty object that raises no "missing" errors of its own, so the model
// keeps one entry per element and later checks can name elements by their index.
template <typename Read>
void for_each_object(const Fields& parent, std::string_view key, Need need, Read read) {
    const json* items = parent.array(key, need);
    if (items == nullptr) {
        return;
    }
    const json empty = json::object();
    const std::string base = parent.at(key);
    for (std::size_t i = 0; i < items->size(); ++i) {
        const json& item = (*items)[i];
        const std::string path = index_path(base, i);
        const bool is_object = item.is_object();
        if (!is_object) {
            parent.report().error(path, "expected an object, got " + describe(item));
        }
        read(Fields(is_object ? item : empty, path, parent.report(),
                    is_object ? Fields::Origin::object : Fields::Origin::placeholder));
    }
}

// The strings of an array member, each checked by `ok`.
std::vector<std::string> string_list(const Fields& fields, std::string_view key, Need need,
                                     std::string_view what, bool (*ok)(std::string_view));

// Remembers the first place each id of one kind was seen and complains about the second.
class IdIndex {
public:
    explicit IdIndex(std::string kind) : kind_(std::move(kind)) {}

    void claim(const std::string& id, std::size_t index, const std::string& path,
               Report& report);
    std::optional<std::size_t> find(const std::string& id) const {
        const auto it = first_.find(id);
        return it == first_.end() ? std::nullopt : std::optional<std::size_t>(it->second.index);
    }
    bool contains(const std::string& id) const { return first_.count(id) > 0; }

private:
    struct Entry {
        std::size_t index;
        std::string path;
    };
    std::string kind_;
    std::unordered_map<std::string, Entry> first_;
};

}  // namespace aff::feed_detail
