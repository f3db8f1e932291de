#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

#include "platform/font_set.hpp"
#include "platform/image_cache.hpp"
#include "platform/sdl_canvas.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>
#include <SDL.h>

using namespace aff;

namespace {

const test::Pixel red{255, 0, 0, 255};
const test::Pixel blue{0, 0, 255, 255};

std::string scratch_file(const std::string& name) {
    return (test::scratch_dir() / name).string();
}

Size texture_size(SDL_Texture* texture) {
    Size size;
    CHECK_TRUE(texture != nullptr);
    SDL_QueryTexture(texture, nullptr, nullptr, &size.w, &size.h);
    return size;
}

// Counts the worker's calls and lets a test wait (for at most ten seconds) for the next one.
class ReadySignal {
public:
    std::function<void()> callback() {
        return [this] {
            const std::lock_guard lock(mutex_);
            ++calls_;
            changed_.notify_all();
        };
    }
    bool wait_for(int calls) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return calls_ >= calls; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int calls_ = 0;
};

}  // namespace

TEST_GROUP(ImageCache) {
    test::SoftwareTarget target{200, 200};
};

TEST(ImageCache, APictureIsDecodedAtTheSizeOfItsBoxWithItsAspectKept) {
    const std::string path = scratch_file("wide.png");
    test::write_picture(path, 800, 400, red);
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    const ImageCache::Picture picture = cache.get(path, Rect{10, 20, 100, 100});
    CHECK_TRUE(picture.state == ImageState::drawn);
    CHECK_TRUE(texture_size(picture.texture) == (Size{100, 50}));
    CHECK_TRUE(picture.rect == (Rect{10, 45, 100, 50}));
    LONGS_EQUAL(1, cache.stats().decoded);
}

TEST(ImageCache, AJpegIsDecodedToo) {
    const std::string path = scratch_file("tall.jpg");
    test::write_picture(path, 300, 600, blue, true);
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    const ImageCache::Picture picture = cache.get(path, Rect{0, 0, 200, 200});
    CHECK_TRUE(picture.state == ImageState::drawn);
    CHECK_TRUE(texture_size(picture.texture) == (Size{100, 200}));
    CHECK_TRUE(picture.rect == (Rect{50, 0, 100, 200}));
}

TEST(ImageCache, ASmallPictureKeepsItsOwnPixelsAndIsStretchedToTheBox) {
    const std::string path = scratch_file("small.png");
    test::write_picture(path, 40, 20, red);
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    const ImageCache::Picture picture = cache.get(path, Rect{0, 0, 200, 200});
    CHECK_TRUE(texture_size(picture.texture) == (Size{40, 20}));
    CHECK_TRUE(picture.rect == (Rect{0, 50, 200, 100}));
}

TEST(ImageCache, FineStripesScaledFarDownBecomeAnEvenGrey) {
    // One-pixel stripes reduced sevenfold: a filter that samples a pixel or two per target pixel
    // (bilinear) shows black and white stripes again; averaging shows grey.
    const std::string path = scratch_file("stripes.png");
    test::write_picture(path, 700, 700, [](int x, int) {
        const Uint8 v = x % 2 == 0 ? 0 : 255;
        return test::Pixel{v, v, v, 255};
    });
    FontSet fonts(test::noto_sans());
    SdlCanvas canvas(*target.renderer, fonts, Size{200, 200});
    canvas.clear(Color{255, 0, 0, 255});
    CHECK_TRUE(canvas.draw_image(path, Rect{0, 0, 100, 100}) == ImageState::drawn);
    SDL_RenderFlush(target.renderer.get());
    const SurfacePtr frame = test::as_argb(*target.surface);
    for (int y = 0; y < 100; y += 7) {
        for (int x = 0; x < 100; ++x) {
            const test::Pixel p = test::pixel_at(*frame, x, y);
            CHECK_TEXT(p.g > 90 && p.g < 165 && p.r == p.g,
                       StringFromFormat("(%d, %d) is %d", x, y, p.g).asCharString());
        }
    }
    LONGS_EQUAL(255, test::pixel_at(*frame, 150, 50).r);  // outside the box: untouched
    LONGS_EQUAL(0, test::pixel_at(*frame, 150, 50).g);
}

