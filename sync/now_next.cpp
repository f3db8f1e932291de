#include "sync/now_next.hpp"

#include <algorithm>

namespace aff {

AtHall at_hall(const ScreeningView& s, std::string_view hall_id) {
    if (s.moved_from_hall_id == hall_id) {
        return AtHall::moved_away;
    }
    if (s.hall_id != hall_id) {
        return AtHall::elsewhere;
    }
    return s.status == Status::cancelled ? AtHall::called_off : AtHall::held;
}

bool takes_place(const ScreeningView& s) { return s.status != Status::cancelled; }

bool in_slot(const ScreeningView& s, Instant t) {
    return s.effective_start() <= t && t < s.effective_end();
}

bool on_at(const ScreeningView& s, Instant t) { return takes_place(s) && in_slot(s, t); }

const ScreeningView* HallNowNext::away_now(Instant t) const {
    const auto it = std::find_if(away.begin(), away.end(),
                                 [&](const ScreeningView& s) { return in_slot(s, t); });
    return it == away.end() ? nullptr : &*it;
}

HallNowNext hall_now_next(std::string hall_id, Text hall_name,
                          std::span<const ScreeningView> screenings, Instant t) {
    HallNowNext hall;
    const ScreeningView* now = nullptr;
    const ScreeningView* next = nullptr;
    for (const ScreeningView& s : screenings) {
        if (at_hall(s, hall_id) != AtHall::held) {
            continue;
        }
        if (on_at(s, t) && (now == nullptr || s.effective_start() >= now->effective_start())) {
            now = &s;
        }
        if (s.effective_start() > t &&
            (next == nullptr || s.effective_start() < next->effective_start())) {
            next = &s;
        }
    }
    for (const ScreeningView& s : screenings) {
        const AtHall how = at_hall(s, hall_id);
        if ((how == AtHall::called_off || how == AtHall::moved_away) && s.effective_end() > t &&
            (next == nullptr || s.effective_start() < next->effective_start())) {
            hall.away.push_back(s);
        }
    }
    std::stable_sort(hall.away.begin(), hall.away.end(), starts_earlier);
    if (now != nullptr) {
        hall.now = *now;
    }
    if (next != nullptr) {
        hall.next = *next;
    }
    hall.hall_id = std::move(hall_id);
    hall.hall_name = std::move(hall_name);
    return hall;
}

}  // namespace aff
