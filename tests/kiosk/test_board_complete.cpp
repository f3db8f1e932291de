// The board's layout test, with the real fonts: at every size with every dpi the documentation
// gives for it and at every accepted type scale, every hall and every screening of the board's
// model is somewhere on the board (on one of its pages), nothing overlaps or leaves the screen,
// and the board has one shape in every language.
#include "kiosk/board_view.hpp"

#include "kiosk/painter.hpp"
#include "kiosk/qr.hpp"
#include "platform/fonts.hpp"
#include "platform/metrics_canvas.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;
using aff::test::drawn;
using aff::test::drawn_or_ellipsised;
using aff::test::RecordingCanvas;

namespace {

struct Panel {
    Size size;
    int dpi;
};

// README and docs/operations.md: 1080p panels of 32" (69 dpi) and 21.5" (102), a 7" 800x480
// one (133), and the default 96 for every size; each upright and sideways.
const Panel panels[] = {
    {{1920, 1080}, 69},  {{1920, 1080}, 96}, {{1920, 1080}, 102}, {{1080, 1920}, 69},
    {{1080, 1920}, 102}, {{1280, 720}, 96},  {{800, 480}, 96},    {{800, 480}, 133},
    {{480, 800}, 133},   {{3840, 2160}, 96},
};

// Every accepted type scale, in steps of five, and the largest.
std::vector<int> type_scales() {
    std::vector<int> list;
    for (int percent = TypeScales::min_percent; percent < TypeScales::max_percent;
         percent += 5) {
        list.push_back(percent);
    }
    list.push_back(TypeScales::max_percent);
    return list;
}

std::string name(const Panel& panel, int percent, Lang lang, const char* when) {
    return std::to_string(panel.size.w) + "x" + std::to_string(panel.size.h) + " " +
           std::to_string(panel.dpi) + "dpi " + std::to_string(percent) + "% " +
           std::string(lang_code(lang)) + " at " + when + ": ";
}

}  // namespace

TEST_GROUP(BoardComplete) {
    std::unique_ptr<MetricsCanvas> metrics;
    std::optional<test::UiFixture> kiosk;
    BoardLayout layout;

    void setup() override {
        const auto fonts = find_font_files("Noto Sans");
        CHECK_TRUE(fonts.has_value());
        metrics = MetricsCanvas::create(Size{1920, 1080}, *fonts);
        kiosk.emplace();
    }
    void teardown() override {
        kiosk.reset();
        metrics.reset();
    }

    BoardModel model(const char* when) {
        auto board = load_board(kiosk->store, "palace", at(when));
        CHECK_TRUE(board.has_value());
        return *board;
    }
    RecordingCanvas render(const BoardModel& board, const Panel& panel, int percent, Lang lang,
                           std::size_t page = 0) {
        metrics->resize(panel.size);
        RecordingCanvas canvas(panel.size, *metrics);
        const auto status = load_status(kiosk->store, "palace", board.now, UiSettings{});
        CHECK_TRUE(status.has_value());
        BoardView view;
        view.page = page;
        view.ticker = page;
        view.min_touch = touch_target_px(panel.dpi);
        view.type_scales.fallback = percent;
        // The code of the festival's url, as the board screen makes it.
        const auto qr = make_qr(status->info.url);
        view.qr = qr ? &*qr : nullptr;
        Hotspots spots;
        layout = render_board(canvas, board, *status, kiosk->i18n, lang, view, spots);
        return canvas;
    }
    // Every page of the board, as the page counter turns through them all.
    std::vector<RecordingCanvas> pages(const BoardModel& board, const Panel& panel, int percent,
                                       Lang lang) {
        std::vector<RecordingCanvas> frames{render(board, panel, percent, lang)};
        const std::size_t count = std::max(layout.pages, layout.hall_pages);
        for (std::size_t page = 1; page < count; ++page) {
            frames.push_back(render(board, panel, percent, lang, page));
        }
        return frames;
    }
    // What the board leaves out at `panel` and `percent` in `lang` (a hall, a screening), or
    // what else is wrong with a page of it; "" when nothing is.
    std::string left_out(const BoardModel& board, const Panel& panel, int percent, Lang lang) {
        const auto frames = pages(board, panel, percent, lang);
        if (layout.halls_counted > 0) {
            return "halls only counted";
        }
        for (const auto& frame : frames) {
            if (auto problem = test::layout_problem(frame, panel.size); !problem.empty()) {
                return problem;
            }
        }
        std::vector<const ScreeningView*> screenings;
        for (const auto& hall : board.halls) {
            if (!on_some_page(frames, hall.hall_name.get(lang))) {
                return "hall " + hall.hall_name.get(lang);
            }
            for (const auto* s : {&hall.now, &hall.next}) {
                if (*s) {
                    screenings.push_back(&**s);
                }
            }
            for (const auto& away : hall.away) {
                if (away.effective_start() <= board.now) {
                    screenings.push_back(&away);
                }
            }
        }
        for (const auto& s : board.later) {
            screenings.push_back(&s);
        }
        for (const ScreeningView* s : screenings) {
            if (!on_some_page(frames, s->title.get(lang))) {
                return "screening " + s->title.get(lang);
            }
        }
        return {};
    }
    static bool on_some_page(const std::vector<RecordingCanvas>& frames, const std::string& text) {
        return std::any_of(frames.begin(), frames.end(), [&](const RecordingCanvas& frame) {
            return drawn_or_ellipsised(frame, text);
        });
    }
};

