#include "sync/time/time.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace aff {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The value of `count` ASCII digits at `text[pos]`, or -1 if any of them is not a digit.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) {
        return -1;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

std::chrono::year_month_day to_ymd(Date date) {
    return std::chrono::year_month_day{std::chrono::year{date.year},
                                       std::chrono::month{static_cast<unsigned>(date.month)},
                                       std::chrono::day{static_cast<unsigned>(date.day)}};
}

Date from_ymd(std::chrono::year_month_day ymd) {
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

sys_days to_sys_days(Date date) { return sys_days{to_ymd(date)}; }

// "HH:MM:SS" at text[pos], each field in its range (no leap second: sys_seconds has none).
std::optional<int> read_time_of_day(std::string_view text, std::size_t pos) {
    if (pos + 8 > text.size() || text[pos + 2] != ':' || text[pos + 5] != ':') {
        return std::nullopt;
    }
    const int hour = read_digits(text, pos, 2);
    const int minute = read_digits(text, pos + 3, 2);
    const int second = read_digits(text, pos + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return std::nullopt;
    }
    return hour * 3600 + minute * 60 + second;
}

// "Z", "z" or "+HH:MM"/"-HH:MM" making up the whole of `text`, as seconds east of UTC.
std::optional<int> read_offset(std::string_view text) {
    if (text == "Z" || text == "z") {
        return 0;
    }
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    const int hours = read_digits(text, 1, 2);
    const int minutes = read_digits(text, 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
        return std::nullopt;
    }
    const int offset = hours * 3600 + minutes * 60;
    return text[0] == '-' ? -offset : offset;
}

std::string two_digits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

std::string format_clock(int hour, int minute, int second) {
    return two_digits(hour) + ":" + two_digits(minute) + ":" + two_digits(second);
}

// A tz name as IANA spells them ("Asia/Almaty", "Etc/GMT+5", "America/Port-au-Prince"). This keeps
// the lookup inside the tz database: no paths, no "localtime", no fixed offsets.
bool looks_like_iana_name(const std::string& name) {
    if (name.empty() || name.size() > 128 || name == "localtime" || name.front() == '/' ||
        name.back() == '/' || name.find("//") != std::string::npos) {
        return false;
    }
    for (const char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' || c == '+';
        if (!ok) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const int year = read_digits(text, 0, 4);
    const int month = read_digits(text, 5, 2);
    const int day = read_digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    const Date date{year, month, day};
    if (!to_ymd(date).ok()) {
        return std::nullopt;
    }
    return date;
}

std::string format_date(Date date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

Date add_days(Date date, int count) {
    return from_ymd(std::chrono::year_month_day{to_sys_days(date) + days{count}});
}

int days_between(Date from, Date to) {
    return static_cast<int>((to_sys_days(to) - to_sys_days(from)).count());
}

int weekday(Date date) {
    return static_cast<int>(std::chrono::weekday{to_sys_days(date)}.iso_encoding()) - 1;
}

std::optional<Instant> parse_rfc3339(std::string_view text) {
    if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) {
        return std::nullopt;
    }
    const auto date = parse_date(text.substr(0, 10));
    const auto time_of_day = read_time_of_day(text, 11);
    if (!date || !time_of_day) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (text[pos] == '.') {
        const std::size_t digits_start = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
        if (pos == digits_start) {
            return std::nullopt;
        }
    }
    const auto offset = read_offset(text.substr(pos));
    if (!offset) {
        return std::nullopt;
    }
    return Instant{to_sys_days(*date)} + std::chrono::seconds{*time_of_day - *offset};
}

std::string format_rfc3339_utc(Instant t) {
    const auto day = std::chrono::floor<days>(t);
    const std::chrono::hh_mm_ss clock{t - day};
    return format_date(from_ymd(std::chrono::year_month_day{day})) + "T" +
           format_clock(static_cast<int>(clock.hours().count()),
                        static_cast<int>(clock.minutes().count()),
                        static_cast<int>(clock.seconds().count())) +
           "Z";
}

std::optional<int> parse_hh_mm(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    const int hour = read_digits(text, 0, 2);
    const int minute = read_digits(text, 3, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        return std::nullopt;
    }
    return hour * 60 + minute;
}

// Howard Hinnant's date library (the model for C++20's <chrono> time zones) reading the system's
// tzdata in /usr/share/zoneinfo, so a change of a zone's rules arrives with a tzdata update.
struct TimeZone::Impl {
    const date::time_zone* zone = nullptr;  // owned by the process-wide tz database
};

std::optional<TimeZone> TimeZone::load(const std::string& iana_name) {
    if (!looks_like_iana_name(iana_name)) {
        return std::nullopt;
    }
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(iana_name);
        // The library reads a zone's file on its first use; do it now, once, so that later
        // conversions never touch the disk or allocate.
        (void)zone->get_info(std::chrono::sys_seconds{});
    } catch (const std::exception&) {
        return std::nullopt;  // not in the tz database, or no tz database at all
    }
    TimeZone result;
    result.impl_ = std::make_shared<const Impl>(Impl{zone});
    result.name_ = iana_name;
    return result;
}

LocalTime TimeZone::to_local(Instant t) const {
    // A default-constructed TimeZone reads as UTC rather than crashing.
    const std::chrono::seconds offset =
        impl_ ? impl_->zone->get_info(t).offset : std::chrono::seconds{0};
    const std::chrono::sys_seconds wall{t.time_since_epoch() + offset};
    const auto day = std::chrono::floor<days>(wall);
    const std::chrono::hh_mm_ss clock{wall - day};
    LocalTime local;
    local.date = from_ymd(std::chrono::year_month_day{day});
    local.hour = static_cast<int>(clock.hours().count());
    local.minute = static_cast<int>(clock.minutes().count());
    local.second = static_cast<int>(clock.seconds().count());
    local.utc_offset_s = static_cast<int>(offset.count());
    return local;
}

Instant TimeZone::from_local(Date date, int minutes_of_day) const {
    // Minutes past 59 roll into hours and days, as a wall clock would.
    const auto wall = to_sys_days(date) + std::chrono::minutes{minutes_of_day};
    if (!impl_) {
        return std::chrono::time_point_cast<std::chrono::seconds>(wall);
    }
    const date::local_seconds local{wall.time_since_epoch()};
    const date::local_info info = impl_->zone->get_info(local);
    if (info.result == date::local_info::nonexistent) {
        return info.first.end;  // a skipped wall time: the instant the clocks jumped
    }
    // Unique, or repeated (clocks went back): the earlier reading.
    return Instant{local.time_since_epoch() - info.first.offset};
}

std::string TimeZone::format_rfc3339(Instant t) const {
    const LocalTime local = to_local(t);
    // RFC 3339 offsets have no seconds; old local mean times (e.g. +05:07:48) do. Say it in UTC.
    if (local.utc_offset_s % 60 != 0) {
        return format_rfc3339_utc(t);
    }
    const int offset_min = std::abs(local.utc_offset_s) / 60;
    return format_date(local.date) + "T" + format_clock(local.hour, local.minute, local.second) +
           (local.utc_offset_s < 0 ? "-" : "+") + two_digits(offset_min / 60) + ":" +
           two_digits(offset_min % 60);
}

Date festival_day(const TimeZone& zone, Instant t, int day_starts_at_min) {
    const LocalTime local = zone.to_local(t);
    return local.minutes_of_day() < day_starts_at_min ? add_days(local.date, -1) : local.date;
}

Instant festival_day_start(const TimeZone& zone, Date day, int day_starts_at_min) {
    return zone.from_local(day, day_starts_at_min);
}

}  // namespace aff
