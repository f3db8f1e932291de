#include "platform/video.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <filesystem>
#include <string>

using namespace aff;

namespace {

const Color white{255, 255, 255, 255};
const Color red{255, 0, 0, 255};
const Color black{0, 0, 0, 255};

SurfacePtr load_png(const std::string& path) {
    const SurfacePtr image{IMG_Load(path.c_str())};
    CHECK_TEXT(image != nullptr, IMG_GetError());
    return test::as_argb(*image);
}

// Whether any pixel in the box is darker than mid-grey: some text was drawn there.
bool has_dark_pixel(const SDL_Surface& image, const Rect& box) {
    for (int y = box.y; y < box.bottom(); ++y) {
        for (int x = box.x; x < box.right(); ++x) {
            const test::Pixel p = test::pixel_at(image, x, y);
            if (p.r < 128 && p.g < 128 && p.b < 128) {
                return true;
            }
        }
    }
    return false;
}

std::string scratch_png(const char* name) { return (test::scratch_dir() / name).string(); }

}  // namespace

TEST_GROUP(Offscreen){};

TEST(Offscreen, DrawsARectAndTextIntoAPngOfTheRequestedSize) {
    const std::string path = scratch_png("offscreen_frame.png");
    std::filesystem::remove(path);
    {
        auto frame = Offscreen::create(Size{320, 200}, test::noto_sans());
        Canvas& canvas = frame->canvas();
        CHECK_TRUE(canvas.size() == (Size{320, 200}));
        canvas.clear(white);
        canvas.fill_rect(Rect{20, 30, 40, 20}, red);
        canvas.draw_text("Қазақстан", 10, 120, Font{32, Weight::bold}, black);
        frame->save_png(path);
    }
    SurfacePtr image = load_png(path);
    LONGS_EQUAL(320, image->w);
    LONGS_EQUAL(200, image->h);

    const test::Pixel inside = test::pixel_at(*image, 25, 35);
    LONGS_EQUAL(255, inside.r);
    LONGS_EQUAL(0, inside.g);
    LONGS_EQUAL(0, inside.b);
    const test::Pixel outside = test::pixel_at(*image, 70, 35);
    LONGS_EQUAL(255, outside.g);
    const test::Pixel corner = test::pixel_at(*image, 59, 49);  // the rect's last pixel
    LONGS_EQUAL(0, corner.g);
    LONGS_EQUAL(255, test::pixel_at(*image, 60, 50).g);

    CHECK_TRUE(has_dark_pixel(*image, Rect{10, 120, 200, 40}));
    CHECK_FALSE(has_dark_pixel(*image, Rect{10, 170, 300, 30}));
}

TEST(Offscreen, APosterIsDecodedAtOnceSoTheSavedFrameHasIt) {
    const std::string poster = scratch_png("offscreen_poster.png");
    test::write_picture(poster, 64, 32, [](int x, int) {
        return x < 32 ? test::Pixel{255, 0, 0, 255} : test::Pixel{0, 0, 255, 255};
    });
    const std::string path = scratch_png("offscreen_with_poster.png");
    auto frame = Offscreen::create(Size{200, 100}, test::noto_sans());
    frame->canvas().clear(white);
    CHECK_TRUE(frame->canvas().draw_image(poster, Rect{0, 0, 200, 100}) == ImageState::drawn);
    frame->save_png(path);
    SurfacePtr image = load_png(path);
    const test::Pixel left = test::pixel_at(*image, 50, 50);
    const test::Pixel right = test::pixel_at(*image, 150, 50);
    CHECK_TRUE(left.r > 240 && left.g < 15 && left.b < 15);
    CHECK_TRUE(right.r < 15 && right.g < 15 && right.b > 240);
    LONGS_EQUAL(1, frame->image_cache_stats().decoded);
}

TEST(Offscreen, ATranslucentFillBlendsWithWhatIsBelow) {
    const std::string path = scratch_png("offscreen_blend.png");
    auto frame = Offscreen::create(Size{16, 16}, test::noto_sans());
    frame->canvas().clear(white);
    frame->canvas().fill_rect(Rect{0, 0, 16, 16}, Color{0, 0, 0, 128});
    frame->save_png(path);
    const test::Pixel p = test::pixel_at(*load_png(path), 8, 8);
    CHECK_TRUE(p.r > 110 && p.r < 145);
    LONGS_EQUAL(255, p.a);
}

TEST(Offscreen, ASecondIdenticalFrameRasterisesNoText) {
    auto frame = Offscreen::create(Size{320, 200}, test::noto_sans());
    for (int i = 0; i < 2; ++i) {
        frame->canvas().clear(white);
        frame->canvas().draw_text("Кесте", 0, 0, Font{20, Weight::regular}, black);
        frame->canvas().draw_text("Schedule", 0, 30, Font{20, Weight::regular}, black);
    }
    LONGS_EQUAL(2, frame->text_cache_stats().rendered);
    LONGS_EQUAL(2, frame->text_cache_stats().hits);
}

TEST(Offscreen, SavingIntoADirectoryThatDoesNotExistIsAPlatformError) {
    auto frame = Offscreen::create(Size{32, 32}, test::noto_sans());
    const std::string path = scratch_png("no/such/directory/frame.png");
    CHECK_THROWS(PlatformError, frame->save_png(path));
    CHECK_THROWS(PlatformError, frame->save_png(""));
    try {
        frame->save_png(path);
    } catch (const PlatformError& error) {
        STRCMP_CONTAINS("no/such/directory/frame.png", error.what());
    }
}

TEST(Offscreen, ASizeWithNoPixelsOrTooManyIsAPlatformError) {
    const FontFiles fonts = test::noto_sans();
    CHECK_THROWS(PlatformError, Offscreen::create(Size{0, 200}, fonts));
    CHECK_THROWS(PlatformError, Offscreen::create(Size{320, -1}, fonts));
    CHECK_THROWS(PlatformError, Offscreen::create(Size{100000, 100000}, fonts));
}

TEST(Offscreen, AMissingFontFileIsAPlatformError) {
    CHECK_THROWS(PlatformError,
                 Offscreen::create(Size{32, 32}, FontFiles{"/nonexistent/font.ttf", ""}));
    LONGS_EQUAL(0, TTF_WasInit());
}

TEST(Offscreen, NeedsNoVideoDriverAndNoDisplay) {
    const test::ScopedEnv no_display("DISPLAY", std::nullopt);
    const test::ScopedEnv no_wayland("WAYLAND_DISPLAY", std::nullopt);
    for (const char* driver : {"", "offscreen", "dummy", "no-such-driver"}) {
        const test::ScopedEnv video("SDL_VIDEODRIVER",
                                    *driver ? std::optional<std::string>(driver) : std::nullopt);
        auto frame = Offscreen::create(Size{64, 32}, test::noto_sans());
        frame->canvas().clear(white);
        frame->canvas().draw_text("Зал", 0, 0, Font{16, Weight::regular}, black);
        frame->save_png(scratch_png("offscreen_headless.png"));
    }
    LONGS_EQUAL(0, SDL_WasInit(SDL_INIT_VIDEO));
}

TEST(Offscreen, CanBeMadeAndDestroyedAgainAndAgain) {
    for (int i = 0; i < 5; ++i) {
        auto frame = Offscreen::create(Size{64, 32}, test::noto_sans());
        frame->canvas().draw_text("Зал " + std::to_string(i), 0, 0, Font{16, Weight::regular},
                                  white);
        LONGS_EQUAL(1, TTF_WasInit());
    }
    LONGS_EQUAL(0, TTF_WasInit());
}
