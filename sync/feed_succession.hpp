// Whether a feed that verified takes the place of the one the cache holds (feed-v1, `sequence`):
// the one rule the sync applies before it writes anything.
#pragma once

#include "sync/feed.hpp"
#include "sync/schedule_queries.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace aff {

enum class Succession : std::uint8_t {
    replaces,  // apply it
    same,      // the sequence the cache holds: nothing to apply
    rollback,  // older than what the cache holds: refused, the cache stays
};

struct SuccessionVerdict {
    Succession succession = Succession::replaces;
    // One line for the log, empty for the plain case (a first feed, the next sequence):
    // "replaces the demo festival", "the feed's sequence 3 is older than the cache's 5", ...
    std::string why;
};

// - An empty cache, or one holding only the bundled demo (FeedInfo::demo), takes any feed.
// - A feed of the festival the cache holds (the same festival.id) replaces it with a higher
//   sequence; an equal one is the same, a lower one a rollback.
// - A feed of another festival (the next edition) replaces it when its generated_at is later
//   than the held feed's, whatever the sequences; otherwise it is a rollback.
SuccessionVerdict succession(const std::optional<FeedInfo>& held, const Feed& next);

}  // namespace aff
