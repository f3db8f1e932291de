#include "sync/time/time.hpp"

#include <string>

// CppUTest last: its leak detector redefines `new`, which the standard headers must not see.
// TestHarness.h before MemoryLeakWarningPlugin.h, which relies on what it declares.
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

using namespace aff;

TEST_GROUP(Time) {
    TimeZone almaty;

    void setup() override {
        test::preload_time_zones({"Asia/Almaty", "Europe/Berlin", "Mars/Olympus", "UTC"});
        auto zone = TimeZone::load("Asia/Almaty");
        CHECK_TRUE(zone.has_value());
        almaty = *zone;
    }

    static Instant at(const char* text) {
        const auto t = parse_rfc3339(text);
        CHECK_TEXT(t.has_value(), text);
        return t.value_or(Instant{});
    }

    static Date date(const char* text) {
        const auto d = parse_date(text);
        CHECK_TEXT(d.has_value(), text);
        return d.value_or(Date{});
    }

    static std::string day_of(const TimeZone& zone, const char* instant) {
        return format_date(festival_day(zone, at(instant), 300));
    }
};

TEST(Time, AlmatyIsSixHoursAheadOfUtcIn2018) {
    const LocalTime local = almaty.to_local(at("2018-09-15T12:00:00Z"));
    CHECK_EQUAL(21600, local.utc_offset_s);
    CHECK_EQUAL(18, local.hour);
    STRCMP_EQUAL("2018-09-15", format_date(local.date).c_str());
    STRCMP_EQUAL("2018-09-15T18:00:00+06:00",
                 almaty.format_rfc3339(at("2018-09-15T12:00:00Z")).c_str());
}

TEST(Time, AlmatyIsFiveHoursAheadOfUtcIn2024) {
    const LocalTime local = almaty.to_local(at("2024-09-15T12:00:00Z"));
    CHECK_EQUAL(18000, local.utc_offset_s);
    CHECK_EQUAL(17, local.hour);
    STRCMP_EQUAL("2024-09-15T17:00:00+05:00",
                 almaty.format_rfc3339(at("2024-09-15T12:00:00Z")).c_str());
}

TEST(Time, AlmatyMovedFromPlusSixToPlusFiveOnTheFirstOfMarch2024) {
    STRCMP_EQUAL("2024-02-29T23:59:59+06:00",
                 almaty.format_rfc3339(at("2024-02-29T17:59:59Z")).c_str());
    STRCMP_EQUAL("2024-02-29T23:00:00+05:00",
                 almaty.format_rfc3339(at("2024-02-29T18:00:00Z")).c_str());
    STRCMP_EQUAL("2024-03-01T00:00:00+05:00",
                 almaty.format_rfc3339(at("2024-02-29T19:00:00Z")).c_str());
    CHECK_EQUAL(18000, almaty.to_local(at("2024-03-01T00:00:00Z")).utc_offset_s);
    CHECK_EQUAL(21600, almaty.to_local(at("2024-02-29T17:00:00Z")).utc_offset_s);
}

TEST(Time, ARepeatedLocalTimeResolvesToTheEarlierInstant) {
    // 23:30 on 29 February 2024 happened twice in Almaty: at +06:00 and again at +05:00.
    CHECK(at("2024-02-29T17:30:00Z") == almaty.from_local(date("2024-02-29"), 23 * 60 + 30));
    CHECK(at("2024-02-29T19:00:00Z") == almaty.from_local(date("2024-03-01"), 0));
}

TEST(Time, ASkippedLocalTimeResolvesToTheTransition) {
    const auto berlin = TimeZone::load("Europe/Berlin");
    CHECK_TRUE(berlin.has_value());
    // 02:30 on 31 March 2024 never happened in Berlin: the clocks jumped from 02:00 to 03:00.
    CHECK(at("2024-03-31T01:00:00Z") == berlin->from_local(date("2024-03-31"), 2 * 60 + 30));
}

TEST(Time, FromLocalInvertsToLocal) {
    CHECK(at("2018-09-15T12:00:00Z") == almaty.from_local(date("2018-09-15"), 18 * 60));
    CHECK(at("2024-09-15T13:00:00Z") == almaty.from_local(date("2024-09-15"), 18 * 60));
}

