// The diagnostics of one feed, collected as the reader goes: at most 200 errors and 200
// warnings are kept (and a line says how many more there were); missing translations become one
// warning per language, with a count and the first place.
#pragma once

#include "sync/feed.hpp"
#include "sync/feed_parse.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace aff::feed_detail {

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
    std::vector<Diagnostic> finish();

private:
    struct Missing {
        std::size_t count = 0;
        std::string first;
    };

    void add(Diagnostic::Severity severity, std::string path, std::string message);

    std::vector<Diagnostic> diagnostics_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    std::size_t dropped_errors_ = 0;
    std::size_t dropped_warnings_ = 0;
    std::array<Missing, 3> missing_{};
};

}  // namespace aff::feed_detail
