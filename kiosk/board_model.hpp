// What the venue board shows at one minute, read from the cache in one go so that drawing (which
// happens again on every language change) never touches the database.
#pragma once

#include "sync/schedule_queries.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aff {

struct UiStatus;

// The board's own content; the date, the clock, the day number and whether the data may be out
// of date are the UiStatus's, which every screen shares.
struct BoardModel {
    Instant now{};
    std::int64_t sequence = 0;  // of the feed this was read from
    Text venue_name;
    // Every hall of the venue, in feed order; `next` only when it is on the same festival day.
    std::vector<HallNowNext> halls;
    // The rest of the festival day that has not started yet and is not in the halls' now/next.
    std::vector<ScreeningView> later;
};

// Reads the board of `venue_id` at `now`. Nothing when the cache is empty or its time zone is
// unknown; an unknown venue gives a board with no halls.
std::optional<BoardModel> load_board(const ScheduleQueries& store, const std::string& venue_id,
                                     Instant now);
// The same, for a kiosk whose clock `status` may not trust: then no hall has a "now" or "next",
// and `later` is the whole of status.today.
std::optional<BoardModel> load_board(const ScheduleQueries& store, const std::string& venue_id,
                                     Instant now, const UiStatus& status);

// `model.later` with the `next` of each hall whose row on the board cannot show it
// (`next_left_out[i]` true for halls[i]), by start: what comes soon is never left off the board.
// The pointers point into `model`.
std::vector<const ScreeningView*> later_with_next(const BoardModel& model,
                                                  const std::vector<bool>& next_left_out);

}  // namespace aff
