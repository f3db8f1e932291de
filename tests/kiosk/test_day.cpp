#include "kiosk/day_screen.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/theme.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "ui_fixture.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;
using aff::test::RecordingCanvas;
using std::chrono::milliseconds;
using aff::test::find_text;
using aff::test::drawn;
using aff::test::describe;
using aff::test::intersection;
using aff::test::tap_at;

namespace {

const char* const evening = "2018-09-15T18:00:00+06:00";
const Size full_hd{1920, 1080};
const Date saturday{2018, 9, 15};
const Date sunday{2018, 9, 16};
const Date monday{2018, 9, 17};

// What of a text shows: its box, cut by the clip it was drawn under.
Rect visible_box(const RecordingCanvas::TextOp& op) {
    return op.clip ? intersection(op.box, *op.clip) : op.box;
}

std::vector<const RecordingCanvas::TextOp*> find_all(const RecordingCanvas& canvas,
                                                      const std::string& text) {
    std::vector<const RecordingCanvas::TextOp*> found;
    for (const auto& op : canvas.texts) {
        if (op.text == text) {
            found.push_back(&op);
        }
    }
    return found;
}

InputEvent drag_by(int dy) {
    InputEvent e;
    e.type = InputEvent::Type::drag;
    e.dy = dy;
    return e;
}

}  // namespace

TEST_GROUP(DayProgramme) {
    std::optional<aff::test::UiFixture> fx;
    std::optional<DayScreen> screen;
    Instant now = at(evening);
    milliseconds ticks{0};

    void setup() override { fx.emplace(); }
    void teardown() override {
        screen.reset();
        fx.reset();
    }

    DayScreen& open(std::optional<Date> day, Lang lang = Lang::en, const char* when = evening) {
        fx->languages.pin(lang);
        now = at(when);
        screen.emplace(fx->ui, day);
        screen->update(now, ticks);
        return *screen;
    }

    RecordingCanvas render(Size size = full_hd) {
        RecordingCanvas canvas(size);
        screen->update(now, ticks);
        screen->render(canvas);
        return canvas;
    }

    // Taps the middle of the text `label` as drawn at `size` (a chip's label, a row's title).
    void tap(const std::string& label, Size size = full_hd) {
        const RecordingCanvas canvas = render(size);
        const auto* op = find_text(canvas, label);
        CHECK_TEXT(op != nullptr, ("not drawn: " + label).c_str());
        const Rect box = visible_box(*op);
        CHECK_TRUE(screen->input(tap_at(box.x + box.w / 2, box.y + box.h / 2)));
    }

    // The clip the list is drawn under.
    static Rect list_clip(const RecordingCanvas& canvas) {
        for (const auto& op : canvas.texts) {
            if (op.clip) {
                return *op.clip;
            }
        }
        FAIL("nothing was drawn under a clip");
        return {};
    }

    // The rows drawn, top to bottom: each one's index in rows() and its title as drawn. Titles
    // repeat within a day, so the drawn sequence is matched against the list as a whole.
    std::vector<std::pair<std::size_t, const RecordingCanvas::TextOp*>> drawn_rows(
        const RecordingCanvas& canvas, Size size = full_hd) {
        const Font title_font = Theme::for_screen(size).type.row;
        std::vector<const RecordingCanvas::TextOp*> titles;
        for (const auto& op : canvas.texts) {
            if (op.clip && op.font == title_font) {
                titles.push_back(&op);
            }
        }
        const auto& rows = screen->rows();
        for (std::size_t k = 0; k + titles.size() <= rows.size(); ++k) {
            bool match = true;
            for (std::size_t j = 0; j < titles.size() && match; ++j) {
                match = rows[k + j].title.get(Lang::en) == titles[j]->text;
            }
            if (match) {
                std::vector<std::pair<std::size_t, const RecordingCanvas::TextOp*>> found;
                for (std::size_t j = 0; j < titles.size(); ++j) {
                    found.emplace_back(k + j, titles[j]);
                }
                return found;
            }
        }
        FAIL("the titles drawn are not a run of the list");
        return {};
    }

    // The title of row `index` as drawn, or nothing when it is not drawn.
    const RecordingCanvas::TextOp* row_title(const RecordingCanvas& canvas, std::size_t index) {
        for (const auto& [i, op] : drawn_rows(canvas)) {
            if (i == index) {
                return op;
            }
        }
        return nullptr;
    }

    // Where row `index`'s title is drawn; it must be.
    int title_y(const RecordingCanvas& canvas, std::size_t index) {
        const auto* op = row_title(canvas, index);
        CHECK_TEXT(op != nullptr, ("row not drawn: " + std::to_string(index)).c_str());
        return op->box.y;
    }

    // The first row whose title shows whole.
    std::size_t first_whole_row(const RecordingCanvas& canvas) {
        const Rect clip = list_clip(canvas);
        for (const auto& [i, op] : drawn_rows(canvas)) {
            if (clip.contains(op->box)) {
                return i;
            }
        }
        FAIL("no whole row in the list");
        return 0;
    }

    void check_layout(Size size, const std::string& what) {
        const RecordingCanvas canvas = render(size);
        const Rect screen_rect{0, 0, size.w, size.h};
        std::vector<RecordingCanvas::TextOp> shown;
        for (const auto& op : canvas.texts) {
            const Rect box = visible_box(op);
            if (box.w == 0 || box.h == 0) {
                continue;  // a row scrolled out of the list: none of it shows
            }
            CHECK_TEXT(screen_rect.contains(box), (what + " off screen: " + describe(op)).c_str());
            shown.push_back(op);
            shown.back().box = box;
        }
        CHECK_TEXT(shown.size() > 20, what.c_str());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            for (std::size_t j = i + 1; j < shown.size(); ++j) {
                CHECK_TEXT(!shown[i].box.intersects(shown[j].box),
                           (what + " overlap: " + describe(shown[i]) + " and " +
                            describe(shown[j])).c_str());
            }
        }
        for (const auto& fill : canvas.fills) {
            CHECK_TEXT(screen_rect.contains(fill.rect),
                       (what + " fill off screen at " + std::to_string(fill.rect.x) + "," +
                        std::to_string(fill.rect.y) + " " + std::to_string(fill.rect.w) + "x" +
                        std::to_string(fill.rect.h))
                           .c_str());
        }
        const int min_touch = touch_target_px(96.0);
        for (const auto& spot : screen->hotspots().spots()) {
            CHECK_TEXT(spot.rect.w >= min_touch && spot.rect.h >= min_touch,
                       (what + " small target " + std::to_string(spot.rect.w) + "x" +
                        std::to_string(spot.rect.h) + " " + describe(spot.target))
                           .c_str());
            CHECK_TEXT(screen_rect.contains(spot.rect), (what + " target off screen").c_str());
        }
    }
};

