#include "kiosk/board_screen.hpp"

#include "demo_store.hpp"
#include "kiosk/config.hpp"
#include "kiosk/layout.hpp"
#include "kiosk/painter.hpp"
#include "kiosk/theme.hpp"
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
using aff::test::find_text;
using aff::test::drawn;
using aff::test::drawn_or_ellipsised;
using aff::test::layout_problem;

namespace {

const char* const evening = "2018-09-15T18:00:00+06:00";

}  // namespace

TEST_GROUP(Board) {
    std::string path;
    std::optional<Store> store;
    std::optional<I18n> i18n;
    Feed feed;

    void setup() override {
        path = aff::test::scratch_cache("board.db");
        feed = aff::test::demo_feed();
        store = Store::open(path);
        i18n = I18n::load(std::string(AFF_SOURCE_DATADIR) + "/i18n");
        apply(at("2018-09-15T17:55:00+06:00"));
    }
    void teardown() override {
        store.reset();
        i18n.reset();
        feed = Feed{};
        aff::test::remove_cache(path);
    }

    void apply(Instant applied_at) { store->apply(feed, applied_at); }

    BoardModel model(const char* when, const std::string& venue = {}) {
        auto board = load_board(*store, venue.empty() ? feed.venues.front().id : venue, at(when));
        CHECK_TRUE(board.has_value());
        return *board;
    }

    RecordingCanvas render(Size size, Lang lang, const char* when = evening) {
        return render(size, lang, model(when));
    }

    RecordingCanvas render(Size size, Lang lang, const BoardModel& board, std::size_t page = 0) {
        RecordingCanvas canvas(size);
        const std::string venue = feed.venues.front().id;
        const auto status = load_status(*store, venue, board.now, UiSettings{});
        CHECK_TRUE(status.has_value());
        BoardView view;
        view.page = page;
        view.min_touch = touch_target_px(96);
        Hotspots spots;
        layout = render_board(canvas, board, *status, *i18n, lang, view, spots);
        return canvas;
    }
    BoardLayout layout;

    void check_layout(Size size, Lang lang, const BoardModel& board) {
        const std::string problem = layout_problem(render(size, lang, board), size);
        CHECK_TEXT(problem.empty(), problem.c_str());
    }
};

TEST(Board, NoTextLeavesTheScreenAndNoTwoTextsOverlapInAnyLanguageOrShape) {
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{1280, 720}, Size{800, 480},
                      Size{3840, 2160}}) {
        for (Lang lang : all_langs) {
            check_layout(size, lang, model(evening));
            CHECK_TRUE(render(size, lang).texts.size() > 20);
            check_layout(size, lang, model("2018-09-16T00:20:00+06:00"));
            check_layout(size, lang, model("2018-09-15T10:30:00+06:00"));
        }
    }
}

TEST(Board, EveryVenueOfTheDemoFitsInEveryLanguage) {
    for (const auto& venue : feed.venues) {
        for (Size size : {Size{1920, 1080}, Size{1080, 1920}}) {
            for (Lang lang : all_langs) {
                check_layout(size, lang, model("2018-09-16T19:00:00+06:00", venue.id));
            }
        }
    }
}

TEST(Board, AVenueWithManyHallsStillFitsWithoutOverlap) {
    BoardModel board = model("2018-09-15T10:30:00+06:00");
    const auto halls = board.halls;
    for (int copy = 0; copy < 3; ++copy) {
        board.halls.insert(board.halls.end(), halls.begin(), halls.end());
    }
    LONGS_EQUAL(16, board.halls.size());
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{800, 480}}) {
        for (Lang lang : all_langs) {
            check_layout(size, lang, board);
        }
    }
    // The first hall is always on the board, even when the column cannot hold every hall.
    const RecordingCanvas canvas = render(Size{1920, 1080}, Lang::en, board);
    CHECK_TRUE(drawn_or_ellipsised(canvas, halls.front().hall_name.get(Lang::en)));
}

