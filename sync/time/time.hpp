// Dates, RFC 3339 text, and the festival's local time through the tz database (date::date-tz).
// Nothing here reads the wall clock: every "now" is passed in. Part of aff_time, which includes
// nothing from the rest of sync/.
#pragma once

#include "sync/time/instant.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace aff {

// A calendar date, as in the feed's "YYYY-MM-DD".
struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    auto operator<=>(const Date&) const = default;
};
std::optional<Date> parse_date(std::string_view text);  // strict YYYY-MM-DD, a real date
std::string format_date(Date date);                      // YYYY-MM-DD
Date add_days(Date date, int days);
int days_between(Date from, Date to);  // to - from, in days
int weekday(Date date);                // 0 = Monday .. 6 = Sunday

// Strict RFC 3339 date-time: "2018-09-15T18:00:00+06:00", "...Z", optional fraction of a second
// (dropped). An offset is required. Returns nothing on any deviation.
std::optional<Instant> parse_rfc3339(std::string_view text);
std::string format_rfc3339_utc(Instant t);  // "2018-09-15T12:00:00Z"

// "HH:MM" to minutes after midnight.
std::optional<int> parse_hh_mm(std::string_view text);

// A wall-clock reading in some zone.
struct LocalTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int utc_offset_s = 0;
    int minutes_of_day() const { return hour * 60 + minute; }
};

// An IANA time zone read from the system tz database (tzdata). Cheap to copy.
class TimeZone {
public:
    // Nothing if the name is not in the tz database.
    static std::optional<TimeZone> load(const std::string& iana_name);

    const std::string& name() const { return name_; }
    LocalTime to_local(Instant t) const;
    // The instant of a local wall-clock time; in a gap or overlap, the earlier valid instant.
    Instant from_local(Date date, int minutes_of_day) const;
    // "2018-09-15T18:00:00+06:00"
    std::string format_rfc3339(Instant t) const;

private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
    std::string name_;
};

// The festival day an instant belongs to: its local date, or the day before when its local time
// is earlier than day_starts_at (a 00:30 screening belongs to the evening before).
Date festival_day(const TimeZone& zone, Instant t, int day_starts_at_min);
// The instant festival day `day` starts, and the instant it ends (the next day's start).
Instant festival_day_start(const TimeZone& zone, Date day, int day_starts_at_min);

}  // namespace aff
