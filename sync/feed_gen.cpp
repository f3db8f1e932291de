#include "sync/feed_gen.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aff {
namespace {

using nlohmann::json;

constexpr int minutes_per_day = 24 * 60;
// Five screenings always fit in a hall's day: one takes at most 130 min of film, 20 of Q&A, 30 of
// delay, 15 of cleaning, 10 of pause and 4 of rounding, so even a hall opening at noon starts its
// fifth by 01:56 and is empty long before the next day's 10:00.
constexpr std::size_t max_per_hall_day = 5;
constexpr int cleaning_min = 15;
constexpr int qa_min = 20;

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

// Title nouns: capitalised (first word) and lower case (second word; English keeps title case).
constexpr std::array<Words, 16> nouns_first{{
    {"Дала", "Степь", "Steppe"}, {"Өзен", "Река", "River"}, {"Тау", "Гора", "Mountain"},
    {"Жол", "Дорога", "Road"}, {"Түн", "Ночь", "Night"}, {"Көктем", "Весна", "Spring"},
    {"Қала", "Город", "City"}, {"Үй", "Дом", "House"}, {"Әуен", "Мелодия", "Melody"},
    {"Жел", "Ветер", "Wind"}, {"Теңіз", "Море", "Sea"}, {"Бақ", "Сад", "Garden"},
    {"Құдық", "Колодец", "Well"}, {"Аспан", "Небо", "Sky"}, {"Күз", "Осень", "Autumn"},
    {"Жұлдыз", "Звезда", "Star"},
}};
constexpr std::array<Words, 16> nouns_second{{
    {"дала", "степь", "Steppe"}, {"өзен", "река", "River"}, {"тау", "гора", "Mountain"},
    {"жол", "дорога", "Road"}, {"түн", "ночь", "Night"}, {"көктем", "весна", "Spring"},
    {"қала", "город", "City"}, {"үй", "дом", "House"}, {"әуен", "мелодия", "Melody"},
    {"жел", "ветер", "Wind"}, {"теңіз", "море", "Sea"}, {"бақ", "сад", "Garden"},
    {"құдық", "колодец", "Well"}, {"аспан", "небо", "Sky"}, {"күз", "осень", "Autumn"},
    {"жұлдыз", "звезда", "Star"},
}};

constexpr std::array<Words, 8> first_names{{
    {"Айгерім", "Айгерим", "Aigerim"}, {"Ерлан", "Ерлан", "Yerlan"},
    {"Әсел", "Асель", "Assel"}, {"Нұрлан", "Нурлан", "Nurlan"},
    {"Гүлнар", "Гульнар", "Gulnar"}, {"Дәурен", "Даурен", "Dauren"},
    {"Жанар", "Жанар", "Zhanar"}, {"Қайрат", "Кайрат", "Kairat"},
}};
constexpr std::array<Words, 6> family_names{{
    {"Сейітқали", "Сейткали", "Seitkali"}, {"Жұмабек", "Жумабек", "Zhumabek"},
    {"Әбілқасым", "Абилкасым", "Abilkassym"}, {"Нұрлыбек", "Нурлыбек", "Nurlybek"},
    {"Төлеген", "Тулеген", "Tulegen"}, {"Құрманғали", "Курмангали", "Kurmangali"},
}};

// Where a story takes place: Kazakh locative, Russian prepositional with "в", English.
constexpr std::array<Words, 6> places{{
    {"Алматыда", "в Алматы", "in Almaty"}, {"Шымкентте", "в Шымкенте", "in Shymkent"},
    {"Ақтауда", "в Актау", "in Aktau"}, {"Өскеменде", "в Усть-Каменогорске", "in Oskemen"},
    {"Түркістанда", "в Туркестане", "in Turkistan"}, {"Қарағандыда", "в Караганде", "in Karaganda"},
}};

constexpr std::array<Words, 4> streets{{
    {"Абай даңғылы", "проспект Абая", "Abai Avenue"},
    {"Достық даңғылы", "проспект Достык", "Dostyk Avenue"},
    {"Желтоқсан көшесі", "улица Желтоксан", "Zheltoksan Street"},
    {"Төле би көшесі", "улица Толе би", "Tole Bi Street"},
}};

constexpr std::array<std::string_view, 6> original_titles{
    "Le Vent et la Rivière", "Gece ve Rüzgâr", "바다와 별", "Der Garten im Herbst",
    "La Strada di Notte", "Nehir Kenarında",
};
constexpr std::array<std::string_view, 12> country_codes{
    "KZ", "KG", "UZ", "FR", "KR", "TR", "DE", "IT", "GE", "JP", "IR", "NO",
};
constexpr std::array<std::string_view, 7> spoken_codes{"kk", "ru", "en", "fr", "ko", "tr", "de"};
constexpr std::array<std::string_view, 3> subtitle_codes{"kk", "ru", "en"};
constexpr std::array<std::string_view, 5> age_ratings{"0+", "6+", "12+", "16+", "18+"};

struct SectionDef {
    std::string_view id;
    Words name;
    std::string_view color;
};

constexpr std::array<SectionDef, 6> sections{{
    {"competition", {"Халықаралық байқау", "Международный конкурс", "International Competition"},
     "#9B2335"},
    {"kazakh-panorama", {"Қазақ панорамасы", "Казахская панорама", "Kazakh Panorama"}, "#1D6A8A"},
    {"documentary", {"Деректі фильмдер", "Документальное кино", "Documentaries"}, "#5A4A8C"},
    {"shorts", {"Қысқа метражды фильмдер", "Короткометражные фильмы", "Short Films"}, "#2F7D4E"},
    {"retrospective", {"Ретроспектива", "Ретроспектива", "Retrospective"}, "#7A5230"},
    {"family", {"Отбасылық көрсетілімдер", "Семейные показы", "Family Screenings"}, "#A84B16"},
}};

struct Sizes {
    std::size_t screenings = 0;
    std::size_t venues = 0;
    std::size_t halls = 0;
    std::size_t films = 0;
    std::size_t days = 0;
    std::size_t per_hall_day = 0;
};

Sizes derive_sizes(const GenOptions& options) {
    Sizes sizes;
    sizes.screenings = options.screenings;
    sizes.halls = std::max<std::size_t>(10, (options.screenings + 199) / 200);
    sizes.venues = options.venues != 0 ? options.venues : std::max<std::size_t>(3, sizes.halls / 5);
    // Two halls per venue at least, so that a screening can always move to another hall.
    sizes.halls = std::max(sizes.halls, 2 * sizes.venues);
    sizes.films = std::max<std::size_t>(40, options.screenings / 20);
    const std::size_t per_day = sizes.halls * max_per_hall_day;
    sizes.days = std::max<std::size_t>(1, (options.screenings + per_day - 1) / per_day);
    const std::size_t slots = sizes.halls * sizes.days;
    sizes.per_hall_day = (options.screenings + slots - 1) / slots;
    return sizes;
}

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

constexpr long first_day = days_from_civil({2018, 9, 15});

void append_digits(std::string& out, int value, int width) {
    std::string digits = std::to_string(value);
    out.append(static_cast<std::size_t>(std::max(0, width - static_cast<int>(digits.size()))),
               '0');
    out += digits;
}

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

// RFC 3339 local time: festival day `day` (0-based) plus `minute` after its midnight, which may
// run past 24:00 into the small hours that still belong to that festival day.
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

struct HallRef {
    std::string id;
    std::size_t venue = 0;
    std::size_t number = 0;  // 1-based within its venue
};

std::string venue_id(std::size_t venue) { return "v" + num(venue + 1); }

std::vector<HallRef> make_hall_refs(const Sizes& sizes) {
    std::vector<HallRef> halls;
    halls.reserve(sizes.halls);
    for (std::size_t venue = 0; venue < sizes.venues; ++venue) {
        const std::size_t begin = venue * sizes.halls / sizes.venues;
        const std::size_t end = (venue + 1) * sizes.halls / sizes.venues;
        for (std::size_t h = begin; h < end; ++h) {
            const std::size_t number = h - begin + 1;
            halls.push_back({venue_id(venue) + "-h" + num(number), venue, number});
        }
    }
    return halls;
}

json hall_name(std::size_t number) {
    return text(num(number) + "-зал", "Зал " + num(number), "Hall " + num(number));
}

// Each venue's map: halls alternate between two floors along a corridor, and the lobby with
// every kind of service point is on level 1.
struct MapBuilder {
    std::string prefix;
    json nodes = json::array();
    json edges = json::array();

