// The hall sign by a hall's door, on the demo festival: what is on, what comes next and when the
// doors open, statuses with their notes, the end of the day, an untrusted clock, and that it fits
// every screen in every language.
#include "kiosk/hall_screen.hpp"

#include "kiosk/theme.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <algorithm>
#include <optional>
#include <string>
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
using aff::test::tap_at;

namespace {

constexpr Size full_hd{1920, 1080};

// Some text contains `part`.
bool drawn_part(const RecordingCanvas& canvas, const std::string& part) {
    return std::any_of(canvas.texts.begin(), canvas.texts.end(),
                       [&](const auto& op) { return op.text.find(part) != std::string::npos; });
}

}  // namespace

TEST_GROUP(HallSign) {
    std::optional<test::UiFixture> fx;
    std::optional<HallScreen> screen;

    void setup() override { fx.emplace(); }
    void teardown() override {
        screen.reset();
        fx.reset();
    }

    RecordingCanvas show(const std::string& hall, const char* when, Lang lang = Lang::en,
                         Size size = full_hd) {
        fx->languages.pin(lang);
        screen.emplace(fx->ui, hall);
        screen->update(at(when), milliseconds{0});
        RecordingCanvas canvas(size);
        screen->render(canvas);
        return canvas;
    }

    // Kiosks stand in every venue: the fixture's is the palace.
    RecordingCanvas show_at(const std::string& venue, const std::string& hall, const char* when,
                            Lang lang = Lang::en, Size size = full_hd) {
        fx->ui.venue_id = venue;
        return show(hall, when, lang, size);
    }

    void check_layout(const RecordingCanvas& canvas, Size size, const std::string& context) {
        const std::string layout = layout_problem(canvas, size);
        CHECK_TEXT(layout.empty(), (context + " " + layout).c_str());
        const std::string touch =
            touch_problem(screen->hotspots(), touch_target_px(fx->ui.settings.dpi), size);
        CHECK_TEXT(touch.empty(), (context + " " + touch).c_str());
    }
};

TEST(HallSign, ShowsTheRunningFilmWithItsTimesAndTimeLeft) {
    // The Salt Road runs 15:15-17:07 in the Grand Hall.
    const RecordingCanvas canvas = show("palace-grand", "2018-09-17T16:00:00+06:00");
    CHECK_TRUE(drawn(canvas, "Grand Hall"));
    CHECK_TRUE(drawn(canvas, "Zhetysu Festival Palace"));
    CHECK_TRUE(drawn(canvas, "Now showing"));
    CHECK_TRUE(shown(canvas, "The Salt Road"));
    CHECK_TRUE(drawn(canvas, "La Route du sel"));
    CHECK_TRUE(drawn(canvas, "15:15\xE2\x80\x93" "17:07"));
    CHECK_TRUE(drawn(canvas, "67 minutes left"));
    // The clock and the date, large.
    const auto* clock = find_text(canvas, "16:00");
    CHECK_TRUE(clock != nullptr);
    LONGS_EQUAL(Theme::for_screen(full_hd).type.clock.px, clock->font.px);
    CHECK_TRUE(drawn(canvas, "Monday 17 September"));
    // And what follows: the next film and the rest of the day.
    CHECK_TRUE(drawn(canvas, "17:40"));
    CHECK_TRUE(shown(canvas, "The Last Summer in Samarkand"));
    CHECK_TRUE(drawn(canvas, "Later today"));
    CHECK_TRUE(drawn(canvas, "20:15"));
    CHECK_TRUE(drawn(canvas, "22:35"));
}

TEST(HallSign, DoorsOpenFifteenMinutesBeforeTheStartAndNotSixteen) {
    // The Last Summer in Samarkand starts at 17:40.
    CHECK_FALSE(drawn(show("palace-grand", "2018-09-17T17:24:00+06:00"), "Doors open"));
    const RecordingCanvas open = show("palace-grand", "2018-09-17T17:25:00+06:00");
    CHECK_TRUE(drawn(open, "Doors open"));
    CHECK_TRUE(drawn(open, "in 15 minutes"));
    CHECK_TRUE(screen->model()->doors_open);
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T17:39:00+06:00"), "Doors open"));
    // It starts: the film is on, the doors are no longer news.
    const RecordingCanvas started = show("palace-grand", "2018-09-17T17:40:00+06:00");
    CHECK_FALSE(drawn(started, "Doors open"));
    CHECK_TRUE(drawn(started, "Now showing"));
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T17:30:00+06:00", Lang::kk),
                     "Залға кіру ашық"));
}

