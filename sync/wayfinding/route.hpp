// Routing over a venue's map: shortest paths (by length, in metres) across floors, honouring
// one-way edges, optionally step-free, to a node, a hall or the nearest node of a kind. Pure data:
// no text, no SDL, no clock. A route is the list of nodes and edges walked; steps.hpp turns it
// into directions.
#pragma once

#include "sync/feed.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aff::wayfinding {

// A venue's map compiled for routing, built once per map (not per route): nodes by index (the
// order of map.nodes), and for each node the edges that can be walked away from it.
// It keeps a reference to `map`, which must outlive it.
class Graph {
public:
    explicit Graph(const VenueMap& map);

    struct Arc {
        std::uint32_t to = 0;    // node index
        std::uint32_t edge = 0;  // index into map().edges
    };

    const VenueMap& map() const { return *map_; }
    std::size_t size() const { return map_->nodes.size(); }
    const MapNode& node(std::size_t index) const { return map_->nodes[index]; }
    // The index of the node with this id; nothing for an unknown id.
    std::optional<std::uint32_t> find(std::string_view id) const;
    // The edges walkable from `node` (both ways unless one_way; one_way only from `from`).
    std::span<const Arc> arcs(std::size_t node) const;

private:
    const VenueMap* map_;
    std::vector<std::uint32_t> first_;  // CSR: arcs of node i are arcs_[first_[i], first_[i+1])
    std::vector<Arc> arcs_;
    std::vector<std::pair<std::string_view, std::uint32_t>> ids_;  // sorted by id
};

// Where a route goes: written "NODE", "hall:ID" or "kind:KIND" (KIND a node kind code).
struct Target {
    enum class Type : std::uint8_t { node, hall, kind };
    Type type = Type::node;
    std::string id;                        // the node id or the hall id
    NodeKind kind = NodeKind::toilet;      // with Type::kind
    bool operator==(const Target&) const = default;
};
std::optional<Target> parse_target(std::string_view text);
std::string target_text(const Target& target);

// How long walking takes, from the edges' kinds and lengths. Documented in docs/wayfinding.md.
struct WalkingModel {
    double walk_mps = 1.2;          // on the flat (walk, ramp)
    double stairs_mps = 0.5;        // along a stair edge's length
    double escalator_mps = 0.5;     // riding (and walking on) an escalator
    double lift_wait_s = 30;        // waiting for a lift, once per ride
    double lift_mps = 1.0;          // along a lift edge's length (its height travelled)
};
double edge_seconds(const MapEdge& edge, const WalkingModel& model = {});

struct Route {
    std::vector<std::uint32_t> nodes;  // node indices, from the start to the end (at least one)
    std::vector<std::uint32_t> edges;  // edges[i] joins nodes[i] and nodes[i + 1]
    double length_m = 0;
    double seconds = 0;                // by the WalkingModel
    std::vector<int> floors;           // the levels in order of visit (a level again after leaving it)
};

enum class NoRoute : std::uint8_t {
    unknown_start,      // the start is not a node of this map
    unknown_target,     // no such node, a hall without a map_node in this map, no node of the kind
    unreachable,        // no way at all (an island, or one-way edges that never lead there)
    no_step_free_way,   // asked step-free: none exists, but a route with steps does
};

struct RouteResult {
    std::optional<Route> route;
    NoRoute why = NoRoute::unreachable;  // when there is no route
};

// The shortest route from node `from` to `to`; with `step_free`, over step-free edges only.
// For Type::kind, the nearest node of that kind by route length (the start itself counts when it
// is of that kind). Ties go to the node that comes first in the map.
RouteResult find_route(const Graph& graph, std::uint32_t from, const Target& to, bool step_free,
                       const WalkingModel& model = {});

}  // namespace aff::wayfinding