    std::string add_node(std::string_view name, int floor, double x, double y,
                         std::string_view kind, json title = nullptr) {
        std::string id = prefix + "-" + str(name);
        json node = {{"id", id}, {"floor", floor}, {"x", x}, {"y", y}, {"kind", str(kind)}};
        if (!title.is_null()) {
            node["name"] = std::move(title);
        }
        nodes.push_back(std::move(node));
        return id;
    }

    void link(const std::string& from, const std::string& to) {
        edges.push_back({{"from", from}, {"to", to}});
    }

    // Every edge that touches stairs or an escalator is marked, not only the flight itself.
    void link_steps(const std::string& from, const std::string& to) {
        edges.push_back({{"from", from}, {"to", to}, {"step_free", false}});
    }

    void link_floors(const std::string& from, const std::string& to, double length,
                     bool step_free) {
        edges.push_back({{"from", from}, {"to", to}, {"length", length}, {"step_free", step_free}});
    }
};

json rect(double x0, double y0, double x1, double y1) {
    return json::array({json::array({x0, y0}), json::array({x1, y0}), json::array({x1, y1}),
                        json::array({x0, y1})});
}

// The lobby of level 1, with one service point of every kind.
json add_lobby(MapBuilder& map, const std::string& spine_start, double width) {
    const std::string lobby = map.add_node("lobby", 1, 16, 30, "corridor");
    map.link(spine_start, lobby);
    const auto service = [&](std::string_view name, double x, double y, std::string_view kind,
                             json title) {
        map.link(lobby, map.add_node(name, 1, x, y, kind, std::move(title)));
    };
    service("kiosk", 16, 33, "kiosk",
            text("Ақпараттық киоск", "Информационный киоск", "Information kiosk"));
    service("entrance", 16, 39.5, "entrance",
            text("Негізгі кіреберіс", "Главный вход", "Main entrance"));
    service("exit", width - 1, 30, "exit", text("Шығу", "Выход", "Exit"));
    service("info", 22, 30, "info", text("Анықтама бюросы", "Справочное бюро", "Information desk"));
    service("tickets", 22, 36, "tickets", text("Билет кассасы", "Кассы", "Box office"));
    service("cloakroom", 28, 36, "cloakroom", text("Киім ілетін орын", "Гардероб", "Cloakroom"));
    service("cafe", 10, 36, "cafe", text("Кафе", "Кафе", "Café"));
    service("first-aid", 4, 36, "first_aid", text("Медициналық пункт", "Медпункт", "First aid"));
    service("accessible-toilet", width - 4, 26, "accessible_toilet",
            text("Мүмкіндігі шектеулі жандарға арналған дәретхана",
                 "Туалет для маломобильных посетителей", "Accessible toilet"));
    return {{"id", map.prefix + "-lobby"},
            {"kind", "lobby"},
            {"name", text("Фойе", "Фойе", "Lobby")},
            {"polygon", rect(2, 28, width - 2, 39)}};
}

// The ways between the floors, one node of each per floor.
struct FloorLinks {
    std::string stairs;
    std::string elevator;
    std::string escalator;
};

// One floor: the way up and down, a corridor past every other hall (odd hall numbers on level
// 1, even ones on level 2), toilets at its end, and on level 1 the lobby.
json make_floor(MapBuilder& map, int floor, std::size_t hall_count, double width,
                FloorLinks& links) {
    const std::string tag = "l" + std::to_string(floor);
    json areas = json::array();
    const std::string spine_start = map.add_node(tag + "-c0", floor, 10, 22, "corridor");
    links.stairs = map.add_node(tag + "-stairs", floor, 4, 24, "stairs",
                                text("Баспалдақ", "Лестница", "Stairs"));
    links.elevator =
        map.add_node(tag + "-elevator", floor, 4, 28, "elevator", text("Лифт", "Лифт", "Lift"));
    links.escalator = map.add_node(tag + "-escalator", floor, 8, 26, "escalator",
                                   text("Эскалатор", "Эскалатор", "Escalator"));
    map.link_steps(links.stairs, spine_start);
    map.link(links.elevator, spine_start);
    map.link_steps(links.escalator, spine_start);
    std::string previous = spine_start;
    for (auto number = static_cast<std::size_t>(floor); number <= hall_count; number += 2) {
        const double x = 17.0 + 14.0 * static_cast<double>((number - 1) / 2);
        const std::string corridor =
            map.add_node(tag + "-c" + num(number), floor, x, 22, "corridor");
        const std::string door =
            map.add_node("h" + num(number) + "-door", floor, x, 19, "hall", hall_name(number));
        map.nodes.back()["hall"] = map.prefix + "-h" + num(number);
        map.link(previous, corridor);
        map.link(corridor, door);
        previous = corridor;
        areas.push_back({{"id", map.prefix + "-h" + num(number) + "-area"},
                         {"kind", "hall"},
                         {"name", hall_name(number)},
                         {"polygon", rect(x - 6, 2, x + 6, 18)}});
    }
    map.link(previous, map.add_node(tag + "-toilet", floor, width - 6, 26, "toilet",
                                    text("Дәретхана", "Туалет", "Toilets")));
    if (floor == 1) {
        areas.push_back(add_lobby(map, spine_start, width));
    }
    const std::string level = std::to_string(floor);
    return {{"level", floor},
            {"name", text(level + "-қабат", level + "-й этаж", "Level " + level)},
            {"width", width},
            {"height", 40.0},
            {"areas", std::move(areas)}};
}

json make_map(std::size_t venue, std::size_t hall_count) {
    const std::size_t positions = (hall_count + 1) / 2;
    const double width = 20.0 + 14.0 * static_cast<double>(positions);
    MapBuilder map{venue_id(venue)};
    FloorLinks lower;
    FloorLinks upper;
    json floors = json::array();
    floors.push_back(make_floor(map, 1, hall_count, width, lower));
    floors.push_back(make_floor(map, 2, hall_count, width, upper));
    map.link_floors(lower.stairs, upper.stairs, 12, false);
    map.link_floors(lower.escalator, upper.escalator, 14, false);
    map.link_floors(lower.elevator, upper.elevator, 6, true);
    return {{"venue", venue_id(venue)},
            {"floors", std::move(floors)},
            {"nodes", std::move(map.nodes)},
            {"edges", std::move(map.edges)}};
}

json make_venues(const Sizes& sizes, const std::vector<HallRef>& halls, Rng& rng, json& maps) {
    json venues = json::array();
    std::size_t next_hall = 0;
    for (std::size_t venue = 0; venue < sizes.venues; ++venue) {
        const Words& street = streets[venue % streets.size()];
        const std::size_t house = 1 + rng.index(200);
        const int lat = 432000 + rng.below(800);
        const int lon = 768500 + rng.below(1500);
        const std::string n = num(venue + 1);
        json hall_list = json::array();
        std::size_t count = 0;
        for (; next_hall < halls.size() && halls[next_hall].venue == venue; ++next_hall) {
            const HallRef& hall = halls[next_hall];
            const int seats = 60 + 10 * rng.below(60);
            std::string door = venue_id(venue) + "-h" + num(hall.number) + "-door";
            hall_list.push_back({{"id", hall.id},
                                 {"name", hall_name(hall.number)},
                                 {"seats", seats},
                                 {"map_node", std::move(door)}});
            ++count;
        }
        venues.push_back(
            {{"id", venue_id(venue)},
             {"name", text("«Синтез-" + n + "» кинотеатры", "Кинотеатр «Синтез-" + n + "»",
                           "Sintez-" + n + " Cinema")},
             {"address", text("Алматы, " + str(street.kk) + ", " + num(house),
                              "Алматы, " + str(street.ru) + ", " + num(house),
                              num(house) + " " + str(street.en) + ", Almaty")},
             {"location", {{"lat", lat / 10000.0}, {"lon", lon / 10000.0}}},
             {"halls", std::move(hall_list)}});
        maps.push_back(make_map(venue, count));
    }
    return venues;
}

json make_sections() {
    json out = json::array();
    for (const SectionDef& section : sections) {
        out.push_back({{"id", str(section.id)},
                       {"name", text(section.name)},
                       {"color", str(section.color)}});
    }
    return out;
}

json pick_codes(Rng& rng, const std::string_view* codes, std::size_t size, std::size_t most) {
    const std::size_t count = 1 + rng.index(most);
    const std::size_t start = rng.index(size);
    json out = json::array();
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(str(codes[(start + i) % size]));
    }
    return out;
}

