#include "sync/feed_parse.hpp"

#include "sync/grammar.hpp"
#include "sync/utf8.hpp"
#include "sync/time/time.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace aff {
namespace {

using json = nlohmann::json;

constexpr std::size_t max_errors = 200;
constexpr std::size_t max_warnings = 200;
constexpr std::string_view feed_format = "aff-kiosk-feed";
constexpr int supported_version = 1;

// ---------------------------------------------------------------------------------------------
// Words for messages

std::string key_path(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string index_path(const std::string& base, std::size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

// A string for a message: JSON-quoted (so control characters cannot garble the line) and cut
// short, on a UTF-8 boundary, when it is long.
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

// Why an asset path is not a safe relative path, or nothing when it is. Kiosks fetch it relative
// to the feed's URL and may keep it on disk, so it must not be able to name anything else.
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

// ---------------------------------------------------------------------------------------------
// Collecting diagnostics

class Report {
public:
    void error(std::string path, std::string message) {
        add(Diagnostic::Severity::error, std::move(path), std::move(message));
    }
    void warning(std::string path, std::string message) {
        add(Diagnostic::Severity::warning, std::move(path), std::move(message));
    }
    void missing_translation(Lang lang, const std::string& path) {
        Missing& missing = missing_[static_cast<std::size_t>(lang)];
        if (missing.count++ == 0) {
            missing.first = path;
        }
    }
    std::size_t errors() const { return errors_; }

    // Everything said, with one warning per missing language and a line for what was cut off.
    std::vector<Diagnostic> finish() {
        for (const Lang lang : all_langs) {
            const Missing& missing = missing_[static_cast<std::size_t>(lang)];
            if (missing.count > 0) {
                warning("", std::string(lang_code(lang)) + " translation missing in " +
                                plural(missing.count, "text", "texts") +
                                " (first: " + missing.first + ")");
            }
        }
        if (dropped_errors_ > 0) {
            diagnostics_.push_back({Diagnostic::Severity::error, "",
                                    "... and " + plural(dropped_errors_, "more error",
                                                        "more errors")});
        }
        if (dropped_warnings_ > 0) {
            diagnostics_.push_back({Diagnostic::Severity::warning, "",
                                    "... and " + plural(dropped_warnings_, "more warning",
                                                        "more warnings")});
        }
        return std::move(diagnostics_);
    }

private:
    struct Missing {
        std::size_t count = 0;
        std::string first;
    };

    void add(Diagnostic::Severity severity, std::string path, std::string message) {
        const bool is_error = severity == Diagnostic::Severity::error;
        std::size_t& kept = is_error ? errors_ : warnings_;
        if (kept >= (is_error ? max_errors : max_warnings)) {
            ++(is_error ? dropped_errors_ : dropped_warnings_);
            return;
        }
        ++kept;
        diagnostics_.push_back({severity, std::move(path), std::move(message)});
    }

    std::vector<Diagnostic> diagnostics_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    std::size_t dropped_errors_ = 0;
    std::size_t dropped_warnings_ = 0;
    std::array<Missing, 3> missing_{};
};

// ---------------------------------------------------------------------------------------------
// Reading bytes into a JSON document

// nlohmann's messages start with "[json.exception.parse_error.101] ": keep the human part, and
// not too much of it. It quotes the last bytes read, which can be long, and can stop in the
// middle of a character, so the result is made valid UTF-8 again.
std::string json_error_text(const json::exception& e) {
    constexpr std::size_t max_length = 200;
    std::string text = e.what();
    if (!text.empty() && text.front() == '[') {
        const std::size_t end = text.find("] ");
        if (end != std::string::npos) {
            text.erase(0, end + 2);
        }
    }
    if (text.size() > max_length) {
        text = std::string(utf8::cut(text, max_length)) + "...";
    }
    return utf8::replace_invalid(text);
}

// A first, streaming pass over the document (SAX, no tree built): it enforces the nesting limit
// and reports duplicate keys with their path, which nlohmann would otherwise silently resolve to
// the last one. The tree is then built by the plain parser, whose cost stays linear; nlohmann's
// callback parser rescans a parent array at every child's end, which made a 100k-screening feed
// take seconds.
class StructureWatch final : public nlohmann::json_sax<json> {
public:
    StructureWatch(int max_depth, Report& report) : max_depth_(max_depth), report_(report) {}

    bool too_deep() const { return too_deep_; }
    const std::optional<std::string>& syntax_error() const { return syntax_error_; }

    bool null() override { return element(); }
    bool boolean(bool) override { return element(); }
    bool number_integer(number_integer_t) override { return element(); }
    bool number_unsigned(number_unsigned_t) override { return element(); }
    bool number_float(number_float_t, const string_t&) override { return element(); }
    bool string(string_t&) override { return element(); }
    bool binary(binary_t&) override { return element(); }
    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        if (!frames_.empty()) {
            Frame& frame = frames_.back();
            frame.key = name;
            if (!frame.keys.insert(frame.key).second) {
                report_.error(current_path(), "duplicate key " + quote(frame.key));
            }
        }
        return true;
    }

    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        syntax_error_ = json_error_text(e);
        return false;
    }

private:
    struct Frame {
        bool is_array = false;
        std::size_t elements = 0;
        std::string key;
        std::unordered_set<std::string> keys;
    };

    bool element() {
        if (!frames_.empty() && frames_.back().is_array) {
            ++frames_.back().elements;
        }
        return true;
    }

    bool open(bool is_array) {
        if (frames_.size() >= static_cast<std::size_t>(std::max(max_depth_, 0))) {
            too_deep_ = true;
            return false;  // stops the pass
        }
        element();
        frames_.push_back(Frame{is_array, 0, {}, {}});
        return true;
    }

    bool close() {
        if (!frames_.empty()) {
            frames_.pop_back();
        }
        return true;
    }

    std::string current_path() const {
        std::string path;
        for (const Frame& frame : frames_) {
            path = frame.is_array ? index_path(path, frame.elements - 1)
                                  : key_path(path, frame.key);
        }
        return path;
    }

    int max_depth_;
    Report& report_;
    std::vector<Frame> frames_;
    bool too_deep_ = false;
    std::optional<std::string> syntax_error_;
};



std::optional<json> read_document(std::string_view bytes, const ParseLimits& limits,
                                  Report& report) {
    if (bytes.size() > limits.max_bytes) {
        report.error("", "the document is " + std::to_string(bytes.size()) +
                             " bytes, more than the limit of " +
                             std::to_string(limits.max_bytes));
        return std::nullopt;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        report.error("", "the document is empty");
        return std::nullopt;
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        report.error("",
                     "the document starts with a byte-order mark (a feed is UTF-8 without one)");
        return std::nullopt;
    }
    if (const auto bad = utf8::first_invalid(bytes)) {
        report.error("", "the document is not valid UTF-8 (at byte offset " +
                             std::to_string(*bad) + ")");
        return std::nullopt;
    }
    StructureWatch watch(limits.max_depth, report);
    json::sax_parse(bytes.begin(), bytes.end(), &watch);
    if (watch.too_deep()) {
        report.error("", "the document nests deeper than " + std::to_string(limits.max_depth) +
                             " levels");
        return std::nullopt;
    }
    if (watch.syntax_error()) {
        report.error("", "not valid JSON: " + *watch.syntax_error());
        return std::nullopt;
    }
    json document = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) {  // the first pass accepted it, so this is not expected
        report.error("", "not valid JSON");
        return std::nullopt;
    }
    if (!document.is_object()) {
        report.error("", "the document must be a JSON object, got " + describe(document));
        return std::nullopt;
    }
    return document;
}

