// The venues of a synthetic feed: halls, addresses and locations, and a map of each venue
// (two floors along a corridor, a lobby with every kind of service point).
#include "sync/feed_gen/parts.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aff::gen_detail {
namespace {

constexpr std::array<Words, 4> streets{{
    {"Абай даңғылы", "проспект Абая", "Abai Avenue"},
    {"Достық даңғылы", "проспект Достык", "Dostyk Avenue"},
    {"Желтоқсан көшесі", "улица Желтоксан", "Zheltoksan Street"},
    {"Төле би көшесі", "улица Толе би", "Tole Bi Street"},
}};

json hall_name(std::size_t number) {
    return text(num(number) + "-зал", "Зал " + num(number), "Hall " + num(number));
}

// Each venue's map: halls alternate between two floors along a corridor, and the lobby with
// every kind of service point is on level 1.
struct MapBuilder {
    std::string prefix;
    json nodes = json::array();
    json edges = json::array();

    std::string add_node(std::string_view name, int floor, double x, double y,
                         std::string_view kind, json title = nullptr) {
        std::string id = prefix + "-" + str(name);
        json node = {{"id", id}, {"floor", floor}, {"x", x}, {"y", y}, {"kind", str(kind)}};
        if (!title.is_null()) {
            node["name"] = std::move(title);
        }
        nodes.push_back(std::move(node));
        return id;
    }

    void link(const std::string& from, const std::string& to) {
        edges.push_back({{"from", from}, {"to", to}});
    }

    // Every edge that touches stairs or an escalator is marked, not only the flight itself.
    void link_steps(const std::string& from, const std::string& to) {
        edges.push_back({{"from", from}, {"to", to}, {"step_free", false}});
    }

    void link_floors(const std::string& from, const std::string& to, double length,
                     bool step_free) {
        edges.push_back({{"from", from}, {"to", to}, {"length", length}, {"step_free", step_free}});
    }
};

json rect(double x0, double y0, double x1, double y1) {
    return json::array({json::array({x0, y0}), json::array({x1, y0}), json::array({x1, y1}),
                        json::array({x0, y1})});
}

// The lobby of level 1, with one service point of every kind.
json add_lobby(MapBuilder& map, const std::string& spine_start, double width) {
    const std::string lobby = map.add_node("lobby", 1, 16, 30, "corridor");
    map.link(spine_start, lobby);
    const auto service = [&](std::string_view name, double x, double y, std::string_view kind,
                             json title) {
        map.link(lobby, map.add_node(name, 1, x, y, kind, std::move(title)));
    };
    service("kiosk", 16, 33, "kiosk",
            text("Ақпараттық киоск", "Информационный киоск", "Information kiosk"));
    service("entrance", 16, 39.5, "entrance",
            text("Негізгі кіреберіс", "Главный вход", "Main entrance"));
    service("exit", width - 1, 30, "exit", text("Шығу", "Выход", "Exit"));
    service("info", 22, 30, "info", text("Анықтама бюросы", "Справочное бюро", "Information desk"));
    service("tickets", 22, 36, "tickets", text("Билет кассасы", "Кассы", "Box office"));
    service("cloakroom", 28, 36, "cloakroom", text("Киім ілетін орын", "Гардероб", "Cloakroom"));
    service("cafe", 10, 36, "cafe", text("Кафе", "Кафе", "Café"));
    service("first-aid", 4, 36, "first_aid", text("Медициналық пункт", "Медпункт", "First aid"));
    service("accessible-toilet", width - 4, 26, "accessible_toilet",
            text("Мүмкіндігі шектеулі жандарға арналған дәретхана",
                 "Туалет для маломобильных посетителей", "Accessible toilet"));
    return {{"id", map.prefix + "-lobby"},
            {"kind", "lobby"},
            {"name", text("Фойе", "Фойе", "Lobby")},
            {"polygon", rect(2, 28, width - 2, 39)}};
}

// The ways between the floors, one node of each per floor.
struct FloorLinks {
    std::string stairs;
    std::string elevator;
    std::string escalator;
};

// One floor: the way up and down, a corridor past every other hall (odd hall numbers on level
// 1, even ones on level 2), toilets at its end, and on level 1 the lobby.
json make_floor(MapBuilder& map, int floor, std::size_t hall_count, double width,
                FloorLinks& links) {
    const std::string tag = "l" + std::to_string(floor);
    json areas = json::array();
    const std::string spine_start = map.add_node(tag + "-c0", floor, 10, 22, "corridor");
    links.stairs = map.add_node(tag + "-stairs", floor, 4, 24, "stairs",
                                text("Баспалдақ", "Лестница", "Stairs"));
    links.elevator =
        map.add_node(tag + "-elevator", floor, 4, 28, "elevator", text("Лифт", "Лифт", "Lift"));
    links.escalator = map.add_node(tag + "-escalator", floor, 8, 26, "escalator",
                                   text("Эскалатор", "Эскалатор", "Escalator"));
    map.link_steps(links.stairs, spine_start);
    map.link(links.elevator, spine_start);
    map.link_steps(links.escalator, spine_start);
    std::string previous = spine_start;
    for (auto number = static_cast<std::size_t>(floor); number <= hall_count; number += 2) {
        const double x = 17.0 + 14.0 * static_cast<double>((number - 1) / 2);
        const std::string corridor =
            map.add_node(tag + "-c" + num(number), floor, x, 22, "corridor");
        const std::string door =
            map.add_node("h" + num(number) + "-door", floor, x, 19, "hall", hall_name(number));
        map.nodes.back()["hall"] = map.prefix + "-h" + num(number);
        map.link(previous, corridor);
        map.link(corridor, door);
        previous = corridor;
        areas.push_back({{"id", map.prefix + "-h" + num(number) + "-area"},
                         {"kind", "hall"},
                         {"name", hall_name(number)},
                         {"polygon", rect(x - 6, 2, x + 6, 18)}});
    }
    map.link(previous, map.add_node(tag + "-toilet", floor, width - 6, 26, "toilet",
                                    text("Дәретхана", "Туалет", "Toilets")));
    if (floor == 1) {
        areas.push_back(add_lobby(map, spine_start, width));
    }
    const std::string level = std::to_string(floor);
    return {{"level", floor},
            {"name", text(level + "-қабат", level + "-й этаж", "Level " + level)},
            {"width", width},
            {"height", 40.0},
            {"areas", std::move(areas)}};
}

json make_map(std::size_t venue, std::size_t hall_count) {
    const std::size_t positions = (hall_count + 1) / 2;
    const double width = 20.0 + 14.0 * static_cast<double>(positions);
    MapBuilder map{venue_id(venue)};
    FloorLinks lower;
    FloorLinks upper;
    json floors = json::array();
    floors.push_back(make_floor(map, 1, hall_count, width, lower));
    floors.push_back(make_floor(map, 2, hall_count, width, upper));
    map.link_floors(lower.stairs, upper.stairs, 12, false);
    map.link_floors(lower.escalator, upper.escalator, 14, false);
    map.link_floors(lower.elevator, upper.elevator, 6, true);
    return {{"venue", venue_id(venue)},
            {"floors", std::move(floors)},
            {"nodes", std::move(map.nodes)},
            {"edges", std::move(map.edges)}};
}

}  // namespace

