// The programme of a synthetic feed: sections, films with titles and synopses in three
// languages, screenings packed into each hall's day with every status, and announcements.
#include "sync/feed_gen/parts.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace aff::gen_detail {
namespace {

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

json pick_codes(Rng& rng, const std::string_view* codes, std::size_t size, std::size_t most) {
    const std::size_t count = 1 + rng.index(most);
    const std::size_t start = rng.index(size);
    json out = json::array();
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(str(codes[(start + i) % size]));
    }
    return out;
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
        screening["hall"] = hall_id(hall.venue, planned);
        screening["moved_to"] = hall.id;
        screening["note"] = text("Техникалық себептерге байланысты.",
                                 "По техническим причинам.", "For technical reasons.");
    }
    return 0;
}

json announcement(std::string id, std::string_view level, json words, std::string from,
                  std::string until) {
    return {{"id", std::move(id)},
            {"level", str(level)},
            {"text", std::move(words)},
            {"from", std::move(from)},
            {"until", std::move(until)}};
}

}  // namespace

json make_sections() {
    json out = json::array();
    for (const SectionDef& section : sections) {
        out.push_back({{"id", str(section.id)},
                       {"name", text(section.name)},
                       {"color", str(section.color)}});
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

}  // namespace aff::gen_detail
