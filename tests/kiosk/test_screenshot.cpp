#include "kiosk/app.hpp"

#include "demo_store.hpp"
#include "kiosk/shell.hpp"
#include "platform/fonts.hpp"
#include "platform/metrics_canvas.hpp"
#include "sync/asset_store.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/ui_fixture.hpp"
#include "tests/support/fake_clock.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <fstream>
#include <set>
#include <sstream>
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

// A --texts file: its lines, each checked to have exactly the documented keys.
struct DrawnText {
    std::string text;
    Rect box;
    int size = 0;
};

std::vector<DrawnText> read_texts(const std::string& path) {
    std::ifstream in(path);
    const auto json = nlohmann::json::parse(in);
    CHECK_TRUE(json.is_array());
    std::vector<DrawnText> texts;
    for (const auto& item : json) {
        LONGS_EQUAL(6, item.size());
        texts.push_back(DrawnText{item.at("text").get<std::string>(),
                                  Rect{item.at("x").get<int>(), item.at("y").get<int>(),
                                       item.at("w").get<int>(), item.at("h").get<int>()},
                                  item.at("size").get<int>()});
    }
    return texts;
}

std::optional<Rect> box_of(const std::vector<DrawnText>& texts, const std::string& text) {
    for (const auto& t : texts) {
        if (t.text == text) {
            return t.box;
        }
    }
    return std::nullopt;
}

void check_on_screen(const std::vector<DrawnText>& texts, Size screen) {
    for (const auto& t : texts) {
        CHECK_TEXT(Rect({0, 0, screen.w, screen.h}).contains(t.box), t.text.c_str());
        CHECK_TRUE(t.box.w > 0 && t.box.h > 0 && t.size > 0);
    }
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
        std::filesystem::remove_all(dir + "/assets");
    }
};

namespace {

// What SDL logs (the image cache's "image: ... not shown: ..."), while one is alive.
class SdlLogCapture {
public:
    SdlLogCapture() {
        SDL_LogGetOutputFunction(&previous_, &previous_data_);
        SDL_LogSetOutputFunction(&SdlLogCapture::write, this);
    }
    ~SdlLogCapture() { SDL_LogSetOutputFunction(previous_, previous_data_); }
    SdlLogCapture(const SdlLogCapture&) = delete;
    SdlLogCapture& operator=(const SdlLogCapture&) = delete;
    const std::string& text() const { return text_; }

private:
    static void write(void* self, int, SDL_LogPriority, const char* message) {
        static_cast<SdlLogCapture*>(self)->text_ += std::string(message) + "\n";
    }
    SDL_LogOutputFunction previous_ = nullptr;
    void* previous_data_ = nullptr;
    std::string text_;
};

// The demo's poster of Salt Road, as the feed lists it.
Asset salt_road_poster() {
    const Feed feed = aff::test::demo_feed();
    for (const Film& film : feed.films) {
        if (film.id == "salt-road") {
            for (const Asset& asset : feed.assets) {
                if (asset.id == film.poster) {
                    return asset;
                }
            }
        }
    }
    FAIL("the demo's Salt Road has no poster");
    return {};
}

// The cache and asset store a kiosk's sync would leave: the demo applied as a feed, its posters
// in the store beside the cache by SHA-256 (a screenshot itself writes neither).
void fill_like_a_sync(const std::string& db, const std::string& assets_dir) {
    const Feed feed = aff::test::demo_feed();
    Store::open(db).apply(feed, feed.generated_at);
    const auto imported =
        AssetStore(assets_dir).import_files(std::string(AFF_SOURCE_DATADIR) + "/demo", feed.assets);
    CHECK_TRUE(imported.problems.empty());
}

}  // namespace

TEST(Screenshot, AFilmPageDrawsThePosterTheCacheNamesWhateverTheDemoFlags) {
    const std::vector<std::string> film{"--screenshot", png, "--db", db, "--at",
                                        "2018-09-15T18:00:00+06:00", "--screen",
                                        "film:salt-road", "--lang", "en", "--size", "800x480"};
    fill_like_a_sync(db, dir + "/assets");
    LONGS_EQUAL(0, run_cli(film));
    const std::string first = dir + "/film-first.png";
    std::filesystem::rename(png, first);
    // Another --demo-feed (one that is not there) changes nothing: the cache says what to draw.
    auto elsewhere = film;
    elsewhere.insert(elsewhere.end(), {"--demo-feed", dir + "/no-such-dir/feed.json"});
    SdlLogCapture log;
    LONGS_EQUAL(0, run_cli(elsewhere));
    CHECK_TEXT(log.text().find("not shown") == std::string::npos, log.text().c_str());
    CHECK_TRUE(same_picture(first, png));
}

