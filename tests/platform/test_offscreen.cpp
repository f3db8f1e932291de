#include "platform/rotation.hpp"
#include "platform/video.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <filesystem>
#include <string>
#include <vector>

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

namespace {

bool is(const test::Pixel& p, Color c) { return p.r == c.r && p.g == c.g && p.b == c.b; }

// A U, open at the top: two arms 20 px wide on a base, the notch between them 40 px wide.
const std::vector<Point> u_shape{{10, 10}, {30, 10}, {30, 70}, {70, 70},
                                 {70, 10}, {90, 10}, {90, 90}, {10, 90}};

}  // namespace

TEST(Offscreen, AConcavePolygonFillsItsInsideAndNotItsNotch) {
    const std::string path = scratch_png("offscreen_polygon.png");
    auto frame = Offscreen::create(Size{200, 100}, test::noto_sans());
    Canvas& canvas = frame->canvas();
    canvas.clear(white);
    canvas.fill_polygon(u_shape, red);
    // The same U the other way round, moved right by 100.
    std::vector<Point> other;
    for (auto it = u_shape.rbegin(); it != u_shape.rend(); ++it) {
        other.push_back(Point{it->x + 100, it->y});
    }
    canvas.fill_polygon(other, red);
    frame->save_png(path);
    const SurfacePtr image = load_png(path);
    for (const int dx : {0, 100}) {
        CHECK_TRUE(is(test::pixel_at(*image, dx + 20, 20), red));  // left arm
        CHECK_TRUE(is(test::pixel_at(*image, dx + 80, 20), red));  // right arm
        CHECK_TRUE(is(test::pixel_at(*image, dx + 50, 80), red));  // base
        CHECK_TRUE(is(test::pixel_at(*image, dx + 50, 40), white));  // the notch
        CHECK_TRUE(is(test::pixel_at(*image, dx + 50, 68), white));  // just above the base
        CHECK_TRUE(is(test::pixel_at(*image, dx + 50, 72), red));    // just inside it
        CHECK_TRUE(is(test::pixel_at(*image, dx + 5, 50), white));   // outside, left
        CHECK_TRUE(is(test::pixel_at(*image, dx + 50, 95), white));  // outside, below
    }
}

TEST(Offscreen, APolygonIsClippedLikeAnyOtherDrawing) {
    const std::string path = scratch_png("offscreen_polygon_clip.png");
    auto frame = Offscreen::create(Size{100, 100}, test::noto_sans());
    Canvas& canvas = frame->canvas();
    canvas.clear(white);
    canvas.set_clip(Rect{0, 0, 100, 50});
    canvas.fill_polygon(u_shape, red);
    canvas.set_clip(std::nullopt);
    frame->save_png(path);
    const SurfacePtr image = load_png(path);
    CHECK_TRUE(is(test::pixel_at(*image, 20, 20), red));
    CHECK_TRUE(is(test::pixel_at(*image, 20, 60), white));  // the arm below the clip
    CHECK_TRUE(is(test::pixel_at(*image, 50, 80), white));  // the base
}

TEST(Offscreen, APolylineIsDrawnAlongItsPointsAtItsWidthWithRoundJoins) {
    const std::string path = scratch_png("offscreen_polyline.png");
    const Color blue{0, 0, 255, 255};
    auto frame = Offscreen::create(Size{100, 100}, test::noto_sans());
    Canvas& canvas = frame->canvas();
    canvas.clear(white);
    // Right along y = 20, then down along x = 80, then a diagonal back to (20, 80); 10 px wide.
    const std::vector<Point> route{{10, 20}, {80, 20}, {80, 60}, {20, 80}};
    canvas.draw_polyline(route, 10, blue);
    frame->save_png(path);
    const SurfacePtr image = load_png(path);
    CHECK_TRUE(is(test::pixel_at(*image, 40, 20), blue));  // on the first leg
    CHECK_TRUE(is(test::pixel_at(*image, 40, 16), blue));  // within its width
    CHECK_TRUE(is(test::pixel_at(*image, 40, 23), blue));
    CHECK_TRUE(is(test::pixel_at(*image, 40, 12), white));  // beyond it
    CHECK_TRUE(is(test::pixel_at(*image, 40, 28), white));
    CHECK_TRUE(is(test::pixel_at(*image, 80, 40), blue));  // the second leg
    CHECK_TRUE(is(test::pixel_at(*image, 88, 40), white));
    CHECK_TRUE(is(test::pixel_at(*image, 50, 70), blue));  // the diagonal
    CHECK_TRUE(is(test::pixel_at(*image, 50, 60), white));
    // The join at (80, 20) is round: filled out to the radius diagonally, not to the square's
    // corner.
    CHECK_TRUE(is(test::pixel_at(*image, 82, 17), blue));
    CHECK_TRUE(is(test::pixel_at(*image, 84, 16), white));
    // Flat ends: nothing before the first point.
    CHECK_TRUE(is(test::pixel_at(*image, 7, 20), white));
    CHECK_TRUE(is(test::pixel_at(*image, 11, 20), blue));
}

