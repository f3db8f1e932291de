// The film page, on the demo festival: its facts in each language, the poster or what stands in
// for it, every screening, back, an unknown film, scrolling, and that it fits every screen.
#include "kiosk/film_screen.hpp"

#include "kiosk/painter.hpp"
#include "kiosk/theme.hpp"
#include "sync/asset_store.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <unistd.h>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;
using aff::test::RecordingCanvas;
using std::chrono::milliseconds;
using aff::test::find_text;
using aff::test::drawn;
using aff::test::shown;
using aff::test::layout_problem;
using aff::test::touch_problem;

namespace {

constexpr Size full_hd{1920, 1080};
const char* const monday = "2018-09-17T16:00:00+06:00";

// The "N more screenings" line above (or below) the list, when there is one: its text, with an
// arrowhead pointing up (down) drawn just left of it.
const RecordingCanvas::TextOp* more_mark(const RecordingCanvas& canvas, bool above) {
    for (const auto& op : canvas.texts) {
        if (op.text.find("more screening") == std::string::npos) {
            continue;
        }
        for (const auto& shape : canvas.polygons) {
            if (shape.points.size() != 3) {
                continue;
            }
            float top = shape.points[0].y;
            float bottom = top;
            float right = shape.points[0].x;
            for (const Point& p : shape.points) {
                top = std::min(top, p.y);
                bottom = std::max(bottom, p.y);
                right = std::max(right, p.x);
            }
            const auto at_top = std::count_if(shape.points.begin(), shape.points.end(),
                                              [&](const Point& p) { return p.y == top; });
            const bool beside = right <= static_cast<float>(op.box.x) &&
                                right + 30 >= static_cast<float>(op.box.x) &&
                                top >= static_cast<float>(op.box.y) &&
                                bottom <= static_cast<float>(op.box.bottom());
            if (beside && (at_top == 1) == above) {
                return &op;
            }
        }
    }
    return nullptr;
}

// `drawn` is `text`, or its start cut short with "…".
bool same_or_cut(const std::string& drawn, const std::string& text) {
    if (drawn == text) {
        return true;
    }
    return drawn.ends_with(ellipsis) && drawn.size() > ellipsis.size() &&
           text.starts_with(drawn.substr(0, drawn.size() - ellipsis.size()));
}

const RecordingCanvas::TextOp* find_cut(const RecordingCanvas& canvas, const std::string& text) {
    auto it = std::find_if(canvas.texts.begin(), canvas.texts.end(),
                           [&](const auto& op) { return same_or_cut(op.text, text); });
    return it == canvas.texts.end() ? nullptr : &*it;
}

// Taps the middle of the back button (the top bar's).
InputEvent tap_back(const Hotspots& spots) {
    for (const auto& spot : spots.spots()) {
        if (std::holds_alternative<tap::Back>(spot.target)) {
            InputEvent e;
            e.type = InputEvent::Type::tap;
            e.x = spot.rect.x + spot.rect.w / 2;
            e.y = spot.rect.y + spot.rect.h / 2;
            return e;
        }
    }
    FAIL("no back button");
    return {};
}

InputEvent drag_by(int dy) {
    InputEvent e;
    e.type = InputEvent::Type::drag;
    e.dy = dy;
    return e;
}

// A poster-shaped (2:3) fill of `color`: the card standing in for a poster.
bool has_card(const RecordingCanvas& canvas, Color color) {
    return std::any_of(canvas.fills.begin(), canvas.fills.end(), [&](const auto& fill) {
        return fill.color == color && fill.rect.w > 40 &&
               std::abs(fill.rect.w * 3 - fill.rect.h * 2) <= 3;
    });
}

}  // namespace

