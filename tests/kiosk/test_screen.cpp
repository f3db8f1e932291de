#include "kiosk/language_cycle.hpp"
#include "kiosk/screen.hpp"

#include "recording_canvas.hpp"

#include <memory>

// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

// A screen that records what reached it and answers as told.
class ProbeScreen final : public Screen {
public:
    explicit ProbeScreen(int id) : id_(id) {}
    bool input(const InputEvent&) override {
        ++inputs;
        return wants_redraw;
    }
    bool update(Instant, milliseconds) override {
        ++updates;
        return wants_redraw;
    }
    void render(Canvas& canvas) override { canvas.fill_rect(Rect{id_, 0, 1, 1}, Color{}); }
    milliseconds next_update(Instant, milliseconds) const override { return milliseconds{id_}; }

    int inputs = 0;
    int updates = 0;
    bool wants_redraw = false;

private:
    int id_;
};

}  // namespace

TEST_GROUP(ScreenStack) {
    ScreenStack stack;
    test::RecordingCanvas canvas{Size{100, 100}};
    ProbeScreen* push(int id) {
        auto screen = std::make_unique<ProbeScreen>(id);
        ProbeScreen* raw = screen.get();
        stack.push(std::move(screen));
        return raw;
    }
};

TEST(ScreenStack, AnEmptyStackNeedsNoDrawing) {
    CHECK_FALSE(stack.update(Instant{}, milliseconds{0}));
    CHECK_FALSE(stack.input(InputEvent{}));
    stack.render(canvas);
    LONGS_EQUAL(0, canvas.fills.size());
}

TEST(ScreenStack, OnlyTheTopScreenIsLive) {
    ProbeScreen* below = push(1);
    ProbeScreen* top = push(2);
    CHECK_TRUE(stack.update(Instant{}, milliseconds{0}));  // a new screen is always drawn
    CHECK_FALSE(stack.update(Instant{}, milliseconds{0}));
    stack.input(InputEvent{});
    stack.render(canvas);
    LONGS_EQUAL(0, below->updates + below->inputs);
    LONGS_EQUAL(2, top->updates);
    LONGS_EQUAL(1, top->inputs);
    LONGS_EQUAL(2, canvas.fills.front().rect.x);
    LONGS_EQUAL(2, stack.next_update(Instant{}, milliseconds{0}).count());
}

TEST(ScreenStack, PoppingRevealsTheScreenBelowButNeverTheLast) {
    push(1);
    push(2);
    stack.update(Instant{}, milliseconds{0});
    stack.pop();
    CHECK_TRUE(stack.update(Instant{}, milliseconds{0}));
    LONGS_EQUAL(1, stack.next_update(Instant{}, milliseconds{0}).count());
    stack.pop();
    LONGS_EQUAL(1, stack.size());
}

TEST_GROUP(LanguageCycle) {};

TEST(LanguageCycle, APinnedLanguageNeverChanges) {
    LanguageCycle cycle = LanguageCycle::pinned(Lang::ru);
    CHECK_FALSE(cycle.rotates());
    CHECK_TRUE(cycle.current(milliseconds{0}) == Lang::ru);
    CHECK_TRUE(cycle.current(std::chrono::hours{100}) == Lang::ru);
    cycle.resume(seconds{3});
    CHECK_TRUE(cycle.current(seconds{3}) == Lang::ru);
    CHECK_TRUE(cycle.until_next(seconds{3}) >= std::chrono::hours{1});
}

TEST(LanguageCycle, RotatesThroughTheSetInOrderFromItsStart) {
    LanguageCycle cycle({Lang::en, Lang::kk}, seconds{5}, seconds{100});
    CHECK_TRUE(cycle.current(seconds{100}) == Lang::en);
    CHECK_TRUE(cycle.current(milliseconds{104999}) == Lang::en);
    CHECK_TRUE(cycle.current(seconds{105}) == Lang::kk);
    CHECK_TRUE(cycle.current(seconds{110}) == Lang::en);
    LONGS_EQUAL(2000, cycle.until_next(seconds{103}).count());
}

TEST(LanguageCycle, APinnedLanguageHoldsUntilTheRotationResumesFromItsFirstLanguage) {
    LanguageCycle cycle({Lang::kk, Lang::ru, Lang::en}, seconds{8}, seconds{0});
    cycle.pin(Lang::en);
    CHECK_TRUE(cycle.is_pinned());
    CHECK_FALSE(cycle.rotates());
    CHECK_TRUE(cycle.current(seconds{6}) == Lang::en);
    CHECK_TRUE(cycle.current(seconds{30}) == Lang::en);
    CHECK_TRUE(cycle.until_next(seconds{30}) >= std::chrono::hours{1});
    cycle.resume(seconds{100});
    CHECK_FALSE(cycle.is_pinned());
    CHECK_TRUE(cycle.current(seconds{100}) == Lang::kk);
    CHECK_TRUE(cycle.current(milliseconds{107999}) == Lang::kk);
    CHECK_TRUE(cycle.current(seconds{108}) == Lang::ru);
    LONGS_EQUAL(8000, cycle.until_next(seconds{100}).count());
}