TEST(DayProgramme, ListsTheDaysScreeningsAtThisVenueInStartOrder) {
    open(sunday);
    const auto& rows = screen->rows();
    const auto expected = fx->store.day_programme("palace", sunday);
    LONGS_EQUAL(expected.size(), rows.size());
    CHECK_TRUE(rows.size() > 10);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        STRCMP_EQUAL("palace", rows[i].venue_id.c_str());
        CHECK_TRUE(rows[i].festival_day == sunday);
        if (i > 0) {
            CHECK_TRUE(rows[i - 1].effective_start() <= rows[i].effective_start());
        }
    }
    // Drawn in that order, top to bottom.
    const RecordingCanvas canvas = render();
    const auto* first = find_text(canvas, rows[0].title.get(Lang::en));
    const auto* second = find_text(canvas, rows[1].title.get(Lang::en));
    CHECK_TRUE(first != nullptr && second != nullptr);
    CHECK_TRUE(first->box.y < second->box.y);
    CHECK_TRUE(drawn(canvas, "Sunday 16 September"));
    CHECK_TRUE(drawn(canvas, std::to_string(rows.size()) + " screenings"));
}

TEST(DayProgramme, ADelayedScreeningIsListedAtItsNewStartInTheDelayedColour) {
    open(saturday);
    tap("All venues");
    const auto& rows = screen->rows();
    const auto delayed = std::find_if(rows.begin(), rows.end(), [](const auto& s) {
        return s.status == Status::delayed;
    });
    CHECK_TRUE(delayed != rows.end());
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CHECK_TRUE(rows[i - 1].effective_start() <= rows[i].effective_start());
    }
    // Scrolled until it shows: its time in the delayed colour, and the word on a chip.
    RecordingCanvas canvas = render();
    for (int step = 0; step < 100 && !drawn(canvas, "Delayed +15 min"); ++step) {
        screen->input(drag_by(-50));
        canvas = render();
    }
    CHECK_TRUE(drawn(canvas, "Delayed +15 min"));
    bool coloured = false;
    for (const auto* op : find_all(canvas, "17:50")) {
        coloured = coloured || op->color == festival_palette().delayed;
    }
    CHECK_TRUE(coloured);
}