TEST_GROUP(FilmPage) {
    std::optional<test::UiFixture> fx;
    std::optional<FilmScreen> screen;
    Instant now = at(monday);

    void setup() override { fx.emplace(); }
    void teardown() override {
        screen.reset();
        fx.reset();
    }

    RecordingCanvas show(const std::string& film, Lang lang = Lang::en, Size size = full_hd,
                         const char* when = monday) {
        fx->languages.pin(lang);
        now = at(when);
        screen.emplace(fx->ui, film);
        screen->update(now, milliseconds{0});
        return render(size);
    }

    RecordingCanvas render(Size size = full_hd,
                           ImageState image_state = ImageState::drawn) {
        RecordingCanvas canvas(size);
        canvas.image_state = image_state;
        screen->update(now, milliseconds{0});
        screen->render(canvas);
        return canvas;
    }

    void check_layout(const RecordingCanvas& canvas, Size size, const std::string& context) {
        const std::string layout = layout_problem(canvas, size);
        CHECK_TEXT(layout.empty(), (context + " " + layout).c_str());
        const std::string touch =
            touch_problem(screen->hotspots(), touch_target_px(fx->ui.settings.dpi), size);
        CHECK_TEXT(touch.empty(), (context + " " + touch).c_str());
    }
};

TEST(FilmPage, ShowsTheFactsOfTheFilmInEachLanguage) {
    const RecordingCanvas en = show("salt-road", Lang::en);
    CHECK_TRUE(shown(en, "The Salt Road"));
    CHECK_TRUE(drawn(en, "La Route du sel"));
    CHECK_TRUE(drawn(en, "International Competition"));  // the top bar
    for (const char* text : {"Director", "Margaux Delaunay", "France, Belgium", "2018",
                             "112 min", "16+", "French", "Kazakh, Russian", "Subtitles"}) {
        CHECK_TEXT(shown(en, text), text);
    }
    CHECK_TRUE(shown(en, "A widowed truck driver agrees to haul one last load of salt across "
                         "the Pyrenees."
                         " On the way she picks up a teenage girl who is running from something "
                         "she refuses to talk about."));

    const RecordingCanvas ru = show("salt-road", Lang::ru);
    for (const char* text : {"Соляная дорога", "Режиссёр", "Марго Делоне", "Франция, Бельгия",
                             "112 мин", "французский", "казахский, русский", "Субтитры"}) {
        CHECK_TEXT(shown(ru, text), text);
    }
    const RecordingCanvas kk = show("salt-road", Lang::kk, Size{1080, 1920});
    for (const char* text : {"Тұз жолы", "Режиссер", "Франция, Бельгия", "112 мин",
                             "француз тілі", "қазақ тілі, орыс тілі", "Субтитрлер"}) {
        CHECK_TEXT(shown(kk, text), text);
    }
}

TEST(FilmPage, EveryLanguageAndCountryOfTheDemoHasANameInEveryLanguage) {
    for (const Film& film : test::demo_feed().films) {
        for (Lang lang : all_langs) {
            for (const auto& tag : film.spoken_languages) {
                CHECK_TEXT(language_name(fx->i18n, lang, tag) != tag, tag.c_str());
            }
            for (const auto& tag : film.subtitles) {
                CHECK_TEXT(language_name(fx->i18n, lang, tag) != tag, tag.c_str());
            }
            for (const auto& code : film.countries) {
                CHECK_TEXT(country_name(fx->i18n, lang, code) != code, code.c_str());
            }
        }
    }
}

TEST(FilmPage, ALanguageTagIsNamedByItsPrimarySubtagAndAnUnknownCodeShowsAsItself) {
    STRCMP_EQUAL("Chinese", language_name(fx->i18n, Lang::en, "zh-Hans").c_str());
    STRCMP_EQUAL("португальский", language_name(fx->i18n, Lang::ru, "pt-BR").c_str());
    STRCMP_EQUAL("қазақ тілі", language_name(fx->i18n, Lang::kk, "kk-Cyrl-KZ").c_str());
    STRCMP_EQUAL("xx-Latn", language_name(fx->i18n, Lang::en, "xx-Latn").c_str());
    STRCMP_EQUAL("Kazakhstan", country_name(fx->i18n, Lang::en, "kz").c_str());
    STRCMP_EQUAL("ZZ", country_name(fx->i18n, Lang::en, "ZZ").c_str());
    STRCMP_EQUAL("", country_name(fx->i18n, Lang::en, "").c_str());
}

