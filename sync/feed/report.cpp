#include "sync/feed/report.hpp"

#include "sync/feed/words.hpp"

#include <string>
#include <utility>

namespace aff::feed_detail {
namespace {

constexpr std::size_t max_errors = 200;
constexpr std::size_t max_warnings = 200;

}  // namespace

std::vector<Diagnostic> Report::finish() {
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

void Report::add(Diagnostic::Severity severity, std::string path, std::string message) {
    const bool is_error = severity == Diagnostic::Severity::error;
    std::size_t& kept = is_error ? errors_ : warnings_;
    if (kept >= (is_error ? max_errors : max_warnings)) {
        ++(is_error ? dropped_errors_ : dropped_warnings_);
        return;
    }
    ++kept;
    diagnostics_.push_back({severity, std::move(path), std::move(message)});
}

}  // namespace aff::feed_detail
