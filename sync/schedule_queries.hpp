// The questions the screens ask of the schedule, as one small interface. The Store answers them
// from its SQLite cache; a screen test may answer them from a few values in memory.
#pragma once

#include "sync/feed.hpp"
#include "sync/now_next.hpp"
#include "sync/screening_view.hpp"
#include "sync/time/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aff {

// What the cache knows about the feed it holds.
struct FeedInfo {
    std::int64_t sequence = 0;
    Instant generated_at{};
    std::optional<Instant> expires_at;
    Instant applied_at{};
    std::string festival_id;
    Text festival_name;
    std::string timezone;
    int day_starts_at_min = 300;
    Date first_day;
    Date last_day;
    std::string url;
    bool demo = false;  // the bundled demo the kiosk seeded (Store::Source::demo)
};

struct VenueInfo {
    std::string id;
    Text name;
    Text address;
    std::vector<Hall> halls;
    std::optional<LatLon> location;
};

// What the HTTP sync remembers between attempts (since cache schema 2). It survives apply().
struct SyncState {
    std::optional<Instant> last_attempt;
    std::optional<Instant> last_success;
    std::string last_error;     // one line; the sync clears it after a success
    std::string last_result;    // a short code the sync chooses, e.g. "applied", "unchanged"
    std::string etag;           // for If-None-Match
    std::string last_modified;  // for If-Modified-Since
    int consecutive_failures = 0;
};

class ScheduleQueries {
public:
    virtual ~ScheduleQueries() = default;

    // Nothing if no feed was ever applied.
    virtual std::optional<FeedInfo> info() const = 0;
    bool empty() const { return !info().has_value(); }
    // The festival's zone; nothing when empty.
    virtual std::optional<TimeZone> timezone() const = 0;

    virtual std::vector<VenueInfo> venues() const = 0;
    virtual std::optional<VenueInfo> venue(const std::string& venue_id) const = 0;

    // Now, next and away (hall_now_next) for each hall of a venue at T, halls in feed order.
    virtual std::vector<HallNowNext> now_and_next(const std::string& venue_id,
                                                  Instant t) const = 0;
    // The screenings of festival day `day` at a venue (every venue when venue_id is empty): those
    // held there and those moved away from there, by start time; with `from`, only those not yet
    // ended at that instant.
    virtual std::vector<ScreeningView> day_programme(const std::string& venue_id, Date day,
                                                     std::optional<Instant> from) const = 0;
    std::vector<ScreeningView> day_programme(const std::string& venue_id, Date day) const {
        return day_programme(venue_id, day, std::nullopt);
    }
    // The rest of the festival day that T falls in.
    virtual std::vector<ScreeningView> rest_of_day(const std::string& venue_id,
                                                   Instant t) const = 0;
    // Every screening of a film, at every venue, by start time.
    virtual std::vector<ScreeningView> film_screenings(const std::string& film_id) const = 0;
    virtual std::optional<Film> film(const std::string& film_id) const = 0;
    virtual std::vector<Section> sections() const = 0;
    // An image the feed lists (a poster, a floor plan), by its id.
    virtual std::optional<Asset> asset(const std::string& asset_id) const = 0;
    // Announcements active at T (from <= T < until) for a venue, those for every venue included,
    // most severe first, then in feed order. An empty venue_id gives every active announcement.
    virtual std::vector<Announcement> active_announcements(const std::string& venue_id,
                                                           Instant t) const = 0;
    // The wayfinding map of a venue, if the feed has one.
    virtual std::optional<VenueMap> venue_map(const std::string& venue_id) const = 0;
    // What the sync remembers of its last attempts.
    virtual SyncState sync_state() const = 0;
};

}  // namespace aff