TEST(DayProgramme, WithoutADayItShowsTodayOrTheFirstDayOutsideTheFestival) {
    open(std::nullopt, Lang::en, "2018-09-17T10:00:00+06:00");
    CHECK_TRUE(screen->day() == monday);
    open(std::nullopt, Lang::en, "2018-09-25T10:00:00+06:00");
    CHECK_TRUE(screen->day() == saturday);
}

TEST(DayProgramme, AllVenuesShowsTheOtherVenuesWithTheirNames) {
    open(saturday);
    const std::size_t here = screen->rows().size();
    CHECK_FALSE(drawn(render(), "Samal Cinema"));
    tap("All venues");
    CHECK_TRUE(screen->rows().size() > here);
    const bool elsewhere = std::any_of(screen->rows().begin(), screen->rows().end(),
                                       [](const auto& s) { return s.venue_id == "samal"; });
    CHECK_TRUE(elsewhere);
    const RecordingCanvas canvas = render();
    CHECK_TRUE(drawn(canvas, "Samal Cinema"));
    CHECK_TRUE(drawn(canvas, "Zhetysu Festival Palace"));
    // The halls of this venue are no filter for every venue.
    CHECK_FALSE(drawn(canvas, "All halls"));
}

TEST(DayProgramme, AHallChipNarrowsTheListToThatHall) {
    open(saturday);
    const std::size_t all = screen->rows().size();
    tap("Blue Hall");
    const auto& rows = screen->rows();
    CHECK_TRUE(!rows.empty());
    CHECK_TRUE(rows.size() < all);
    for (const auto& s : rows) {
        STRCMP_EQUAL("palace-blue", s.hall_id.c_str());
    }
    tap("All halls");
    LONGS_EQUAL(all, screen->rows().size());
}

TEST(DayProgramme, ASectionChipNarrowsTheListToThatSection) {
    open(saturday);
    const std::size_t all = screen->rows().size();
    tap("Documentaries");
    const auto& rows = screen->rows();
    CHECK_TRUE(!rows.empty());
    CHECK_TRUE(rows.size() < all);
    for (const auto& s : rows) {
        STRCMP_EQUAL("documentary", s.section_id.c_str());
    }
}

TEST(DayProgramme, ChipsThatDoNotFitAreReachedPageByPage) {
    open(saturday);
    CHECK_FALSE(drawn(render(), "Family Screenings"));
    tap("\xE2\x80\xBA");  // the forward button of the sections, the only row that overflows
    CHECK_TRUE(drawn(render(), "Family Screenings"));
    tap("Family Screenings");
    for (const auto& s : screen->rows()) {
        STRCMP_EQUAL("family", s.section_id.c_str());
    }
    tap("\xE2\x80\xB9");
    CHECK_TRUE(drawn(render(), "All sections"));
}

TEST(DayProgramme, ATapOnADayChipShowsThatDay) {
    open(saturday);
    tap("Mon 17");
    CHECK_TRUE(screen->day() == monday);
    CHECK_TRUE(!screen->rows().empty());
    for (const auto& s : screen->rows()) {
        CHECK_TRUE(s.festival_day == monday);
    }
    CHECK_TRUE(drawn(render(), "Monday 17 September"));
    // The chips speak the language on screen.
    fx->languages.pin(Lang::kk);
    tap("Сс 18");
    CHECK_TRUE((screen->day() == Date{2018, 9, 18}));
}

