// Display under SDL's dummy video driver: a window that shows nothing, with a real event loop.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "platform/render_choice.hpp"
#include "platform/video.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>

using namespace aff;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<Display> open_window() {
    DisplayOptions options;
    options.fullscreen = false;
    options.size = Size{320, 240};
    options.fonts = test::noto_sans();
    return Display::open(options);
}

// Whatever the window reported on opening (shown, exposed), so the next event is ours.
void drain(Display& display) {
    for (int i = 0; i < 100 && display.wait_event(0ms).type != InputEvent::Type::none; ++i) {
    }
}

}  // namespace

TEST_GROUP(DisplayPictures) {
    test::ScopedEnv driver{"SDL_VIDEODRIVER", std::string("dummy")};
};

TEST(DisplayPictures, APendingPictureWakesTheDisplayToRedrawWhenItIsReady) {
    const std::string path = (test::scratch_dir() / "display_poster.png").string();
    test::write_picture(path, 240, 360, test::Pixel{0, 128, 255, 255});
    auto display = open_window();
    drain(*display);
    const Rect box{10, 10, 100, 150};
    CHECK_TRUE(display->canvas().draw_image(path, box) == ImageState::pending);
    CHECK_TRUE(display->wait_event(10s).type == InputEvent::Type::redraw);
    CHECK_TRUE(display->canvas().draw_image(path, box) == ImageState::drawn);
    display->present();
    LONGS_EQUAL(1, display->image_cache_stats().decoded);
}

TEST(DisplayPictures, AMissingPictureIsReportedFailedAfterItsRedraw) {
    const std::string path = (test::scratch_dir() / "display_missing.png").string();
    std::filesystem::remove(path);
    auto display = open_window();
    drain(*display);
    const Rect box{10, 10, 100, 150};
    CHECK_TRUE(display->canvas().draw_image(path, box) == ImageState::pending);
    CHECK_TRUE(display->wait_event(10s).type == InputEvent::Type::redraw);
    CHECK_TRUE(display->canvas().draw_image(path, box) == ImageState::failed);
    LONGS_EQUAL(1, display->image_cache_stats().failed);
}

TEST_GROUP(RenderChoice) {};

TEST(RenderChoice, AMachineWithARenderNodeHasAGpuForOpenGl) {
    const auto dri = test::scratch_dir() / "dri-gpu";
    std::filesystem::create_directories(dri);
    std::ofstream(dri / "card0").put('\n');
    std::ofstream(dri / "renderD128").put('\n');
    CHECK_TRUE(has_render_node(dri.string()));
}

TEST(RenderChoice, ACardWithoutARenderNodeOrNoDriDirectoryMeansNoGpu) {
    const auto dri = test::scratch_dir() / "dri-card-only";
    std::filesystem::create_directories(dri);
    std::ofstream(dri / "card0").put('\n');
    CHECK_FALSE(has_render_node(dri.string()));
    CHECK_FALSE(has_render_node((test::scratch_dir() / "no-such-dri").string()));
}
