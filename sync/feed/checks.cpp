// The checks that need more than one object: references resolve, a moved screening moves to
// another hall, overlaps in the hall where a screening is held, festival days, maps against
// their venues and halls.
#include "sync/feed/reader.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace aff::feed_detail {

void FeedReader::check_ref(const IdIndex& index, const std::string& id, const std::string& path,
                           std::string_view kind) {
    if (!id.empty() && !index.contains(id)) {
        report_.error(path, "unknown " + std::string(kind) + " " + quote(id));
    }
}

void FeedReader::check_films() {
    for (std::size_t i = 0; i < feed_.films.size(); ++i) {
        const Film& film = feed_.films[i];
        const std::string path = index_path("films", i);
        check_ref(section_ids_, film.section, key_path(path, "section"), "section");
        check_ref(asset_ids_, film.poster, key_path(path, "poster"), "asset");
    }
}

void FeedReader::check_screenings() {
    for (std::size_t i = 0; i < feed_.screenings.size(); ++i) {
        Screening& screening = feed_.screenings[i];
        const std::string path = index_path("screenings", i);
        check_ref(film_ids_, screening.film, key_path(path, "film"), "film");
        check_ref(hall_ids_, screening.hall, key_path(path, "hall"), "hall");
        check_ref(hall_ids_, screening.moved_to, key_path(path, "moved_to"), "hall");
        if (!screening.moved_to.empty() && screening.moved_to == screening.hall) {
            report_.error(key_path(path, "moved_to"),
                          "is the screening's own hall " + quote(screening.hall) +
                              " (a screening moves to another hall)");
        }
        ScreeningTimes& times = screening_times_[i];
        if (!times.start_ok || times.end_given) {
            continue;
        }
        const auto film = film_ids_.find(screening.film);
        if (film && feed_.films[*film].runtime_min > 0) {
            screening.ends_at =
                screening.starts_at + std::chrono::minutes{feed_.films[*film].runtime_min};
            times.end_ok = true;
        }
    }
}

void FeedReader::check_announcements() {
    for (std::size_t i = 0; i < feed_.announcements.size(); ++i) {
        const auto& venues = feed_.announcements[i].venues;
        for (std::size_t k = 0; k < venues.size(); ++k) {
            check_ref(venue_ids_, venues[k],
                      index_path(key_path(index_path("announcements", i), "venues"), k),
                      "venue");
        }
    }
}

void FeedReader::check_maps() {
    for (std::size_t m = 0; m < feed_.maps.size(); ++m) {
        const VenueMap& map = feed_.maps[m];
        const std::string path = index_path("maps", m);
        check_ref(venue_ids_, map.venue, key_path(path, "venue"), "venue");
        if (!map.venue.empty()) {
            const auto [it, inserted] = map_of_venue_.try_emplace(map.venue, m);
            if (!inserted) {
                report_.error(key_path(path, "venue"),
                              "venue " + quote(map.venue) + " already has a map (" +
                                  index_path("maps", it->second) + ")");
            }
        }
        for (std::size_t f = 0; f < map.floors.size(); ++f) {
            check_ref(asset_ids_, map.floors[f].image,
                      key_path(index_path(key_path(path, "floors"), f), "image"), "asset");
        }
        check_nodes(m, path);
        check_edges(m, path);
    }
}

void FeedReader::check_nodes(std::size_t m, const std::string& map_path) {
    const VenueMap& map = feed_.maps[m];
    const MapIndex& index = map_indices_[m];
    const auto map_venue = venue_ids_.find(map.venue);
    for (std::size_t n = 0; n < map.nodes.size(); ++n) {
        const MapNode& node = map.nodes[n];
        const std::string path = index_path(key_path(map_path, "nodes"), n);
        const auto floor = index.floors.find(node.floor);
        if (floor == index.floors.end()) {
            report_.error(key_path(path, "floor"), "no floor with level " +
                                                       std::to_string(node.floor) +
                                                       " in this map");
        } else {
            const MapFloor& plan = map.floors[floor->second];
            if (plan.width > 0 && plan.height > 0 &&
                (node.x < 0 || node.y < 0 || node.x > plan.width || node.y > plan.height)) {
                report_.warning(path, "lies outside its floor (0..width, 0..height)");
            }
        }
        if (node.hall.empty()) {
            continue;
        }
        const auto venue_of_hall = hall_ids_.find(node.hall);
        if (!venue_of_hall) {
            report_.error(key_path(path, "hall"), "unknown hall " + quote(node.hall));
        } else if (map_venue && *venue_of_hall != *map_venue) {
            report_.error(key_path(path, "hall"),
                          "hall " + quote(node.hall) + " is not in venue " +
                              quote(map.venue));
        }
    }
}

