#include "kiosk/board_model.hpp"

#include "kiosk/ui.hpp"

#include <algorithm>
#include <set>

namespace aff {

std::optional<BoardModel> load_board(const ScheduleQueries& store, const std::string& wanted_venue,
                                     Instant now) {
    auto info = store.info();
    auto zone = store.timezone();
    if (!info || !zone) {
        return std::nullopt;
    }
    // No venue configured: the feed's first (a kiosk that started on an empty cache gets it here).
    std::string venue_id = wanted_venue;
    if (venue_id.empty()) {
        const auto venues = store.venues();
        if (venues.empty()) {
            return std::nullopt;
        }
        venue_id = venues.front().id;
    }
    BoardModel model;
    model.now = now;
    model.sequence = info->sequence;
    const Date today = festival_day(*zone, now, info->day_starts_at_min);
    if (auto venue = store.venue(venue_id)) {
        model.venue_name = venue->name;
    }

    std::set<std::string> in_now_column;
    model.halls = store.now_and_next(venue_id, now);
    for (auto& hall : model.halls) {
        if (hall.next && hall.next->festival_day != today) {
            hall.next.reset();  // tomorrow's first screening is not "next" on today's board
        }
        if (hall.now) {
            in_now_column.insert(hall.now->id);
        }
        if (hall.next) {
            in_now_column.insert(hall.next->id);
        }
    }
    for (auto& screening : store.rest_of_day(venue_id, now)) {
        if (!in_now_column.contains(screening.id) && screening.effective_start() > now) {
            model.later.push_back(std::move(screening));
        }
    }
    std::stable_sort(model.later.begin(), model.later.end(), starts_earlier);
    return model;
}

std::optional<BoardModel> load_board(const ScheduleQueries& store, const std::string& venue_id,
                                     Instant now, const UiStatus& status) {
    auto model = load_board(store, venue_id, now);
    if (!model || status.clock_trusted) {
        return model;
    }
    model->halls.clear();
    model->later = store.day_programme(venue_id, status.today);
    return model;
}

std::vector<const ScreeningView*> later_list(const BoardModel& model,
                                             const std::vector<RowShows>& rows) {
    std::vector<const ScreeningView*> later;
    later.reserve(model.later.size() + model.halls.size());
    for (const auto& s : model.later) {
        later.push_back(&s);
    }
    for (std::size_t i = 0; i < model.halls.size(); ++i) {
        const HallNowNext& hall = model.halls[i];
        const RowShows shows = i < rows.size() ? rows[i] : RowShows{};
        if (hall.next && !shows.next) {
            later.push_back(&*hall.next);
        }
        // Those not started yet are in model.later already.
        for (const auto& away : hall.away) {
            if (away.effective_start() <= model.now && &away != shows.away) {
                later.push_back(&away);
            }
        }
    }
    std::stable_sort(later.begin(), later.end(),
                     [](const ScreeningView* a, const ScreeningView* b) {
                         return starts_earlier(*a, *b);
                     });
    return later;
}

}  // namespace aff
