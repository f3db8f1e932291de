#include "kiosk/hall_screen.hpp"

#include "kiosk/hall_view.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

std::vector<ScreeningView> hall_day(const ScheduleQueries& store, const std::string& venue_id,
                                    const std::string& hall_id, Date day) {
    std::vector<ScreeningView> list = store.day_programme(venue_id, day);
    std::erase_if(list,
                  [&](const ScreeningView& s) { return at_hall(s, hall_id) == AtHall::elsewhere; });
    // A delay can move a screening past the one after it; the sign goes by the times it shows.
    std::stable_sort(list.begin(), list.end(), starts_earlier);
    return list;
}

// The venue the hall belongs to: the kiosk's own first, then any other.
std::optional<VenueInfo> venue_of(const ScheduleQueries& store, const std::string& venue_id,
                                  const std::string& hall_id) {
    const auto has_hall = [&](const VenueInfo& v) {
        return std::any_of(v.halls.begin(), v.halls.end(),
                           [&](const Hall& h) { return h.id == hall_id; });
    };
    if (auto own = store.venue(venue_id); own && has_hall(*own)) {
        return own;
    }
    for (auto& v : store.venues()) {
        if (has_hall(v)) {
            return std::move(v);
        }
    }
    return std::nullopt;
}

}  // namespace

HallModel load_hall(const ScheduleQueries& store, const UiStatus& status,
                    const std::string& venue_id, const std::string& hall_id) {
    HallModel m;
    const auto venue = venue_of(store, venue_id, hall_id);
    if (!venue) {
        return m;
    }
    m.found = true;
    m.hall_id = hall_id;
    m.venue_id = venue->id;
    m.venue_name = venue->name;
    for (const auto& hall : venue->halls) {
        if (hall.id == hall_id) {
            m.hall_name = hall.name;
        }
    }
    m.today = hall_day(store, venue->id, hall_id, status.today);
    if (!status.clock_trusted) {
        return m;
    }

    const Instant now = status.now;
    HallNowNext here = hall_now_next(hall_id, m.hall_name, m.today, now);
    m.now = std::move(here.now);
    m.next = std::move(here.next);
    m.skipped = std::move(here.away);
    const auto shown = [&](const ScreeningView& s) {
        return (m.now && s.id == m.now->id) || (m.next && s.id == m.next->id) ||
               std::any_of(m.skipped.begin(), m.skipped.end(),
                           [&](const ScreeningView& k) { return k.id == s.id; });
    };
    for (const auto& s : m.today) {
        if (s.effective_end() > now && !shown(s)) {
            m.later.push_back(s);
        }
    }
    if (m.next) {
        m.doors_open = now >= m.next->effective_start() - doors_open_before;
    } else {
        for (Date day = add_days(status.today, 1); day <= status.info.last_day && !m.next_day_first;
             day = add_days(day, 1)) {
            for (auto& s : hall_day(store, venue->id, hall_id, day)) {
                if (at_hall(s, hall_id) == AtHall::held) {
                    m.next_day_first = std::move(s);
                    break;
                }
            }
        }
    }
    return m;
}

HallScreen::HallScreen(Ui& ui, std::string hall_id)
    : ui_(ui), hall_id_(std::move(hall_id)), kit_(ui) {}

bool HallScreen::input(const InputEvent& event) {
    if (event.type == InputEvent::Type::redraw) {
        return true;
    }
    bool handled = false;
    if (event.type == InputEvent::Type::tap) {
        (void)kit_.tap(event.x, event.y, handled);
    }
    return handled;
}

bool HallScreen::update(Instant now, milliseconds ticks) {
    const bool changed = kit_.update(now, ticks);
    if (kit_.stale()) {
        model_.reset();
        if (const UiStatus* status = kit_.status()) {
            model_ = load_hall(ui_.store, *status, ui_.venue_id, hall_id_);
        }
    }
    return changed;
}

void HallScreen::render(Canvas& canvas) {
    if (kit_.begin_render(canvas, model_.has_value())) {
        paint_hall(canvas, ui_, kit_.lang(), *kit_.status(), *model_, kit_.spots(),
                   kit_.min_touch());
    }
}

}  // namespace aff
