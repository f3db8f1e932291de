#include "kiosk/app.hpp"

#include "demo_store.hpp"
#include "kiosk/shell.hpp"
#include "platform/fonts.hpp"
#include "platform/metrics_canvas.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <fstream>
#include <set>
#include <string>
#include <vector>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

int run_cli(std::vector<std::string> args) {
    args.insert(args.begin(), "kiosk");
    std::vector<char*> argv;
    for (auto& arg : args) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    return kiosk_main(static_cast<int>(args.size()), argv.data());
}

std::uint32_t pixel_at(SDL_Surface* surface, int x, int y) {
    const auto* row = static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch;
    const auto* p = row + x * surface->format->BytesPerPixel;
    std::uint32_t value = 0;
    std::memcpy(&value, p, std::min<std::size_t>(4, surface->format->BytesPerPixel));
    return value;
}

// Whether two PNG files hold the same picture.
bool same_picture(const std::string& a, const std::string& b) {
    SDL_Surface* first = IMG_Load(a.c_str());
    SDL_Surface* second = IMG_Load(b.c_str());
    bool same = first != nullptr && second != nullptr && first->w == second->w &&
                first->h == second->h;
    for (int y = 0; same && y < first->h; ++y) {
        for (int x = 0; same && x < first->w; ++x) {
            same = pixel_at(first, x, y) == pixel_at(second, x, y);
        }
    }
    SDL_FreeSurface(first);
    SDL_FreeSurface(second);
    return same;
}

// Where the board draws `text` at `size` (English, the demo at `when`), by the real fonts.
std::optional<Rect> board_text_box(const std::string& text, Size size, const char* when) {
    test::UiFixture kiosk;
    kiosk.languages = LanguageCycle::pinned(Lang::en);
    Shell::Options options;
    options.venue_id = "palace";
    Shell shell(kiosk.store, kiosk.i18n, kiosk.languages, options);
    auto metrics = MetricsCanvas::create(size, *find_font_files("Noto Sans"));
    test::RecordingCanvas canvas(size, *metrics);
    shell.update(test::at(when), std::chrono::milliseconds{0});
    shell.render(canvas);
    for (const auto& op : canvas.texts) {
        if (op.text == text) {
            return op.box;
        }
    }
    return std::nullopt;
}

}  // namespace

// SDL, SDL_ttf and fontconfig keep one-time allocations for the life of the process; the kiosk's
// own objects are all scoped inside kiosk_main.
TEST_GROUP(Screenshot) {
    std::string dir;
    std::string db;
    std::string png;

    void setup() override {
        dir = std::string(AFF_TEST_TMPDIR) + "/screenshot";
        std::filesystem::create_directories(dir);
        db = aff::test::scratch_cache("screenshot/cache.db");
        png = dir + "/board.png";
        std::filesystem::remove(png);
    }
    void teardown() override {
        aff::test::remove_cache(db);
    }
};

TEST(Screenshot, RendersTheBoardIntoAPngWithoutADisplay) {
    LONGS_EQUAL(0, run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00",
                        "--lang", "en", "--size", "1280x720"}));
    CHECK_TRUE(std::filesystem::exists(png));

    SDL_Surface* surface = IMG_Load(png.c_str());
    CHECK_TEXT(surface != nullptr, IMG_GetError());
    LONGS_EQUAL(1280, surface->w);
    LONGS_EQUAL(720, surface->h);
    SDL_LockSurface(surface);
    std::set<std::uint32_t> colours;
    for (int y = 0; y < surface->h; y += 9) {
        for (int x = 0; x < surface->w; x += 7) {
            colours.insert(pixel_at(surface, x, y));
        }
    }
    SDL_UnlockSurface(surface);
    SDL_FreeSurface(surface);
    CHECK_TRUE(colours.size() > 10);  // text, bands, chips: far from one flat colour
}