TEST(ImageCache, ASteadyFrameDecodesAndUploadsNothing) {
    const std::string path = scratch_file("steady.png");
    test::write_picture(path, 120, 180, blue);
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    SDL_Texture* first = cache.get(path, Rect{0, 0, 80, 120}).texture;
    for (int frame = 0; frame < 3; ++frame) {
        POINTERS_EQUAL(first, cache.get(path, Rect{100, 0, 80, 120}).texture);
    }
    LONGS_EQUAL(1, cache.stats().decoded);
    LONGS_EQUAL(3, cache.stats().hits);
    CHECK_TRUE(cache.contains(path, Size{80, 120}));
    CHECK_FALSE(cache.contains(path, Size{80, 121}));
}

TEST(ImageCache, AMissingFileFailsAndIsLoggedOnceNotTriedEveryFrame) {
    const std::string path = scratch_file("no-such-poster.png");
    std::filesystem::remove(path);
    const test::LogCapture log;
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    for (int frame = 0; frame < 3; ++frame) {
        CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::failed);
    }
    CHECK_TRUE(cache.get(path, Rect{0, 0, 50, 75}).state == ImageState::failed);
    LONGS_EQUAL(1, cache.stats().failed);
    LONGS_EQUAL(1, log.count(path));
    LONGS_EQUAL(1, log.count("no such file"));
}

TEST(ImageCache, AFileThatIsNotAPictureFails) {
    const std::string path = scratch_file("poster.png");
    std::ofstream(path) << "<html>not found</html>\n";
    const test::LogCapture log;
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::failed);
    LONGS_EQUAL(1, log.count("not a PNG or JPEG"));
}

TEST(ImageCache, APictureWiderThanTheLimitIsRefusedBeforeDecoding) {
    const std::string path = scratch_file("panorama.png");
    test::write_picture(path, ImageCache::max_side + 1, 1, red);
    const test::LogCapture log;
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 100}).state == ImageState::failed);
    LONGS_EQUAL(1, log.count(std::to_string(ImageCache::max_side + 1) + "x1"));
}

TEST(ImageCache, AFileLargerThanTheLimitIsRefused) {
    const std::string path = scratch_file("huge.png");
    test::write_picture(path, 10, 10, red);
    std::filesystem::resize_file(path, ImageCache::max_file_bytes + 1);  // sparse: no disk used
    const test::LogCapture log;
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 100}).state == ImageState::failed);
    LONGS_EQUAL(1, log.count("larger than 20 MB"));
    std::filesystem::remove(path);
}

TEST(ImageCache, AFailedFileIsTriedAgainOnceItChangesOnDisk) {
    const std::string path = scratch_file("late-poster.png");
    std::filesystem::remove(path);
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::failed);
    test::write_picture(path, 100, 150, red);  // the poster arrives
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::drawn);
    LONGS_EQUAL(1, cache.stats().failed);
    LONGS_EQUAL(1, cache.stats().decoded);
}

TEST(ImageCache, StaysWithinItsBudgetLettingTheLeastRecentlyDrawnGo) {
    const std::size_t picture_bytes = 100 * 50 * 4;
    ImageCache cache(*target.renderer, ImageDecoding::immediate, {}, picture_bytes * 5 / 2);
    std::vector<std::string> paths;
    for (int i = 0; i < 4; ++i) {
        paths.push_back(scratch_file("budget-" + std::to_string(i) + ".png"));
        test::write_picture(paths.back(), 200, 100, red);
    }
    const Rect box{0, 0, 100, 100};
    cache.get(paths[0], box);
    cache.get(paths[1], box);
    cache.get(paths[0], box);  // now paths[1] is the least recently drawn
    cache.get(paths[2], box);
    CHECK_TRUE(cache.bytes() <= cache.budget_bytes());
    CHECK_TRUE(cache.contains(paths[0], Size{100, 100}));
    CHECK_FALSE(cache.contains(paths[1], Size{100, 100}));
    CHECK_TRUE(cache.contains(paths[2], Size{100, 100}));
    cache.get(paths[3], box);
    CHECK_TRUE(cache.bytes() <= cache.budget_bytes());
    LONGS_EQUAL(2, cache.stats().evicted);
    LONGS_EQUAL(2, cache.size());
}