json make_film(std::size_t index, Rng& rng, std::vector<int>& runtimes) {
    const std::size_t combos = nouns_first.size() * (nouns_second.size() - 1);
    const std::size_t combo = index % combos;
    const Words& first = nouns_first[combo % nouns_first.size()];
    const Words& second =
        nouns_second[(combo % nouns_first.size() + 1 + combo / nouns_first.size()) %
                     nouns_second.size()];
    const std::string suffix = index < combos ? "" : " " + num(index / combos + 1);

    const int year = 1960 + rng.below(59);
    const int runtime = 60 + 5 * rng.below(15);
    const std::size_t age = rng.index(age_ratings.size());
    const std::size_t first_name = rng.index(first_names.size());
    const std::size_t family_name = rng.index(family_names.size());
    const std::size_t place = rng.index(places.size());
    json countries = pick_codes(rng, country_codes.data(), country_codes.size(), 3);
    json spoken = pick_codes(rng, spoken_codes.data(), spoken_codes.size(), 2);
    json subtitles = pick_codes(rng, subtitle_codes.data(), subtitle_codes.size(), 2);
    runtimes.push_back(runtime);

    const std::string kk = str(first.kk) + " және " + str(second.kk) + suffix;
    const std::string ru = str(first.ru) + " и " + str(second.ru) + suffix;
    const std::string en = "The " + str(first.en) + " and the " + str(second.en) + suffix;
    const Words& given = first_names[first_name];
    const Words& family = family_names[family_name];
    const Words& where = places[place];

    json film = {
        {"id", "f" + num(index + 1)},
        {"title", text(kk, ru, en)},
        {"year", year},
        {"countries", std::move(countries)},
        {"runtime_min", runtime},
        {"age_rating", str(age_ratings[age])},
        {"section", str(sections[index % sections.size()].id)},
        {"director",
         text(str(given.kk) + " " + str(family.kk), str(given.ru) + " " + str(family.ru),
              str(given.en) + " " + str(family.en))},
        {"synopsis",
         text("«" + kk + "» — жүктемені сынауға арналған синтетикалық фильм. Оқиға " +
                  str(where.kk) + " өтеді.",
              "«" + ru + "» — синтетический фильм для нагрузочного тестирования. Действие "
                         "происходит " + str(where.ru) + ".",
              "“" + en + "” is a synthetic film for load testing. The story takes place " +
                  str(where.en) + ".")},
        {"spoken_languages", std::move(spoken)},
        {"subtitles", std::move(subtitles)},
    };
    if (index % 4 == 3) {
        film["original_title"] = str(original_titles[index % original_titles.size()]) + suffix;
    }
    return film;
}

