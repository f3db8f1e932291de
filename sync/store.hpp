// The local schedule cache: one SQLite file (WAL, foreign keys on) holding the last applied feed.
// A feed is applied whole in one transaction; readers see the old or the new one, never a mix.
// The read API answers exactly the questions the screens ask. Every "now" is passed in.
#pragma once

#include "sync/feed.hpp"
#include "sync/now_next.hpp"
#include "sync/screening_view.hpp"
#include "sync/time.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace aff {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

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
};

struct VenueInfo {
    std::string id;
    Text name;
    Text address;
    std::vector<Hall> halls;
    std::optional<LatLon> location;
};

// What the HTTP sync remembers between attempts (schema version 2). It survives apply().
struct SyncState {
    std::optional<Instant> last_attempt;
    std::optional<Instant> last_success;
    std::string last_error;     // one line; the sync clears it after a success
    std::string last_result;    // a short code the sync chooses, e.g. "applied", "unchanged"
    std::string etag;           // for If-None-Match
    std::string last_modified;  // for If-Modified-Since
    int consecutive_failures = 0;
};

class Store {
public:
    // Opens or creates the cache and brings its schema to the current version.
    // Throws StoreError with a one-line reason if the file cannot be opened, is not a SQLite
    // database or not a cache, fails SQLite's quick_check, or has a schema newer than
    // schema_version (such a file is left untouched). ":memory:" gives a private in-memory cache.
    static Store open(const std::string& path);
    static constexpr int schema_version = 3;

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // Replaces the whole content with `feed` in one transaction, recording its sequence and
    // generated_at, and `applied_at` as the apply time. Throws StoreError and changes nothing on
    // failure.
    void apply(const Feed& feed, Instant applied_at);

    // Nothing if no feed was ever applied.
    std::optional<FeedInfo> info() const;
    bool empty() const { return !info().has_value(); }
    std::optional<TimeZone> timezone() const;

    std::vector<VenueInfo> venues() const;
    std::optional<VenueInfo> venue(const std::string& venue_id) const;

    // Now, next and away (hall_now_next) for each hall of a venue at T, halls in feed order.
    std::vector<HallNowNext> now_and_next(const std::string& venue_id, Instant t) const;
    // The screenings of festival day `day` at a venue (every venue when venue_id is empty), by
    // start time; with `from`, only those not yet ended at that instant.
    std::vector<ScreeningView> day_programme(const std::string& venue_id, Date day,
                                             std::optional<Instant> from = std::nullopt) const;
    // The rest of the festival day that T falls in.
    std::vector<ScreeningView> rest_of_day(const std::string& venue_id, Instant t) const;
    // Every screening of a film, at every venue, by start time.
    std::vector<ScreeningView> film_screenings(const std::string& film_id) const;
    std::optional<Film> film(const std::string& film_id) const;
    std::vector<Section> sections() const;
    // An image the feed lists (a poster, a floor plan), by its id.
    std::optional<Asset> asset(const std::string& asset_id) const;
    // Announcements active at T (from <= T < until) for a venue, those for every venue included,
    // most severe first, then in feed order. An empty venue_id gives every active announcement.
    std::vector<Announcement> active_announcements(const std::string& venue_id, Instant t) const;
    // The wayfinding map of a venue, if the feed has one.
    std::optional<VenueMap> venue_map(const std::string& venue_id) const;

    SyncState sync_state() const;
    void save_sync_state(const SyncState& state);

    sqlite3* handle() const { return db_; }

private:
    explicit Store(sqlite3* db);
    sqlite3* db_ = nullptr;
};

}  // namespace aff
