#include <string>

#include "platform/metrics_canvas.hpp"
#include "platform/video.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>

using namespace aff;

TEST_GROUP(MetricsCanvas){};

TEST(MetricsCanvas, MeasuresExactlyAsTheOffscreenCanvasDoes) {
    const FontFiles fonts = test::noto_sans();
    auto metrics = MetricsCanvas::create(Size{3840, 2160}, fonts);
    auto frame = Offscreen::create(Size{64, 64}, fonts);
    const char* texts[] = {"Қазақстан", "Сейчас на экране", "Now showing", "19:30–21:05", "",
                           "Зал 1 — თბილისი", "فيلم عربي", "\xff broken \xc3"};
    for (const char* text : texts) {
        for (const int px : {9, 16, 24, 41, 72, 160}) {
            for (const Weight weight : {Weight::regular, Weight::bold}) {
                const Font font{px, weight};
                const TextSize want = frame->canvas().measure(text, font);
                const TextSize got = metrics->measure(text, font);
                CHECK_TEXT(want.w == got.w && want.h == got.h,
                           StringFromFormat("'%s' at %d px: %dx%d, not %dx%d", text, px, got.w,
                                            got.h, want.w, want.h)
                               .asCharString());
                CHECK_TRUE(px < 41 || got.h > 30);
            }
        }
    }
}

TEST(MetricsCanvas, DrawsNothingAndNeedsNoDisplay) {
    const test::ScopedEnv no_display("DISPLAY", std::nullopt);
    auto canvas = MetricsCanvas::create(Size{1080, 1920}, test::noto_sans());
    CHECK_TRUE(canvas->size() == (Size{1080, 1920}));
    canvas->clear(Color{});
    canvas->fill_rect(Rect{0, 0, 10, 10}, Color{});
    canvas->set_clip(Rect{0, 0, 5, 5});
    canvas->draw_text("Зал", 0, 0, Font{20, Weight::regular}, Color{});
    canvas->draw_modules("qr", Modules{1, {1}}, Rect{0, 0, 10, 10}, Color{}, Color{});
    CHECK_TRUE(canvas->draw_image("/no/such/poster.png", Rect{0, 0, 10, 10}) ==
               ImageState::drawn);
    canvas->set_clip(std::nullopt);
    canvas->resize(Size{1920, 1080});
    CHECK_TRUE(canvas->size() == (Size{1920, 1080}));
    LONGS_EQUAL(0, SDL_WasInit(SDL_INIT_VIDEO));
}

TEST(MetricsCanvas, AFontFileThatDoesNotOpenIsAPlatformError) {
    CHECK_THROWS(PlatformError,
                 MetricsCanvas::create(Size{10, 10}, FontFiles{"/nonexistent/font.ttf", ""}));
}
