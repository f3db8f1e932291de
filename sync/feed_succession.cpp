#include "sync/feed_succession.hpp"

#include "sync/time/time.hpp"

namespace aff {

SuccessionVerdict succession(const std::optional<FeedInfo>& held, const Feed& next) {
    if (!held) {
        return {Succession::replaces, {}};
    }
    if (held->demo) {
        return {Succession::replaces, "replaces the demo festival"};
    }
    const std::string& festival = next.festival.id;
    if (festival != held->festival_id) {
        if (next.generated_at > held->generated_at) {
            return {Succession::replaces, "festival \"" + festival + "\" replaces \"" +
                                              held->festival_id + "\""};
        }
        return {Succession::rollback,
                "the feed of festival \"" + festival + "\" was generated at " +
                    format_rfc3339_utc(next.generated_at) + ", not after the cache's feed of \"" +
                    held->festival_id + "\" (" + format_rfc3339_utc(held->generated_at) + ")"};
    }
    if (next.sequence < held->sequence) {
        return {Succession::rollback, "the feed's sequence " + std::to_string(next.sequence) +
                                          " is older than the cache's " +
                                          std::to_string(held->sequence)};
    }
    if (next.sequence == held->sequence) {
        return {Succession::same, "sequence " + std::to_string(next.sequence) + " already applied"};
    }
    return {Succession::replaces, {}};
}

}  // namespace aff