constexpr std::array<std::string_view, 5> all_statuses{"scheduled", "delayed", "cancelled",
                                                        "sold_out", "moved"};

std::string_view draw_status(Rng& rng) {
    const int roll = rng.below(100);
    if (roll < 80) {
        return "scheduled";
    }
    if (roll < 88) {
        return "sold_out";
    }
    if (roll < 93) {
        return "delayed";
    }
    if (roll < 97) {
        return "cancelled";
    }
    return "moved";
}

// The delay, note and new hall that go with a status; returns the delay in minutes.
int add_status_details(json& screening, std::string_view status, const HallRef& hall,
                       const std::vector<std::size_t>& venue_hall_counts, Rng& rng) {
    if (status == "delayed") {
        const int delay = 5 * (1 + rng.below(6));
        const std::string d = std::to_string(delay);
        screening["delay_min"] = delay;
        screening["note"] = text("Сеанс " + d + " минут кешігіп басталады.",
                                 "Сеанс начнётся на " + d + " минут позже.",
                                 "The screening will start " + d + " minutes late.");
        return delay;
    }
    if (status == "cancelled") {
        screening["note"] =
            text("Көрсетілім болмайды.", "Показ отменён.", "The screening is cancelled.");
    } else if (status == "moved") {
        // The slot is in this hall's day, so the screening is held here (moved_to) and was
        // planned in the next hall of the venue: no hall gets two screenings at once. The kiosk
        // says where it went; the note says why.
        const std::size_t planned = hall.number % venue_hall_counts[hall.venue] + 1;
        screening["hall"] = venue_id(hall.venue) + "-h" + num(planned);
        screening["moved_to"] = hall.id;
        screening["note"] = text("Техникалық себептерге байланысты.",
                                 "По техническим причинам.", "For technical reasons.");
    }
    return 0;
}

