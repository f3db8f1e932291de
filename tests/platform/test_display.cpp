// Display under SDL's dummy video driver: a window that shows nothing, with a real event loop.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "platform/render_choice.hpp"
#include "platform/video.hpp"
#include "support.hpp"

#include <SDL.h>

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

namespace {

void push_key(SDL_Keycode sym, SDL_Scancode scancode, Uint16 mod) {
    SDL_Event event{};
    event.type = SDL_KEYDOWN;
    event.key.keysym.sym = sym;
    event.key.keysym.scancode = scancode;
    event.key.keysym.mod = mod;
    SDL_PushEvent(&event);
}

void push_click(Uint32 type, int x, int y) {
    SDL_Event event{};
    event.type = type;
    event.button.button = SDL_BUTTON_LEFT;
    event.button.x = x;
    event.button.y = y;
    SDL_PushEvent(&event);
}

void push(Uint32 type) {
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);
}

constexpr Uint16 staff_mods = KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT;

}  // namespace

// SDL's events as the display reads them into translate_input's terms (the rules themselves are
// tested in test_input.cpp). Each wait is given time: SDL 2.26 ends a poll at a sentinel it queues,
// so an event pushed after one may need a second look.
TEST_GROUP(DisplayInput) {
    test::ScopedEnv driver{"SDL_VIDEODRIVER", std::string("dummy")};
};

TEST(DisplayInput, TheStaffChordQuitsByTheQKeysPlaceWhateverTheLayout) {
    auto display = open_window();
    drain(*display);
    push_key(0x439, SDL_SCANCODE_Q, staff_mods);  // й, where Q is on a Russian layout
    CHECK_TRUE(display->wait_event(5s).type == InputEvent::Type::quit);
    push_key(SDLK_q, SDL_SCANCODE_A, staff_mods);  // Q where an AZERTY keyboard has it
    CHECK_TRUE(display->wait_event(5s).type == InputEvent::Type::quit);
}

TEST(DisplayInput, AWindowQuitsOnCloseAndReportsEscape) {
    auto display = open_window();
    drain(*display);
    push_key(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, 0);
    CHECK_TRUE(display->wait_event(5s).type == InputEvent::Type::key_escape);
    push(SDL_QUIT);
    CHECK_TRUE(display->wait_event(5s).type == InputEvent::Type::quit);
}

TEST(DisplayInput, AFullscreenDisplayIgnoresQuitAndEscapeButNotTheStaffChord) {
    DisplayOptions options;
    options.fonts = test::noto_sans();
    auto display = Display::open(options);
    drain(*display);
    // The first event reported is the chord's: the ones before it were passed over.
    push(SDL_QUIT);
    push_key(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, 0);
    push_key(SDLK_F4, SDL_SCANCODE_F4, KMOD_LALT);
    push_key(SDLK_q, SDL_SCANCODE_Q, staff_mods);
    CHECK_TRUE(display->wait_event(5s).type == InputEvent::Type::quit);
}

TEST(DisplayInput, AClickIsATapOnTheCanvas) {
    auto display = open_window();
    drain(*display);
    push_click(SDL_MOUSEBUTTONDOWN, 40, 30);
    push_click(SDL_MOUSEBUTTONUP, 42, 31);
    const InputEvent tap = display->wait_event(5s);
    CHECK_TRUE(tap.type == InputEvent::Type::tap);
    LONGS_EQUAL(42, tap.x);
    LONGS_EQUAL(31, tap.y);
}

TEST(DisplayInput, AWakeFromAnotherThreadEndsTheWaitAtOnce) {
    auto display = open_window();
    drain(*display);
    const auto start = std::chrono::steady_clock::now();
    std::thread waker([&] { display->wake(); });
    CHECK_TRUE(display->wait_event(30s).type == InputEvent::Type::none);
    waker.join();
    CHECK_TRUE(std::chrono::steady_clock::now() - start < 5s);
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
