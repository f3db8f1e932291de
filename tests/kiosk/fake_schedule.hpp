// A schedule held in memory, for screen tests where SQLite and the demo feed add nothing: one
// festival (15-19 September 2018, Asia/Almaty, days from 05:00), one venue "v" with halls "h1"
// and "h2", and the screenings a test adds in a line each. Now and next come from the same rule
// as the Store's (sync/now_next.hpp).
#pragma once

#include "sync/schedule_queries.hpp"
#include "sync/time/time.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace aff::test {

class FakeSchedule final : public ScheduleQueries {
public:
    FakeSchedule() {
        feed.sequence = 1;
        feed.festival_id = "fest";
        feed.festival_name = same("Festival");
        feed.timezone = "Asia/Almaty";
        feed.first_day = Date{2018, 9, 15};
        feed.last_day = Date{2018, 9, 19};
        feed.generated_at = instant("2018-09-14T12:00:00+06:00");
        feed.applied_at = feed.generated_at;
        place.id = "v";
        place.name = same("Venue");
        place.halls = {Hall{"h1", same("Hall One"), {}, {}}, Hall{"h2", same("Hall Two"), {}, {}}};
    }

    // A screening of a film titled `title` in `hall` from `start` (RFC 3339) for `minutes`.
    ScreeningView& add(const std::string& title, const std::string& hall, const char* start,
                       int minutes = 90, Status status = Status::scheduled) {
        ScreeningView& s = screenings.emplace_back();
        s.id = "s" + std::to_string(screenings.size());
        s.film_id = title;
        s.title = same(title);
        s.runtime_min = minutes;
        s.venue_id = place.id;
        s.venue_name = place.name;
        s.hall_id = hall;
        s.hall_name = hall_name(hall);
        s.starts_at = instant(start);
        s.ends_at = s.starts_at + std::chrono::minutes(minutes);
        s.status = status;
        s.festival_day = festival_day(*zone(), s.starts_at, feed.day_starts_at_min);
        return s;
    }

    static Instant instant(const char* rfc3339) {
        const auto t = parse_rfc3339(rfc3339);
        if (!t) {
            throw std::runtime_error(std::string("not an RFC 3339 time: ") + rfc3339);
        }
        return *t;
    }

    FeedInfo feed;
    VenueInfo place;
    std::vector<ScreeningView> screenings;
    std::vector<Announcement> announcements;

    std::optional<FeedInfo> info() const override { return feed; }
    std::optional<TimeZone> timezone() const override { return zone(); }
    std::vector<VenueInfo> venues() const override { return {place}; }
    std::optional<VenueInfo> venue(const std::string& id) const override {
        return id == place.id ? std::optional(place) : std::nullopt;
    }
    std::vector<HallNowNext> now_and_next(const std::string& venue_id, Instant t) const override {
        std::vector<HallNowNext> halls;
        if (venue_id == place.id) {
            for (const Hall& h : place.halls) {
                halls.push_back(hall_now_next(h.id, h.name, screenings, t));
            }
        }
        return halls;
    }
    std::vector<ScreeningView> day_programme(const std::string& venue_id, Date day,
                                             std::optional<Instant> from) const override {
        std::vector<ScreeningView> list;
        for (const auto& s : screenings) {
            if (s.festival_day == day && (venue_id.empty() || venue_id == s.venue_id) &&
                (!from || s.effective_end() > *from)) {
                list.push_back(s);
            }
        }
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.starts_at < b.starts_at;
        });
        return list;
    }
    using ScheduleQueries::day_programme;
    std::vector<ScreeningView> rest_of_day(const std::string& venue_id, Instant t) const override {
        return day_programme(venue_id, festival_day(*zone(), t, feed.day_starts_at_min), t);
    }
    std::vector<ScreeningView> film_screenings(const std::string& film_id) const override {
        std::vector<ScreeningView> list;
        std::copy_if(screenings.begin(), screenings.end(), std::back_inserter(list),
                     [&](const auto& s) { return s.film_id == film_id; });
        return list;
    }
    std::optional<Film> film(const std::string&) const override { return std::nullopt; }
    std::vector<Section> sections() const override { return {}; }
    std::optional<Asset> asset(const std::string&) const override { return std::nullopt; }
    std::vector<Announcement> active_announcements(const std::string&,
                                                   Instant t) const override {
        std::vector<Announcement> list;
        std::copy_if(announcements.begin(), announcements.end(), std::back_inserter(list),
                     [&](const auto& a) {
                         return (!a.from || *a.from <= t) && (!a.until || t < *a.until);
                     });
        return list;
    }
    std::optional<VenueMap> venue_map(const std::string&) const override { return std::nullopt; }
    SyncState sync_state() const override { return {}; }

private:
    static Text same(const std::string& word) { return Text{{word, word, word}}; }
    static std::optional<TimeZone> zone() { return TimeZone::load("Asia/Almaty"); }
    Text hall_name(const std::string& hall_id) const {
        for (const Hall& h : place.halls) {
            if (h.id == hall_id) {
                return h.name;
            }
        }
        return same(hall_id);
    }
};

}  // namespace aff::test