TEST(Board, AnExpiredFeedIsFlaggedAsPossiblyOutOfDate) {
    CHECK_FALSE(drawn(render(Size{1920, 1080}, Lang::en), "The schedule may be out of date"));
    feed.expires_at = at("2018-09-15T12:00:00+06:00");
    ++feed.sequence;
    apply(at("2018-09-15T11:00:00+06:00"));
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::en), "The schedule may be out of date"));
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::kk), "Кесте ескірген болуы мүмкін"));
}

TEST(Board, AnUnknownVenueGivesABoardWithoutHalls) {
    const BoardModel board = model(evening, "no-such-venue");
    CHECK_TRUE(board.halls.empty());
    CHECK_TRUE(board.later.empty());
    check_layout(Size{1920, 1080}, Lang::en, board);
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::en, board), "No more screenings today"));
}

TEST(Board, TheClockShowsTheFestivalsLocalTimeLarge) {
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}}) {
        const RecordingCanvas canvas = render(size, Lang::kk);
        const auto* clock = find_text(canvas, "18:00");
        CHECK_TRUE(clock != nullptr);
        LONGS_EQUAL(Theme::for_screen(size).type.clock.px, clock->font.px);
    }
}

TEST(Board, EveryHallShowsTheTitleOfWhatIsOnNow) {
    const BoardModel board = model(evening);
    int running = 0;
    for (Lang lang : all_langs) {
        const RecordingCanvas canvas = render(Size{1920, 1080}, lang);
        for (const auto& hall : board.halls) {
            CHECK_TRUE(drawn_or_ellipsised(canvas, hall.hall_name.get(lang)));
            if (hall.now) {
                ++running;
                CHECK_TEXT(drawn_or_ellipsised(canvas, hall.now->title.get(lang)),
                           hall.now->title.get(lang).c_str());
            }
        }
    }
    CHECK_TRUE(running > 0);
}

TEST(Board, TheHeaderNamesTheFestivalVenueDateAndFestivalDay) {
    const RecordingCanvas en = render(Size{1920, 1080}, Lang::en);
    CHECK_TRUE(drawn(en, "Day 1 of 5"));
    CHECK_TRUE(drawn(en, "Saturday 15 September"));
    CHECK_TRUE(drawn(en, feed.festival.name.get(Lang::en)));
    CHECK_TRUE(drawn(en, feed.venues.front().name.get(Lang::en)));
    const RecordingCanvas kk = render(Size{1920, 1080}, Lang::kk);
    CHECK_TRUE(drawn(kk, "15 қыркүйек, сенбі"));
    CHECK_TRUE(drawn(kk, "5 күннің 1-күні"));
    const RecordingCanvas ru = render(Size{1080, 1920}, Lang::ru);
    CHECK_TRUE(drawn(ru, "15 сентября, суббота"));
    CHECK_TRUE(drawn(ru, "День 1 из 5"));
}

TEST(Board, AfterMidnightTheBoardStaysOnThePreviousFestivalDay) {
    const RecordingCanvas canvas = render(Size{1920, 1080}, Lang::en, "2018-09-16T00:20:00+06:00");
    CHECK_TRUE(drawn(canvas, "00:20"));
    CHECK_TRUE(drawn(canvas, "Saturday 15 September"));
    CHECK_TRUE(drawn(canvas, "Day 1 of 5"));
}

TEST(Board, TheBoardSpeaksTheCurrentLanguage) {
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::kk), "Қазір көрсетілуде"));
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::ru), "Сейчас на экране"));
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::en), "Now showing"));
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::en), "Later today"));
}

TEST(Board, LaterTodayListsWhatHasNotStartedAndIsNotInTheNowColumn) {
    const BoardModel board = model(evening);
    CHECK_TRUE(!board.later.empty());
    for (const auto& s : board.later) {
        CHECK_TRUE(s.effective_start() > board.now);
        CHECK_TRUE(s.festival_day == aff::test::demo_day(board.now));
        for (const auto& hall : board.halls) {
            CHECK_TRUE(!hall.now || hall.now->id != s.id);
            CHECK_TRUE(!hall.next || hall.next->id != s.id);
        }
    }
    const RecordingCanvas canvas = render(Size{1920, 1080}, Lang::en);
    CHECK_TRUE(drawn_or_ellipsised(canvas, board.later.front().title.get(Lang::en)));
    CHECK_TRUE(drawn(canvas, aff::test::hh_mm(board.later.front().effective_start())));
}

