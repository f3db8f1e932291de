// Directions from a route's geometry, as data: each step says what to do (turn, distance,
// landmark, floor change, where the destination is) without any words; kiosk/directions.hpp
// phrases them in kk, ru and en.
#pragma once

#include "sync/wayfinding/route.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace aff::wayfinding {

// OSRM's turn classes, by the absolute change of direction: straight within 20 degrees, slight
// to 40, a turn to 120, sharp beyond.
enum class Turn : std::uint8_t { straight, slight, turn, sharp };
enum class Side : std::uint8_t { none, left, right };

struct Direction {
    Turn turn = Turn::straight;
    Side side = Side::none;  // none with straight
    bool operator==(const Direction&) const = default;
};
// A change of direction in degrees (clockwise positive, any value; taken into -180..180) as a
// class and a side.
Direction classify_turn(double degrees);

// Distances as people say them: to the nearest 5 m below 30 m, 10 m below 100 m, 50 m below
// 500 m, then 100 m; never 0 for a real distance (at least 5).
int round_distance(double metres);

constexpr std::uint32_t no_node = std::numeric_limits<std::uint32_t>::max();

enum class StepKind : std::uint8_t {
    start,         // set off: relative to the visitor at the kiosk when its facing is known
    walk,          // turn (at the step's first node), then walk `metres`, perhaps past a landmark
    change_floor,  // take the lift / stairs / escalator / ramp to level `to_floor` (one step)
    arrive,        // the destination is ahead, on the left or on the right
};

struct Step {
    StepKind kind = StepKind::walk;
    // start: the way to set off relative to the facing (straight = ahead of you, sharp = behind
    // you; side none and turn straight when the facing is unknown); walk: the turn made at the
    // step's first node; arrive: which side the destination is on.
    Direction direction;
    int metres = 0;                  // walk and start: rounded distance (round_distance)
    std::uint32_t landmark = no_node;  // walk: a named node passed on the way, if any
    EdgeKind via = EdgeKind::walk;   // change_floor: the connector
    int floor = 0;                   // the level the step is on; change_floor: the level reached
    std::uint32_t target = no_node;  // arrive: the destination node
    // The stretch of the route the step covers: route.nodes[first .. last] (a highlight).
    std::size_t first = 0;
    std::size_t last = 0;
};

// The steps of `route`: straight legs merged, a connector ride folded into one change_floor step,
// the first step relative to `facing_deg` (the kiosk's; nothing: north-up, no relative start),
// and the last an arrive step. A route of one node gives one arrive step.
std::vector<Step> route_steps(const Graph& graph, const Route& route,
                              std::optional<double> facing_deg);

}  // namespace aff::wayfinding
