#include "platform/font_set.hpp"
#include "platform/sdl_canvas.hpp"
#include "platform/text_cache.hpp"
#include "platform/video.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace aff;

namespace {

const Font body{24, Weight::regular};
const Color black{0, 0, 0, 255};

// One screen's worth of text, as a schedule screen draws it every frame.
void draw_frame(Canvas& canvas) {
    canvas.clear(Color{255, 255, 255, 255});
    canvas.draw_text("Алматы кинофестивалі", 10, 10, Font{40, Weight::bold}, black);
    canvas.draw_text("Қазір көрсетілуде", 10, 60, body, black);
    canvas.draw_text("Сейчас на экране", 10, 90, body, Color{200, 0, 0, 255});
    canvas.draw_text("Now showing", 10, 120, body, black);
    canvas.draw_text("19:30", 10, 150, Font{32, Weight::bold}, black);
}

}  // namespace

TEST_GROUP(TextCache) {
    test::SoftwareTarget target{200, 100};
    std::unique_ptr<FontSet> fonts;

    void setup() override { fonts = std::make_unique<FontSet>(test::noto_sans()); }
    void teardown() override { fonts.reset(); }
};

TEST(TextCache, MeasureGrowsWithTheText) {
    TextCache cache(*target.renderer, *fonts);
    const TextSize short_text = cache.measure("Кино", body);
    const TextSize long_text = cache.measure("Кинотеатр", body);
    CHECK_TRUE(short_text.w > 0);
    CHECK_TRUE(long_text.w > short_text.w);
    LONGS_EQUAL(short_text.h, long_text.h);
}

TEST(TextCache, MeasureGrowsWithThePixelSize) {
    TextCache cache(*target.renderer, *fonts);
    const TextSize small = cache.measure("Зал 1", Font{16, Weight::regular});
    const TextSize large = cache.measure("Зал 1", Font{48, Weight::regular});
    CHECK_TRUE(large.w > small.w);
    CHECK_TRUE(large.h > small.h);
    CHECK_TRUE(std::abs(large.h - 48) <= 1);
}

TEST(TextCache, EmptyTextIsZeroWideAndOneLineHigh) {
    TextCache cache(*target.renderer, *fonts);
    const TextSize size = cache.measure("", body);
    LONGS_EQUAL(0, size.w);
    CHECK_TRUE(std::abs(size.h - body.px) <= 1);
}

TEST(TextCache, ARepeatedMeasurementIsAnsweredFromTheCache) {
    TextCache cache(*target.renderer, *fonts);
    cache.measure("Программа", body);
    cache.measure("Программа", body);
    cache.measure("Программа", Font{30, Weight::regular});
    LONGS_EQUAL(2, cache.stats().measured);
    LONGS_EQUAL(1, cache.stats().measure_hits);
}

TEST(TextCache, ALineIsRasterisedOnceAndThenDrawnFromItsTexture) {
    TextCache cache(*target.renderer, *fonts);
    const TextCache::Line first = cache.line("Зал 2", body, black);
    const TextCache::Line again = cache.line("Зал 2", body, black);
    CHECK_TRUE(first.texture != nullptr);
    POINTERS_EQUAL(first.texture, again.texture);
    LONGS_EQUAL(1, cache.stats().rendered);
    LONGS_EQUAL(1, cache.stats().hits);
    const TextSize size = cache.measure("Зал 2", body);
    LONGS_EQUAL(size.w, first.w);
    LONGS_EQUAL(size.h, first.h);
}

TEST(TextCache, EachColourAndFontOfALineIsItsOwnTexture) {
    TextCache cache(*target.renderer, *fonts);
    cache.line("Зал 2", body, black);
    cache.line("Зал 2", body, Color{255, 0, 0, 255});
    cache.line("Зал 2", Font{24, Weight::bold}, black);
    LONGS_EQUAL(3, cache.stats().rendered);
    LONGS_EQUAL(3, cache.size());
    CHECK_TRUE(cache.contains("Зал 2", body, Color{255, 0, 0, 255}));
    CHECK_FALSE(cache.contains("Зал 2", body, Color{0, 255, 0, 255}));
}

TEST(TextCache, ASecondIdenticalFrameRasterisesNothing) {
    SdlCanvas canvas(*target.renderer, *fonts, Size{200, 100});
    draw_frame(canvas);
    const TextCacheStats first = canvas.text_cache().stats();
    LONGS_EQUAL(5, first.rendered);
    LONGS_EQUAL(0, first.hits);

    draw_frame(canvas);
    const TextCacheStats second = canvas.text_cache().stats();
    LONGS_EQUAL(5, second.rendered);
    LONGS_EQUAL(5, second.hits);
    LONGS_EQUAL(first.measured, second.measured);
}