TEST(FilmPage, AnUnknownLanguageOrCountryOfAFilmShowsItsCode) {
    Feed feed = test::demo_feed();
    for (Film& film : feed.films) {
        if (film.id == "salt-road") {
            film.countries = {"FR", "QQ"};
            film.spoken_languages = {"tlh"};
        }
    }
    fx.emplace(feed);
    const RecordingCanvas canvas = show("salt-road");
    CHECK_TRUE(shown(canvas, "France, QQ"));
    CHECK_TRUE(shown(canvas, "tlh"));
}

TEST(FilmPage, DrawsThePosterInATwoByThreeBoxWhenTheFilmHasOne) {
    for (Size size : {full_hd, Size{1080, 1920}}) {
        const RecordingCanvas canvas = show("salt-road", Lang::en, size);
        CHECK_EQUAL(1U, canvas.images.size());
        const auto& image = canvas.images.front();
        // From the asset store, by the SHA-256 the cache gives, not from the demo's folder.
        const Asset poster = *fx->store.asset(fx->store.film("salt-road")->poster);
        STRCMP_EQUAL(AssetStore(fx->ui.assets_dir).path_of(poster.sha256).c_str(),
                     image.path.c_str());
        CHECK_TRUE(image.box.w > 0);
        CHECK_TRUE(std::abs(image.box.w * 3 - image.box.h * 2) <= 3);
    }
}

TEST(FilmPage, WithoutAPosterACardInTheSectionColourStandsIn) {
    // The Well has no poster; its section, Kazakh Panorama, is #1D6A8A.
    const Color section = *parse_hex_color("#1D6A8A");
    const RecordingCanvas none = show("the-well");
    CHECK_TRUE(none.images.empty());
    CHECK_TRUE(has_card(none, section));
    // A poster that cannot be read gets the same card; one still decoding a quiet fill.
    const Color competition = *parse_hex_color("#9B2335");
    show("salt-road");
    CHECK_TRUE(has_card(render(full_hd, ImageState::failed), competition));
    CHECK_FALSE(has_card(render(full_hd, ImageState::pending), competition));
    CHECK_FALSE(has_card(render(full_hd, ImageState::drawn), competition));
}

TEST(FilmPage, APosterMissingFromTheStoreIsAskedForByItsHashAndFailsToACard) {
    // The cache lists the poster, but the store lacks its file: the screen still asks for the
    // file the cache names, so that the image cache says why it is not shown, and draws the card.
    const std::string dir = std::string(AFF_TEST_TMPDIR) + "/film-empty-" +
                            std::to_string(::getpid());
    fx->ui.assets_dir = dir;
    const Asset poster = *fx->store.asset(fx->store.film("salt-road")->poster);
    const RecordingCanvas canvas = show("salt-road");
    CHECK_EQUAL(1U, canvas.images.size());
    STRCMP_EQUAL(AssetStore(dir).path_of(poster.sha256).c_str(),
                 canvas.images.front().path.c_str());
    CHECK_TRUE(has_card(render(full_hd, ImageState::failed), *parse_hex_color("#9B2335")));
}

