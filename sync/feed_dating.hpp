// What a publishing tool checks beyond the contract: a feed dated in its signer's future. A kiosk
// whose clock is not known to be synchronised distrusts a clock earlier than the feed's
// generated_at, so a feed from a publisher whose clock runs six hours fast would switch off "now"
// on such kiosks for six hours. `kiosk-feed validate` warns of it and `kiosk-feed sign` refuses.
#pragma once

#include "sync/feed.hpp"
#include "sync/feed_parse.hpp"
#include "sync/time/instant.hpp"

#include <chrono>
#include <optional>

namespace aff {

// How far after the signer's clock a feed may be dated: clocks a few seconds apart, and a feed
// written a moment before its generated_at, are no fault.
inline constexpr std::chrono::minutes max_future_dating{5};

// A warning on generated_at when `feed` is dated more than max_future_dating after `now` (the
// publishing machine's clock); nothing otherwise.
std::optional<Diagnostic> future_dating(const Feed& feed, Instant now);

}  // namespace aff