json make_screenings(const Sizes& sizes, const std::vector<HallRef>& halls,
                     const std::vector<std::size_t>& venue_hall_counts,
                     const std::vector<int>& runtimes, Rng& rng) {
    json out = json::array();
    std::size_t index = 0;
    for (std::size_t day = 0; day < sizes.days && index < sizes.screenings; ++day) {
        for (const HallRef& hall : halls) {
            if (index == sizes.screenings) {
                break;
            }
            const bool late = rng.percent(8);
            const int opening = rng.below(7);
            // Some halls end the day with a night screening after midnight, which still belongs
            // to this festival day (day_starts_at is 05:00).
            const bool night = rng.percent(6);
            int t = late ? 12 * 60 : 10 * 60 + 5 * opening;
            for (std::size_t k = 0; k < sizes.per_hall_day && index < sizes.screenings;
                 ++k, ++index) {
                if (night && k + 1 == sizes.per_hall_day) {
                    t = std::max(t, minutes_per_day + 15);
                }
                const std::size_t film = rng.index(runtimes.size());
                const std::string_view status = index < all_statuses.size()
                                                    ? all_statuses[index]
                                                    : draw_status(rng);
                const bool qa = rng.percent(5);
                const bool explicit_end = rng.percent(30);
                const int pause = 5 * rng.below(3);
                const int runtime = runtimes[film];
                const int ends = t + runtime + (qa ? qa_min : 0);
                json screening = json::object();
                screening["id"] = "s" + num(index + 1);
                screening["film"] = "f" + num(film + 1);
                screening["hall"] = hall.id;
                screening["starts_at"] = stamp(day, t);
                screening["status"] = str(status);
                if (qa || explicit_end) {
                    screening["ends_at"] = stamp(day, ends);
                }
                if (qa) {
                    screening["qa"] = true;
                }
                const int delay =
                    add_status_details(screening, status, hall, venue_hall_counts, rng);
                out.push_back(std::move(screening));
                // The hall stays busy through any Q&A and delay, then needs cleaning.
                t = round_up_5(ends + delay + cleaning_min + pause);
            }
        }
    }
    return out;
}

