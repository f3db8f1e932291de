#include "sync/feed/document.hpp"

#include "sync/feed/words.hpp"
#include "sync/utf8.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace aff::feed_detail {
namespace {

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

}  // namespace

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

}  // namespace aff::feed_detail