TEST(HallSign, TheCountdownUsesRussianPlurals) {
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T17:35:00+06:00", Lang::ru), "через 5 минут"));
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T17:19:00+06:00", Lang::ru),
                     "через 21 минуту"));
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T17:18:00+06:00", Lang::ru),
                     "через 22 минуты"));
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T17:39:00+06:00", Lang::en), "in 1 minute"));
}

TEST(HallSign, BeyondAnHourAndAHalfTheStartTimeStandsAlone) {
    // At 16:00 The Last Summer in Samarkand is 100 minutes off.
    const RecordingCanvas far = show("palace-grand", "2018-09-17T16:00:00+06:00");
    CHECK_TRUE(drawn(far, "17:40"));
    CHECK_FALSE(drawn_part(far, "in 100 minutes"));
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T16:10:00+06:00"), "in 90 minutes"));
}

TEST(HallSign, ADelayShiftsTheTimesAndSaysWhy) {
    // Shorts 5 in the Green Hall: 13:20 delayed 15 minutes, 88 minutes long.
    const RecordingCanvas canvas = show_at("alatau", "alatau-green", "2018-09-17T14:00:00+06:00");
    CHECK_TRUE(drawn(canvas, "13:35\xE2\x80\x93" "15:03"));
    CHECK_TRUE(drawn(canvas, "Delayed +15 min"));
    CHECK_TRUE(drawn(canvas, "63 minutes left"));
    CHECK_TRUE(shown(canvas, "Because of a projector fault in the Green Hall, the screening will "
                             "start 15 minutes late."));
    // Before it, the countdown and the doors go by the shifted start.
    const RecordingCanvas before = show_at("alatau", "alatau-green", "2018-09-17T13:25:00+06:00");
    CHECK_TRUE(drawn(before, "13:35"));
    CHECK_TRUE(drawn(before, "Doors open"));
    CHECK_TRUE(drawn(before, "in 10 minutes"));
    CHECK_FALSE(drawn(before, "Now showing"));
}

TEST(HallSign, ACancelledScreeningSaysSoWithItsNoteAndIsNotNext) {
    // Nine Days in Tbilisi at 13:20 in the Blue Hall is cancelled; The Quiet Border follows.
    const RecordingCanvas canvas = show("palace-blue", "2018-09-17T13:00:00+06:00");
    CHECK_TRUE(drawn(canvas, "Cancelled"));
    CHECK_TRUE(shown(canvas, "Nine Days in Tbilisi"));
    CHECK_TRUE(shown(canvas, "Cancelled at the request of the rights holder. Tickets can be "
                             "refunded at the box office."));
    CHECK_TRUE(screen->model()->next.has_value());
    STRCMP_EQUAL("quiet-border", screen->model()->next->film_id.c_str());
    CHECK_FALSE(drawn(show("palace-blue", "2018-09-17T13:10:00+06:00"), "Doors open"));
}

TEST(HallSign, AMovedScreeningSaysWhereItWent) {
    // Seven Flavours at 19:00 moved from Hall 3 of the Samal to its Hall 1.
    const RecordingCanvas canvas = show_at("samal", "samal-3", "2018-09-17T18:50:00+06:00");
    CHECK_TRUE(drawn(canvas, "Moved"));
    CHECK_TRUE(shown(canvas, "Moved to Hall 1. Because of high demand. The start time is "
                             "unchanged."));
    CHECK_FALSE(drawn(canvas, "Doors open"));
    STRCMP_EQUAL("shorts-the-city", screen->model()->next->film_id.c_str());
    // Where it went, it is simply the next screening, with the doors open.
    CHECK_TRUE(drawn(show_at("samal", "samal-1", "2018-09-17T18:50:00+06:00"), "Doors open"));
}

