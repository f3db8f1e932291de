// The rules that turn the device's events into the kiosk's input, without a window: the staff
// chord, what a visitor cannot do, tap or drag, and the rotation of a display mounted sideways.
#include "platform/input.hpp"
#include "platform/rotation.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

#include <CppUTest/TestHarness.h>

using namespace aff;
using Kind = RawInput::Kind;
using Key = RawInput::Key;
using Type = InputEvent::Type;

namespace {

InputContext screen(bool fullscreen, Size output = Size{1920, 1080}, int rotation = 0) {
    InputContext context;
    context.fullscreen = fullscreen;
    context.rotation = rotation;
    context.output = output;
    context.window = output;
    context.canvas = rotated(output, rotation);
    return context;
}

RawInput key(Key which, bool ctrl = false, bool alt = false, bool shift = false) {
    RawInput raw;
    raw.kind = Kind::key_down;
    raw.key = which;
    raw.ctrl = ctrl;
    raw.alt = alt;
    raw.shift = shift;
    return raw;
}

RawInput of(Kind kind) {
    RawInput raw;
    raw.kind = kind;
    return raw;
}

RawInput mouse(Kind kind, float x, float y) {
    RawInput raw;
    raw.kind = kind;
    raw.left = true;
    if (kind == Kind::mouse_motion) {
        raw.dx = x;
        raw.dy = y;
    } else {
        raw.x = x;
        raw.y = y;
    }
    return raw;
}

RawInput finger(Kind kind, std::int64_t id, float x, float y) {
    RawInput raw;
    raw.kind = kind;
    raw.finger = id;
    if (kind == Kind::finger_motion) {
        raw.dx = x;
        raw.dy = y;
    } else {
        raw.x = x;
        raw.y = y;
    }
    return raw;
}

// Feeds `events` in order and returns what the last one became.
InputEvent feed(const InputContext& context, std::initializer_list<RawInput> events,
                PointerState& pointer) {
    InputEvent last;
    for (const RawInput& raw : events) {
        last = translate_input(raw, context, pointer);
    }
    return last;
}

InputEvent feed(const InputContext& context, std::initializer_list<RawInput> events) {
    PointerState pointer;
    return feed(context, events, pointer);
}

void check_tap(const InputEvent& event, int x, int y) {
    CHECK_TRUE(event.type == Type::tap);
    LONGS_EQUAL(x, event.x);
    LONGS_EQUAL(y, event.y);
}

void check_nothing(const InputEvent& event) { CHECK_TRUE(event.type == Type::none); }

}  // namespace

TEST_GROUP(InputKeys){};

TEST(InputKeys, TheStaffChordQuitsInFullscreenAndInAWindow) {
    for (const bool fullscreen : {true, false}) {
        CHECK_TRUE(feed(screen(fullscreen), {key(Key::q, true, true, true)}).type == Type::quit);
    }
}

TEST(InputKeys, TheStaffChordNeedsCtrlAltAndShiftTogether) {
    PointerState pointer;
    for (const bool fullscreen : {true, false}) {
        const InputContext context = screen(fullscreen);
        check_nothing(translate_input(key(Key::q), context, pointer));
        check_nothing(translate_input(key(Key::q, true, true, false), context, pointer));
        check_nothing(translate_input(key(Key::q, true, false, true), context, pointer));
        check_nothing(translate_input(key(Key::q, false, true, true), context, pointer));
        check_nothing(translate_input(key(Key::other, true, true, true), context, pointer));
    }
}

TEST(InputKeys, VisitorsCannotQuitAFullscreenKiosk) {
    const InputContext kiosk = screen(true);
    PointerState pointer;
    check_nothing(translate_input(key(Key::escape), kiosk, pointer));
    check_nothing(translate_input(key(Key::f4, false, true), kiosk, pointer));  // Alt+F4
    check_nothing(translate_input(key(Key::f4, true, true), kiosk, pointer));
    check_nothing(translate_input(of(Kind::window_close), kiosk, pointer));
    check_nothing(translate_input(of(Kind::quit_request), kiosk, pointer));
    check_nothing(translate_input(key(Key::q, true), kiosk, pointer));  // Ctrl+Q
}

TEST(InputKeys, InAWindowEscapeIsReportedAndClosingTheWindowQuits) {
    const InputContext window = screen(false);
    PointerState pointer;
    CHECK_TRUE(translate_input(key(Key::escape), window, pointer).type == Type::key_escape);
    RawInput held = key(Key::escape);
    held.repeat = true;
    check_nothing(translate_input(held, window, pointer));
    CHECK_TRUE(translate_input(of(Kind::window_close), window, pointer).type == Type::quit);
    CHECK_TRUE(translate_input(of(Kind::quit_request), window, pointer).type == Type::quit);
    // Alt+F4 quits a window only through the window manager, as a window close.
    check_nothing(translate_input(key(Key::f4, false, true), window, pointer));
}