TEST(Time, UnknownZonesAreNotLoaded) {
    CHECK_FALSE(TimeZone::load("Mars/Olympus").has_value());
    CHECK_FALSE(TimeZone::load("").has_value());
    CHECK_FALSE(TimeZone::load("../../etc/passwd").has_value());
    CHECK_FALSE(TimeZone::load("/usr/share/zoneinfo/Asia/Almaty").has_value());
    CHECK_FALSE(TimeZone::load("localtime").has_value());
    CHECK_FALSE(TimeZone::load("Fixed/UTC+06:00").has_value());
    CHECK_TRUE(TimeZone::load("UTC").has_value());
}

TEST(Time, LoadedZoneKeepsItsName) {
    STRCMP_EQUAL("Asia/Almaty", almaty.name().c_str());
}

TEST(Time, ADefaultTimeZoneReadsAsUtc) {
    const TimeZone zone;
    STRCMP_EQUAL("2018-09-15T12:00:00+00:00",
                 zone.format_rfc3339(at("2018-09-15T12:00:00Z")).c_str());
}

TEST(Time, AScreeningAfterMidnightBelongsToThePreviousFestivalDayIn2018) {
    STRCMP_EQUAL("2018-09-15", day_of(almaty, "2018-09-16T00:30:00+06:00").c_str());
    STRCMP_EQUAL("2018-09-15", day_of(almaty, "2018-09-16T04:59:59+06:00").c_str());
    STRCMP_EQUAL("2018-09-16", day_of(almaty, "2018-09-16T05:00:00+06:00").c_str());
    STRCMP_EQUAL("2018-09-15", day_of(almaty, "2018-09-15T23:59:00+06:00").c_str());
    // 04:30 in Almaty in 2018, given in UTC.
    STRCMP_EQUAL("2018-09-15", day_of(almaty, "2018-09-15T22:30:00Z").c_str());
}

TEST(Time, AScreeningAfterMidnightBelongsToThePreviousFestivalDayIn2024) {
    STRCMP_EQUAL("2024-09-15", day_of(almaty, "2024-09-16T00:30:00+05:00").c_str());
    STRCMP_EQUAL("2024-09-16", day_of(almaty, "2024-09-16T05:00:00+05:00").c_str());
    // 04:30 local at +05:00; a hard-coded +06:00 would make it 05:30 and the next day.
    STRCMP_EQUAL("2024-09-15", day_of(almaty, "2024-09-15T23:30:00Z").c_str());
    STRCMP_EQUAL("2024-09-16", day_of(almaty, "2024-09-16T00:00:00Z").c_str());
}

TEST(Time, AFestivalDayStartingAtMidnightIsTheLocalDate) {
    CHECK(date("2018-09-16") == festival_day(almaty, at("2018-09-16T00:30:00+06:00"), 0));
}

TEST(Time, FestivalDayStartIsTheLocalDayStartTime) {
    CHECK(at("2018-09-14T23:00:00Z") == festival_day_start(almaty, date("2018-09-15"), 300));
    CHECK(at("2024-09-15T00:00:00Z") == festival_day_start(almaty, date("2024-09-15"), 300));
    CHECK(at("2024-09-14T19:00:00Z") == festival_day_start(almaty, date("2024-09-15"), 0));
}

TEST(Time, TheFestivalDayOverTheClockChangeLastsTwentyFiveHours) {
    const Instant start = festival_day_start(almaty, date("2024-02-29"), 300);
    const Instant end = festival_day_start(almaty, date("2024-03-01"), 300);
    CHECK(at("2024-02-28T23:00:00Z") == start);
    CHECK(at("2024-03-01T00:00:00Z") == end);
    CHECK_EQUAL(25 * 3600, (end - start).count());
}

TEST(Time, Rfc3339WithAnOffsetIsTheSameInstantAsInUtc) {
    CHECK(at("2018-09-15T12:00:00Z") == at("2018-09-15T18:00:00+06:00"));
    CHECK(at("2018-09-15T12:00:00Z") == at("2018-09-15T07:30:00-04:30"));
    CHECK(at("2018-09-15T12:00:00Z") == at("2018-09-15t12:00:00z"));
    CHECK(at("2018-09-15T12:00:00Z") == at("2018-09-15T12:00:00.999999+00:00"));
    CHECK(at("2018-09-15T12:00:00Z") == at("2018-09-15T12:00:00-00:00"));
    CHECK(at("2018-09-15T00:00:00Z") == at("2018-09-14T23:00:00-01:00"));
}