TEST(Offscreen, ATranslucentPolygonBlendsAndAnInvisibleOneDrawsNothing) {
    const std::string path = scratch_png("offscreen_polygon_blend.png");
    auto frame = Offscreen::create(Size{100, 100}, test::noto_sans());
    frame->canvas().clear(white);
    frame->canvas().fill_polygon(u_shape, Color{0, 0, 0, 128});
    frame->canvas().draw_polyline(u_shape, 4, Color{0, 0, 0, 0});
    frame->canvas().fill_polygon(std::vector<Point>{{0, 0}, {50, 50}, {99, 99}}, black);
    frame->save_png(path);
    const SurfacePtr image = load_png(path);
    const test::Pixel p = test::pixel_at(*image, 20, 20);
    CHECK_TRUE(p.r > 110 && p.r < 145);
    CHECK_TRUE(is(test::pixel_at(*image, 30, 30), white));  // on the line of no area
    CHECK_TRUE(is(test::pixel_at(*image, 8, 50), white));  // on the invisible polyline
}

TEST(Offscreen, ARotatedFrameIsTheScreenMountedSidewaysAsPlatformRotationSaysIt) {
    const Size screen{200, 100};
    const Rect box{10, 20, 30, 40};
    for (const int rotation : {0, 90, 180, 270}) {
        const std::string path = scratch_png("offscreen_rotated.png");
        {
            auto frame = Offscreen::create(screen, test::noto_sans(), rotation);
            CHECK_TRUE(frame->canvas().size() == rotated(screen, rotation));
            frame->canvas().clear(white);
            frame->canvas().fill_rect(box, red);
            frame->save_png(path);
        }
        const SurfacePtr image = load_png(path);
        LONGS_EQUAL(screen.w, image->w);
        LONGS_EQUAL(screen.h, image->h);
        const Rect on_screen = to_screen(box, screen, rotation);
        // The box exactly: its corner pixels red, the pixels just outside them white.
        CHECK_TRUE(is(test::pixel_at(*image, on_screen.x, on_screen.y), red));
        CHECK_TRUE(is(test::pixel_at(*image, on_screen.right() - 1, on_screen.bottom() - 1), red));
        CHECK_TRUE(is(test::pixel_at(*image, on_screen.x - 1, on_screen.y), white));
        CHECK_TRUE(is(test::pixel_at(*image, on_screen.x, on_screen.y - 1), white));
        CHECK_TRUE(is(test::pixel_at(*image, on_screen.right(), on_screen.bottom() - 1), white));
        CHECK_TRUE(is(test::pixel_at(*image, on_screen.right() - 1, on_screen.bottom()), white));
        // The whole screen is the canvas: no border of the black behind it.
        CHECK_TRUE(is(test::pixel_at(*image, 0, 0), white));
        CHECK_TRUE(is(test::pixel_at(*image, screen.w - 1, screen.h - 1), white));
    }
    CHECK_THROWS(PlatformError, Offscreen::create(screen, test::noto_sans(), 45));
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

// A layer painted once: a red square at (10, 10) of a 40x30 picture, copied to (100, 50).
TEST(Offscreen, ALayerIsPaintedOnceAndCopiedWhereItIsPlacedEveryFrame) {
    for (const int rotation : {0, 90}) {
        const std::string path = scratch_png("offscreen_layer.png");
        auto frame = Offscreen::create(Size{320, 200}, test::noto_sans(), rotation);
        int paints = 0;
        const auto paint = [&](Canvas& layer) {
            ++paints;
            CHECK_TRUE(layer.size() == (Size{40, 30}));
            layer.fill_rect(Rect{10, 10, 20, 10}, red);
            layer.fill_rect(Rect{-50, 0, 500, 5}, black);  // cut off at the picture's edge
        };
        for (int i = 0; i < 3; ++i) {
            frame->canvas().clear(white);
            frame->canvas().draw_layer("plan", Size{40, 30}, 100, 50, paint);
        }
        LONGS_EQUAL(1, paints);
        frame->canvas().draw_layer("plan-2", Size{40, 30}, 100, 50, paint);
        LONGS_EQUAL(2, paints);
        frame->canvas().fill_rect(Rect{0, 190, 10, 10}, red);  // drawing goes on to the frame
        frame->save_png(path);
        SurfacePtr image = load_png(path);
        const auto at = [&](int x, int y) {
            const Point p = rotation == 0 ? Point{float(x), float(y)}
                                          : Point{float(image->w - 1 - y), float(x)};
            return test::pixel_at(*image, int(p.x), int(p.y));
        };
        CHECK_TRUE(is(at(115, 65), red));
        CHECK_TRUE(is(at(105, 65), white));    // inside the picture, outside the square
        CHECK_TRUE(is(at(90, 52), white));     // the black band stays inside the picture
        CHECK_TRUE(is(at(145, 52), white));
        CHECK_TRUE(is(at(120, 52), black));
        CHECK_TRUE(is(at(5, 195), red));
    }
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
