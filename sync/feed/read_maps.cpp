// The readers of maps: floors and their areas, nodes and edges. Geometry is in metres.
#include "sync/feed/reader.hpp"

#include <cmath>

namespace aff::feed_detail {
namespace {

constexpr std::string_view edge_kind_choices = "walk, stairs, ramp, elevator, escalator";

constexpr std::string_view node_kind_choices =
    "kiosk, entrance, exit, hall, corridor, stairs, elevator, escalator, toilet, "
    "accessible_toilet, cafe, tickets, info, cloakroom, first_aid";

// Map sizes, coordinates and lengths are metres inside a building: anything past 100 km is a
// mistake, and bounding them keeps distances finite.
constexpr double max_metres = 100000;

// A bearing or a facing: degrees clockwise, 0 up to (not including) 360.
bool is_degrees(double d) { return d >= 0 && d < 360; }
constexpr std::string_view degrees = "degrees from 0 up to (not including) 360";

bool is_coordinate(const json& value) {
    return value.is_number() && std::fabs(value.get<double>()) <= max_metres;
}

}  // namespace

void FeedReader::read_maps(const Fields& top) {
    for_each_object(top, "maps", Need::optional, [&](const Fields& fields) {
        VenueMap map;
        MapIndex index;
        map.venue = fields.id("venue", Need::required, "a venue id");
        map.north_deg = fields.number("north_deg", Need::optional, degrees, is_degrees);
        for_each_object(fields, "floors", Need::required, [&](const Fields& floor_fields) {
            map.floors.push_back(read_floor(floor_fields, index, map.floors.size()));
        });
        IdIndex node_ids("node");
        for_each_object(fields, "nodes", Need::required, [&](const Fields& node_fields) {
            MapNode node = read_node(node_fields);
            node_ids.claim(node.id, map.nodes.size(), node_fields.at("id"), report_);
            if (!node.id.empty()) {
                index.nodes.try_emplace(node.id, map.nodes.size());
            }
            map.nodes.push_back(std::move(node));
        });
        for_each_object(fields, "edges", Need::required, [&](const Fields& edge_fields) {
            MapEdge edge;
            edge.from = edge_fields.id("from", Need::required, "a node id");
            edge.to = edge_fields.id("to", Need::required, "a node id");
            const auto length = edge_fields.number(
                "length", Need::optional, "a length > 0 (metres, at most 100000)",
                [](double d) { return d > 0 && d <= max_metres; });
            edge.length = length.value_or(0);
            index.edge_length_given.push_back(edge_fields.get("length", Need::optional) != nullptr);
            edge.kind = edge_fields
                            .choice<EdgeKind>("kind", Need::optional, edge_kind_from_code,
                                              edge_kind_choices)
                            .value_or(EdgeKind::walk);
            const bool with_steps = edge.kind == EdgeKind::stairs ||
                                    edge.kind == EdgeKind::escalator;
            edge.step_free = edge_fields.boolean("step_free").value_or(!with_steps);
            if (with_steps && edge.step_free) {
                report_.warning(edge_fields.at("step_free"),
                                "a " + std::string(edge_kind_code(edge.kind)) +
                                    " edge is never step-free; routed as one with steps");
                edge.step_free = false;
            }
            edge.one_way = edge_fields.boolean("one_way").value_or(false);
            map.edges.push_back(std::move(edge));
        });
        feed_.maps.push_back(std::move(map));
        map_indices_.push_back(std::move(index));
    });
}

MapFloor FeedReader::read_floor(const Fields& fields, MapIndex& index, std::size_t position) {
    MapFloor floor;
    const auto level = fields.small_integer("level", Need::required, -1000, 1000,
                                            "an integer level from -1000 to 1000");
    floor.level = level.value_or(0);
    if (level) {
        const auto [it, inserted] = index.floors.try_emplace(*level, position);
        if (!inserted) {
            report_.error(fields.at("level"), "duplicate floor level " +
                                                  std::to_string(*level) + " in this map");
        }
    }
    floor.name = fields.text("name", Need::required);
    const auto positive = [](double d) { return d > 0 && d <= max_metres; };
    floor.width =
        fields.number("width", Need::required, "a width > 0 (metres, at most 100000)", positive)
            .value_or(0);
    floor.height =
        fields.number("height", Need::required, "a height > 0 (metres, at most 100000)", positive)
            .value_or(0);
    floor.image = fields.id("image", Need::optional, "an asset id");
    IdIndex area_ids("area");
    for_each_object(fields, "areas", Need::required, [&](const Fields& area_fields) {
        MapArea area;
        area.id = area_fields.id("id", Need::required, "an id");
        area_ids.claim(area.id, floor.areas.size(), area_fields.at("id"), report_);
        if (const auto kind = area_fields.string("kind", Need::required)) {
            if (kind->empty()) {
                report_.error(area_fields.at("kind"), "expected a non-empty string");
            }
            area.kind = *kind;
        }
        area.name = area_fields.text("name", Need::optional);
        area.polygon = read_polygon(area_fields);
        floor.areas.push_back(std::move(area));
    });
    return floor;
}

std::vector<std::array<double, 2>> FeedReader::read_polygon(const Fields& area) {
    std::vector<std::array<double, 2>> polygon;
    const json* points = area.array("polygon", Need::required);
    if (points == nullptr) {
        return polygon;
    }
    for (std::size_t i = 0; i < points->size(); ++i) {
        const json& point = (*points)[i];
        if (!point.is_array() || point.size() != 2 || !is_coordinate(point[0]) ||
            !is_coordinate(point[1])) {
            report_.error(index_path(area.at("polygon"), i),
                          "expected a point [x, y] of coordinates in metres, got " +
                              describe(point));
            continue;
        }
        polygon.push_back({point[0].get<double>(), point[1].get<double>()});
    }
    if (points->size() < 3) {
        report_.error(area.at("polygon"), "expected at least 3 points, got " +
                                              std::to_string(points->size()));
    }
    return polygon;
}

MapNode FeedReader::read_node(const Fields& fields) {
    MapNode node;
    node.id = fields.id("id", Need::required, "an id");
    node.floor = fields.small_integer("floor", Need::required, -1000, 1000,
                                      "a floor level (an integer)")
                     .value_or(0);
    const auto in_range = [](double d) { return std::fabs(d) <= max_metres; };
    constexpr std::string_view coordinate = "a coordinate in metres (at most 100000 either way)";
    node.x = fields.number("x", Need::required, coordinate, in_range).value_or(0);
    node.y = fields.number("y", Need::required, coordinate, in_range).value_or(0);
    node.kind =
        fields.choice<NodeKind>("kind", Need::required, node_kind_from_code, node_kind_choices)
            .value_or(NodeKind::corridor);
    node.name = fields.text("name", Need::optional);
    node.hall = fields.id("hall", Need::optional, "a hall id");
    node.facing_deg = fields.number("facing_deg", Need::optional, degrees, is_degrees);
    if (node.facing_deg && node.kind != NodeKind::kiosk) {
        report_.warning(fields.at("facing_deg"),
                        "facing_deg is only read on a kiosk node; this node is of kind " +
                            std::string(node_kind_code(node.kind)));
    }
    return node;
}

}  // namespace aff::feed_detail
