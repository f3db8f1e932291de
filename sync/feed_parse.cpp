// The feed reader's entry point. Its parts are in sync/feed/: words for messages, the report,
// the document (size, UTF-8, the SAX pass), the typed field reader, and the readers and checks.
#include "sync/feed_parse.hpp"

#include "sync/feed/document.hpp"
#include "sync/feed/reader.hpp"
#include "sync/feed/report.hpp"
#include "sync/feed/words.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

namespace aff {

using feed_detail::FeedReader;
using feed_detail::Report;
using feed_detail::read_document;

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
            for (std::size_t i = 0; i < feed.assets.size(); ++i) {
                if (feed.assets[i].size > limits.max_asset_bytes) {
                    report.warning(feed_detail::index_path("assets", i) + ".size",
                                   std::to_string(feed.assets[i].size) +
                                       " bytes, more than the limit of " +
                                       std::to_string(limits.max_asset_bytes) +
                                       ": no kiosk fetches it");
                }
            }
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
