// The local schedule cache: one SQLite file (WAL, foreign keys on) holding the last applied feed.
// A feed is applied whole in one transaction; readers see the old or the new one, never a mix.
// The read API answers exactly the questions the screens ask. Every "now" is passed in.
#pragma once

#include "sync/feed.hpp"
#include "sync/schedule_queries.hpp"
#include "sync/time/time.hpp"

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

// The cache, and the answer to every question a screen asks (ScheduleQueries).
class Store final : public ScheduleQueries {
public:
    // Opens or creates the cache and brings its schema to the current version.
    // Throws StoreError with a one-line reason if the file cannot be opened, is not a SQLite
    // database or not a cache, fails SQLite's quick_check, or has a schema newer than
    // schema_version (such a file is left untouched). ":memory:" gives a private in-memory cache.
    static Store open(const std::string& path);
    // A copy of the cache at `path` in memory, for a command that only looks (a screenshot,
    // kiosk-sync --status): the file is opened read-only and nothing is written or created beside
    // it (no -wal, no -shm; see store_snapshot.cpp). An older schema is brought up to date in the
    // copy; apply() and save_sync_state() change the copy alone. Throws StoreError as open() does,
    // moving nothing aside, and when there is no file at `path`.
    static Store open_snapshot(const std::string& path);
    static constexpr int schema_version = 5;

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // Where a feed comes from: published (the sync, a file applied by hand) or the bundled demo
    // the kiosk seeds into an empty cache, which any published feed that verifies replaces.
    enum class Source : std::uint8_t { published, demo };

    // Replaces the whole content with `feed` in one transaction, recording its sequence,
    // generated_at and source, and `applied_at` as the apply time. Throws StoreError and changes
    // nothing on failure.
    void apply(const Feed& feed, Instant applied_at, Source source = Source::published);

    // The questions of ScheduleQueries (sync/schedule_queries.hpp), answered from the cache.
    std::optional<FeedInfo> info() const override;
    std::optional<TimeZone> timezone() const override;
    std::vector<VenueInfo> venues() const override;
    std::optional<VenueInfo> venue(const std::string& venue_id) const override;
    std::vector<HallNowNext> now_and_next(const std::string& venue_id, Instant t) const override;
    std::vector<ScreeningView> day_programme(const std::string& venue_id, Date day,
                                             std::optional<Instant> from) const override;
    using ScheduleQueries::day_programme;
    std::vector<ScreeningView> rest_of_day(const std::string& venue_id, Instant t) const override;
    std::vector<ScreeningView> film_screenings(const std::string& film_id) const override;
    std::optional<Film> film(const std::string& film_id) const override;
    std::vector<Section> sections() const override;
    std::optional<Asset> asset(const std::string& asset_id) const override;
    // Every image the feed lists, in feed order (the sync's missing assets are derived from it).
    std::vector<Asset> assets() const;
    std::vector<Announcement> active_announcements(const std::string& venue_id,
                                                   Instant t) const override;
    std::optional<VenueMap> venue_map(const std::string& venue_id) const override;
    SyncState sync_state() const override;

    void save_sync_state(const SyncState& state);

    sqlite3* handle() const { return db_; }

private:
    explicit Store(sqlite3* db);
    sqlite3* db_ = nullptr;
};

}  // namespace aff