// ---------------------------------------------------------------------------------------------
// Reading values

// A JSON number that is exactly an integer and fits in 64 bits (1.0 is one; 1.5 and 1e300 are
// not), or nothing.
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

// The members of one JSON object, read with its path so every complaint says where it is.
class Fields {
public:
    Fields(const json& object, std::string path, Report& report, bool placeholder = false)
        : object_(object), path_(std::move(path)), report_(report), placeholder_(placeholder) {}

    const std::string& path() const { return path_; }
    std::string at(std::string_view key) const { return key_path(path_, key); }
    Report& report() const { return report_; }

    // The member, or nullptr when absent (an error when it is required).
    const json* get(std::string_view key, bool required) const {
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required && !placeholder_) {
                report_.error(at(key), "missing (required)");
            }
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(std::string_view key, bool required) const {
        const json* value = get(key, required);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_string()) {
            report_.error(at(key), "expected a string, got " + describe(*value));
            return std::nullopt;
        }
        return value->get<std::string>();
    }

    // An id or a reference to one; "" when absent or bad.
    std::string id(std::string_view key, bool required, std::string_view what) const {
        const json* value = get(key, required);
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

    std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t low,
                                        std::int64_t high, std::string_view what) const {
        const json* value = get(key, required);
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

    std::optional<int> small_integer(std::string_view key, bool required, int low, int high,
                                     std::string_view what) const {
        const auto n = integer(key, required, low, high, what);
        return n ? std::optional<int>(static_cast<int>(*n)) : std::nullopt;
    }

    // A number for which `ok` holds.
    std::optional<double> number(std::string_view key, bool required, std::string_view what,
                                 const std::function<bool(double)>& ok) const {
        const json* value = get(key, required);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_number() || !ok(value->get<double>())) {
            report_.error(at(key), "expected " + std::string(what) + ", got " + describe(*value));
            return std::nullopt;
        }
        return value->get<double>();
    }

    std::optional<bool> boolean(std::string_view key) const {
        const json* value = get(key, false);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_boolean()) {
            report_.error(at(key), "expected true or false, got " + describe(*value));
            return std::nullopt;
        }
        return value->get<bool>();
    }

    std::optional<Instant> time(std::string_view key, bool required) const {
        const json* value = get(key, required);
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

    // A string from a fixed set, turned into its enum by `from_code`.
    template <typename Enum>
    std::optional<Enum> choice(std::string_view key, bool required,
                               std::optional<Enum> (*from_code)(std::string_view),
                               std::string_view choices) const {
        const json* value = get(key, required);
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
    const json* array(std::string_view key, bool required) const {
        const json* value = get(key, required);
        if (value != nullptr && !value->is_array()) {
            report_.error(at(key), "expected an array, got " + describe(*value));
            return nullptr;
        }
        return value;
    }

    // A Text. A required one needs at least one language; an optional one that is absent or
    // has no language at all is simply empty.
    Text text(std::string_view key, bool required) const {
        Text text;
        const json* value = get(key, required);
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
        }
        const bool any_bad = bad[0] || bad[1] || bad[2];
        if (text.empty()) {
            if (required && !any_bad) {
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

private:
    const json& object_;
    std::string path_;
    Report& report_;
    bool placeholder_;  // stands in for an element that was not an object: already reported
};

// Calls read(fields) for each element of an array member. An element that is not an object is
// reported and read as an empty object that raises no "missing" errors of its own, so the model
// keeps one entry per element and later checks can name elements by their index.
template <typename Read>
void for_each_object(const Fields& parent, std::string_view key, bool required, Read read) {
    const json* items = parent.array(key, required);
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
        read(Fields(is_object ? item : empty, path, parent.report(), !is_object));
    }
}

// The strings of an array member, each checked by `ok`.
std::vector<std::string> string_list(const Fields& fields, std::string_view key, bool required,
                                     std::string_view what, bool (*ok)(std::string_view)) {
    std::vector<std::string> result;
    const json* items = fields.array(key, required);
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

// Remembers the first place each id of one kind was seen and complains about the second.
class IdIndex {
public:
    explicit IdIndex(std::string kind) : kind_(std::move(kind)) {}

    void claim(const std::string& id, std::size_t index, const std::string& path,
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

constexpr std::string_view status_choices = "scheduled, delayed, cancelled, sold_out, moved";
constexpr std::string_view level_choices = "info, urgent, emergency";
constexpr std::string_view node_kind_choices =
    "kiosk, entrance, exit, hall, corridor, stairs, elevator, escalator, toilet, "
    "accessible_toilet, cafe, tickets, info, cloakroom, first_aid";

// Map sizes, coordinates and lengths are metres inside a building: anything past 100 km is a
// mistake, and bounding them keeps distances finite.
constexpr double max_metres = 100000;

bool is_coordinate(const json& value) {
    return value.is_number() && std::fabs(value.get<double>()) <= max_metres;
}

// ---------------------------------------------------------------------------------------------
// The feed, read and cross-checked

// What a screening said about its own times, for the checks that need the film and the hall.
struct ScreeningTimes {
    bool start_ok = false;
    bool end_given = false;
    bool end_ok = false;
};

// One map's own indices: its nodes by id and its floors by level.
struct MapIndex {
    std::unordered_map<std::string, std::size_t> nodes;
    std::map<int, std::size_t> floors;
    std::vector<bool> edge_length_given;
};

class FeedReader {
public:
    explicit FeedReader(Report& report) : report_(report) {}

    Feed read(const json& document) {
        const Fields top(document, "", report_);
        if (!read_header(top)) {
            return feed_;
        }
        read_festival(top);
        read_venues(top);
        read_sections(top);
        read_films(top);
        read_screenings(top);
        read_announcements(top);
        read_maps(top);
        read_assets(top);

        check_films();
        check_screenings();
        check_announcements();
        check_maps();
        check_halls();
        check_overlaps();
        check_festival_days();
        return std::move(feed_);
    }

private:
    // format and version first: a document that is not a v1 feed gets no further reading.
    bool read_header(const Fields& top) {
        bool readable = true;
        if (const auto format = top.get("format", true)) {
            if (!format->is_string() || format->get_ref<const std::string&>() != feed_format) {
                report_.error("format", "expected \"aff-kiosk-feed\", got " + describe(*format));
                readable = false;
            }
        }
        if (const auto version = top.get("version", true)) {
            const auto n = exact_integer(*version);
            if (!n) {
                report_.error("version", "expected an integer, got " + describe(*version));
            } else if (*n != supported_version) {
                report_.error("version", "unsupported version " + std::to_string(*n) +
                                             " (this kiosk reads " +
                                             std::to_string(supported_version) + ")");
                readable = false;
            }
        }
        if (!readable) {
            return false;
        }
        feed_.version = supported_version;
        feed_.sequence = top.integer("sequence", true, 1, std::numeric_limits<std::int64_t>::max(),
                                     "an integer >= 1")
                             .value_or(0);
        const auto generated_at = top.time("generated_at", true);
        feed_.generated_at = generated_at.value_or(Instant{});
        feed_.expires_at = top.time("expires_at", false);
        if (feed_.expires_at && generated_at && *feed_.expires_at <= *generated_at) {
            report_.warning("expires_at", "is not after generated_at: the feed is born stale");
        }
        return true;
    }

    void read_festival(const Fields& top) {
        const json* value = top.get("festival", true);
        if (value == nullptr) {
            return;
        }
        if (!value->is_object()) {
            report_.error("festival", "expected an object, got " + describe(*value));
            return;
        }
        const Fields fields(*value, "festival", report_);
        Festival& festival = feed_.festival;
        festival.id = fields.id("id", true, "an id");
        festival.name = fields.text("name", true);
        if (const auto name = fields.string("timezone", true)) {
            festival.timezone = *name;
            zone_ = TimeZone::load(*name);
            if (!zone_) {
                report_.error(fields.at("timezone"),
                              "unknown time zone " + quote(*name) +
                                  " (expected an IANA name such as \"Asia/Almaty\")");
            }
        }
        first_day_ = read_date(fields, "first_day");
        last_day_ = read_date(fields, "last_day");
        if (first_day_) {
            festival.first_day = format_date(*first_day_);
        }
        if (last_day_) {
            festival.last_day = format_date(*last_day_);
        }
        if (first_day_ && last_day_ && *last_day_ < *first_day_) {
            report_.error(fields.at("last_day"), "is before first_day (" +
                                                     festival.first_day + ")");
        }
        if (const auto text = fields.string("day_starts_at", false)) {
            if (const auto minutes = parse_hh_mm(*text)) {
                festival.day_starts_at_min = *minutes;
            } else {
                report_.error(fields.at("day_starts_at"),
                              "expected a local time \"HH:MM\", got " + quote(*text));
            }
        }
        if (const auto url = fields.string("url", false)) {
            festival.url = *url;
            if (!url->starts_with("https://") && !url->starts_with("http://")) {
                report_.warning(fields.at("url"),
                                "is not an http(s) URL, so a phone will not open its QR code");
            }
        }
    }

    std::optional<Date> read_date(const Fields& fields, std::string_view key) {
        const auto text = fields.string(key, true);
        if (!text) {
            return std::nullopt;
        }
        const auto date = parse_date(*text);
        if (!date) {
            report_.error(fields.at(key), "expected a date \"YYYY-MM-DD\", got " + quote(*text));
        }
        return date;
    }

    void read_venues(const Fields& top) {
        for_each_object(top, "venues", true, [&](const Fields& fields) {
            Venue venue;
            venue.id = fields.id("id", true, "an id");
            venue_ids_.claim(venue.id, feed_.venues.size(), fields.at("id"), report_);
            venue.name = fields.text("name", true);
            venue.address = fields.text("address", false);
            venue.location = read_location(fields);
            for_each_object(fields, "halls", true, [&](const Fields& hall_fields) {
                venue.halls.push_back(read_hall(hall_fields));
            });
            if (fields.array("halls", false) != nullptr && venue.halls.empty()) {
                report_.error(fields.at("halls"), "expected at least one hall");
            }
            feed_.venues.push_back(std::move(venue));
        });
        if (top.array("venues", false) != nullptr && feed_.venues.empty()) {
            report_.error("venues", "expected at least one venue");
        }
    }

    std::optional<LatLon> read_location(const Fields& venue) {
        const json* value = venue.get("location", false);
        if (value == nullptr) {
            return std::nullopt;
        }
        if (!value->is_object()) {
            report_.error(venue.at("location"),
                          "expected an object {\"lat\": .., \"lon\": ..}, got " + describe(*value));
            return std::nullopt;
        }
        const Fields fields(*value, venue.at("location"), report_);
        const auto lat = fields.number("lat", true, "a latitude from -90 to 90",
                                       [](double d) { return d >= -90 && d <= 90; });
        const auto lon = fields.number("lon", true, "a longitude from -180 to 180",
                                       [](double d) { return d >= -180 && d <= 180; });
        if (!lat || !lon) {
            return std::nullopt;
        }
        return LatLon{*lat, *lon};
    }

    Hall read_hall(const Fields& fields) {
        Hall hall;
        hall.id = fields.id("id", true, "an id");
        hall_ids_.claim(hall.id, feed_.venues.size(), fields.at("id"), report_);
        hall.name = fields.text("name", true);
        hall.seats = fields.small_integer("seats", false, 1, 1000000,
                                          "a number of seats from 1 to 1000000");
        hall.map_node = fields.id("map_node", false, "a node id");
        return hall;
    }

    void read_sections(const Fields& top) {
        for_each_object(top, "sections", false, [&](const Fields& fields) {
            Section section;
            section.id = fields.id("id", true, "an id");
            section_ids_.claim(section.id, feed_.sections.size(), fields.at("id"), report_);
            section.name = fields.text("name", true);
            if (const auto color = fields.string("color", false)) {
                if (is_color(*color)) {
                    section.color = *color;
                } else {
                    report_.error(fields.at("color"),
                                  "expected a colour \"#RRGGBB\", got " + quote(*color));
                }
            }
            feed_.sections.push_back(std::move(section));
        });
    }

    void read_films(const Fields& top) {
        for_each_object(top, "films", true, [&](const Fields& fields) {
            Film film;
            film.id = fields.id("id", true, "an id");
            film_ids_.claim(film.id, feed_.films.size(), fields.at("id"), report_);
            film.title = fields.text("title", true);
            film.original_title = fields.string("original_title", false).value_or("");
            film.year = fields.small_integer("year", true, 1870, 2100,
                                             "a year from 1870 to 2100").value_or(0);
            film.countries = string_list(fields, "countries", true,
                                         "an ISO 3166-1 alpha-2 code (two capital letters)",
                                         is_country_code);
            film.runtime_min = fields.small_integer("runtime_min", true, 1, 10000,
                                                    "an integer > 0 (minutes, at most 10000)")
                                   .value_or(0);
            film.age_rating = fields.string("age_rating", false).value_or("");
            film.section = fields.id("section", false, "a section id");
            film.director = fields.text("director", false);
            film.synopsis = fields.text("synopsis", false);
            film.spoken_languages =
                string_list(fields, "spoken_languages", false,
                            "a BCP 47 language tag (e.g. \"kk\", \"en-GB\")", is_language_tag);
            film.subtitles = string_list(fields, "subtitles", false,
                                         "a BCP 47 language tag (e.g. \"kk\", \"en-GB\")",
                                         is_language_tag);
            film.poster = fields.id("poster", false, "an asset id");
            feed_.films.push_back(std::move(film));
        });
    }

    void read_screenings(const Fields& top) {
        for_each_object(top, "screenings", true, [&](const Fields& fields) {
            Screening screening;
            ScreeningTimes times;
            screening.id = fields.id("id", true, "an id");
            screening_ids_.claim(screening.id, feed_.screenings.size(), fields.at("id"),
                                 report_);
            screening.film = fields.id("film", true, "a film id");
            screening.hall = fields.id("hall", true, "a hall id");
            const auto starts_at = fields.time("starts_at", true);
            times.start_ok = starts_at.has_value();
            screening.starts_at = starts_at.value_or(Instant{});
            times.end_given = fields.get("ends_at", false) != nullptr;
            if (const auto ends_at = fields.time("ends_at", false)) {
                screening.ends_at = *ends_at;
                times.end_ok = true;
                if (starts_at && *ends_at <= *starts_at) {
                    report_.error(fields.at("ends_at"), "is not after starts_at (" +
                                                            format_rfc3339_utc(*starts_at) + ")");
                    times.end_ok = false;
                }
            }
            const auto status =
                fields.choice<Status>("status", true, status_from_code, status_choices);
            screening.status = status.value_or(Status::scheduled);
            const bool delayed = status == Status::delayed;
            const auto delay = fields.small_integer("delay_min", delayed, 0, 10000,
                                                    "an integer >= 0 (minutes, at most 10000)");
            if (delayed) {
                screening.delay_min = delay.value_or(0);
            } else if (delay && status) {
                report_.warning(fields.at("delay_min"),
                                "is ignored: the status is not \"delayed\"");
            }
            screening.note = fields.text("note", false);
            screening.qa = fields.boolean("qa").value_or(false);
            // Where a moved screening is now held. With any other status it would say the
            // screening is in two halls at once, and a kiosk cannot tell which one is meant.
            screening.moved_to = fields.id("moved_to", false, "a hall id");
            if (!screening.moved_to.empty() && status && *status != Status::moved) {
                report_.error(fields.at("moved_to"),
                              "is only allowed with the status \"moved\" (the status is " +
                                  quote(status_code(*status)) + ")");
            }
            feed_.screenings.push_back(std::move(screening));
            screening_times_.push_back(times);
        });
    }

    void read_announcements(const Fields& top) {
        for_each_object(top, "announcements", false, [&](const Fields& fields) {
            Announcement announcement;
            announcement.id = fields.id("id", true, "an id");
            announcement_ids_.claim(announcement.id, feed_.announcements.size(), fields.at("id"),
                                    report_);
            announcement.text = fields.text("text", true);
            announcement.level =
                fields.choice<Level>("level", true, level_from_code, level_choices)
                    .value_or(Level::info);
            announcement.from = fields.time("from", false);
            announcement.until = fields.time("until", false);
            if (announcement.from && announcement.until &&
                *announcement.until <= *announcement.from) {
                report_.error(fields.at("until"), "is not after from (" +
                                                      format_rfc3339_utc(*announcement.from) +
                                                      ")");
            }
            announcement.venues = string_list(
                fields, "venues", false, "a venue id (1 to 64 of A-Z a-z 0-9 . _ -)",
                is_valid_id);
            if (const json* venues = fields.array("venues", false);
                venues != nullptr && venues->empty()) {
                report_.error(fields.at("venues"),
                              "expected at least one venue id (leave the key out for all "
                              "venues)");
            }
            feed_.announcements.push_back(std::move(announcement));
        });
    }

    void read_maps(const Fields& top) {
        for_each_object(top, "maps", false, [&](const Fields& fields) {
            VenueMap map;
            MapIndex index;
            map.venue = fields.id("venue", true, "a venue id");
            for_each_object(fields, "floors", true, [&](const Fields& floor_fields) {
                map.floors.push_back(read_floor(floor_fields, index, map.floors.size()));
            });
            IdIndex node_ids("node");
            for_each_object(fields, "nodes", true, [&](const Fields& node_fields) {
                MapNode node = read_node(node_fields);
                node_ids.claim(node.id, map.nodes.size(), node_fields.at("id"), report_);
                if (!node.id.empty()) {
                    index.nodes.try_emplace(node.id, map.nodes.size());
                }
                map.nodes.push_back(std::move(node));
            });
            for_each_object(fields, "edges", true, [&](const Fields& edge_fields) {
                MapEdge edge;
                edge.from = edge_fields.id("from", true, "a node id");
                edge.to = edge_fields.id("to", true, "a node id");
                const auto length =
                    edge_fields.number("length", false, "a length > 0 (metres, at most 100000)",
                                       [](double d) { return d > 0 && d <= max_metres; });
                edge.length = length.value_or(0);
                index.edge_length_given.push_back(edge_fields.get("length", false) != nullptr);
                edge.step_free = edge_fields.boolean("step_free").value_or(true);
                map.edges.push_back(std::move(edge));
            });
            feed_.maps.push_back(std::move(map));
            map_indices_.push_back(std::move(index));
        });
    }

    MapFloor read_floor(const Fields& fields, MapIndex& index, std::size_t position) {
        MapFloor floor;
        const auto level = fields.small_integer("level", true, -1000, 1000,
                                                "an integer level from -1000 to 1000");
        floor.level = level.value_or(0);
        if (level) {
            const auto [it, inserted] = index.floors.try_emplace(*level, position);
            if (!inserted) {
                report_.error(fields.at("level"), "duplicate floor level " +
                                                      std::to_string(*level) + " in this map");
            }
        }
        floor.name = fields.text("name", true);
        const auto positive = [](double d) { return d > 0 && d <= max_metres; };
        floor.width =
            fields.number("width", true, "a width > 0 (metres, at most 100000)", positive)
                .value_or(0);
        floor.height =
            fields.number("height", true, "a height > 0 (metres, at most 100000)", positive)
                .value_or(0);
        floor.image = fields.id("image", false, "an asset id");
        IdIndex area_ids("area");
        for_each_object(fields, "areas", true, [&](const Fields& area_fields) {
            MapArea area;
            area.id = area_fields.id("id", true, "an id");
            area_ids.claim(area.id, floor.areas.size(), area_fields.at("id"), report_);
            if (const auto kind = area_fields.string("kind", true)) {
                if (kind->empty()) {
                    report_.error(area_fields.at("kind"), "expected a non-empty string");
                }
                area.kind = *kind;
            }
            area.name = area_fields.text("name", false);
            area.polygon = read_polygon(area_fields);
            floor.areas.push_back(std::move(area));
        });
        return floor;
    }

    std::vector<std::array<double, 2>> read_polygon(const Fields& area) {
        std::vector<std::array<double, 2>> polygon;
        const json* points = area.array("polygon", true);
        if (points == nullptr) {
            return polygon;
        }
        for (std::size_t i = 0; i < points->size(); ++i) {
            const json& point = (*points)[i];
            if (!point.is_array() || point.size() != 2 || !is_coordinate(point[0]) ||
                !is_coordinate(point[1])) {
                report_.error(index_path(area.at("polygon"), i),
                              "expected a point [x, y] of coordinates in metres, got " + describe(point));
                continue;
            }
            polygon.push_back({point[0].get<double>(), point[1].get<double>()});
        }
        if (points->size() < 3) {
            report_.error(area.at("polygon"), "expected at least 3 points, got " +
                                                  std::to_string(points->size()));
        }
        return polygon;
    }

    MapNode read_node(const Fields& fields) {
        MapNode node;
        node.id = fields.id("id", true, "an id");
        node.floor = fields.small_integer("floor", true, -1000, 1000, "a floor level (an integer)")
                         .value_or(0);
        const auto in_range = [](double d) { return std::fabs(d) <= max_metres; };
        node.x = fields.number("x", true, "a coordinate in metres (at most 100000 either way)",
                               in_range)
                     .value_or(0);
        node.y = fields.number("y", true, "a coordinate in metres (at most 100000 either way)",
                               in_range)
                     .value_or(0);
        node.kind = fields.choice<NodeKind>("kind", true, node_kind_from_code, node_kind_choices)
                        .value_or(NodeKind::corridor);
        node.name = fields.text("name", false);
        node.hall = fields.id("hall", false, "a hall id");
        return node;
    }

    void read_assets(const Fields& top) {
        for_each_object(top, "assets", false, [&](const Fields& fields) {
            Asset asset;
            asset.id = fields.id("id", true, "an id");
            asset_ids_.claim(asset.id, feed_.assets.size(), fields.at("id"), report_);
            if (const auto asset_path = fields.string("path", true)) {
                if (const auto problem = asset_path_problem(*asset_path)) {
                    report_.error(fields.at("path"), quote(*asset_path) + " " + *problem);
                } else {
                    asset.path = *asset_path;
                }
            }
            if (const auto sha = fields.string("sha256", true)) {
                if (sha->size() == 64 && std::all_of(sha->begin(), sha->end(), is_hex_digit)) {
                    asset.sha256 = *sha;
                    std::transform(asset.sha256.begin(), asset.sha256.end(),
                                   asset.sha256.begin(), [](char c) {
                                       return c >= 'A' && c <= 'F' ? static_cast<char>(c + 32)
                                                                   : c;
                                   });
                } else {
                    report_.error(fields.at("sha256"),
                                  "expected 64 hex digits, got " + quote(*sha));
                }
            }
            asset.size = static_cast<std::uint64_t>(
                fields.integer("size", true, 0, std::numeric_limits<std::int64_t>::max(),
                               "a size in bytes (an integer >= 0)")
                    .value_or(0));
            if (const auto type = fields.string("type", true)) {
                if (*type == "image/png" || *type == "image/jpeg") {
                    asset.type = *type;
                } else {
                    report_.error(fields.at("type"),
                                  "expected \"image/png\" or \"image/jpeg\", got " +
                                      quote(*type));
                }
            }
            feed_.assets.push_back(std::move(asset));
        });
    }

    // -----------------------------------------------------------------------------------------
    // References and the checks that need more than one object

    void check_ref(const IdIndex& index, const std::string& id, const std::string& path,
                   std::string_view kind) {
        if (!id.empty() && !index.contains(id)) {
            report_.error(path, "unknown " + std::string(kind) + " " + quote(id));
        }
    }

    void check_films() {
        for (std::size_t i = 0; i < feed_.films.size(); ++i) {
            const Film& film = feed_.films[i];
            const std::string path = index_path("films", i);
            check_ref(section_ids_, film.section, key_path(path, "section"), "section");
            check_ref(asset_ids_, film.poster, key_path(path, "poster"), "asset");
        }
    }

    void check_screenings() {
        for (std::size_t i = 0; i < feed_.screenings.size(); ++i) {
            Screening& screening = feed_.screenings[i];
            const std::string path = index_path("screenings", i);
            check_ref(film_ids_, screening.film, key_path(path, "film"), "film");
            check_ref(hall_ids_, screening.hall, key_path(path, "hall"), "hall");
            check_ref(hall_ids_, screening.moved_to, key_path(path, "moved_to"), "hall");
            if (!screening.moved_to.empty() && screening.moved_to == screening.hall) {
                report_.error(key_path(path, "moved_to"),
                              "is the screening's own hall " + quote(screening.hall) +
                                  " (a screening moves to another hall)");
            }
            ScreeningTimes& times = screening_times_[i];
            if (!times.start_ok || times.end_given) {
                continue;
            }
            const auto film = film_ids_.find(screening.film);
            if (film && feed_.films[*film].runtime_min > 0) {
                screening.ends_at =
                    screening.starts_at + std::chrono::minutes{feed_.films[*film].runtime_min};
                times.end_ok = true;
            }
        }
    }

    void check_announcements() {
        for (std::size_t i = 0; i < feed_.announcements.size(); ++i) {
            const auto& venues = feed_.announcements[i].venues;
            for (std::size_t k = 0; k < venues.size(); ++k) {
                check_ref(venue_ids_, venues[k],
                          index_path(key_path(index_path("announcements", i), "venues"), k),
                          "venue");
            }
        }
    }

    void check_maps() {
        for (std::size_t m = 0; m < feed_.maps.size(); ++m) {
            const VenueMap& map = feed_.maps[m];
            const std::string path = index_path("maps", m);
            check_ref(venue_ids_, map.venue, key_path(path, "venue"), "venue");
            if (!map.venue.empty()) {
                const auto [it, inserted] = map_of_venue_.try_emplace(map.venue, m);
                if (!inserted) {
                    report_.error(key_path(path, "venue"),
                                  "venue " + quote(map.venue) + " already has a map (" +
                                      index_path("maps", it->second) + ")");
                }
            }
            for (std::size_t f = 0; f < map.floors.size(); ++f) {
                check_ref(asset_ids_, map.floors[f].image,
                          key_path(index_path(key_path(path, "floors"), f), "image"), "asset");
            }
            check_nodes(m, path);
            check_edges(m, path);
        }
    }

    void check_nodes(std::size_t m, const std::string& map_path) {
        const VenueMap& map = feed_.maps[m];
        const MapIndex& index = map_indices_[m];
        const auto map_venue = venue_ids_.find(map.venue);
        for (std::size_t n = 0; n < map.nodes.size(); ++n) {
            const MapNode& node = map.nodes[n];
            const std::string path = index_path(key_path(map_path, "nodes"), n);
            const auto floor = index.floors.find(node.floor);
            if (floor == index.floors.end()) {
                report_.error(key_path(path, "floor"), "no floor with level " +
                                                           std::to_string(node.floor) +
                                                           " in this map");
            } else {
                const MapFloor& plan = map.floors[floor->second];
                if (plan.width > 0 && plan.height > 0 &&
                    (node.x < 0 || node.y < 0 || node.x > plan.width || node.y > plan.height)) {
                    report_.warning(path, "lies outside its floor (0..width, 0..height)");
                }
            }
            if (node.hall.empty()) {
                continue;
            }
            const auto venue_of_hall = hall_ids_.find(node.hall);
            if (!venue_of_hall) {
                report_.error(key_path(path, "hall"), "unknown hall " + quote(node.hall));
            } else if (map_venue && *venue_of_hall != *map_venue) {
                report_.error(key_path(path, "hall"),
                              "hall " + quote(node.hall) + " is not in venue " +
                                  quote(map.venue));
            }
        }
    }

    void check_edges(std::size_t m, const std::string& map_path) {
        VenueMap& map = feed_.maps[m];
        const MapIndex& index = map_indices_[m];
        for (std::size_t e = 0; e < map.edges.size(); ++e) {
            MapEdge& edge = map.edges[e];
            const std::string path = index_path(key_path(map_path, "edges"), e);
            const auto find_node = [&](const std::string& id,
                                       std::string_view key) -> const MapNode* {
                if (id.empty()) {
                    return nullptr;
                }
                const auto it = index.nodes.find(id);
                if (it == index.nodes.end()) {
                    report_.error(key_path(path, key), "unknown node " + quote(id) +
                                                           " in this map");
                    return nullptr;
                }
                return &map.nodes[it->second];
            };
            const MapNode* from = find_node(edge.from, "from");
            const MapNode* to = find_node(edge.to, "to");
            if (from == nullptr || to == nullptr) {
                continue;
            }
            if (!index.edge_length_given[e]) {
                if (from->floor != to->floor) {
                    report_.error(key_path(path, "length"),
                                  "missing, and required between floors (" +
                                      quote(from->id) + " is on level " +
                                      std::to_string(from->floor) + ", " + quote(to->id) +
                                      " on level " + std::to_string(to->floor) + ")");
                } else {
                    edge.length = std::hypot(to->x - from->x, to->y - from->y);
                    if (!(edge.length > 0)) {
                        report_.error(key_path(path, "length"),
                                      "missing, and the nodes are at the same point: give a "
                                      "length > 0");
                    }
                }
            }
            if (edge.step_free) {
                for (const MapNode* node : {from, to}) {
                    if (node->kind == NodeKind::stairs || node->kind == NodeKind::escalator) {
                        report_.warning(path, "is step-free but touches " +
                                                  std::string(node_kind_code(node->kind)) +
                                                  " node " + quote(node->id));
                        break;
                    }
                }
            }
        }
    }

    // Halls name map nodes, and maps come after venues: this check waits for both.
    void check_halls() {
        for (std::size_t v = 0; v < feed_.venues.size(); ++v) {
            const Venue& venue = feed_.venues[v];
            for (std::size_t h = 0; h < venue.halls.size(); ++h) {
                const Hall& hall = venue.halls[h];
                if (hall.map_node.empty()) {
                    continue;
                }
                const std::string path =
                    key_path(index_path(key_path(index_path("venues", v), "halls"), h),
                             "map_node");
                const auto map = map_of_venue_.find(venue.id);
                if (map == map_of_venue_.end()) {
                    report_.error(path, "venue " + quote(venue.id) +
                                            " has no map, so there is no node " +
                                            quote(hall.map_node));
                } else if (map_indices_[map->second].nodes.count(hall.map_node) == 0) {
                    report_.error(path, "unknown node " + quote(hall.map_node) +
                                            " in the map of venue " + quote(venue.id));
                }
            }
        }
    }

    // Two screenings in one hall at once, going by their real (delayed) times and the hall
    // they are held in (a moved screening's moved_to).
    void check_overlaps() {
        struct Slot {
            Instant start;
            Instant end;
            std::size_t index;
        };
        std::map<std::string, std::vector<Slot>> by_hall;
        for (std::size_t i = 0; i < feed_.screenings.size(); ++i) {
            const Screening& s = feed_.screenings[i];
            const ScreeningTimes& times = screening_times_[i];
            const std::string& held = s.moved_to.empty() ? s.hall : s.moved_to;
            if (s.status == Status::cancelled || !times.start_ok || !times.end_ok ||
                s.id.empty() || !hall_ids_.contains(held)) {
                continue;
            }
            const std::chrono::minutes delay{s.delay_min};
            by_hall[held].push_back({s.starts_at + delay, s.ends_at + delay, i});
        }
        for (auto& [hall, slots] : by_hall) {
            std::stable_sort(slots.begin(), slots.end(),
                             [](const Slot& a, const Slot& b) { return a.start < b.start; });
            const Slot* latest = nullptr;  // of the earlier slots, the one that ends last
            for (const Slot& slot : slots) {
                if (latest != nullptr && slot.start < latest->end) {
                    const Screening& a = feed_.screenings[latest->index];
                    const Screening& b = feed_.screenings[slot.index];
                    report_.warning(index_path("screenings", slot.index),
                                    "screenings " + quote(a.id) + " and " + quote(b.id) +
                                        " overlap in hall " + quote(hall));
                }
                if (latest == nullptr || slot.end > latest->end) {
                    latest = &slot;
                }
            }
        }
    }

    void check_festival_days() {
        if (!zone_ || !first_day_ || !last_day_ || *last_day_ < *first_day_) {
            return;
        }
        const int day_starts_at = feed_.festival.day_starts_at_min;
        for (std::size_t i = 0; i < feed_.screenings.size(); ++i) {
            if (!screening_times_[i].start_ok) {
                continue;
            }
            const Date day = festival_day(*zone_, feed_.screenings[i].starts_at, day_starts_at);
            if (day < *first_day_ || *last_day_ < day) {
                report_.warning(key_path(index_path("screenings", i), "starts_at"),
                                "falls on festival day " + format_date(day) +
                                    ", outside the festival (" + format_date(*first_day_) +
                                    " to " + format_date(*last_day_) + ")");
            }
        }
    }

    Report& report_;
    Feed feed_;
    std::optional<TimeZone> zone_;
    std::optional<Date> first_day_;
    std::optional<Date> last_day_;
    IdIndex venue_ids_{"venue"};
    IdIndex hall_ids_{"hall"};  // the index is the hall's venue
    IdIndex section_ids_{"section"};
    IdIndex film_ids_{"film"};
    IdIndex screening_ids_{"screening"};
    IdIndex announcement_ids_{"announcement"};
    IdIndex asset_ids_{"asset"};
    std::vector<ScreeningTimes> screening_times_;
    std::vector<MapIndex> map_indices_;
    std::unordered_map<std::string, std::size_t> map_of_venue_;
};

}  // namespace

std::string Diagnostic::to_string() const {
    return path.empty() ? message : path + ": " + message;
}

std::size_t ParseResult::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
            return d.severity == Diagnostic::Severity::error;
        }));
}

std::size_t ParseResult::warning_count() const {
    return diagnostics.size() - error_count();
}

ParseResult parse_feed(std::string_view bytes, const ParseLimits& limits) {
    ParseResult result;
    try {
        Report report;
        if (const auto document = read_document(bytes, limits, report)) {
            Feed feed = FeedReader(report).read(*document);
            if (report.errors() == 0) {
                result.feed = std::move(feed);
            }
        }
        result.diagnostics = report.finish();
    } catch (const std::exception& e) {
        // Only resource exhaustion gets here; the caller still gets one line, not a throw.
        result.feed.reset();
        try {
            result.diagnostics.push_back({Diagnostic::Severity::error, "",
                                          std::string("cannot read the feed: ") + e.what()});
        } catch (...) {
            result.diagnostics.clear();
        }
    }
    return result;
}

}  // namespace aff