TEST(InputKeys, AWindowShownResizedOrAPictureReadyIsARedraw) {
    for (const bool fullscreen : {true, false}) {
        CHECK_TRUE(feed(screen(fullscreen), {of(Kind::redraw)}).type == Type::redraw);
        check_nothing(feed(screen(fullscreen), {of(Kind::other)}));
    }
}

TEST_GROUP(InputPointer){};

TEST(InputPointer, AClickIsATapWhereItIsReleased) {
    check_tap(feed(screen(true), {mouse(Kind::mouse_down, 300, 200),
                                  mouse(Kind::mouse_up, 301, 202)}),
              301, 202);
}

TEST(InputPointer, TheSlopIsAFortiethOfTheShortSideAndTwelvePixelsAtLeast) {
    DOUBLES_EQUAL(27, tap_slop(Size{1920, 1080}), 1e-6);
    DOUBLES_EQUAL(27, tap_slop(Size{1080, 1920}), 1e-6);
    DOUBLES_EQUAL(12, tap_slop(Size{800, 480}), 1e-6);
}

TEST(InputPointer, APressThatWandersWithinTheSlopIsATapAndFurtherIsADrag) {
    const InputContext context = screen(true);
    // 27 px of travel on a 1080p screen (counted along x and y) is still a tap.
    PointerState pointer;
    check_tap(feed(context, {mouse(Kind::mouse_down, 100, 100),
                             mouse(Kind::mouse_motion, 20, 0), mouse(Kind::mouse_motion, 0, 7),
                             mouse(Kind::mouse_up, 120, 107)},
                   pointer),
              120, 107);
    // 28 is a drag, reported as it goes, and its release is no tap.
    CHECK_TRUE(translate_input(mouse(Kind::mouse_down, 100, 100), context, pointer).type ==
               Type::none);
    const InputEvent moved = translate_input(mouse(Kind::mouse_motion, 20, 8), context, pointer);
    CHECK_TRUE(moved.type == Type::drag);
    LONGS_EQUAL(20, moved.dx);
    LONGS_EQUAL(8, moved.dy);
    check_nothing(translate_input(mouse(Kind::mouse_up, 120, 108), context, pointer));
    // The next press starts afresh.
    check_tap(feed(context, {mouse(Kind::mouse_down, 5, 5), mouse(Kind::mouse_up, 5, 5)},
                   pointer),
              5, 5);
}

TEST(InputPointer, OnlyTheLeftButtonAndRealMiceCount) {
    RawInput right = mouse(Kind::mouse_down, 10, 10);
    right.left = false;
    RawInput right_up = mouse(Kind::mouse_up, 10, 10);
    right_up.left = false;
    check_nothing(feed(screen(true), {right, right_up}));
    RawInput made_up_down = mouse(Kind::mouse_down, 10, 10);
    made_up_down.from_touch = true;
    RawInput made_up_up = mouse(Kind::mouse_up, 10, 10);
    made_up_up.from_touch = true;
    check_nothing(feed(screen(true), {made_up_down, made_up_up}));
    // Moving without the button held is no drag.
    RawInput hover = mouse(Kind::mouse_motion, 50, 0);
    hover.left = false;
    check_nothing(feed(screen(true), {mouse(Kind::mouse_down, 10, 10), hover}));
}

TEST(InputPointer, AFingerTapsAndDragsInFractionsOfTheScreen) {
    const InputContext context = screen(true);
    check_tap(feed(context, {finger(Kind::finger_down, 7, 0.5f, 0.5f),
                             finger(Kind::finger_up, 7, 0.5f, 0.5f)}),
              960, 540);
    PointerState pointer;
    translate_input(finger(Kind::finger_down, 7, 0.5f, 0.5f), context, pointer);
    const InputEvent moved =
        translate_input(finger(Kind::finger_motion, 7, 0.0f, -0.1f), context, pointer);
    CHECK_TRUE(moved.type == Type::drag);
    LONGS_EQUAL(0, moved.dx);
    LONGS_EQUAL(-108, moved.dy);
    check_nothing(translate_input(finger(Kind::finger_up, 7, 0.5f, 0.4f), context, pointer));
}

TEST(InputPointer, OnlyTheFirstFingerDownCounts) {
    const InputContext context = screen(true);
    PointerState pointer;
    translate_input(finger(Kind::finger_down, 1, 0.25f, 0.25f), context, pointer);
    translate_input(finger(Kind::finger_down, 2, 0.75f, 0.75f), context, pointer);
    check_nothing(translate_input(finger(Kind::finger_motion, 2, 0.1f, 0.1f), context, pointer));
    check_nothing(translate_input(finger(Kind::finger_up, 2, 0.75f, 0.75f), context, pointer));
    // A mouse release meanwhile is not the finger's.
    check_nothing(translate_input(mouse(Kind::mouse_up, 10, 10), context, pointer));
    check_tap(translate_input(finger(Kind::finger_up, 1, 0.25f, 0.25f), context, pointer), 480,
              270);
}

