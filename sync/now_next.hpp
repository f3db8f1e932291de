// "What is on in this hall now, and next": the one answer every screen uses (the board's rows,
// the hall's door sign, the day programme's "now" and the film page). A pure function over the
// screenings that concern a hall; the store only fetches them.
//
// A screening concerns a hall in one of three ways:
//  - it is held there: listed there and not cancelled, or moved there from another hall;
//  - it was called off there: cancelled;
//  - it moved away from there (`moved_to` in the feed): the door says where it went.
// A `moved` screening without `moved_to` keeps its hall: it is held there, with its note.
#pragma once

#include "sync/screening_view.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

enum class AtHall : std::uint8_t { held, called_off, moved_away, elsewhere };

// How `s` concerns the hall `hall_id`.
AtHall at_hall(const ScreeningView& s, std::string_view hall_id);
// Whether the audience comes to a hall for it at all (not cancelled).
bool takes_place(const ScreeningView& s);
// Whether `t` falls within its time (delay applied), whatever its status.
bool in_slot(const ScreeningView& s, Instant t);
// Whether it is on at `t`: it takes place and `t` is in its slot.
bool on_at(const ScreeningView& s, Instant t);

struct HallNowNext {
    std::string hall_id;
    Text hall_name;
    // Held here and on at T; of two that overlap (the feed warns of it), the one that started
    // last.
    std::optional<ScreeningView> now;
    // Held here: the first to start after T.
    std::optional<ScreeningView> next;
    // Called off here or moved away, not over at T, and due before `next` (without one: at
    // all), by start: what the door says to people arriving for them.
    std::vector<ScreeningView> away;

    // The first of `away` whose slot T is in: for as long as it would have run, the hall's row
    // says it was called off or where it went.
    const ScreeningView* away_now(Instant t) const;
};

// Now, next and away for one hall at `t`, from screenings in any order (those of other halls
// are ignored; ties go to the earlier in the list for `next`, the later for `now`).
HallNowNext hall_now_next(std::string hall_id, Text hall_name,
                          std::span<const ScreeningView> screenings, Instant t);

}  // namespace aff
