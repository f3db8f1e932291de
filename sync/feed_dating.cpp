#include "sync/feed_dating.hpp"

#include "sync/time/time.hpp"

#include <string>

namespace aff {

std::optional<Diagnostic> future_dating(const Feed& feed, Instant now) {
    const auto ahead = feed.generated_at - now;
    if (ahead <= max_future_dating) {
        return std::nullopt;
    }
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(ahead).count();
    const std::string by = minutes >= 60 ? std::to_string(minutes / 60) + " h " +
                                               std::to_string(minutes % 60) + " min"
                                         : std::to_string(minutes) + " min";
    Diagnostic d;
    d.severity = Diagnostic::Severity::warning;
    d.path = "generated_at";
    d.message = format_rfc3339_utc(feed.generated_at) + " is " + by +
                " ahead of this computer's clock (" + format_rfc3339_utc(now) +
                "): a kiosk whose clock is not synchronised would take its own clock for wrong "
                "until then; set generated_at or this computer's clock";
    return d;
}

}  // namespace aff