TEST(Screenshot, AMissingOrBrokenPosterIsLoggedWithItsFileAndWhy) {
    const std::vector<std::string> film{"--screenshot", png, "--db", db, "--at",
                                        "2018-09-15T18:00:00+06:00", "--screen",
                                        "film:salt-road", "--size", "800x480"};
    fill_like_a_sync(db, dir + "/assets");
    const Asset poster = salt_road_poster();
    const std::string file = AssetStore(dir + "/assets").path_of(poster.sha256);
    std::filesystem::remove(file);
    {
        SdlLogCapture log;
        LONGS_EQUAL(0, run_cli(film));
        STRCMP_CONTAINS(("image: " + file + " not shown: there is no such file").c_str(),
                        log.text().c_str());
    }
    // A file of the right size that is no picture, e.g. one an SD card damaged.
    { std::ofstream(file, std::ios::binary) << std::string(poster.size, 'x'); }
    SdlLogCapture log;
    LONGS_EQUAL(0, run_cli(film));
    STRCMP_CONTAINS(("image: " + file + " not shown: it is not a PNG or JPEG file").c_str(),
                    log.text().c_str());
}

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

TEST(Screenshot, TheTextsOfTheFrameAreWrittenWithTheirBoxesOnTheScreen) {
    const char* when = "2018-09-15T18:00:00+06:00";
    const std::string json = dir + "/board.json";
    LONGS_EQUAL(0, run_cli({"--screenshot", png, "--texts", json, "--db", db, "--at", when,
                            "--lang", "en", "--size", "1280x720"}));
    const auto texts = read_texts(json);
    CHECK_TRUE(texts.size() > 20);
    check_on_screen(texts, Size{1280, 720});
    for (const char* known : {"Zhetysu Festival Palace", "Almaty Film Festival 2018", "18:00",
                              "Programme", "Updated 18:00"}) {
        CHECK_TEXT(box_of(texts, known).has_value(), known);
    }
    // Where the board draws it, by the same fonts.
    CHECK_TRUE(box_of(texts, "Programme") == board_text_box("Programme", Size{1280, 720}, when));
}

TEST(Screenshot, ShowsTheFirstLanguageOfTheRotationUnlessLangPinsOne) {
    const char* when = "2018-09-15T18:00:00+06:00";
    const std::string json = dir + "/board.json";
    const auto texts_with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"--screenshot", png, "--texts", json, "--db", db,
                                      "--at",         when, "--size", "1280x720"};
        args.insert(args.end(), extra.begin(), extra.end());
        LONGS_EQUAL(0, run_cli(args));
        return read_texts(json);
    };
    CHECK_TRUE(box_of(texts_with({"--languages", "ru,en"}), "Программа").has_value());
    CHECK_TRUE(box_of(texts_with({"--languages", "en,kk"}), "Programme").has_value());
    const auto pinned = texts_with({"--languages", "ru,en", "--lang", "kk"});
    CHECK_TRUE(box_of(pinned, "Бағдарлама").has_value());
    CHECK_TRUE(box_of(texts_with({}), "Бағдарлама").has_value());  // kk, ru, en by default
}

TEST(Screenshot, WithARotationThePngAndTheTextsAreThoseOfTheScreenMountedSideways) {
    const char* when = "2018-09-15T18:00:00+06:00";
    const std::string portrait_png = dir + "/portrait.png";
    const std::string portrait_json = dir + "/portrait.json";
    const std::string sideways_json = dir + "/sideways.json";
    const std::vector<std::string> common{"--db", db, "--at", when, "--lang", "en"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), common.begin(), common.end());
        return args;
    };
    // A 720x1280 portrait board, drawn upright and on a 1280x720 panel turned a quarter.
    LONGS_EQUAL(0, run_cli(with({"--screenshot", portrait_png, "--texts", portrait_json,
                                 "--size", "720x1280"})));
    LONGS_EQUAL(0, run_cli(with({"--screenshot", png, "--texts", sideways_json, "--size",
                                 "1280x720", "--rotate", "90"})));
    const auto upright = read_texts(portrait_json);
    const auto sideways = read_texts(sideways_json);
    LONGS_EQUAL(upright.size(), sideways.size());
    check_on_screen(sideways, Size{1280, 720});
    for (std::size_t i = 0; i < upright.size(); ++i) {
        STRCMP_EQUAL(upright[i].text.c_str(), sideways[i].text.c_str());
        // Turned clockwise: the canvas's left edge is the screen's top, its top the right.
        const Rect& u = upright[i].box;
        CHECK_TRUE(sideways[i].box == (Rect{1280 - u.y - u.h, u.x, u.h, u.w}));
        LONGS_EQUAL(upright[i].size, sideways[i].size);
    }
    // The PNG is the upright one turned, pixel for pixel.
    SDL_Surface* turned = IMG_Load(png.c_str());
    SDL_Surface* straight = IMG_Load(portrait_png.c_str());
    CHECK_TRUE(turned != nullptr && straight != nullptr);
    LONGS_EQUAL(1280, turned->w);
    LONGS_EQUAL(720, turned->h);
    bool same = true;
    for (int y = 0; same && y < turned->h; ++y) {
        for (int x = 0; same && x < turned->w; ++x) {
            same = pixel_at(turned, x, y) == pixel_at(straight, y, turned->w - 1 - x);
        }
    }
    SDL_FreeSurface(turned);
    SDL_FreeSurface(straight);
    CHECK_TRUE(same);
}