TEST(DayProgramme, ADragScrollsTheListAndStopsAtBothEnds) {
    open(sunday);  // not today: it starts at the top
    RecordingCanvas canvas = render();
    const Rect clip = list_clip(canvas);
    const std::size_t last = screen->rows().size() - 1;
    const auto* first = row_title(canvas, 0);
    CHECK_TRUE(first != nullptr);
    CHECK_TRUE(clip.contains(first->box));
    const int top = first->box.y;
    CHECK_TRUE(row_title(canvas, last) == nullptr);

    CHECK_TRUE(screen->input(drag_by(-20)));
    canvas = render();
    LONGS_EQUAL(top - 20, title_y(canvas, 0));

    // Far past the end: the last row shows whole at the bottom of the list, and no further.
    CHECK_TRUE(screen->input(drag_by(-100000)));
    canvas = render();
    CHECK_TRUE(row_title(canvas, 0) == nullptr);
    const auto* bottom = row_title(canvas, last);
    CHECK_TRUE(bottom != nullptr);
    CHECK_TRUE(clip.contains(bottom->box));
    const int bottom_y = bottom->box.y;
    CHECK_FALSE(screen->input(drag_by(-50)));  // already at the end: nothing to redraw
    canvas = render();
    LONGS_EQUAL(bottom_y, title_y(canvas, last));

    // And back, no further than the top.
    CHECK_TRUE(screen->input(drag_by(100000)));
    canvas = render();
    LONGS_EQUAL(top, title_y(canvas, 0));
    CHECK_FALSE(screen->input(drag_by(10)));
}

TEST(DayProgramme, ATapAfterADragOpensTheFilmOfTheRowUnderTheFinger) {
    open(sunday);
    render();
    screen->input(drag_by(-333));
    const RecordingCanvas canvas = render();
    const std::size_t i = first_whole_row(canvas) + 2;
    const auto* op = row_title(canvas, i);
    CHECK_TRUE(op != nullptr);
    CHECK_TRUE(screen->input(tap_at(op->box.x + 5, op->box.y + op->box.h / 2)));
    LONGS_EQUAL(1, fx->nav.calls.size());
    STRCMP_EQUAL(("film:" + screen->rows()[i].film_id).c_str(), fx->nav.calls.back().c_str());
}

TEST(DayProgramme, RowsScrolledOutOfTheListCannotBeTapped) {
    open(sunday);
    RecordingCanvas canvas = render();
    const Rect clip = list_clip(canvas);
    const auto* heading = find_text(canvas, "Sunday 16 September");
    CHECK_TRUE(heading != nullptr);
    screen->input(drag_by(-400));
    render();
    // The first rows are now above the list, where its heading is: a tap there opens nothing.
    for (int y = heading->box.y; y < clip.y; y += 4) {
        screen->input(tap_at(clip.x + clip.w / 2, y));
    }
    CHECK_TRUE(fx->nav.calls.empty());
    for (const auto& spot : screen->hotspots().spots()) {
        if (std::holds_alternative<tap::OpenFilm>(spot.target) && spot.rect.intersects(clip)) {
            CHECK_TRUE(clip.contains(spot.rect));
        }
    }
}

TEST(DayProgramme, ChangingAFilterScrollsBackToTheTop) {
    open(sunday);
    render();
    screen->input(drag_by(-300));
    CHECK_TRUE(first_whole_row(render()) > 0);  // the drag did scroll
    tap("All venues");
    const RecordingCanvas canvas = render();
    LONGS_EQUAL(0, first_whole_row(canvas));
}