TEST(Board, WhatComesNextInEveryHallIsOnTheFirstPageEvenWhenEachHallGetsOneLine) {
    // Halls that get one line each show what is on, not what follows: then their next screenings
    // lead the later list, so that nothing soon is missing from the board.
    const struct {
        Size size;
        const char* when;
    } cases[] = {{Size{800, 480}, "2018-09-16T15:20:00+06:00"},
                 {Size{1920, 1080}, "2018-09-17T13:30:00+06:00"},
                 {Size{1280, 720}, "2018-09-17T13:30:00+06:00"}};
    for (const auto& c : cases) {
        const BoardModel board = model(c.when);
        for (Lang lang : all_langs) {
            const RecordingCanvas canvas = render(c.size, lang, board);
            for (const auto& hall : board.halls) {
                if (!hall.next) {
                    continue;
                }
                const std::string what = std::string(c.when) + " " +
                                         hall.hall_name.get(Lang::en) + ": " +
                                         hall.next->title.get(lang);
                CHECK_TEXT(drawn_or_ellipsised(canvas, hall.next->title.get(lang)), what.c_str());
                CHECK_TEXT(drawn(canvas, aff::test::hh_mm(hall.next->effective_start())),
                           what.c_str());
            }
        }
    }
}

TEST(Board, WhenTheListDoesNotFitItTurnsPagesAndSaysWhichPageIsShown) {
    const BoardModel board = model("2018-09-15T10:30:00+06:00");
    const RecordingCanvas first = render(Size{800, 480}, Lang::en, board, 0);
    const std::size_t pages = layout.pages;
    CHECK_TRUE(pages > 1);
    CHECK_TRUE(drawn(first, "1 / " + std::to_string(pages)));
    CHECK_TRUE(drawn(first, aff::test::hh_mm(board.later.front().effective_start())));
    const RecordingCanvas second = render(Size{800, 480}, Lang::en, board, 1);
    CHECK_TRUE(drawn(second, "2 / " + std::to_string(pages)));
    // Every screening is on some page.
    for (const auto& s : board.later) {
        bool found = false;
        for (std::size_t page = 0; page < pages && !found; ++page) {
            found = drawn_or_ellipsised(render(Size{800, 480}, Lang::en, board, page),
                                        s.title.get(Lang::en));
        }
        CHECK_TEXT(found, s.title.get(Lang::en).c_str());
    }
}

TEST(Board, StatusesAreSpelledOutNotOnlyColoured) {
    const BoardModel before = model(evening);
    CHECK_TRUE(before.later.size() >= 3);
    for (auto& s : feed.screenings) {
        if (s.id == before.later[0].id) {
            s.status = Status::cancelled;
        } else if (s.id == before.later[1].id) {
            s.status = Status::delayed;
            s.delay_min = 15;
        } else if (s.id == before.later[2].id) {
            s.status = Status::sold_out;
            s.qa = true;
        }
    }
    ++feed.sequence;
    apply(at("2018-09-15T17:58:00+06:00"));
    const RecordingCanvas en = render(Size{1920, 1080}, Lang::en);
    CHECK_TRUE(drawn(en, "Cancelled"));
    CHECK_TRUE(drawn(en, "Delayed +15 min"));
    CHECK_TRUE(drawn(en, "Sold out"));
    CHECK_TRUE(drawn(en, "Q&A"));
    const RecordingCanvas kk = render(Size{1920, 1080}, Lang::kk);
    CHECK_TRUE(drawn(kk, "Болдырылмады"));
    CHECK_TRUE(drawn(kk, "Кешігу +15 мин"));
    CHECK_TRUE(drawn(kk, "Сұрақ-жауап"));
}