TEST(HallSign, ASoldOutScreeningSaysSo) {
    const RecordingCanvas canvas = show("palace-grand", "2018-09-17T12:00:00+06:00");
    STRCMP_EQUAL("paper-cranes", screen->model()->next->film_id.c_str());
    CHECK_TRUE(drawn(canvas, "Sold out"));
    CHECK_TRUE(drawn(show("palace-grand", "2018-09-17T12:00:00+06:00", Lang::ru), "Билетов нет"));
}

TEST(HallSign, AfterTheLastScreeningItSaysSoAndGivesTheNextDaysFirst) {
    // The festival's third day ends in the Grand Hall with Taxi to Medeu, 22:35-00:04.
    const RecordingCanvas canvas = show("palace-grand", "2018-09-18T01:00:00+06:00");
    CHECK_TRUE(drawn(canvas, "No more screenings today"));
    CHECK_FALSE(drawn(canvas, "Now showing"));
    const auto& first = screen->model()->next_day_first;
    CHECK_TRUE(first.has_value());
    CHECK_TRUE(first->festival_day == (Date{2018, 9, 18}));
    CHECK_TRUE(drawn(canvas, "Next screening"));
    CHECK_TRUE(drawn(canvas, "Tuesday 18 September"));
    CHECK_TRUE(shown(canvas, first->title.get(Lang::en)));
    // On the last day there is no next one to give.
    const RecordingCanvas last = show("palace-grand", "2018-09-19T23:30:00+06:00");
    CHECK_TRUE(drawn(last, "No more screenings today"));
    CHECK_FALSE(drawn(last, "Next screening"));
}

TEST(HallSign, AnUntrustedClockShowsTheDayWithoutNowOrCountdown) {
    // Days before the feed was made: the clock cannot be right. The day is the feed's (the 15th).
    const RecordingCanvas canvas = show("palace-grand", "2018-09-10T12:00:00+06:00");
    CHECK_TRUE(shown(canvas, "The clock is being set. Until then this is the whole "
                             "day\xE2\x80\x99s programme."));
    CHECK_TRUE(drawn(canvas, "Setting the clock"));
    for (const char* range : {"12:00\xE2\x80\x93" "13:18", "13:35\xE2\x80\x93" "15:48",
                              "19:00\xE2\x80\x93" "21:11", "21:45\xE2\x80\x93" "00:13"}) {
        CHECK_TEXT(drawn(canvas, range), range);
    }
    CHECK_FALSE(drawn(canvas, "12:00"));  // no clock
    CHECK_FALSE(drawn(canvas, "Now showing"));
    CHECK_FALSE(drawn(canvas, "Doors open"));
    CHECK_FALSE(drawn_part(canvas, " minutes"));  // neither "N minutes left" nor "in N minutes"
    CHECK_FALSE(screen->model()->now.has_value());
    CHECK_FALSE(screen->model()->next.has_value());
}

TEST(HallSign, ATapOnWhatIsOnNowOrNextOpensThatFilm) {
    const RecordingCanvas canvas = show("palace-grand", "2018-09-17T16:00:00+06:00");
    const auto* now = find_text(canvas, "The Salt Road");
    CHECK_TRUE(now != nullptr);
    CHECK_TRUE(screen->input(tap_at(now->box.x + 4, now->box.y + now->box.h / 2)));
    const auto* next = find_text(canvas, "17:40");
    CHECK_TRUE(next != nullptr);
    CHECK_TRUE(screen->input(tap_at(next->box.x + 4, next->box.y + next->box.h / 2)));
    CHECK_EQUAL(2U, fx->nav.calls.size());
    STRCMP_EQUAL("film:salt-road", fx->nav.calls[0].c_str());
    STRCMP_EQUAL("film:last-summer-samarkand", fx->nav.calls[1].c_str());
    // The header is not a button.
    CHECK_FALSE(screen->input(tap_at(40, 40)));
    CHECK_EQUAL(2U, fx->nav.calls.size());
}

