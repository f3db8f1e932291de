// TextLogCanvas: the lines of text a frame draws, with their boxes, as the canvas below measures
// them; everything passed on.
#include "platform/metrics_canvas.hpp"
#include "platform/text_log.hpp"
#include "support.hpp"

#include <memory>
#include <vector>

#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

const Color ink{20, 20, 20, 255};
const Font body{24, Weight::regular};

}  // namespace

TEST_GROUP(TextLog) {
    std::unique_ptr<MetricsCanvas> metrics;
    void setup() override { metrics = MetricsCanvas::create(Size{400, 300}, test::noto_sans()); }
    void teardown() override { metrics.reset(); }
};

TEST(TextLog, EachLineIsWrittenDownInDrawingOrderWithItsMeasuredBox) {
    TextLogCanvas log(*metrics);
    CHECK_TRUE(log.size() == (Size{400, 300}));
    log.clear(ink);
    log.draw_text("Кесте", 10, 20, body, ink);
    log.draw_text("Schedule", 10, 60, Font{32, Weight::bold}, ink);
    LONGS_EQUAL(2, log.lines().size());
    const TextSize first = metrics->measure("Кесте", body);
    CHECK_TRUE(log.lines()[0] ==
               (TextLogCanvas::Line{"Кесте", Rect{10, 20, first.w, first.h}, 24}));
    STRCMP_EQUAL("Schedule", log.lines()[1].text.c_str());
    LONGS_EQUAL(32, log.lines()[1].size);
    CHECK_TRUE(log.lines()[1].box.w > first.w);
}

TEST(TextLog, ANewFrameStartsANewLog) {
    TextLogCanvas log(*metrics);
    log.draw_text("one", 0, 0, body, ink);
    log.clear(ink);
    log.draw_text("two", 0, 0, body, ink);
    LONGS_EQUAL(1, log.lines().size());
    STRCMP_EQUAL("two", log.lines()[0].text.c_str());
}

TEST(TextLog, ALineThatCannotBeSeenIsLeftOut) {
    TextLogCanvas log(*metrics);
    log.clear(ink);
    log.set_clip(Rect{0, 100, 400, 100});
    log.draw_text("above the clip", 10, 20, body, ink);
    log.draw_text("half in the clip", 10, 90, body, ink);
    log.set_clip(std::nullopt);
    log.draw_text("off the canvas", 10, 400, body, ink);
    log.draw_text("invisible", 10, 10, body, Color{0, 0, 0, 0});
    log.draw_text("", 10, 10, body, ink);
    LONGS_EQUAL(1, log.lines().size());
    STRCMP_EQUAL("half in the clip", log.lines()[0].text.c_str());
}