TEST(DayProgramme, TodayStartsAtTheFirstScreeningNotYetEndedAndDimsThePast) {
    open(std::nullopt);
    const auto& rows = screen->rows();
    const auto running = std::find_if(rows.begin(), rows.end(),
                                      [&](const auto& s) { return s.effective_end() > now; });
    CHECK_TRUE(running != rows.begin() && running != rows.end());
    const auto index = static_cast<std::size_t>(running - rows.begin());
    RecordingCanvas canvas = render();
    LONGS_EQUAL(index, first_whole_row(canvas));
    CHECK_TRUE(drawn(canvas, "Now"));
    CHECK_TRUE(row_title(canvas, index) != nullptr);
    CHECK_TRUE(row_title(canvas, index)->color == festival_palette().text);

    screen->input(drag_by(100000));
    canvas = render();
    CHECK_TRUE(row_title(canvas, 0) != nullptr);
    CHECK_TRUE(row_title(canvas, 0)->color == festival_palette().text_secondary);
}

TEST(DayProgramme, TheListStartsOnAWholeRowEvenWhenTodayIsNearItsEnd) {
    // In portrait the rest of Saturday evening is shorter than the list: scrolling to what is
    // on now reaches the list's end, which once left a sliver of the row above at the top.
    for (Lang lang : all_langs) {
        open(std::nullopt, lang);
        const RecordingCanvas canvas = render(Size{1080, 1920});
        const Rect clip = list_clip(canvas);
        for (const auto& op : canvas.texts) {
            if (op.clip && op.box.y < clip.y && op.box.bottom() > clip.y) {
                FAIL(("cut at the list's top: " + describe(op)).c_str());
            }
        }
    }
}

TEST(DayProgramme, ListTextIsDrawnUnderTheListClipAndNothingElseIs) {
    open(saturday);
    const RecordingCanvas canvas = render();
    const Rect clip = list_clip(canvas);
    for (const auto& op : canvas.texts) {
        if (op.clip) {
            CHECK_TRUE(*op.clip == clip);
            CHECK_TEXT(op.box.x >= clip.x && op.box.right() <= clip.right(),
                       ("beside the list: " + describe(op)).c_str());
        } else {
            CHECK_TEXT(!op.box.intersects(clip),
                       ("unclipped in the list: " + describe(op)).c_str());
        }
    }
    for (const char* outside : {"Programme", "Sat 15", "All halls", "Saturday 15 September"}) {
        const auto* op = find_text(canvas, outside);
        CHECK_TEXT(op != nullptr && !op->clip, outside);
    }
    for (const auto& s : screen->rows()) {
        for (const auto* op : find_all(canvas, s.title.get(Lang::en))) {
            CHECK_TRUE(op->clip.has_value());
        }
    }
}

TEST(DayProgramme, NoTextOverlapsOrLeavesTheScreenAndEveryTargetIsAFingerWide) {
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}, Size{1280, 720}, Size{800, 480},
                      Size{3840, 2160}}) {
        for (Lang lang : all_langs) {
            const std::string what = std::to_string(size.w) + "x" + std::to_string(size.h) +
                                     " " + std::string(lang_code(lang));
            open(std::nullopt, lang);
            check_layout(size, what + " today");
            screen->input(drag_by(-157));
            check_layout(size, what + " scrolled");
            open(monday, lang);
            const auto halls = fx->store.venue("palace")->halls;
            tap(halls[2].name.get(lang), size);
            check_layout(size, what + " hall");
            tap(fx->i18n.text(lang, "day.all_venues"), size);
            check_layout(size, what + " all venues");
            open(std::nullopt, lang, "2018-09-01T12:00:00+06:00");
            check_layout(size, what + " untrusted");
        }
    }
}

TEST(DayProgramme, ChipsStayPutWhileTheLanguagesRotate) {
    open(saturday, Lang::kk);
    render();
    const auto kk = screen->hotspots().spots();
    for (Lang lang : {Lang::ru, Lang::en}) {
        fx->languages.pin(lang);
        render();
        const auto other = screen->hotspots().spots();
        LONGS_EQUAL(kk.size(), other.size());
        for (std::size_t i = 0; i < kk.size(); ++i) {
            // The screen's own; the header's back and language switch are the lead's.
            if (!std::holds_alternative<tap::Back>(kk[i].target) &&
                !std::holds_alternative<tap::PinLanguage>(kk[i].target)) {
                CHECK_TRUE(kk[i].rect == other[i].rect);
            }
        }
    }
}