TEST(BoardComplete, EveryHallAndScreeningIsOnTheBoardAtEverySizeDpiAndTypeScale) {
    // The road closure in the banner; the opening night; the cancellation in the Blue Hall.
    for (const char* when : {"2018-09-15T13:00:00+06:00", "2018-09-15T18:00:00+06:00",
                             "2018-09-17T13:30:00+06:00"}) {
        const BoardModel board = model(when);
        CHECK_EQUAL(4U, board.halls.size());
        for (const Panel& panel : panels) {
            for (int percent : type_scales()) {
                for (Lang lang : all_langs) {
                    const std::string problem = left_out(board, panel, percent, lang);
                    CHECK_TEXT(problem.empty(),
                               (name(panel, percent, lang, when) + problem).c_str());
                }
            }
        }
    }
}

TEST(BoardComplete, TheBoardHasOneShapeInEveryLanguage) {
    const Palette palette = festival_palette();
    // What is drawn where, but the words: the parts and rows, the rules, bands and bars.
    const auto shape = [&](const RecordingCanvas& canvas) {
        std::vector<Rect> rects;
        for (const auto& fill : canvas.fills) {
            if (fill.color == palette.rule || fill.color == palette.band ||
                fill.color == palette.track || fill.color == palette.progress) {
                rects.push_back(fill.rect);
            }
        }
        for (const auto& image : canvas.images) {
            rects.push_back(image.box);
        }
        return rects;
    };
    // With the urgent road closure in its banner, the evening, and the cancellation.
    for (const char* when : {"2018-09-15T13:00:00+06:00", "2018-09-15T18:00:00+06:00",
                             "2018-09-17T13:30:00+06:00"}) {
        const BoardModel board = model(when);
        for (const Panel& panel : panels) {
            for (int percent : {100, TypeScales::max_percent}) {
                const RecordingCanvas first = render(board, panel, percent, Lang::kk);
                const BoardLayout first_layout = layout;
                for (Lang lang : {Lang::ru, Lang::en}) {
                    const std::string where = name(panel, percent, lang, when);
                    const RecordingCanvas other = render(board, panel, percent, lang);
                    CHECK_TEXT(layout == first_layout, (where + "another layout").c_str());
                    CHECK_TEXT(shape(other) == shape(first), (where + "another shape").c_str());
                }
            }
        }
    }
}

