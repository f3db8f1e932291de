// A screening as the screens read it: joined with its film, section, venue and hall.
#pragma once

#include "sync/feed.hpp"
#include "sync/time/time.hpp"

#include <chrono>
#include <string>

namespace aff {

// A screening joined with what a screen shows beside it. Its venue and hall are where it takes
// place: for a screening moved to another hall (the feed's `moved_to`), the new one, and the hall
// the feed lists it in is `moved_from`.
struct ScreeningView {
    std::string id;
    std::string film_id;
    Text title;
    std::string original_title;
    int runtime_min = 0;
    std::string age_rating;
    std::string section_id;
    Text section_name;
    std::string section_color;  // "#RRGGBB" or empty
    std::string venue_id;
    Text venue_name;
    std::string hall_id;
    Text hall_name;
    std::string moved_from_hall_id;  // empty unless moved to another hall
    Text moved_from_hall_name;
    Instant starts_at{};  // as published
    Instant ends_at{};
    Status status = Status::scheduled;
    int delay_min = 0;
    Text note;
    bool qa = false;
    Date festival_day;

    // Start and end with the delay applied.
    Instant effective_start() const { return starts_at + std::chrono::minutes(delay_min); }
    Instant effective_end() const { return ends_at + std::chrono::minutes(delay_min); }
};

// The order every list of screenings is shown in: by the time it begins, delay included. The
// cache orders by the published start, so a list sorts again (stably) with this.
inline bool starts_earlier(const ScreeningView& a, const ScreeningView& b) {
    return a.effective_start() < b.effective_start();
}

}  // namespace aff
