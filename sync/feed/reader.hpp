// The feed read and cross-checked, one reader per kind of object (reader.cpp, read_maps.cpp),
// then the checks that need more than one object (checks.cpp): references, overlaps, festival
// days, maps against their venues.
#pragma once

#include "sync/feed.hpp"
#include "sync/feed/fields.hpp"
#include "sync/feed/report.hpp"
#include "sync/time/time.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aff::feed_detail {

// What a screening said about its own times, for the checks that need the film and the hall.
struct ScreeningTimes {
    bool start_ok = false;
    bool end_given = false;
    bool end_ok = false;
};

// One map's own indices: its nodes by id and its floors by level.
struct MapIndex {
    std::unordered_map<std::string, std::size_t> nodes;
    std::map<int, std::size_t> floors;
    std::vector<bool> edge_length_given;
};

class FeedReader {
public:
    explicit FeedReader(Report& report) : report_(report) {}

    // The whole feed, as far as it could be read; the report says what was wrong.
    Feed read(const json& document);

private:
    // reader.cpp: one reader per kind of object.
    bool read_header(const Fields& top);
    void read_festival(const Fields& top);
    std::optional<Date> read_date(const Fields& fields, std::string_view key);
    void read_venues(const Fields& top);
    std::optional<LatLon> read_location(const Fields& venue);
    Hall read_hall(const Fields& fields);
    void read_sections(const Fields& top);
    void read_films(const Fields& top);
    void read_screenings(const Fields& top);
    void read_announcements(const Fields& top);
    void read_assets(const Fields& top);

    // read_maps.cpp: maps, their floors, areas, nodes and edges.
    void read_maps(const Fields& top);
    MapFloor read_floor(const Fields& fields, MapIndex& index, std::size_t position);
    std::vector<std::array<double, 2>> read_polygon(const Fields& area);
    MapNode read_node(const Fields& fields);

    // checks.cpp: references and the checks that need more than one object.
    void check_ref(const IdIndex& index, const std::string& id, const std::string& path,
                   std::string_view kind);
    void check_films();
    void check_screenings();
    void check_announcements();
    void check_maps();
    void check_nodes(std::size_t m, const std::string& map_path);
    void check_edges(std::size_t m, const std::string& map_path);
    void check_halls();
    void check_overlaps();
    void check_festival_days();

    Report& report_;
    Feed feed_;
    std::optional<TimeZone> zone_;
    std::optional<Date> first_day_;
    std::optional<Date> last_day_;
    IdIndex venue_ids_{"venue"};
    IdIndex hall_ids_{"hall"};  // the index is the hall's venue
    IdIndex section_ids_{"section"};
    IdIndex film_ids_{"film"};
    IdIndex screening_ids_{"screening"};
    IdIndex announcement_ids_{"announcement"};
    IdIndex asset_ids_{"asset"};
    std::vector<ScreeningTimes> screening_times_;
    std::vector<MapIndex> map_indices_;
    std::unordered_map<std::string, std::size_t> map_of_venue_;
};

}  // namespace aff::feed_detail