TEST(Board, TheFooterExplainsTheQaMarkWhenTheBoardShowsOne) {
    const BoardModel board = model(evening);
    const bool qa_on_board =
        std::any_of(board.later.begin(), board.later.end(), [](const auto& s) { return s.qa; });
    CHECK_TRUE(qa_on_board);
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::ru, board),
                     "Вопросы и ответы с авторами фильма после сеанса"));
    BoardModel without = board;
    for (auto& s : without.later) {
        s.qa = false;
    }
    for (auto& hall : without.halls) {
        for (auto* s : {&hall.now, &hall.next}) {
            if (*s) {
                (*s)->qa = false;
            }
        }
    }
    CHECK_FALSE(drawn(render(Size{1920, 1080}, Lang::ru, without),
                      "Вопросы и ответы с авторами фильма после сеанса"));
}

TEST(Board, TheFooterShowsEveryLanguageWithTheCurrentOneHighlighted) {
    const Palette palette = festival_palette();
    const RecordingCanvas canvas = render(Size{1920, 1080}, Lang::ru);
    const auto* kk = find_text(canvas, "ҚАЗ");
    const auto* ru = find_text(canvas, "РУС");
    const auto* en = find_text(canvas, "ENG");
    CHECK_TRUE(kk != nullptr && ru != nullptr && en != nullptr);
    CHECK_TRUE(ru->color == palette.accent);
    CHECK_TRUE(kk->color != palette.accent);
    CHECK_TRUE(en->color != palette.accent);
    CHECK_TRUE(kk->box.x < ru->box.x && ru->box.x < en->box.x);
}

TEST(Board, TheFooterSaysWhenTheScheduleWasUpdated) {
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::en), "Updated 17:55"));
    CHECK_TRUE(drawn(render(Size{1920, 1080}, Lang::ru), "Обновлено 17:55"));
}

TEST(Board, LaterRowsKeepTheirColumnsAligned) {
    const BoardModel board = model(evening);
    const RecordingCanvas canvas = render(Size{1920, 1080}, Lang::en);
    std::vector<int> time_x;
    for (const auto& s : board.later) {
        for (const auto& op : canvas.texts) {
            if (op.text == aff::test::hh_mm(s.effective_start()) && op.box.x > 1920 / 2) {
                time_x.push_back(op.box.x);
            }
        }
    }
    CHECK_TRUE(time_x.size() >= 3);
    CHECK_TRUE(std::all_of(time_x.begin(), time_x.end(), [&](int x) { return x == time_x[0]; }));
}

TEST_GROUP(BoardScreen) {
    test::FakeClock clock{at("2018-09-15T18:00:00+06:00")};
    std::optional<test::UiFixture> kiosk;
    RecordingCanvas canvas{Size{1920, 1080}};

    void setup() override { kiosk.emplace(); }
    void teardown() override { kiosk.reset(); }

    Ui& ui() { return kiosk->ui; }
    void languages(LanguageCycle cycle) { kiosk->languages = std::move(cycle); }

    // As the app's loop does: update, and draw when the screen asks for it.
    bool update(BoardScreen& screen) {
        const bool changed = screen.update(clock.now(), clock.ticks());
        if (changed) {
            screen.render(canvas);
        }
        return changed;
    }
    InputEvent tap_on(const std::string& text) {
        const auto* op = find_text(canvas, text);
        CHECK_TEXT(op != nullptr, text.c_str());
        InputEvent tap;
        tap.type = InputEvent::Type::tap;
        tap.x = op->box.x + op->box.w / 2;
        tap.y = op->box.y + op->box.h / 2;
        return tap;
    }
};

TEST(BoardScreen, DrawsAtFirstAndThenOnlyWhenSomethingChanged) {
    languages(LanguageCycle::pinned(Lang::en));
    ui().settings.page_period = std::chrono::seconds(600);
    BoardScreen board(ui());
    CHECK_TRUE(update(board));
    clock.advance(std::chrono::seconds(20));
    CHECK_FALSE(update(board));
    clock.advance(std::chrono::seconds(39));
    CHECK_FALSE(update(board));
    clock.advance(std::chrono::seconds(1));  // 18:01
    CHECK_TRUE(update(board));
    CHECK_FALSE(update(board));
}