TEST(HallSign, TheFooterSwitchesTheLanguage) {
    const RecordingCanvas canvas = show("palace-grand", "2018-09-17T16:00:00+06:00");
    const auto* ru = find_text(canvas, "РУС");
    CHECK_TRUE(ru != nullptr);
    CHECK_TRUE(drawn(canvas, "Updated 15 September, 08:00"));  // two days before
    CHECK_TRUE(screen->input(tap_at(ru->box.x + ru->box.w / 2, ru->box.y + ru->box.h / 2)));
    CHECK_TRUE(screen->update(at("2018-09-17T16:00:00+06:00"), milliseconds{0}));
    RecordingCanvas after(full_hd);
    screen->render(after);
    CHECK_TRUE(drawn(after, "Большой зал"));
}

TEST(HallSign, AnUnknownHallIsSaidPlainly) {
    const RecordingCanvas canvas = show("no-such-hall", "2018-09-17T16:00:00+06:00");
    CHECK_FALSE(screen->model()->found);
    CHECK_TRUE(drawn(canvas, "This hall is not in the schedule"));
    check_layout(canvas, full_hd, "unknown hall");
}

TEST(HallSign, AHallOfAnotherVenueIsFoundThere) {
    const RecordingCanvas canvas = show("samal-1", "2018-09-17T16:00:00+06:00");
    CHECK_TRUE(drawn(canvas, "Hall 1"));
    CHECK_TRUE(drawn(canvas, "Samal Cinema"));
}

TEST(HallSign, RedrawsWhenTheMinuteTurnsOrTheLanguageChanges) {
    fx->languages = LanguageCycle({Lang::kk, Lang::ru, Lang::en}, std::chrono::seconds(8),
                                  milliseconds{0});
    HallScreen hall(fx->ui, "palace-grand");
    const Instant start = at("2018-09-17T16:00:20+06:00");
    CHECK_TRUE(hall.update(start, milliseconds{0}));
    RecordingCanvas canvas(full_hd);
    hall.render(canvas);
    CHECK_FALSE(hall.update(start + std::chrono::seconds(1), milliseconds{1000}));
    CHECK_TRUE(hall.next_update(start, milliseconds{0}) == milliseconds{8000});
    CHECK_TRUE(hall.update(start + std::chrono::seconds(8), milliseconds{8000}));  // Russian
    CHECK_TRUE(hall.next_update(start + std::chrono::seconds(36), milliseconds{36000}) ==
               milliseconds{4000});
    CHECK_FALSE(hall.update(start + std::chrono::seconds(9), milliseconds{9000}));
    CHECK_TRUE(hall.update(start + std::chrono::seconds(40), milliseconds{16000}));  // 16:01
    hall.notice_new_data();
    CHECK_TRUE(hall.update(start + std::chrono::seconds(41), milliseconds{16001}));
}

TEST(HallSign, FitsEverySizeAndLanguageWithoutOverlapAndWithTouchTargetsOfNineMillimetres) {
    struct Case {
        const char* venue;
        const char* hall;
        const char* when;
    };
    const Case cases[] = {
        {"palace", "palace-grand", "2018-09-17T16:00:00+06:00"},   // now, next, later
        {"palace", "palace-grand", "2018-09-17T17:30:00+06:00"},   // doors open
        {"palace", "palace-blue", "2018-09-17T12:00:00+06:00"},    // a cancellation before next
        {"samal", "samal-3", "2018-09-17T18:50:00+06:00"},         // moved away
        {"alatau", "alatau-green", "2018-09-17T14:00:00+06:00"},   // delayed, with notes
        {"palace", "palace-grand", "2018-09-18T01:00:00+06:00"},   // the day is over
        {"palace", "palace-grand", "2018-09-19T10:00:00+06:00"},   // before the first
        {"palace", "palace-grand", "2018-09-10T12:00:00+06:00"},   // untrusted clock
    };
    for (const Case& c : cases) {
        for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{1280, 720}, Size{800, 480},
                          Size{3840, 2160}}) {
            for (Lang lang : all_langs) {
                const RecordingCanvas canvas = show_at(c.venue, c.hall, c.when, lang, size);
                const std::string context = std::string(c.hall) + " " + c.when + " " +
                                            std::to_string(size.w) + "x" +
                                            std::to_string(size.h) + " " +
                                            std::string(lang_code(lang));
                CHECK_TEXT(canvas.texts.size() > 8, (context + " nearly empty").c_str());
                check_layout(canvas, size, context);
            }
        }
    }
}
