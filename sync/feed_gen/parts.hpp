// The generator's parts (sync/feed_gen.cpp puts them together): a portable random source, the
// three languages' words, festival dates and times, the sizes a feed of N screenings needs, and
// the venues (venues.cpp) and the programme (programme.cpp) it is made of.
#pragma once

#include "sync/feed_gen.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace aff::gen_detail {

using nlohmann::json;

inline constexpr int minutes_per_day = 24 * 60;
// Five screenings always fit in a hall's day: one takes at most 130 min of film, 20 of Q&A, 30 of
// delay, 15 of cleaning, 10 of pause and 4 of rounding, so even a hall opening at noon starts its
// fifth by 01:56 and is empty long before the next day's 10:00.
inline constexpr std::size_t max_per_hall_day = 5;
inline constexpr int cleaning_min = 15;
inline constexpr int qa_min = 20;

// std::mt19937_64's sequence is fixed by the standard, but the std distributions are not, so
// values are derived from raw draws here. Callers take every draw in its own statement: the
// order in which function arguments are evaluated is unspecified, and would change the output.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // A value in [0, n), n > 0. The modulo bias is tiny for these n and is the same everywhere.
    std::size_t index(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    int below(int n) { return static_cast<int>(engine_() % static_cast<std::uint64_t>(n)); }
    bool percent(int p) { return below(100) < p; }

private:
    std::mt19937_64 engine_;
};

// The same word in Kazakh, Russian and English.
struct Words {
    std::string_view kk;
    std::string_view ru;
    std::string_view en;
};

json text(std::string kk, std::string ru, std::string en);
json text(const Words& words);
std::string str(std::string_view view);
std::string num(std::size_t value);

struct Sizes {
    std::size_t screenings = 0;
    std::size_t venues = 0;
    std::size_t halls = 0;
    std::size_t films = 0;
    std::size_t days = 0;
    std::size_t per_hall_day = 0;
};

// Days since 1970-01-01 to a civil date and back (proleptic Gregorian; H. Hinnant's algorithm).
struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

constexpr long days_from_civil(CivilDate date) {
    const long y = date.month <= 2 ? date.year - 1 : date.year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (date.month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

inline constexpr long first_day = days_from_civil({2018, 9, 15});

// YYYY-MM-DD of a day counted from 1970-01-01.
std::string date_text(long day);
// RFC 3339 local time: festival day `day` (0-based) plus `minute` after its midnight, which may
// run past 24:00 into the small hours that still belong to that festival day.
std::string stamp(std::size_t day, int minute);
int round_up_5(int minute);

struct HallRef {
    std::string id;
    std::size_t venue = 0;
    std::size_t number = 0;  // 1-based within its venue
};

std::string venue_id(std::size_t venue);
// The id of hall `number` (1-based) of `venue`: "v2-h3".
std::string hall_id(std::size_t venue, std::size_t number);

// venues.cpp: the halls of every venue, then the venues with their maps.
std::vector<HallRef> make_hall_refs(const Sizes& sizes);
json make_venues(const Sizes& sizes, const std::vector<HallRef>& halls, Rng& rng, json& maps);

// programme.cpp: sections, films, screenings and announcements.
json make_sections();
json make_film(std::size_t index, Rng& rng, std::vector<int>& runtimes);
json make_screenings(const Sizes& sizes, const std::vector<HallRef>& halls,
                     const std::vector<std::size_t>& venue_hall_counts,
                     const std::vector<int>& runtimes, Rng& rng);
json make_announcements(const Sizes& sizes);

}  // namespace aff::gen_detail
