#include "kiosk/shell.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/painter.hpp"

#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/ui_fixture.hpp"
#include "tests/support/fake_clock.hpp"

#include <algorithm>
#include <optional>
#include <string>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;
using aff::test::RecordingCanvas;
using std::chrono::seconds;
using aff::test::drawn;

namespace {

// Some line of `text` (wrapped, perhaps cut short) was drawn: its first word starts a line.
bool paragraph_drawn(const RecordingCanvas& canvas, const std::string& text) {
    const std::string first_word = text.substr(0, text.find(' '));
    return std::any_of(canvas.texts.begin(), canvas.texts.end(),
                       [&](const auto& op) { return op.text.starts_with(first_word); });
}

}  // namespace

TEST_GROUP(Shell) {
    test::FakeClock clock{at("2018-09-18T15:58:00+06:00")};
    std::optional<test::UiFixture> kiosk;
    std::optional<Shell> shell;
    RecordingCanvas canvas{Size{1920, 1080}};

    void setup() override {
        kiosk.emplace();
        kiosk->languages = LanguageCycle({Lang::kk, Lang::ru, Lang::en}, seconds(8), clock.ticks());
        Shell::Options options;
        options.venue_id = "palace";
        options.assets_dir = kiosk->ui.assets_dir;
        shell.emplace(kiosk->store, kiosk->i18n, kiosk->languages, options);
    }
    void teardown() override {
        shell.reset();
        kiosk.reset();
    }

    // What a visitor sees is the emergency: its heading in all three languages, and none of the
    // board beneath it ("Now showing") in any language.
    bool emergency_drawn() {
        RecordingCanvas frame(Size{1920, 1080});
        shell->render(frame);
        for (Lang lang : all_langs) {
            if (!drawn(frame, kiosk->i18n.text(lang, "emergency.heading")) ||
                drawn(frame, kiosk->i18n.text(lang, "board.now_showing"))) {
                return false;
            }
        }
        return true;
    }

    bool step() {
        const bool changed = shell->update(clock.now(), clock.ticks());
        if (changed) {
            shell->render(canvas);
        }
        return changed;
    }
    bool tap_on(const std::string& text) {
        const auto it = std::find_if(canvas.texts.begin(), canvas.texts.end(),
                                     [&](const auto& op) { return op.text == text; });
        CHECK_TEXT(it != canvas.texts.end(), text.c_str());
        InputEvent tap;
        tap.type = InputEvent::Type::tap;
        tap.x = it->box.x + it->box.w / 2;
        tap.y = it->box.y + it->box.h / 2;
        return shell->input(tap, clock.ticks());
    }
};

TEST(Shell, AnEmergencyTakesOverTheScreenInAllThreeLanguagesWhileItIsActive) {
    CHECK_TRUE(step());
    CHECK_FALSE(emergency_drawn());
    clock.advance(seconds(120));  // 16:00: the evacuation notice
    CHECK_TRUE(step());
    CHECK_TRUE(emergency_drawn());
    for (Lang lang : all_langs) {
        CHECK_TRUE(drawn(canvas, kiosk->i18n.text(lang, "emergency.heading")));
    }
    CHECK_TRUE(paragraph_drawn(canvas, "Назар аударыңыз!"));
    CHECK_TRUE(paragraph_drawn(canvas, "Внимание!"));
    CHECK_TRUE(paragraph_drawn(canvas, "Attention!"));
    // It stays through the language rotation, and taps do not take it away.
    clock.advance(seconds(30));
    step();
    CHECK_TRUE(emergency_drawn());
    InputEvent tap;
    tap.type = InputEvent::Type::tap;
    CHECK_FALSE(shell->input(tap, clock.ticks()));
    clock.advance(seconds(270));  // 16:05: over
    CHECK_TRUE(step());
    CHECK_FALSE(emergency_drawn());
    CHECK_FALSE(drawn(canvas, kiosk->i18n.text(Lang::en, "emergency.heading")));
}

TEST(Shell, TheStatusIsReadOnceAMinuteForEveryScreen) {
    step();
    tap_on("Бағдарлама");
    step();
    LONGS_EQUAL(2, shell->depth());
    const auto before = shell->ui().status.version();
    clock.advance(seconds(60));
    step();
    LONGS_EQUAL(before + 1, shell->ui().status.version());
    clock.advance(seconds(10));  // the same minute: nothing read again
    step();
    LONGS_EQUAL(before + 1, shell->ui().status.version());
    shell->notice_new_data();  // new data: read again, once
    step();
    LONGS_EQUAL(before + 2, shell->ui().status.version());
}

TEST(Shell, AnEmergencyInANewerFeedTakesOverWithinAMinuteEvenOnAFrozenClock) {
    // kiosk-sync applies a feed whose emergency is already in force; the wall clock is stuck
    // in one minute, so only the board's look at the cache can find it.
    const Instant frozen = clock.now();
    shell->update(frozen, clock.ticks());
    shell->render(canvas);
    CHECK_FALSE(emergency_drawn());
    Feed feed = test::demo_feed();
    feed.sequence += 1;
    for (auto& a : feed.announcements) {
        if (a.level == Level::emergency) {
            a.from = frozen - seconds(60);
        }
    }
    kiosk->store.apply(feed, frozen);
    for (int second = 0; second < 60; second += 10) {
        clock.advance(seconds(10));
        shell->update(frozen, clock.ticks());
    }
    CHECK_TRUE(emergency_drawn());
}

TEST(Shell, AnEmergencyClosesWhateverAVisitorHadOpen) {
    step();
    tap_on("Бағдарлама");
    step();
    LONGS_EQUAL(2, shell->depth());
    clock.advance(seconds(121));
    step();
    CHECK_TRUE(emergency_drawn());
    LONGS_EQUAL(1, shell->depth());
}