TEST(Screenshot, ReplayedTapsBrowseAsAVisitorWould) {
    const char* when = "2018-09-15T18:00:00+06:00";
    const auto button = board_text_box("Programme", Size{1280, 720}, when);
    CHECK_TRUE(button.has_value());
    const std::string tap =
        std::to_string(button->x + button->w / 2) + "," + std::to_string(button->y + button->h / 2);
    const std::string tapped = dir + "/tapped.png";
    const std::string day = dir + "/day.png";
    const std::vector<std::string> common{"--db", db, "--at", when, "--lang", "en", "--size",
                                          "1280x720"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), common.begin(), common.end());
        return args;
    };
    LONGS_EQUAL(0, run_cli(with({"--screenshot", png})));
    LONGS_EQUAL(0, run_cli(with({"--screenshot", tapped, "--touch", tap})));
    LONGS_EQUAL(0, run_cli(with({"--screenshot", day, "--screen", "day"})));
    // The tap on the board's Programme button shows exactly the day programme.
    CHECK_TRUE(same_picture(tapped, day));
    CHECK_FALSE(same_picture(tapped, png));
    // A tap on nothing leaves the board as it was.
    LONGS_EQUAL(0, run_cli(with({"--screenshot", tapped, "--touch", "1,1"})));
    CHECK_TRUE(same_picture(tapped, png));
}

TEST(Screenshot, TheSecondRunUsesTheCacheTheFirstOneFilled) {
    LONGS_EQUAL(0, run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00"}));
    LONGS_EQUAL(0, run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00",
                        "--demo-feed", dir + "/no-such-feed.json", "--size", "800x480"}));
}

TEST(Screenshot, AnUnknownVenueFails) {
    CHECK_TRUE(run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00",
                    "--venue", "no-such-venue"}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST(Screenshot, AnUnparsableTimeFails) {
    CHECK_TRUE(run_cli({"--screenshot", png, "--db", db, "--at", "yesterday"}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST(Screenshot, AnEmptyCacheWithoutADemoFeedFails) {
    CHECK_TRUE(run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00",
                    "--demo-feed", dir + "/no-such-feed.json"}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST(Screenshot, ADemoFeedThatIsNotAFeedFails) {
    const std::string bad = dir + "/bad-feed.json";
    { std::ofstream(bad) << "{\"format\": \"something else\"}"; }
    CHECK_TRUE(run_cli({"--screenshot", png, "--db", db, "--demo-feed", bad}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST(Screenshot, AFontFontconfigDoesNotKnowFails) {
    CHECK_TRUE(run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00",
                    "--font", "No Such Font Family 42"}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST(Screenshot, ACacheThatCannotBeOpenedFails) {
    CHECK_TRUE(run_cli({"--screenshot", png, "--db", dir + "/no/such/dir/cache.db"}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST(Screenshot, BadOptionsExitWithTwo) {
    LONGS_EQUAL(2, run_cli({"--size", "0x0"}));
    LONGS_EQUAL(2, run_cli({"--lang", "fr"}));
}

TEST(Screenshot, AKioskWithAFeedDoesNotShowTheDemoUnlessItIsTheFallback) {
    const std::vector<std::string> with_feed{
        "--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00", "--feed-url",
        "https://feed.example.org/feed.json", "--public-key",
        "RWQ8OCVYEnieCJod+xHT5V8ea9gzlnXfGde5dAS0Kk2s12IrSirhmcOX"};
    CHECK_TRUE(run_cli(with_feed) != 0);  // an empty cache: nothing to show yet
    CHECK_FALSE(std::filesystem::exists(png));
    auto with_fallback = with_feed;
    with_fallback.push_back("--demo-fallback");
    LONGS_EQUAL(0, run_cli(with_fallback));
    CHECK_TRUE(std::filesystem::exists(png));
}

TEST(Screenshot, ADamagedCacheIsMovedAsideAndTheKioskStillStarts) {
    { std::ofstream(db, std::ios::binary) << std::string(8192, '\x5a'); }
    LONGS_EQUAL(0, run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00"}));
    CHECK_TRUE(std::filesystem::exists(png));
    bool moved_aside = false;
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(db).parent_path())) {
        if (entry.path().filename().string().find(".corrupt-") != std::string::npos) {
            moved_aside = true;
            std::filesystem::remove(entry.path());
        }
    }
    CHECK_TRUE(moved_aside);
}
