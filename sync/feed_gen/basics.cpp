#include "sync/feed_gen/parts.hpp"

#include <algorithm>
#include <utility>

namespace aff::gen_detail {
namespace {

CivilDate civil_from_days(long days) {
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long day = doy - (153 * mp + 2) / 5 + 1;
    const long month = mp < 10 ? mp + 3 : mp - 9;
    const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

void append_digits(std::string& out, int value, int width) {
    std::string digits = std::to_string(value);
    out.append(static_cast<std::size_t>(std::max(0, width - static_cast<int>(digits.size()))),
               '0');
    out += digits;
}

}  // namespace

json text(std::string kk, std::string ru, std::string en) {
    json out = json::object();
    out["kk"] = std::move(kk);
    out["ru"] = std::move(ru);
    out["en"] = std::move(en);
    return out;
}

json text(const Words& words) {
    return text(std::string(words.kk), std::string(words.ru), std::string(words.en));
}

std::string str(std::string_view view) { return std::string(view); }

std::string num(std::size_t value) { return std::to_string(value); }

std::string date_text(long day) {
    const CivilDate date = civil_from_days(day);
    std::string out;
    append_digits(out, date.year, 4);
    out += '-';
    append_digits(out, date.month, 2);
    out += '-';
    append_digits(out, date.day, 2);
    return out;
}

std::string stamp(std::size_t day, int minute) {
    const long whole_days = static_cast<long>(day) + minute / minutes_per_day;
    const int in_day = minute % minutes_per_day;
    std::string out = date_text(first_day + whole_days);
    out += 'T';
    append_digits(out, in_day / 60, 2);
    out += ':';
    append_digits(out, in_day % 60, 2);
    out += ":00+06:00";  // Asia/Almaty in 2018
    return out;
}

int round_up_5(int minute) { return (minute + 4) / 5 * 5; }

std::string venue_id(std::size_t venue) { return "v" + num(venue + 1); }

std::string hall_id(std::size_t venue, std::size_t number) {
    return venue_id(venue) + "-h" + num(number);
}

}  // namespace aff::gen_detail