TEST(BoardComplete, HallsGiveUpTheirFullFormOnlyForRoomTheyLackAndLeaveNoneEmpty) {
    // 15 September 13:00: the road closure in the banner is two lines long in kk and ru. Where
    // a hall row is cut down, the now column is not left with room it could have used.
    const BoardModel board = model("2018-09-15T13:00:00+06:00");
    for (const Panel& panel : panels) {
        for (Lang lang : all_langs) {
            render(board, panel, 100, lang);
            const Rect& first_row = layout.rows.front();
            const auto column = std::find_if(
                layout.parts.begin(), layout.parts.end(),
                [&](const Rect& part) { return part.contains(first_row) && part != first_row; });
            CHECK_TRUE(column != layout.parts.end());
            int bottom = first_row.bottom();
            for (const Rect& row : layout.rows) {
                if (column->contains(row)) {
                    bottom = std::max(bottom, row.bottom());
                }
            }
            const std::string where = name(panel, 100, lang, "13:00");
            // Less than an eighth of it, or than one more row a finger could use.
            const int unused_at_most = std::max(column->h / 8, touch_target_px(panel.dpi));
            CHECK_TEXT(column->bottom() - bottom < unused_at_most,
                       (where + std::to_string(column->bottom() - bottom) + " px unused").c_str());
        }
    }
}

TEST(BoardComplete, ACancellationStaysOnTheBoardWithItsNoteUntilItsScheduledEnd) {
    // The Blue Hall's 13:20 on 17 September is cancelled; the hall sign shows it until its end.
    const ScreeningView* cancelled = nullptr;
    const BoardModel before = model("2018-09-17T13:00:00+06:00");
    for (const auto& s : before.later) {
        if (s.id == "s-20180917-1320-palace-blue") {
            cancelled = &s;
        }
    }
    CHECK_TRUE(cancelled != nullptr);
    const Instant end = cancelled->effective_end();
    for (Instant t : {cancelled->effective_start() + std::chrono::minutes(5),
                      end - std::chrono::minutes(1)}) {
        const std::string when = format_rfc3339_utc(t);
        const BoardModel board = model(when.c_str());
        for (const Panel& panel : {Panel{{1920, 1080}, 96}, Panel{{800, 480}, 133},
                                   Panel{{1080, 1920}, 102}}) {
            for (Lang lang : all_langs) {
                const std::string where = name(panel, 100, lang, when.c_str());
                const auto frames = pages(board, panel, 100, lang);
                CHECK_TEXT(on_some_page(frames, cancelled->title.get(lang)), where.c_str());
                CHECK_TEXT(on_some_page(frames, cancelled->note.get(lang)),
                           (where + cancelled->note.get(lang)).c_str());
            }
        }
    }
    const BoardModel after = model(format_rfc3339_utc(end).c_str());
    const auto frames = pages(after, Panel{{1920, 1080}, 96}, 100, Lang::en);
    CHECK_FALSE(on_some_page(frames, cancelled->note.get(Lang::en)));
}

TEST(BoardComplete, AHallsNextScreeningFarOffGetsItsTimeNotACountdown) {
    // As on the hall sign: "in N minutes" up to countdown_limit ahead, the time beyond it.
    BoardModel board = model("2018-09-15T18:00:00+06:00");
    HallNowNext& hall = board.halls.front();
    hall.now.reset();
    hall.away.clear();
    CHECK_TRUE(hall.next.has_value());
    for (const auto ahead : {countdown_limit, std::chrono::minutes(300)}) {
        hall.next->starts_at = board.now + ahead;
        hall.next->delay_min = 0;
        hall.next->ends_at = hall.next->starts_at + std::chrono::minutes(90);
        const RecordingCanvas canvas = render(board, Panel{{1920, 1080}, 96}, 100, Lang::en);
        const std::string countdown = "in " + std::to_string(ahead.count()) + " minutes";
        CHECK_EQUAL(ahead <= countdown_limit, drawn(canvas, countdown));
        CHECK_TRUE(drawn(canvas, test::hh_mm(hall.next->starts_at)));
    }
}

TEST(BoardComplete, InPortraitAVenueNameWrapsToTwoLinesBeforeItIsCut) {
    const BoardModel board = model("2018-09-15T18:00:00+06:00");
    for (Lang lang : all_langs) {
        const RecordingCanvas canvas = render(board, Panel{{1080, 1920}, 96}, 100, lang);
        const std::string venue = board.venue_name.get(lang);
        const bool cut = std::any_of(canvas.texts.begin(), canvas.texts.end(), [&](const auto& op) {
            return op.text.ends_with(ellipsis) &&
                   venue.starts_with(op.text.substr(0, op.text.size() - ellipsis.size()));
        });
        CHECK_TEXT(test::shown(canvas, venue) && !cut,
                   venue.c_str());
    }
}