TEST(Shell, LeftAloneTheKioskGoesHomeAndRotatesAgain) {
    step();
    tap_on("ENG");  // pins English
    step();
    tap_on("Programme");
    step();
    LONGS_EQUAL(2, shell->depth());
    CHECK_TRUE(kiosk->languages.is_pinned());
    // The shell wakes for the idle timeout even when nothing else is due.
    CHECK_TRUE(shell->next_update(clock.now(), clock.ticks()) <= kiosk->ui.settings.idle_timeout);
    clock.advance(kiosk->ui.settings.idle_timeout - seconds(1));
    step();
    LONGS_EQUAL(2, shell->depth());
    clock.advance(seconds(1));
    CHECK_TRUE(step());
    LONGS_EQUAL(1, shell->depth());
    CHECK_FALSE(kiosk->languages.is_pinned());
}

TEST(Shell, AVisitorsTouchHoldsTheLanguageTheySawUntilTheKioskIsLeftAlone) {
    clock.advance(seconds(9));  // Russian is up
    step();
    tap_on("Программа");
    clock.advance(seconds(32));  // four rotation periods: English, were it rotating
    step();
    CHECK_TRUE(drawn(canvas, "Программа"));
    CHECK_TRUE(kiosk->languages.current(clock.ticks()) == Lang::ru);
    clock.advance(kiosk->ui.settings.idle_timeout);
    step();
    CHECK_FALSE(kiosk->languages.is_pinned());
}

TEST(Shell, AnEmergencyIsNeverCutShortEvenWhenLong) {
    Announcement a;
    a.id = "long";
    a.level = Level::emergency;
    std::string kk, ru, en;
    for (int i = 0; i < 6; ++i) {  // some 330 letters in each language
        kk += "Ғимараттан ең жақын шығу жолы арқылы сабырмен шығыңыз. ";
        ru += "Спокойно покиньте здание через ближайший выход. ";
        en += "Calmly leave the building by the nearest exit. ";
    }
    a.text = Text{{kk, ru, en}};
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{800, 480}}) {
        RecordingCanvas frame(size);
        Painter(frame, kiosk->i18n, Lang::en, TypeScales{}).emergency(a);
        const Rect screen{0, 0, size.w, size.h};
        for (const auto& op : frame.texts) {
            CHECK_TEXT(!op.text.ends_with(ellipsis), op.text.c_str());
            CHECK_TRUE(screen.contains(op.box));
        }
    }
}

TEST(Shell, AnEmergencyShowsEvenWhileTheClockIsNotYetSet) {
    Feed feed = test::demo_feed();
    for (auto& a : feed.announcements) {
        if (a.level == Level::emergency) {
            a.from = feed.generated_at - seconds(60);  // in force when the feed was made
        }
    }
    kiosk.emplace(feed);
    Shell::Options options;
    options.venue_id = "palace";
    shell.emplace(kiosk->store, kiosk->i18n, kiosk->languages, options);
    clock.set(at("1970-01-01T00:01:00Z"));
    step();
    CHECK_TRUE(emergency_drawn());
}

TEST(Shell, AKioskWithoutAVenueTakesTheFirstVenueOfItsFeedAndNotOthersEmergencies) {
    Feed feed = test::demo_feed();
    for (auto& a : feed.announcements) {
        if (a.level == Level::emergency) {
            a.venues = {"samal"};  // the evacuation is elsewhere
        }
    }
    kiosk.emplace(feed);
    Shell::Options options;  // no venue: as a kiosk that booted on an empty cache
    shell.emplace(kiosk->store, kiosk->i18n, kiosk->languages, options);
    clock.set(at("2018-09-18T16:01:00+06:00"));
    step();
    STRCMP_EQUAL("palace", shell->ui().venue_id.c_str());
    CHECK_FALSE(emergency_drawn());
}

TEST(Shell, TheFirstFeedIntoAnEmptyCacheShowsAtOnceOnEveryScreen) {
    const std::string waiting = kiosk->i18n.text(Lang::kk, "board.waiting");
    for (const char* screen : {"board", "day", "hall:grand", "film:salt-road"}) {
        Store empty = Store::open(":memory:");
        Shell::Options options;
        options.venue_id = "palace";
        options.home = *parse_screen(screen);
        shell.emplace(empty, kiosk->i18n, kiosk->languages, options);
        CHECK_TRUE(step());
        CHECK_TEXT(drawn(canvas, waiting), screen);

        // The sync thread applies the first feed; the clock has not moved.
        empty.apply(test::demo_feed(), test::demo_feed().generated_at);
        shell->notice_new_data();
        CHECK_TEXT(step(), screen);
        CHECK_TEXT(!drawn(canvas, waiting), screen);
        shell.reset();
    }
}

TEST(Shell, ScreenOptionsNameABoardADayAHallOrAFilm) {
    CHECK_TRUE(parse_screen("board") == (ScreenRequest{ScreenKind::board, {}}));
    CHECK_TRUE(parse_screen("day") == (ScreenRequest{ScreenKind::day, {}}));
    CHECK_TRUE(parse_screen("hall:grand") == (ScreenRequest{ScreenKind::hall, "grand"}));
    CHECK_TRUE(parse_screen("film:salt-road") == (ScreenRequest{ScreenKind::film, "salt-road"}));
    CHECK_FALSE(parse_screen("hall:").has_value());
    CHECK_FALSE(parse_screen("film:a/b").has_value());
    CHECK_FALSE(parse_screen("map").has_value());
}