TEST(Screenshot, ATapOnARotatedScreenIsWhereTheTextsSayTheButtonIs) {
    const char* when = "2018-09-15T18:00:00+06:00";
    const std::string json = dir + "/sideways.json";
    const std::string tapped = dir + "/sideways-tapped.png";
    const std::string day = dir + "/sideways-day.png";
    const std::vector<std::string> common{"--db", db,       "--at",   when,  "--lang",
                                          "en", "--size", "1280x720", "--rotate", "90"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), common.begin(), common.end());
        return args;
    };
    LONGS_EQUAL(0, run_cli(with({"--screenshot", png, "--texts", json})));
    const auto button = box_of(read_texts(json), "Programme");
    CHECK_TRUE(button.has_value());
    const std::string tap =
        std::to_string(button->x + button->w / 2) + "," + std::to_string(button->y + button->h / 2);
    LONGS_EQUAL(0, run_cli(with({"--screenshot", tapped, "--touch", tap})));
    LONGS_EQUAL(0, run_cli(with({"--screenshot", day, "--screen", "day"})));
    CHECK_TRUE(same_picture(tapped, day));
}

TEST(Screenshot, TextsThatCannotBeWrittenFailTheRun) {
    CHECK_TRUE(run_cli({"--screenshot", png, "--texts", dir + "/no/such/dir/texts.json", "--db",
                        db, "--at", "2018-09-15T18:00:00+06:00"}) != 0);
}

TEST(Screenshot, ACacheWithAFeedIsDrawnWithoutTheDemoFeed) {
    Store::open(db).apply(test::demo_feed(), test::at("2018-09-15T08:00:00+06:00"));
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

TEST(Screenshot, APublicKeyFileThatIsMissingOrTooLargeStopsTheKioskWithWhy) {
    const std::string feed = AFF_SOURCE_DATADIR "/demo/feed.json";  // a feed given for the key
    const std::string missing = dir + "/absent.pub";
    for (const auto& [key_file, why] :
         {std::pair{feed, "public key file \"" + feed + "\" is too large to be a key"},
          std::pair{missing, "cannot read public key file \"" + missing + "\""}}) {
        std::vector<const char*> argv{"kiosk",      "--screenshot", png.c_str(), "--db",
                                      db.c_str(),   "--feed-url",   "https://feed.example.org/f",
                                      "--public-key-file",          key_file.c_str(),
                                      "--demo-fallback"};
        const ConfigResult config = read_config(static_cast<int>(argv.size()), argv.data());
        CHECK_TEXT(config.config.has_value(), config.error.c_str());
        std::ostringstream out;
        std::ostringstream err;
        const test::FakeClock clock(test::at("2018-09-15T18:00:00+06:00"));
        LONGS_EQUAL(1, run_kiosk(*config.config, clock, out, err));
        STRCMP_CONTAINS(why.c_str(), err.str().c_str());
        CHECK_FALSE(std::filesystem::exists(png));
    }
}

// Only the kiosk itself moves a damaged cache aside (CacheRecovery); a screenshot only looks.
TEST(Screenshot, ADamagedCacheFailsTheScreenshotAndIsLeftWhereItIs) {
    const auto moved_aside = [&] {
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(
                 std::filesystem::path(db).parent_path())) {
            if (entry.path().filename().string().find(".corrupt-") != std::string::npos) {
                found.push_back(entry.path());
            }
        }
        return found;
    };
    for (const auto& old : moved_aside()) {
        std::filesystem::remove(old);  // left by an older kiosk's run of this test
    }
    const std::string damage(8192, '\x5a');
    { std::ofstream(db, std::ios::binary) << damage; }
    CHECK_TRUE(
        run_cli({"--screenshot", png, "--db", db, "--at", "2018-09-15T18:00:00+06:00"}) != 0);
    CHECK_FALSE(std::filesystem::exists(png));
    std::ifstream in(db, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    CHECK_TRUE(bytes.str() == damage);
    CHECK_TRUE(moved_aside().empty());
}