json announcement(std::string id, std::string_view level, json words, std::string from,
                  std::string until) {
    return {{"id", std::move(id)},
            {"level", str(level)},
            {"text", std::move(words)},
            {"from", std::move(from)},
            {"until", std::move(until)}};
}

json make_announcements(const Sizes& sizes) {
    const std::size_t middle = sizes.days / 2;
    const std::string festival_start = stamp(0, 5 * 60);
    const std::string festival_end = stamp(sizes.days, 5 * 60);
    json out = json::array();
    out.push_back(announcement(
        "a-welcome", "info",
        text("Синтетикалық фестивальге қош келдіңіз!",
             "Добро пожаловать на синтетический фестиваль!",
             "Welcome to the synthetic festival!"),
        festival_start, festival_end));
    out.push_back(announcement(
        "a-qa", "info",
        text("«Сұрақ-жауап» белгісі бар сеанстардан кейін фильм түсірушілер сұрақтарға жауап "
             "береді.",
             "После сеансов с пометкой «Вопрос-ответ» создатели фильма отвечают на вопросы.",
             "After screenings marked Q&A, the filmmakers answer questions."),
        festival_start, festival_end));
    json cafe = announcement(
        "a-cafe", "info",
        text("Кафе соңғы сеансқа дейін жұмыс істейді.", "Кафе работает до последнего сеанса.",
             "The café is open until the last screening."),
        festival_start, festival_end);
    cafe["venues"] = json::array({venue_id(0)});
    out.push_back(std::move(cafe));
    out.push_back(announcement(
        "a-programme-change", "urgent",
        text("Бағдарлама өзгерді: кассадан сұраңыз.", "Программа изменилась: уточняйте в кассе.",
             "Programme changed: please ask at the box office."),
        stamp(middle, 9 * 60), stamp(middle, 21 * 60)));
    json closure = announcement(
        "a-road-closure", "urgent",
        text("Кинотеатрға апаратын жол жабық. Қоғамдық көлікті пайдаланыңыз.",
             "Дорога к кинотеатру перекрыта. Пользуйтесь общественным транспортом.",
             "The road to the cinema is closed. Please use public transport."),
        stamp(0, 12 * 60), stamp(0, 20 * 60));
    closure["venues"] = json::array({venue_id(sizes.venues - 1)});
    out.push_back(std::move(closure));
    // One emergency, in a five-minute window of its own.
    json emergency = announcement(
        "a-evacuation", "emergency",
        text("Назар аударыңыз! Ғимараттан ең жақын шығу жолы арқылы дереу шығыңыз.",
             "Внимание! Немедленно покиньте здание через ближайший выход.",
             "Attention! Leave the building immediately by the nearest exit."),
        stamp(middle, 16 * 60), stamp(middle, 16 * 60 + 5));
    emergency["venues"] = json::array({venue_id(0)});
    out.push_back(std::move(emergency));
    return out;
}

}  // namespace

