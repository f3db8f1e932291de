// Reading and checking a feed document against the feed-v1 contract.
#pragma once

#include "sync/feed.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

struct Diagnostic {
    enum class Severity : std::uint8_t { error, warning };
    Severity severity = Severity::error;
    std::string path;     // JSON path, e.g. "screenings[12].hall"; empty for the document
    std::string message;  // e.g. "unknown hall \"arman-9\""
    std::string to_string() const;  // "screenings[12].hall: unknown hall \"arman-9\""
};

// What every kiosk accepts, defined once: the sync and the kiosk apply these, and so do
// `kiosk-feed validate` and `sign`, so a feed that passes them is one the kiosks take.
struct ParseLimits {
    std::size_t max_bytes = 16u << 20;  // a festival feed is a few MB at most
    int max_depth = 32;                 // the contract needs 9 (maps[].floors[].areas[].polygon[])
    // A larger asset is never fetched (the feed still applies, the asset stays missing): a
    // warning at its size.
    std::uint64_t max_asset_bytes = 32u << 20;
};

struct ParseResult {
    std::optional<Feed> feed;  // set only when there are no errors
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return feed.has_value(); }
    std::size_t error_count() const;
    std::size_t warning_count() const;
};

// Parses and validates a whole feed. Never throws and never crashes on any input: anything that
// breaks the contract is an error with its JSON path; overlaps and missing translations are
// warnings (translations reported per language, with a count).
ParseResult parse_feed(std::string_view bytes, const ParseLimits& limits = {});

}  // namespace aff
