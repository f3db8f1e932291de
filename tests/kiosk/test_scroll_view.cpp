// The one scroll container: a finger's drag within the limits, and what a scroll bar shows.
#include "kiosk/scroll_view.hpp"

// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using aff::ScrollView;

TEST_GROUP(ScrollView) {
    ScrollView view;
    void setup() override { view.set_extent(1000, 400); }  // 600 px to scroll
};

TEST(ScrollView, AFingerMovingUpBringsLaterContentIn) {
    CHECK_TRUE(view.drag(-150));
    LONGS_EQUAL(150, view.offset());
    CHECK_TRUE(view.drag(50));
    LONGS_EQUAL(100, view.offset());
}

TEST(ScrollView, ItStopsAtBothEnds) {
    CHECK_FALSE(view.drag(30));  // already at the top
    LONGS_EQUAL(0, view.offset());
    CHECK_TRUE(view.drag(-5000));
    LONGS_EQUAL(600, view.offset());
    CHECK_FALSE(view.drag(-1));
    CHECK_FALSE(view.more_after());
    CHECK_TRUE(view.more_before());
}

TEST(ScrollView, ShorterContentPullsTheOffsetBack) {
    view.scroll_to(500);
    view.set_extent(700, 400);
    LONGS_EQUAL(300, view.offset());
    view.set_extent(300, 400);  // fits: nothing to scroll
    LONGS_EQUAL(0, view.offset());
    CHECK_FALSE(view.scrollable());
    CHECK_FALSE(view.drag(-100));
}

TEST(ScrollView, RowsScrolledToTheEndStillStartOnAWholeRow) {
    view.set_extent(1000, 400, 70);  // 600 px past the view: 9 rows of 70 are 630
    CHECK_TRUE(view.drag(-5000));
    LONGS_EQUAL(630, view.offset());
    CHECK_FALSE(view.more_after());
    view.set_extent(350, 400, 70);  // fits: nothing to scroll, whatever the rows
    LONGS_EQUAL(0, view.offset());
    CHECK_FALSE(view.scrollable());
}

TEST(ScrollView, TheThumbIsAsLongAsTheViewsShareAndTravelsTheWholeTrack) {
    const auto top = view.thumb(200, 10);
    LONGS_EQUAL(0, top.start);
    LONGS_EQUAL(80, top.length);  // 400 of 1000
    view.scroll_to(600);
    const auto bottom = view.thumb(200, 10);
    LONGS_EQUAL(120, bottom.start);
    view.set_extent(100000, 400);
    LONGS_EQUAL(10, view.thumb(200, 10).length);  // never thinner than a finger can see
}