json generate_feed(const GenOptions& options) {
    const Sizes sizes = derive_sizes(options);
    Rng rng(options.seed);

    const std::vector<HallRef> halls = make_hall_refs(sizes);
    std::vector<std::size_t> venue_hall_counts(sizes.venues, 0);
    for (const HallRef& hall : halls) {
        ++venue_hall_counts[hall.venue];
    }
    json maps = json::array();
    json venues = make_venues(sizes, halls, rng, maps);

    json films = json::array();
    std::vector<int> runtimes;
    runtimes.reserve(sizes.films);
    for (std::size_t i = 0; i < sizes.films; ++i) {
        films.push_back(make_film(i, rng, runtimes));
    }
    json screenings = make_screenings(sizes, halls, venue_hall_counts, runtimes, rng);

    json feed = json::object();
    feed["_comment"] = "SYNTHETIC DATA for tests, made by generate_feed (seed " +
                       std::to_string(options.seed) + ", " + num(sizes.screenings) +
                       " screenings). Not a real festival.";
    feed["format"] = "aff-kiosk-feed";
    feed["version"] = 1;
    feed["sequence"] = 1;
    feed["generated_at"] = "2018-09-14T12:00:00+06:00";
    feed["expires_at"] = stamp(sizes.days, 5 * 60);
    feed["festival"] = {
        {"id", "synthetic-" + std::to_string(options.seed)},
        {"name", text("Синтетикалық кинофестиваль", "Синтетический кинофестиваль",
                      "Synthetic Film Festival")},
        {"timezone", "Asia/Almaty"},
        {"first_day", date_text(first_day)},
        {"last_day", date_text(first_day + static_cast<long>(sizes.days) - 1)},
        {"day_starts_at", "05:00"},
        {"url", "https://example.org/synthetic/programme"},
    };
    feed["venues"] = std::move(venues);
    feed["sections"] = make_sections();
    feed["films"] = std::move(films);
    feed["screenings"] = std::move(screenings);
    feed["announcements"] = make_announcements(sizes);
    feed["maps"] = std::move(maps);
    return feed;
}

}  // namespace aff