TEST(FilmPage, APosterTheSyncCouldNotFetchIsACardUntilItArrives) {
    // The synced asset store, without the poster (the sync reports it missing).
    const std::string dir = std::string(AFF_TEST_TMPDIR) + "/film-assets-" +
                            std::to_string(::getpid());
    std::filesystem::remove_all(dir);
    fx->ui.assets_dir = dir;
    const Asset poster = *fx->store.asset(fx->store.film("salt-road")->poster);
    show("salt-road");
    CHECK_TRUE(has_card(render(full_hd, ImageState::failed), *parse_hex_color("#9B2335")));

    std::ifstream in(std::string(AFF_SOURCE_DATADIR) + "/demo/" + poster.path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    const AssetStore store(dir);
    CHECK_TRUE(store.put(poster, bytes).ok());
    const RecordingCanvas after = show("salt-road");
    CHECK_EQUAL(1U, after.images.size());
    STRCMP_EQUAL(store.path_of(poster.sha256).c_str(), after.images.front().path.c_str());
    std::filesystem::remove_all(dir);
}

TEST(FilmPage, ListsEveryScreeningWithItsDayTimeVenueAndHall) {
    const RecordingCanvas canvas = show("salt-road");
    const auto screenings = fx->store.film_screenings("salt-road");
    CHECK_EQUAL(10U, screenings.size());
    const auto zone = fx->store.timezone();
    for (const auto& s : screenings) {
        const LocalTime local = zone->to_local(s.effective_start());
        char time[8];
        std::snprintf(time, sizeof time, "%02d:%02d", local.hour, local.minute);
        const std::string place = s.venue_name.get(Lang::en) + " \xC2\xB7 " +
                                  s.hall_name.get(Lang::en);
        // Each screening's row: its time with the venue and hall beside it.
        bool found = false;
        for (const auto& op : canvas.texts) {
            if (op.text != time) {
                continue;
            }
            for (const auto& other : canvas.texts) {
                found = found || (same_or_cut(other.text, place) && other.box.y > op.box.y &&
                                  other.box.y - op.box.y < 2 * op.box.h);
            }
        }
        CHECK_TEXT(found, (std::string(time) + " " + place).c_str());
        const std::string day =
            fx->i18n.screening_day(Lang::en, s.festival_day, local.date);
        CHECK_TEXT(find_cut(canvas, day) != nullptr, day.c_str());
    }
    CHECK_TRUE(drawn(canvas, "Screenings"));
    CHECK_TRUE(drawn(canvas, "Sold out"));
    CHECK_TRUE(drawn(show("salt-road", Lang::kk), "17 қыркүйек, дүйсенбі"));
}

TEST(FilmPage, AScreeningAfterMidnightIsListedUnderItsNightNotTheDayBefore) {
    // "Echo" at 00:30 on Sunday 16 September belongs to the festival day of Saturday 15th.
    for (auto [lang, text] : {std::pair{Lang::en, "night of 15/16 September"},
                              std::pair{Lang::ru, "ночь с 15 на 16 сентября"},
                              std::pair{Lang::kk, "15/16 қыркүйек түні"}}) {
        const RecordingCanvas canvas = show("echo", lang);
        CHECK_TEXT(find_cut(canvas, text) != nullptr, text);
    }
}

TEST(FilmPage, PastScreeningsAreDimmedWhenTheClockIsTrusted) {
    const Palette palette = festival_palette();
    // On Monday at 16:00 Saturday's 15:15 is over; Monday's 17:40 is to come.
    const RecordingCanvas canvas = show("salt-road");
    const auto* saturday = find_cut(canvas, "Saturday 15 September");
    const auto* monday_row = find_cut(canvas, "Monday 17 September");
    CHECK_TRUE(saturday != nullptr && monday_row != nullptr);
    CHECK_TRUE(saturday->color != palette.text);
    CHECK_TRUE(monday_row->color == palette.text);
    // With a clock that cannot be trusted nothing is "past".
    const RecordingCanvas untrusted = show("salt-road", Lang::en, full_hd,
                                           "2018-09-01T12:00:00+06:00");
    CHECK_TRUE(find_cut(untrusted, "Saturday 15 September")->color == palette.text);
    CHECK_TRUE(drawn(untrusted, "Setting the clock"));
}

TEST(FilmPage, ACancelledOrMovedScreeningCarriesItsNote) {
    const RecordingCanvas canvas = show("seven-flavours", Lang::en, Size{1080, 1920},
                                        "2018-09-17T12:00:00+06:00");
    // Listed once, at the hall where it now takes place, with the note that says why.
    CHECK_TRUE(drawn(canvas, "Moved"));
    CHECK_TRUE(shown(canvas, "Because of high demand. The start time is unchanged."));
    CHECK_FALSE(drawn(canvas, "Hall 3"));
}

TEST(FilmPage, BackGoesBack) {
    const RecordingCanvas canvas = show("salt-road");
    CHECK_TRUE(drawn(canvas, fx->i18n.text(Lang::en, "common.back")));
    CHECK_TRUE(screen->input(tap_back(screen->hotspots())));
    CHECK_EQUAL(1U, fx->nav.calls.size());
    STRCMP_EQUAL("back", fx->nav.calls.front().c_str());
}

TEST(FilmPage, AnUnknownFilmSaysSoAndKeepsTheWayBack) {
    const RecordingCanvas canvas = show("no-such-film");
    CHECK_FALSE(screen->model()->film.has_value());
    CHECK_TRUE(drawn(canvas, "This film is not in the programme"));
    check_layout(canvas, full_hd, "unknown film");
    CHECK_TRUE(screen->input(tap_back(screen->hotspots())));
    STRCMP_EQUAL("back", fx->nav.calls.back().c_str());
}

TEST(FilmPage, ADragScrollsScreeningsThatDoNotFit) {
    // Ten screenings do not fit a small screen: it says how many more there are.
    const Size small{800, 480};
    const RecordingCanvas first = show("salt-road", Lang::en, small, "2018-09-15T09:00:00+06:00");
    const auto more = [](const RecordingCanvas& canvas, bool above) {
        return more_mark(canvas, above) != nullptr;
    };
    CHECK_TRUE(more(first, false));
    CHECK_FALSE(more(first, true));
    CHECK_TRUE(find_cut(first, "Saturday 15 September") != nullptr);
    CHECK_FALSE(screen->input(drag_by(-2)));  // a twitch is not a scroll
    CHECK_TRUE(screen->input(drag_by(-200)));
    const RecordingCanvas scrolled = render(small);
    CHECK_TRUE(more(scrolled, true));
    CHECK_TRUE(screen->input(drag_by(200)));
    CHECK_FALSE(more(render(small), true));
    CHECK_FALSE(screen->input(drag_by(200)));  // already at the top
}

TEST(FilmPage, TheScreeningsFollowTheFingerHoweverTheDragArrives) {
    // A finger's travel arrives as many small moves, with a frame drawn whenever the list moved:
    // the list ends where one move of the same length takes it, a row per row's height.
    const Size small{800, 480};
    const char* const saturday = "2018-09-15T09:00:00+06:00";
    // The first screening shown: the number of those above it ("▲ 3 more screenings").
    const auto first_shown = [](const RecordingCanvas& canvas) {
        const auto* above = more_mark(canvas, true);
        return above != nullptr ? std::atoi(above->text.c_str()) : 0;
    };
    show("salt-road", Lang::en, small, saturday);
    screen->input(drag_by(-120));
    const int whole = first_shown(render(small));
    CHECK_TRUE(whole > 0);

    show("salt-road", Lang::en, small, saturday);
    for (int moved = 0; moved < 120; moved += 4) {
        if (screen->input(drag_by(-4))) {
            render(small);
        }
    }
    CHECK_EQUAL(whole, first_shown(render(small)));
}

TEST(FilmPage, WhenNotAllFitItOpensAtTheFirstScreeningNotYetOver) {
    const Size small{800, 480};
    const RecordingCanvas canvas = show("salt-road", Lang::en, small, "2018-09-18T12:00:00+06:00");
    CHECK_TRUE(drawn(canvas, "13:10"));
    CHECK_TRUE(find_cut(canvas, "Saturday 15 September") == nullptr);
}

TEST(FilmPage, FitsEverySizeAndLanguageWithoutOverlap) {
    const char* const films[] = {"salt-road", "what-the-river-remembers", "seven-flavours",
                                 "the-well", "no-such-film"};
    for (const char* film : films) {
        for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{1280, 720}, Size{800, 480},
                          Size{3840, 2160}}) {
            for (Lang lang : all_langs) {
                const RecordingCanvas canvas = show(film, lang, size);
                const std::string context = std::string(film) + " " + std::to_string(size.w) +
                                            "x" + std::to_string(size.h) + " " +
                                            std::string(lang_code(lang));
                CHECK_TEXT(canvas.texts.size() > 5, (context + " nearly empty").c_str());
                check_layout(canvas, size, context);
            }
        }
    }
}