std::vector<HallRef> make_hall_refs(const Sizes& sizes) {
    std::vector<HallRef> halls;
    halls.reserve(sizes.halls);
    for (std::size_t venue = 0; venue < sizes.venues; ++venue) {
        const std::size_t begin = venue * sizes.halls / sizes.venues;
        const std::size_t end = (venue + 1) * sizes.halls / sizes.venues;
        for (std::size_t h = begin; h < end; ++h) {
            const std::size_t number = h - begin + 1;
            halls.push_back({hall_id(venue, number), venue, number});
        }
    }
    return halls;
}

json make_venues(const Sizes& sizes, const std::vector<HallRef>& halls, Rng& rng, json& maps) {
    json venues = json::array();
    std::size_t next_hall = 0;
    for (std::size_t venue = 0; venue < sizes.venues; ++venue) {
        const Words& street = streets[venue % streets.size()];
        const std::size_t house = 1 + rng.index(200);
        const int lat = 432000 + rng.below(800);
        const int lon = 768500 + rng.below(1500);
        const std::string n = num(venue + 1);
        json hall_list = json::array();
        std::size_t count = 0;
        for (; next_hall < halls.size() && halls[next_hall].venue == venue; ++next_hall) {
            const HallRef& hall = halls[next_hall];
            const int seats = 60 + 10 * rng.below(60);
            std::string door = venue_id(venue) + "-h" + num(hall.number) + "-door";
            hall_list.push_back({{"id", hall.id},
                                 {"name", hall_name(hall.number)},
                                 {"seats", seats},
                                 {"map_node", std::move(door)}});
            ++count;
        }
        venues.push_back(
            {{"id", venue_id(venue)},
             {"name", text("«Синтез-" + n + "» кинотеатры", "Кинотеатр «Синтез-" + n + "»",
                           "Sintez-" + n + " Cinema")},
             {"address", text("Алматы, " + str(street.kk) + ", " + num(house),
                              "Алматы, " + str(street.ru) + ", " + num(house),
                              num(house) + " " + str(street.en) + ", Almaty")},
             {"location", {{"lat", lat / 10000.0}, {"lon", lon / 10000.0}}},
             {"halls", std::move(hall_list)}});
        maps.push_back(make_map(venue, count));
    }
    return venues;
}

}  // namespace aff::gen_detail