TEST(BoardScreen, RotatesKazakhRussianEnglishEveryPeriod) {
    languages(LanguageCycle({Lang::kk, Lang::ru, Lang::en}, std::chrono::seconds(8), clock.ticks()));
    BoardScreen board(ui());
    CHECK_TRUE(update(board));
    CHECK_TRUE(board.language() == Lang::kk);
    clock.advance(std::chrono::milliseconds(7999));
    CHECK_FALSE(update(board));
    clock.advance(std::chrono::milliseconds(1));
    CHECK_TRUE(update(board));
    CHECK_TRUE(board.language() == Lang::ru);
    clock.advance(std::chrono::seconds(8));
    CHECK_TRUE(update(board));
    CHECK_TRUE(board.language() == Lang::en);
    clock.advance(std::chrono::seconds(8));
    CHECK_TRUE(update(board));
    CHECK_TRUE(board.language() == Lang::kk);
}

TEST(BoardScreen, SleepsUntilTheNextRotationPageOrMinute) {
    languages(LanguageCycle({Lang::kk, Lang::ru}, std::chrono::seconds(8), clock.ticks()));
    ui().settings.page_period = std::chrono::seconds(10);
    BoardScreen board(ui());
    update(board);
    clock.advance(std::chrono::seconds(3));
    LONGS_EQUAL(5000, board.next_update(clock.now(), clock.ticks()).count());
    clock.advance(std::chrono::seconds(5));
    update(board);  // 8 s: the ticker turns at 10 s, before the next language at 16 s
    LONGS_EQUAL(2000, board.next_update(clock.now(), clock.ticks()).count());

    languages(LanguageCycle::pinned(Lang::kk));
    ui().settings.page_period = std::chrono::seconds(600);  // nothing turns within the minute
    BoardScreen still(ui());
    clock.advance(std::chrono::seconds(2));  // 18:00:10
    update(still);
    clock.advance(std::chrono::seconds(10));  // 18:00:20
    LONGS_EQUAL(40000, still.next_update(clock.now(), clock.ticks()).count());
}

TEST(BoardScreen, ATapOnALanguagePinsItUntilTheRotationResumes) {
    languages(LanguageCycle({Lang::kk, Lang::ru, Lang::en}, std::chrono::seconds(8), clock.ticks()));
    BoardScreen board(ui());
    update(board);
    clock.advance(std::chrono::seconds(5));
    CHECK_TRUE(board.input(tap_on("ENG")));
    CHECK_TRUE(update(board));
    CHECK_TRUE(board.language() == Lang::en);
    clock.advance(std::chrono::seconds(30));  // a pinned language does not rotate
    update(board);
    CHECK_TRUE(board.language() == Lang::en);
    kiosk->languages.resume(clock.ticks());
    CHECK_TRUE(update(board));
    CHECK_TRUE(board.language() != Lang::en);
}

TEST(BoardScreen, ATapOnALaterScreeningOpensItsFilm) {
    languages(LanguageCycle::pinned(Lang::en));
    BoardScreen board(ui());
    update(board);
    const ScreeningView& first = board.model()->later.front();
    const auto* time = find_text(canvas, aff::test::hh_mm(first.effective_start()));
    CHECK_TRUE(time != nullptr);
    InputEvent tap;
    tap.type = InputEvent::Type::tap;
    tap.x = time->box.x + 1;
    tap.y = time->box.y + time->box.h / 2;
    board.input(tap);
    CHECK_TRUE(kiosk->nav.calls.size() == 1);
    STRCMP_EQUAL(("film:" + first.film_id).c_str(), kiosk->nav.calls.back().c_str());
}

TEST(BoardScreen, TheProgrammeButtonOpensTheDayProgramme) {
    languages(LanguageCycle::pinned(Lang::ru));
    BoardScreen board(ui());
    update(board);
    CHECK_TRUE(board.input(tap_on("Программа")));
    STRCMP_EQUAL("day", kiosk->nav.calls.back().c_str());
}

