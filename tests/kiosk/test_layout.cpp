#include "kiosk/layout.hpp"

#include "recording_canvas.hpp"
#include "sync/utf8.hpp"

#include <string>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::RecordingCanvas;

namespace {
const Font font{20, Weight::regular};
}

TEST_GROUP(Layout) {
    RecordingCanvas canvas{Size{800, 480}, 10};  // every code point 10 px wide
};

TEST(Layout, TextThatFitsIsLeftAlone) {
    STRCMP_EQUAL("Leviathan", fit_text(canvas, "Leviathan", font, 90).c_str());
}

TEST(Layout, TextTooWideEndsWithAnEllipsisOnACodePointBoundary) {
    // 17 code points; 80 px holds 7 of them and the ellipsis.
    const std::string fitted = fit_text(canvas, "Қазір көрсетілуде", font, 80);
    STRCMP_EQUAL("Қазір к…", fitted.c_str());
    CHECK_TRUE(canvas.measure(fitted, font).w <= 80);
}

TEST(Layout, TheEllipsisNeverFollowsASpace) {
    STRCMP_EQUAL("Ақ…", fit_text(canvas, "Ақ кеме", font, 40).c_str());
}

TEST(Layout, ABoxTooNarrowForTheEllipsisGetsNothing) {
    STRCMP_EQUAL("", fit_text(canvas, "Ақ кеме", font, 9).c_str());
}

TEST(Layout, FittedTextIsNeverWiderThanTheBoxAtAnyWidth) {
    const std::string title = "Сұрақ-жауап: Әке мен ұл, Ғасырлар үні";
    for (int width = 0; width <= 400; ++width) {
        const std::string fitted = fit_text(canvas, title, font, width);
        CHECK_TRUE(canvas.measure(fitted, font).w <= width);
        // Cut on a code-point boundary: the bytes before the ellipsis are a prefix of the title.
        const std::string kept = fitted.size() >= 3 && fitted.ends_with(ellipsis)
                                     ? fitted.substr(0, fitted.size() - 3)
                                     : fitted;
        CHECK_TRUE(title.starts_with(kept));
        CHECK_TRUE(kept.empty() || utf8::offset(title, utf8::count(kept)) == kept.size());
    }
}

TEST(Layout, WrapsAtSpacesIntoLinesThatFit) {
    const auto lines = wrap_text(canvas, "The Woman Who Left the House", font, 120, 3);
    LONGS_EQUAL(3, lines.size());
    STRCMP_EQUAL("The Woman", lines[0].c_str());
    STRCMP_EQUAL("Who Left the", lines[1].c_str());
    STRCMP_EQUAL("House", lines[2].c_str());
}

TEST(Layout, WrapEllipsisesTheLastLineWhenTextRemains) {
    const auto lines = wrap_text(canvas, "Бір күн бір түн және тағы бір күн", font, 100, 2);
    LONGS_EQUAL(2, lines.size());
    STRCMP_EQUAL("Бір күн", lines[0].c_str());
    STRCMP_EQUAL("бір түн ж…", lines[1].c_str());
    for (const auto& line : lines) {
        CHECK_TRUE(canvas.measure(line, font).w <= 100);
    }
}

TEST(Layout, WrapCutsAWordWiderThanTheLine) {
    const auto lines = wrap_text(canvas, "Тоқтатылды", font, 40, 3);
    LONGS_EQUAL(3, lines.size());
    STRCMP_EQUAL("Тоқт", lines[0].c_str());
    STRCMP_EQUAL("атыл", lines[1].c_str());
    STRCMP_EQUAL("ды", lines[2].c_str());
}

TEST(Layout, WrapOfShortTextIsOneLine) {
    const auto lines = wrap_text(canvas, "  Leviathan ", font, 300, 3);
    LONGS_EQUAL(1, lines.size());
    STRCMP_EQUAL("Leviathan", lines[0].c_str());
    LONGS_EQUAL(0, wrap_text(canvas, "", font, 300, 3).size());
    LONGS_EQUAL(0, wrap_text(canvas, "text", font, 300, 0).size());
}

TEST(Layout, WrappedLinesNeverExceedTheBoxAtAnyWidth) {
    const std::string text = "Алматы халықаралық кинофестивалі — Almaty Film Festival 2018";
    for (int width = 10; width <= 300; width += 7) {
        for (const auto& line : wrap_text(canvas, text, font, width, 4)) {
            CHECK_TRUE(canvas.measure(line, font).w <= width);
        }
    }
}

TEST(Layout, ColumnsSpanTheAreaExactlyWithGutters) {
    const auto cols = columns(Rect{48, 100, 1824, 800}, {55, 45}, 48);
    LONGS_EQUAL(2, cols.size());
    LONGS_EQUAL(48, cols[0].x);
    LONGS_EQUAL(976, cols[0].w);  // (1824 - 48) * 55 / 100
    LONGS_EQUAL(cols[0].right() + 48, cols[1].x);
    LONGS_EQUAL(48 + 1824, cols[1].right());
    LONGS_EQUAL(800, cols[1].h);
}

TEST(Layout, RowsStackDownTheArea) {
    const auto r = rows(Rect{0, 0, 1080, 1000}, {1, 1, 1}, 10);
    LONGS_EQUAL(3, r.size());
    LONGS_EQUAL(0, r[0].y);
    LONGS_EQUAL(r[0].bottom() + 10, r[1].y);
    LONGS_EQUAL(1000, r[2].bottom());
}

TEST(Layout, InsetsShrinkFromEachSide) {
    const Rect r = inset(Rect{0, 0, 100, 50}, Insets{10, 5, 20, 15});
    CHECK_TRUE((r == Rect{10, 5, 70, 30}));
    CHECK_TRUE((inset(Rect{0, 0, 10, 10}, 8) == Rect{8, 8, 0, 0}));
}

TEST(Layout, SlicesComeOffTheEdgesAndNeverOverdraw) {
    Rect area{0, 0, 100, 100};
    CHECK_TRUE((take_top(area, 20, 5) == Rect{0, 0, 100, 20}));
    CHECK_TRUE((area == Rect{0, 25, 100, 75}));
    CHECK_TRUE((take_bottom(area, 10, 5) == Rect{0, 90, 100, 10}));
    CHECK_TRUE((area == Rect{0, 25, 100, 60}));
    CHECK_TRUE((take_left(area, 30) == Rect{0, 25, 30, 60}));
    CHECK_TRUE((take_right(area, 500) == Rect{30, 25, 70, 60}));
    LONGS_EQUAL(0, area.w);
}
