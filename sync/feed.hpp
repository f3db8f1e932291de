// The schedule feed, version 1, as plain data. See docs/feed-format.md.
// This is what a parsed and validated feed looks like; parse_feed() builds it and the store keeps
// it. Instants are UTC seconds since the epoch; the festival's time zone says how to show them.
#pragma once

#include "sync/time/instant.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

// The three languages of the festival, in the order the board rotates through them.
enum class Lang : std::uint8_t { kk, ru, en };
inline constexpr std::array<Lang, 3> all_langs{Lang::kk, Lang::ru, Lang::en};
std::string_view lang_code(Lang lang);
std::optional<Lang> lang_from_code(std::string_view code);

// A text in the three languages. An empty string means "not translated".
struct Text {
    std::array<std::string, 3> by_lang;

    const std::string& raw(Lang lang) const { return by_lang[static_cast<std::size_t>(lang)]; }
    std::string& raw(Lang lang) { return by_lang[static_cast<std::size_t>(lang)]; }
    bool empty() const { return by_lang[0].empty() && by_lang[1].empty() && by_lang[2].empty(); }
    // The text in `lang`, or the first present of ru, en, kk (the feed contract's fallback).
    const std::string& get(Lang lang) const;
};

struct LatLon {
    double lat = 0;
    double lon = 0;
};

struct Festival {
    std::string id;
    Text name;
    std::string timezone;       // IANA name, e.g. "Asia/Almaty"
    std::string first_day;      // YYYY-MM-DD
    std::string last_day;       // YYYY-MM-DD
    int day_starts_at_min = 300;  // minutes after local midnight; "05:00" by default
    std::string url;            // optional
};

struct Hall {
    std::string id;
    Text name;
    std::optional<int> seats;
    std::string map_node;  // optional
};

struct Venue {
    std::string id;
    Text name;
    Text address;
    std::optional<LatLon> location;
    std::vector<Hall> halls;
};

struct Section {
    std::string id;
    Text name;
    std::string color;  // "#RRGGBB", optional
};

struct Film {
    std::string id;
    Text title;
    std::string original_title;
    int year = 0;
    std::vector<std::string> countries;
    int runtime_min = 0;
    std::string age_rating;
    std::string section;
    Text director;
    Text synopsis;
    std::vector<std::string> spoken_languages;
    std::vector<std::string> subtitles;
    std::string poster;  // asset id
};

enum class Status : std::uint8_t { scheduled, delayed, cancelled, sold_out, moved };
std::string_view status_code(Status status);
std::optional<Status> status_from_code(std::string_view code);

struct Screening {
    std::string id;
    std::string film;
    std::string hall;
    Instant starts_at{};
    Instant ends_at{};  // filled with start + runtime when the feed leaves it out
    Status status = Status::scheduled;
    int delay_min = 0;
    Text note;
    bool qa = false;
    // With `moved`: the hall (at any venue) where it now takes place. It is shown there like any
    // other screening, marked as moved; at `hall` a kiosk says where it went.
    std::string moved_to;
};

enum class Level : std::uint8_t { info, urgent, emergency };
std::string_view level_code(Level level);
std::optional<Level> level_from_code(std::string_view code);

struct Announcement {
    std::string id;
    Text text;
    Level level = Level::info;
    std::optional<Instant> from;
    std::optional<Instant> until;
    std::vector<std::string> venues;  // empty: every venue
};

// The vocabulary of area kinds; a kiosk draws an unknown kind (kept as written) as `room`.
enum class AreaKind : std::uint8_t {
    hall, room, foyer, corridor, toilet, stairs, elevator, cafe, shop, outside, obstacle, nonpublic
};
std::string_view area_kind_code(AreaKind kind);
// The kind `code` names; `room` for a code outside the vocabulary.
AreaKind area_kind_from_code(std::string_view code);

struct MapArea {
    std::string id;
    std::string kind;  // as the feed writes it; area_kind_from_code() reads it
    Text name;
    std::vector<std::array<double, 2>> polygon;
};

struct MapFloor {
    int level = 0;
    Text name;
    double width = 0;
    double height = 0;
    std::string image;  // asset id, optional
    std::vector<MapArea> areas;
};

enum class NodeKind : std::uint8_t {
    kiosk, entrance, exit, hall, corridor, stairs, elevator, escalator, toilet,
    accessible_toilet, cafe, tickets, info, cloakroom, first_aid
};
std::string_view node_kind_code(NodeKind kind);
std::optional<NodeKind> node_kind_from_code(std::string_view code);

struct MapNode {
    std::string id;
    int floor = 0;
    double x = 0;
    double y = 0;
    NodeKind kind = NodeKind::corridor;
    Text name;
    std::string hall;  // optional
    // On a kiosk node: the direction a visitor reading that screen faces, degrees clockwise from
    // the plan's up direction, in [0, 360).
    std::optional<double> facing_deg;
};

enum class EdgeKind : std::uint8_t { walk, stairs, ramp, elevator, escalator };
std::string_view edge_kind_code(EdgeKind kind);
std::optional<EdgeKind> edge_kind_from_code(std::string_view code);

struct MapEdge {
    std::string from;
    std::string to;
    double length = 0;  // filled with the straight distance when the feed leaves it out
    EdgeKind kind = EdgeKind::walk;
    bool step_free = true;  // the feed's default: false for stairs and escalator, else true
    bool one_way = false;   // walkable only from `from` to `to`
};

struct VenueMap {
    std::string venue;
    // The compass bearing of the plan's up direction, [0, 360), for a north arrow.
    std::optional<double> north_deg;
    std::vector<MapFloor> floors;
    std::vector<MapNode> nodes;
    std::vector<MapEdge> edges;
};

struct Asset {
    std::string id;
    std::string path;
    std::string sha256;  // 64 lowercase hex digits
    std::uint64_t size = 0;
    std::string type;    // image/png or image/jpeg
};

struct Feed {
    int version = 1;
    std::int64_t sequence = 0;
    Instant generated_at{};
    std::optional<Instant> expires_at;
    Festival festival;
    std::vector<Venue> venues;
    std::vector<Section> sections;
    std::vector<Film> films;
    std::vector<Screening> screenings;
    std::vector<Announcement> announcements;
    std::vector<VenueMap> maps;
    std::vector<Asset> assets;
};

}  // namespace aff