void FeedReader::check_edges(std::size_t m, const std::string& map_path) {
    VenueMap& map = feed_.maps[m];
    const MapIndex& index = map_indices_[m];
    for (std::size_t e = 0; e < map.edges.size(); ++e) {
        MapEdge& edge = map.edges[e];
        const std::string path = index_path(key_path(map_path, "edges"), e);
        const auto find_node = [&](const std::string& id,
                                   std::string_view key) -> const MapNode* {
            if (id.empty()) {
                return nullptr;
            }
            const auto it = index.nodes.find(id);
            if (it == index.nodes.end()) {
                report_.error(key_path(path, key), "unknown node " + quote(id) +
                                                       " in this map");
                return nullptr;
            }
            return &map.nodes[it->second];
        };
        const MapNode* from = find_node(edge.from, "from");
        const MapNode* to = find_node(edge.to, "to");
        if (from == nullptr || to == nullptr) {
            continue;
        }
        if (!index.edge_length_given[e]) {
            if (from->floor != to->floor) {
                report_.error(key_path(path, "length"),
                              "missing, and required between floors (" +
                                  quote(from->id) + " is on level " +
                                  std::to_string(from->floor) + ", " + quote(to->id) +
                                  " on level " + std::to_string(to->floor) + ")");
            } else {
                edge.length = std::hypot(to->x - from->x, to->y - from->y);
                if (!(edge.length > 0)) {
                    report_.error(key_path(path, "length"),
                                  "missing, and the nodes are at the same point: give a "
                                  "length > 0");
                }
            }
        }
        if (edge.step_free) {
            for (const MapNode* node : {from, to}) {
                if (node->kind == NodeKind::stairs || node->kind == NodeKind::escalator) {
                    report_.warning(path, "is step-free but touches " +
                                              std::string(node_kind_code(node->kind)) +
                                              " node " + quote(node->id));
                    break;
                }
            }
        }
    }
}

// Halls name map nodes, and maps come after venues: this check waits for both.
void FeedReader::check_halls() {
    for (std::size_t v = 0; v < feed_.venues.size(); ++v) {
        const Venue& venue = feed_.venues[v];
        for (std::size_t h = 0; h < venue.halls.size(); ++h) {
            const Hall& hall = venue.halls[h];
            if (hall.map_node.empty()) {
                continue;
            }
            const std::string path =
                key_path(index_path(key_path(index_path("venues", v), "halls"), h),
                         "map_node");
            const auto map = map_of_venue_.find(venue.id);
            if (map == map_of_venue_.end()) {
                report_.error(path, "venue " + quote(venue.id) +
                                        " has no map, so there is no node " +
                                        quote(hall.map_node));
            } else if (map_indices_[map->second].nodes.count(hall.map_node) == 0) {
                report_.error(path, "unknown node " + quote(hall.map_node) +
                                        " in the map of venue " + quote(venue.id));
            }
        }
    }
}

// Two screenings in one hall at once, going by their real (delayed) times and the hall
// they are held in (a moved screening's moved_to).
void FeedReader::check_overlaps() {
    struct Slot {
        Instant start;
        Instant end;
        std::size_t index;
    };
    std::map<std::string, std::vector<Slot>> by_hall;
    for (std::size_t i = 0; i < feed_.screenings.size(); ++i) {
        const Screening& s = feed_.screenings[i];
        const ScreeningTimes& times = screening_times_[i];
        const std::string& held = s.moved_to.empty() ? s.hall : s.moved_to;
        if (s.status == Status::cancelled || !times.start_ok || !times.end_ok ||
            s.id.empty() || !hall_ids_.contains(held)) {
            continue;
        }
        const std::chrono::minutes delay{s.delay_min};
        by_hall[held].push_back({s.starts_at + delay, s.ends_at + delay, i});
    }
    for (auto& [hall, slots] : by_hall) {
        std::stable_sort(slots.begin(), slots.end(),
                         [](const Slot& a, const Slot& b) { return a.start < b.start; });
        const Slot* latest = nullptr;  // of the earlier slots, the one that ends last
        for (const Slot& slot : slots) {
            if (latest != nullptr && slot.start < latest->end) {
                const Screening& a = feed_.screenings[latest->index];
                const Screening& b = feed_.screenings[slot.index];
                report_.warning(index_path("screenings", slot.index),
                                "screenings " + quote(a.id) + " and " + quote(b.id) +
                                    " overlap in hall " + quote(hall));
            }
            if (latest == nullptr || slot.end > latest->end) {
                latest = &slot;
            }
        }
    }
}

void FeedReader::check_festival_days() {
    if (!zone_ || !first_day_ || !last_day_ || *last_day_ < *first_day_) {
        return;
    }
    const int day_starts_at = feed_.festival.day_starts_at_min;
    for (std::size_t i = 0; i < feed_.screenings.size(); ++i) {
        if (!screening_times_[i].start_ok) {
            continue;
        }
        const Date day = festival_day(*zone_, feed_.screenings[i].starts_at, day_starts_at);
        if (day < *first_day_ || *last_day_ < day) {
            report_.warning(key_path(index_path("screenings", i), "starts_at"),
                            "falls on festival day " + format_date(day) +
                                ", outside the festival (" + format_date(*first_day_) +
                                " to " + format_date(*last_day_) + ")");
        }
    }
}

}  // namespace aff::feed_detail