TEST(DayProgramme, AnUntrustedClockShowsTheNoticeAndNothingAsNow) {
    open(std::nullopt, Lang::en, "2018-09-01T04:07:00+06:00");
    const RecordingCanvas canvas = render();
    CHECK_TRUE(drawn(canvas, fx->i18n.text(Lang::en, "trust.notice")));
    CHECK_FALSE(drawn(canvas, "Now"));
    CHECK_FALSE(drawn(canvas, "04:07"));
    // The whole day from its first screening, nothing dimmed as past.
    LONGS_EQUAL(0, first_whole_row(canvas));
    CHECK_TRUE(row_title(canvas, 0) != nullptr);
    CHECK_TRUE(row_title(canvas, 0)->color == festival_palette().text);
    // A trusted clock says nothing of it.
    open(std::nullopt);
    CHECK_FALSE(drawn(render(), fx->i18n.text(Lang::en, "trust.notice")));
}

TEST(DayProgramme, CancelledScreeningsAreDimmedWithTheWord) {
    open(monday, Lang::en, "2018-09-17T09:00:00+06:00");
    tap("Blue Hall");
    const auto& rows = screen->rows();
    const auto cancelled = std::find_if(rows.begin(), rows.end(), [](const auto& s) {
        return s.status == Status::cancelled;
    });
    CHECK_TRUE(cancelled != rows.end());
    const RecordingCanvas canvas = render();
    CHECK_TRUE(drawn(canvas, "Cancelled"));
    const auto* title = find_text(canvas, cancelled->title.get(Lang::en));
    CHECK_TRUE(title != nullptr);
    CHECK_TRUE(title->color == festival_palette().text_secondary);
}

TEST(DayProgramme, ACancelledScreeningIsNotOnNowDuringItsTime) {
    // Nine Days in Tbilisi was to run in the Blue Hall from 13:20; nothing else runs there then.
    open(monday, Lang::en, "2018-09-17T13:30:00+06:00");
    tap("Blue Hall");
    const RecordingCanvas canvas = render();
    CHECK_TRUE(drawn(canvas, "Nine Days in Tbilisi"));
    CHECK_TRUE(drawn(canvas, "Cancelled"));
    CHECK_FALSE(drawn(canvas, "Now"));
}

TEST(DayProgramme, AnEmptyListSaysSoInAFriendlyLine) {
    Feed feed = aff::test::demo_feed();
    std::erase_if(feed.screenings, [](const Screening& s) {
        return s.hall == "palace-blue" || s.moved_to == "palace-blue" ||
               s.starts_at < at("2018-09-16T05:00:00+06:00");
    });
    fx.emplace(feed);
    open(saturday);
    CHECK_TRUE(screen->rows().empty());
    CHECK_TRUE(drawn(render(), "No screenings on this day"));
    open(sunday);
    tap("Blue Hall");
    CHECK_TRUE(screen->rows().empty());
    CHECK_TRUE(drawn(render(), "No screenings match these filters"));
    CHECK_TRUE(drawn(render(), "0 screenings"));
}

TEST(DayProgramme, RedrawsAtFirstThenOnlyWhenTheMinuteOrLanguageChanges) {
    screen.emplace(fx->ui, saturday);
    CHECK_TRUE(screen->update(now, ticks));
    RecordingCanvas canvas(full_hd);
    screen->render(canvas);
    CHECK_FALSE(screen->update(now + std::chrono::seconds{10}, milliseconds{1000}));
    LONGS_EQUAL(7000, screen->next_update(now, milliseconds{1000}).count());
    CHECK_TRUE(screen->update(now + std::chrono::seconds{10}, milliseconds{8000}));  // language
    CHECK_TRUE(screen->update(now + std::chrono::minutes{1}, milliseconds{8000}));   // minute
    screen->notice_new_data();
    CHECK_TRUE(screen->update(now + std::chrono::minutes{1}, milliseconds{8000}));
    CHECK_FALSE(screen->update(now + std::chrono::minutes{1}, milliseconds{8000}));
}