TEST(TextCache, EvictsTheLeastRecentlyDrawnLineFirstWhenOverBudget) {
    // The cost of each line, learned from a cache with room for everything.
    TextCache probe(*target.renderer, *fonts);
    std::vector<std::size_t> costs;
    for (const char* text : {"Бірінші", "Второй", "Third"}) {
        const std::size_t before = probe.bytes();
        probe.line(text, body, black);
        costs.push_back(probe.bytes() - before);
    }
    // Room for any two of the three, not for all of them.
    TextCache cache(*target.renderer, *fonts, costs[0] + costs[1] + costs[2] - 1);
    cache.line("Бірінші", body, black);
    cache.line("Второй", body, black);
    cache.line("Бірінші", body, black);  // now "Второй" is the least recently drawn
    cache.line("Third", body, black);

    CHECK_TRUE(cache.contains("Бірінші", body, black));
    CHECK_FALSE(cache.contains("Второй", body, black));
    CHECK_TRUE(cache.contains("Third", body, black));
    LONGS_EQUAL(1, cache.stats().evicted);
    CHECK_TRUE(cache.bytes() <= cache.budget_bytes());
}

TEST(TextCache, StaysWithinItsBudgetWhateverIsDrawn) {
    TextCache cache(*target.renderer, *fonts, 64 * 1024);
    for (int i = 0; i < 200; ++i) {
        cache.line("Сеанс " + std::to_string(i), body, black);
        CHECK_TRUE(cache.bytes() <= cache.budget_bytes());
    }
    CHECK_TRUE(cache.stats().evicted > 0);
    LONGS_EQUAL(200, cache.stats().rendered);
}

TEST(TextCache, ALineLargerThanTheWholeBudgetIsRefusedOnce) {
    TextCache cache(*target.renderer, *fonts, 1000);
    POINTERS_EQUAL(nullptr, cache.line("Алматы", Font{60, Weight::bold}, black).texture);
    POINTERS_EQUAL(nullptr, cache.line("Алматы", Font{60, Weight::bold}, black).texture);
    LONGS_EQUAL(1, cache.stats().refused);
    LONGS_EQUAL(0, cache.stats().rendered);
}

TEST(TextCache, EmptyTextHasNoTexture) {
    TextCache cache(*target.renderer, *fonts);
    const TextCache::Line line = cache.line("", body, black);
    POINTERS_EQUAL(nullptr, line.texture);
    LONGS_EQUAL(0, line.w);
    LONGS_EQUAL(0, cache.stats().rendered);
}

TEST(TextCache, InvalidUtf8IsMeasuredAndDrawnWithoutHarm) {
    SdlCanvas canvas(*target.renderer, *fonts, Size{200, 100});
    for (const char* bad : {"\xff\xfe", "abc\x80", "\xc3", "\xe2\x82", "\xf0\x9f\x98"}) {
        // A malformed sequence is drawn as U+FFFD, so it takes room like any character.
        const TextSize size = canvas.measure(bad, body);
        CHECK_TEXT(size.w > 0, bad);
        canvas.draw_text(bad, 0, 0, body, black);
    }
    canvas.draw_text(std::string_view("nul\0inside", 10), 0, 0, body, black);
    canvas.draw_text("", 0, 0, body, black);
    LONGS_EQUAL(0, canvas.measure("", body).w);
}

TEST(TextCache, TextAtAnUnsupportedSizeIsNotDrawn) {
    SdlCanvas canvas(*target.renderer, *fonts, Size{200, 100});
    canvas.draw_text("Зал", 0, 0, Font{0, Weight::regular}, black);
    const TextSize size = canvas.measure("Зал", Font{-3, Weight::regular});
    LONGS_EQUAL(0, size.w);
    LONGS_EQUAL(0, size.h);
    LONGS_EQUAL(0, canvas.text_cache().stats().rendered);
}

TEST(TextCache, ClearLetsEveryTextureGo) {
    TextCache cache(*target.renderer, *fonts);
    cache.line("Зал 1", body, black);
    cache.line("Зал 2", body, black);
    cache.clear();
    LONGS_EQUAL(0, cache.size());
    LONGS_EQUAL(0, cache.bytes());
    cache.line("Зал 1", body, black);
    LONGS_EQUAL(3, cache.stats().rendered);
}