TEST(BoardScreen, EveryTouchTargetIsAtLeastNineMillimetresAndNoneOverlap) {
    languages(LanguageCycle::pinned(Lang::kk));
    for (int dpi : {96, 160}) {
        ui().settings.dpi = dpi;
        for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{800, 480}, Size{480, 800}}) {
            for (const char* type : {"100", "130"}) {
                ui().settings.type_scales = *parse_type_scales(type);
                BoardScreen board(ui());
                canvas = RecordingCanvas(size);
                update(board);
                const auto& spots = board.hotspots().spots();
                CHECK_TRUE(spots.size() > 3);
                for (std::size_t i = 0; i < spots.size(); ++i) {
                    const std::string where = std::to_string(size.w) + "x" +
                                              std::to_string(size.h) + " " + type + "% " +
                                              std::to_string(dpi) + "dpi: " +
                                              describe(spots[i].target) + " " +
                                              std::to_string(spots[i].rect.w) + "x" +
                                              std::to_string(spots[i].rect.h);
                    CHECK_TEXT(spots[i].rect.w >= touch_target_px(dpi), where.c_str());
                    CHECK_TEXT(spots[i].rect.h >= touch_target_px(dpi), where.c_str());
                    for (std::size_t j = i + 1; j < spots.size(); ++j) {
                        const auto& a = spots[i].rect;
                        const auto& b = spots[j].rect;
                        CHECK_TEXT(!a.intersects(b),
                                   (std::to_string(size.w) + "x" + std::to_string(size.h) + " " +
                                    type + "% " + std::to_string(dpi) + "dpi: " +
                                    describe(spots[i].target) + " at " +
                                    std::to_string(a.x) + "," + std::to_string(a.y) + " " +
                                    std::to_string(a.w) + "x" + std::to_string(a.h) + " and " +
                                    describe(spots[j].target) + " at " +
                                    std::to_string(b.x) + "," + std::to_string(b.y) + " " +
                                    std::to_string(b.w) + "x" + std::to_string(b.h))
                                       .c_str());
                    }
                }
                // The way into the touch screens is always there.
                CHECK_TRUE(std::any_of(spots.begin(), spots.end(), [](const auto& spot) {
                    return std::holds_alternative<tap::Programme>(spot.target);
                }));
            }
        }
    }
}

TEST(BoardScreen, ANewerFeedInTheCacheIsShownWithinAMinuteEvenOnAFrozenClock) {
    languages(LanguageCycle::pinned(Lang::en));
    ui().settings.page_period = std::chrono::seconds(600);
    BoardScreen board(ui());
    const Instant frozen = clock.now();
    CHECK_TRUE(board.update(frozen, clock.ticks()));
    board.render(canvas);
    Feed feed = test::demo_feed();
    feed.sequence += 1;
    kiosk->store.apply(feed, frozen);
    clock.advance(std::chrono::seconds(30));
    CHECK_FALSE(board.update(frozen, clock.ticks()));
    clock.advance(std::chrono::seconds(30));
    CHECK_TRUE(board.update(frozen, clock.ticks()));
    LONGS_EQUAL(feed.sequence, board.model()->sequence);
}

TEST(BoardScreen, TheTickerTakesTheActiveAnnouncementsInTurn) {
    languages(LanguageCycle::pinned(Lang::en));
    BoardScreen board(ui());
    update(board);
    // 15 Sept 18:00 at the Palace: the welcome, the Q&A note, the café hours and the opening night.
    CHECK_TRUE(drawn_or_ellipsised(canvas, "Welcome to the Almaty Film Festival! Scan the QR code "
                                           "for the full programme and tickets."));
    clock.advance(ui().settings.page_period);
    CHECK_TRUE(update(board));
    CHECK_FALSE(drawn_or_ellipsised(canvas, "Welcome to the Almaty Film Festival! Scan the QR "
                                            "code for the full programme and tickets."));
    CHECK_TRUE(drawn(canvas, "Info"));
}

TEST(BoardScreen, AnUrgentAnnouncementIsABannerUnderTheHeader) {
    languages(LanguageCycle::pinned(Lang::ru));
    clock.set(at("2018-09-15T13:00:00+06:00"));  // the road closure, urgent, at the Palace
    BoardScreen board(ui());
    update(board);
    const auto* label = find_text(canvas, "Важно");
    CHECK_TRUE(label != nullptr);
    const auto* festival = find_text(canvas, "Алматинский кинофестиваль 2018");
    CHECK_TRUE(festival != nullptr && festival->box.y < label->box.y);
}

