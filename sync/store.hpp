// The local schedule cache: one SQLite file (WAL, foreign keys on) holding the last applied feed.
// A feed is applied whole in one transaction; readers see the old or the new one, never a mix.
// The read API answers exactly the questions the screens ask. Every "now" is passed in.
#pragma once

#include "sync/feed.hpp"
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

// A screening joined with what a screen shows beside it.
struct ScreeningView {
    std::string id;
    std::string film_id;
    Text title;
    std::string original_title;
    int runtime_min = 0;
    std::string age_rating;
    std::string section_id;
    Text section_name;
    std::string section_color;  // "#RRGGBB" or empty
    std::string venue_id;
    Text venue_name;
    std::string hall_id;
    Text hall_name;
    Instant starts_at{};  // as published
    Instant ends_at{};
    Status status = Status::scheduled;
    int delay_min = 0;
    Text note;
    bool qa = false;
    Date festival_day;

    // Start and end with the delay applied.
    Instant effective_start() const { return starts_at + std::chrono::minutes(delay_min); }
    Instant effective_end() const { return ends_at + std::chrono::minutes(delay_min); }
};

struct HallNowNext {
    std::string hall_id;
    Text hall_name;
    std::optional<ScreeningView> now;   // running at T (not cancelled)
    std::optional<ScreeningView> next;  // the first to start after T (not cancelled)
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
    static constexpr int schema_version = 2;

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
    // How old the held feed is at `now` (now - generated_at); nothing when empty.
    std::optional<std::chrono::seconds> feed_age(Instant now) const;

    std::vector<VenueInfo> venues() const;
    std::optional<VenueInfo> venue(const std::string& venue_id) const;

    // Now and next for each hall of a venue at T, halls in feed order.
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