TEST(InputPointer, ASlowDragAddsUpItsFractionsOfAPixel) {
    const InputContext context = screen(true, Size{1000, 1000});
    PointerState pointer;
    translate_input(finger(Kind::finger_down, 1, 0.5f, 0.5f), context, pointer);
    // 0.4 px a motion: nothing, nothing, then a pixel.
    check_nothing(translate_input(finger(Kind::finger_motion, 1, 0.0004f, 0), context, pointer));
    check_nothing(translate_input(finger(Kind::finger_motion, 1, 0.0004f, 0), context, pointer));
    const InputEvent moved =
        translate_input(finger(Kind::finger_motion, 1, 0.0004f, 0), context, pointer);
    CHECK_TRUE(moved.type == Type::drag);
    LONGS_EQUAL(1, moved.dx);
}

TEST(InputPointer, LosingFocusCancelsThePress) {
    check_nothing(feed(screen(true), {mouse(Kind::mouse_down, 10, 10), of(Kind::focus_lost),
                                      mouse(Kind::mouse_up, 10, 10)}));
}

TEST(InputPointer, MouseCoordinatesAreScaledFromTheWindowToTheOutput) {
    InputContext high_dpi = screen(false);
    high_dpi.window = Size{960, 540};  // the output has twice the pixels
    check_tap(feed(high_dpi, {mouse(Kind::mouse_down, 480, 270), mouse(Kind::mouse_up, 480, 270)}),
              960, 540);
}

TEST(InputPointer, ATapOnTheScreensEdgeIsClampedIntoTheCanvas) {
    check_tap(feed(screen(true), {finger(Kind::finger_down, 1, 1, 1),
                                  finger(Kind::finger_up, 1, 1, 1)}),
              1919, 1079);
}

TEST_GROUP(InputRotation){};

TEST(InputRotation, ATapIsUndoneFromEachRotationToTheCanvas) {
    const Size output{1920, 1080};
    const auto tap_at = [&](int rotation, float x, float y) {
        return feed(screen(true, output, rotation),
                    {mouse(Kind::mouse_down, x, y), mouse(Kind::mouse_up, x, y)});
    };
    check_tap(tap_at(0, 10, 20), 10, 20);
    // A quarter turn clockwise: the canvas's top left corner is the screen's top right.
    check_tap(tap_at(90, 1900, 10), 10, 20);
    // Upside down: the top left is the bottom right.
    check_tap(tap_at(180, 1910, 1060), 10, 20);
    // Three quarters: the top left is the bottom left.
    check_tap(tap_at(270, 20, 1070), 10, 20);
}

TEST(InputRotation, ADragIsTurnedWithTheCanvas) {
    // Rightwards across the screen, for each rotation.
    const std::array<std::array<int, 3>, 4> expected{{{0, 30, 0}, {90, 0, -30}, {180, -30, 0},
                                                      {270, 0, 30}}};
    for (const auto& [rotation, dx, dy] : expected) {
        PointerState pointer;
        const InputContext context = screen(true, Size{1920, 1080}, rotation);
        translate_input(mouse(Kind::mouse_down, 500, 500), context, pointer);
        const InputEvent moved =
            translate_input(mouse(Kind::mouse_motion, 30, 0), context, pointer);
        CHECK_TRUE(moved.type == Type::drag);
        LONGS_EQUAL(dx, moved.dx);
        LONGS_EQUAL(dy, moved.dy);
    }
}

TEST(InputRotation, ABoxOnTheCanvasLandsWhereItsCornersDoOnTheScreen) {
    const Size output{1920, 1080};
    const Rect box{100, 200, 300, 40};
    for (const int rotation : {0, 90, 180, 270}) {
        const Rect on_screen = to_screen(box, output, rotation);
        CHECK_TRUE(Rect({0, 0, output.w, output.h}).contains(on_screen));
        // Its corners, taken back to the canvas, are the box's corners.
        std::vector<std::pair<float, float>> corners;
        for (const auto& [x, y] : {std::pair{on_screen.x, on_screen.y},
                                   std::pair{on_screen.right(), on_screen.y},
                                   std::pair{on_screen.x, on_screen.bottom()},
                                   std::pair{on_screen.right(), on_screen.bottom()}}) {
            const Point p = to_logical(Point{static_cast<float>(x), static_cast<float>(y)},
                                       output, rotation);
            corners.emplace_back(p.x, p.y);
        }
        std::sort(corners.begin(), corners.end());
        const std::vector<std::pair<float, float>> expected{
            {100, 200}, {100, 240}, {400, 200}, {400, 240}};
        CHECK_TRUE(corners == expected);
    }
    // A quarter turn: the box's width runs down the screen.
    CHECK_TRUE(to_screen(box, output, 90) == (Rect{1920 - 240, 100, 40, 300}));
}
