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

// What a hall's row on the board shows besides what is on: its next screening, and (of its
// `away`, hall_now_next's list of screenings called off or moved away from it) the one it shows
// with its note.
struct RowShows {
    bool next = false;
    const ScreeningView* away = nullptr;
};

// The board's later list: `model.later`, and what the halls' rows leave out (`rows[i]` for
// halls[i]; a hall without an entry shows neither): a next screening, so that what comes soon is
// never left off the board, and every screening called off or moved away that has started and
// is not over, so that it stays on the board with its note until its scheduled end. By start;
// the pointers point into `model`.
std::vector<const ScreeningView*> later_list(const BoardModel& model,
                                             const std::vector<RowShows>& rows);

}  // namespace aff