TEST(ImageCache, APictureLargerThanTheWholeBudgetIsDecodedSmallerToFitIt) {
    const std::string path = scratch_file("budget-buster.png");
    test::write_picture(path, 200, 200, blue);
    ImageCache cache(*target.renderer, ImageDecoding::immediate, {}, 100 * 100 * 4);
    const ImageCache::Picture picture = cache.get(path, Rect{0, 0, 200, 200});
    CHECK_TRUE(picture.state == ImageState::drawn);
    CHECK_TRUE(picture.rect == (Rect{0, 0, 200, 200}));  // still drawn at the box's size
    CHECK_TRUE(cache.bytes() <= cache.budget_bytes());
}

TEST(ImageCache, InTheBackgroundAPictureIsPendingUntilTheWorkerSaysItIsReady) {
    const std::string path = scratch_file("background.png");
    test::write_picture(path, 300, 450, red);
    ReadySignal ready;
    ImageCache cache(*target.renderer, ImageDecoding::background, ready.callback());
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::pending);
    CHECK_TRUE(ready.wait_for(1));
    const ImageCache::Picture picture = cache.get(path, Rect{0, 0, 100, 150});
    CHECK_TRUE(picture.state == ImageState::drawn);
    CHECK_TRUE(texture_size(picture.texture) == (Size{100, 150}));
    LONGS_EQUAL(1, cache.stats().decoded);
}

TEST(ImageCache, InTheBackgroundAPictureAskedForAgainWhilePendingIsDecodedOnce) {
    const std::string first = scratch_file("background-1.png");
    const std::string second = scratch_file("background-2.png");
    test::write_picture(first, 300, 450, red);
    test::write_picture(second, 300, 450, blue);
    ReadySignal ready;
    ImageCache cache(*target.renderer, ImageDecoding::background, ready.callback());
    const Rect box{0, 0, 100, 150};
    CHECK_TRUE(cache.get(first, box).state == ImageState::pending);
    cache.get(first, box);
    CHECK_TRUE(ready.wait_for(1));
    CHECK_TRUE(cache.get(first, box).state == ImageState::drawn);
    // Collected by that draw, so the next finished decode calls again.
    CHECK_TRUE(cache.get(second, box).state == ImageState::pending);
    CHECK_TRUE(ready.wait_for(2));
    CHECK_TRUE(cache.get(second, box).state == ImageState::drawn);
    LONGS_EQUAL(2, cache.stats().decoded);
}

TEST(ImageCache, InTheBackgroundAFailureIsReportedOnceToo) {
    const std::string path = scratch_file("background-missing.png");
    std::filesystem::remove(path);
    ReadySignal ready;
    const test::LogCapture log;
    ImageCache cache(*target.renderer, ImageDecoding::background, ready.callback());
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::pending);
    CHECK_TRUE(ready.wait_for(1));
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::failed);
    CHECK_TRUE(cache.get(path, Rect{0, 0, 100, 150}).state == ImageState::failed);
    LONGS_EQUAL(1, cache.stats().failed);
    LONGS_EQUAL(1, log.count(path));
}

TEST(ImageCache, AnEmptyBoxOrPathShowsNothing) {
    ImageCache cache(*target.renderer, ImageDecoding::immediate);
    CHECK_TRUE(cache.get("", Rect{0, 0, 10, 10}).state == ImageState::failed);
    CHECK_TRUE(cache.get(scratch_file("wide.png"), Rect{0, 0, 0, 10}).state ==
               ImageState::failed);
    LONGS_EQUAL(0, cache.stats().decoded + cache.stats().failed);
}