TEST(Time, UtcFormattingRoundTrips) {
    STRCMP_EQUAL("2018-09-15T12:00:00Z",
                 format_rfc3339_utc(at("2018-09-15T18:00:00+06:00")).c_str());
    STRCMP_EQUAL("1970-01-01T00:00:00Z", format_rfc3339_utc(Instant{}).c_str());
    STRCMP_EQUAL("1969-12-31T23:59:59Z",
                 format_rfc3339_utc(Instant{std::chrono::seconds{-1}}).c_str());
    for (const char* text : {"2024-02-29T17:59:59Z", "2000-01-01T00:00:00Z",
                             "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"}) {
        STRCMP_EQUAL(text, format_rfc3339_utc(at(text)).c_str());
    }
}

TEST(Time, LocalFormattingRoundTripsAroundTheClockChange) {
    for (std::int64_t s = -7200; s <= 7200; s += 900) {
        const Instant t = at("2024-02-29T18:00:00Z") + std::chrono::seconds{s};
        const std::string text = almaty.format_rfc3339(t);
        CHECK_TEXT(parse_rfc3339(text) == t, text.c_str());
    }
}

TEST(Time, MalformedTimestampsAreRejected) {
    for (const char* text : {
             "",
             "2018-09-15",
             "2018-09-15T18:00:00",          // no offset
             "2018-09-15 18:00:00Z",         // a space instead of T
             "2018-02-30T00:00:00Z",         // no 30 February
             "2019-02-29T00:00:00Z",         // not a leap year
             "2018-13-01T00:00:00Z",         // month 13
             "2018-00-01T00:00:00Z",         // month 0
             "2018-09-00T00:00:00Z",         // day 0
             "2018-09-15T24:00:00Z",         // hour 24
             "2018-09-15T18:60:00Z",         // minute 60
             "2018-09-15T18:00:60Z",         // leap second
             "2018-09-15T18:00:00+24:00",    // offset hour 24
             "2018-09-15T18:00:00+06:60",    // offset minute 60
             "2018-09-15T18:00:00+06",       // short offset
             "2018-09-15T18:00:00+0600",     // offset without colon
             "2018-09-15T18:00:00.Z",        // empty fraction
             "2018-09-15T18:00Z",            // no seconds
             "2018-9-15T18:00:00Z",          // one-digit month
             "2018-09-15T1a:00:00Z",         // a letter in the hour
             "2018-09-15T18:00:00ZZ",        // trailing junk
             "2018-09-15T18:00:00Z ",        // trailing space
             " 2018-09-15T18:00:00Z",        // leading space
             "+2018-09-15T18:00:00Z",        // signed year
             "2018-09-15T18:00:00,5Z",       // comma fraction
             "2018-09-15T18:00:00UTC",       // zone abbreviation
             "2018-09-15T18:00:00+06:00[Asia/Almaty]",
         }) {
        CHECK_FALSE_TEXT(parse_rfc3339(text).has_value(), text);
    }
}

TEST(Time, DatesAreStrictAndReal) {
    CHECK(date("2024-02-29") == (Date{2024, 2, 29}));
    CHECK_FALSE(parse_date("2023-02-29").has_value());
    CHECK_FALSE(parse_date("2018-9-15").has_value());
    CHECK_FALSE(parse_date("2018-09-15T").has_value());
    CHECK_FALSE(parse_date("2018/09/15").has_value());
    CHECK_FALSE(parse_date("2018-04-31").has_value());
    STRCMP_EQUAL("2018-09-05", format_date(Date{2018, 9, 5}).c_str());
}

TEST(Time, DateArithmeticCrossesMonthsAndYears) {
    CHECK(date("2024-03-01") == add_days(date("2024-02-28"), 2));
    CHECK(date("2018-12-31") == add_days(date("2019-01-01"), -1));
    CHECK_EQUAL(4, days_between(date("2018-09-15"), date("2018-09-19")));
    CHECK_EQUAL(-366, days_between(date("2025-01-01"), date("2024-01-01")));
    CHECK_EQUAL(5, weekday(date("2018-09-15")));  // a Saturday
    CHECK_EQUAL(0, weekday(date("2024-03-04")));  // a Monday
    CHECK_EQUAL(6, weekday(date("2024-03-03")));  // a Sunday
}

TEST(Time, HoursAndMinutesAreStrict) {
    CHECK_EQUAL(300, parse_hh_mm("05:00").value_or(-1));
    CHECK_EQUAL(0, parse_hh_mm("00:00").value_or(-1));
    CHECK_EQUAL(1439, parse_hh_mm("23:59").value_or(-1));
    for (const char* text : {"24:00", "5:00", "05:60", "05-00", "05:00:00", "", "ab:cd"}) {
        CHECK_FALSE_TEXT(parse_hh_mm(text).has_value(), text);
    }
}