TEST(BoardScreen, TheBoardCarriesAQrCodeOfTheFestivalsProgramme) {
    languages(LanguageCycle::pinned(Lang::en));
    BoardScreen board(ui());
    update(board);
    const auto qr = std::find_if(canvas.images.begin(), canvas.images.end(),
                                 [](const auto& op) { return op.path.starts_with("modules:"); });
    CHECK_TRUE(qr != canvas.images.end());
    CHECK_TRUE(qr->box.w >= 21 && qr->box.w == qr->box.h);
}

TEST(BoardScreen, AnUntrustedClockShowsNoNowOnlyTheDaysProgrammeAndSaysTheTimeIsBeingSet) {
    languages(LanguageCycle::pinned(Lang::en));
    clock.set(at("1970-01-01T00:00:30Z"));  // a Pi without an RTC, booted offline
    BoardScreen board(ui());
    update(board);
    CHECK_FALSE(drawn(canvas, "00:00"));
    CHECK_FALSE(drawn(canvas, "06:00"));
    CHECK_FALSE(drawn(canvas, "Now showing"));
    CHECK_TRUE(drawn(canvas, "Setting the clock"));
    CHECK_TRUE(drawn(canvas, "Today’s programme"));
    CHECK_TRUE(drawn(canvas, "Saturday 15 September"));  // the day the feed was made
    CHECK_TRUE(std::none_of(canvas.texts.begin(), canvas.texts.end(), [](const auto& op) {
        return op.text.find("minute") != std::string::npos;  // no countdown, no time left
    }));
    // The clock is set: the board recovers at the next minute, by itself.
    clock.set(at("2018-09-15T18:00:00+06:00"));
    CHECK_TRUE(update(board));
    CHECK_TRUE(drawn(canvas, "18:00"));
    CHECK_TRUE(drawn(canvas, "Now showing"));
    CHECK_FALSE(drawn(canvas, "Setting the clock"));
}

// A publisher's clock six hours fast dates the feed at midnight while the kiosks read 18:00.
TEST(BoardScreen, AClockTheKernelCallsSynchronisedIsTrustedWhateverDateTheFeedGives) {
    Feed fast = test::demo_feed();
    fast.generated_at = at("2018-09-16T00:00:00+06:00");
    kiosk.emplace(fast);
    languages(LanguageCycle::pinned(Lang::en));
    test::FakeClockSync kernel(true);
    ui().settings.clock_sync = &kernel;
    BoardScreen board(ui());
    update(board);
    CHECK_TRUE(drawn(canvas, "Now showing"));
    CHECK_TRUE(drawn(canvas, "18:00"));
    CHECK_FALSE(drawn(canvas, "Setting the clock"));
}

TEST(BoardScreen, UntilTheKernelCallsTheClockSynchronisedTheFeedsDateDecides) {
    Feed fast = test::demo_feed();
    fast.generated_at = at("2018-09-16T00:00:00+06:00");
    kiosk.emplace(fast);
    languages(LanguageCycle::pinned(Lang::en));
    test::FakeClockSync kernel(false);
    ui().settings.clock_sync = &kernel;
    BoardScreen board(ui());
    update(board);
    CHECK_TRUE(drawn(canvas, "Setting the clock"));
    CHECK_FALSE(drawn(canvas, "Now showing"));
    // NTP sets the clock: the next minute's status trusts it.
    kernel.set(true);
    clock.advance(std::chrono::minutes(1));
    CHECK_TRUE(update(board));
    CHECK_TRUE(drawn(canvas, "Now showing"));
    CHECK_FALSE(drawn(canvas, "Setting the clock"));
}

TEST(Board, BeforeTheFirstFeedTheScreenSaysTheScheduleIsComingInEveryLanguage) {
    for (const Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{800, 480}}) {
        for (const Lang lang : all_langs) {
            test::RecordingCanvas canvas(size);
            render_waiting(canvas, *i18n, lang);
            LONGS_EQUAL(1, canvas.texts.size());
            STRCMP_EQUAL(i18n->text(lang, "board.waiting").c_str(), canvas.texts[0].text.c_str());
            CHECK_TRUE((Rect{0, 0, size.w, size.h}.contains(canvas.texts[0].box)));
        }
    }
}
