// Prints what a steady 1920x1080 board frame costs with SDL's software renderer, against only
// clearing the screen and copying the textures the frame draws (and its rect fills): the part no
// kiosk code can avoid. The board is the demo festival's Palace at 18:10 on its first evening,
// in English; nothing changes between frames, as when the kiosk redraws an unchanged minute.
//   bench_frame [--frames N] [--size WxH]
// The two timed loops are functions of their own, so that callgrind can count just one of them:
//   valgrind --tool=callgrind --toggle-collect='*full_frames*' bench_frame --frames 20
//   valgrind --tool=callgrind --toggle-collect='*replay_frames*' bench_frame --frames 20
#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/shell.hpp"
#include "platform/fonts.hpp"
#include "platform/video.hpp"
#include "sync/feed_parse.hpp"
#include "sync/store.hpp"
#include "sync/time/time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tests/bench/median.hpp"

namespace {

using aff::bench::median;
using std::chrono::milliseconds;

// One draw call of a frame, with copies of its arguments so that it can be made again.
struct Clear {
    aff::Color color;
};
struct FillRect {
    aff::Rect rect;
    aff::Color color;
};
struct DrawText {
    std::string utf8;
    int x = 0, y = 0;
    aff::Font font;
    aff::Color color;
};
struct FillPolygon {
    std::vector<aff::Point> points;
    aff::Color color;
};
struct DrawPolyline {
    std::vector<aff::Point> points;
    float width = 0;
    aff::Color color;
};
struct DrawImage {
    std::string path;
    aff::Rect box;
};
struct DrawModules {
    std::string key;
    aff::Modules modules;
    aff::Rect box;
    aff::Color dark, light;
};
struct SetClip {
    std::optional<aff::Rect> clip;
};
using DrawCall = std::variant<Clear, FillRect, FillPolygon, DrawPolyline, DrawText, DrawImage,
                              DrawModules, SetClip>;

// Forwards every call to the real canvas and writes down the ones that draw. Measuring is a
// question the layout asks, not drawing, so it is forwarded but not kept.
class RecordingCanvas final : public aff::Canvas {
public:
    explicit RecordingCanvas(aff::Canvas& target) : target_(target) {}

    aff::Size size() const override { return target_.size(); }
    void clear(aff::Color color) override {
        calls.push_back(Clear{color});
        target_.clear(color);
    }
    void fill_rect(const aff::Rect& rect, aff::Color color) override {
        calls.push_back(FillRect{rect, color});
        target_.fill_rect(rect, color);
    }
    void fill_polygon(std::span<const aff::Point> points, aff::Color color) override {
        calls.push_back(FillPolygon{{points.begin(), points.end()}, color});
        target_.fill_polygon(points, color);
    }
    void draw_polyline(std::span<const aff::Point> points, float width,
                       aff::Color color) override {
        calls.push_back(DrawPolyline{{points.begin(), points.end()}, width, color});
        target_.draw_polyline(points, width, color);
    }
    aff::TextSize measure(std::string_view utf8, const aff::Font& font) override {
        return target_.measure(utf8, font);
    }
    void draw_text(std::string_view utf8, int x, int y, const aff::Font& font,
                   aff::Color color) override {
        calls.push_back(DrawText{std::string(utf8), x, y, font, color});
        target_.draw_text(utf8, x, y, font, color);
    }
    aff::ImageState draw_image(std::string_view path, const aff::Rect& box) override {
        calls.push_back(DrawImage{std::string(path), box});
        return target_.draw_image(path, box);
    }
    void draw_modules(std::string_view key, const aff::Modules& modules, const aff::Rect& box,
                      aff::Color dark, aff::Color light) override {
        calls.push_back(DrawModules{std::string(key), modules, box, dark, light});
        target_.draw_modules(key, modules, box, dark, light);
    }
    void set_clip(std::optional<aff::Rect> clip) override {
        calls.push_back(SetClip{clip});
        target_.set_clip(clip);
    }

    std::vector<DrawCall> calls;

private:
    aff::Canvas& target_;
};

struct Replayer {
    aff::Canvas& canvas;
    void operator()(const Clear& c) const { canvas.clear(c.color); }
    void operator()(const FillRect& c) const { canvas.fill_rect(c.rect, c.color); }
    void operator()(const FillPolygon& c) const { canvas.fill_polygon(c.points, c.color); }
    void operator()(const DrawPolyline& c) const {
        canvas.draw_polyline(c.points, c.width, c.color);
    }
    void operator()(const DrawText& c) const {
        canvas.draw_text(c.utf8, c.x, c.y, c.font, c.color);
    }
    void operator()(const DrawImage& c) const { canvas.draw_image(c.path, c.box); }
    void operator()(const DrawModules& c) const {
        canvas.draw_modules(c.key, c.modules, c.box, c.dark, c.light);
    }
    void operator()(const SetClip& c) const { canvas.set_clip(c.clip); }
};

double since_ms(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// (a) The whole frame as the kiosk draws it: layout, words, cache lookups and the pixels.
// Appends each frame's time to `ms`.
[[gnu::noinline]] void time_full_frames(aff::Shell& shell, aff::Canvas& canvas, int frames,
                                        std::vector<double>& ms) {
    for (int i = 0; i < frames; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        shell.render(canvas);
        ms.push_back(since_ms(t0));
    }
}

// (b) Only the draw calls of one such frame, made again: the floor a frame cannot go below.
[[gnu::noinline]] void time_replay_frames(const std::vector<DrawCall>& calls, aff::Canvas& canvas,
                                          int frames, std::vector<double>& ms) {
    const Replayer replay{canvas};
    for (int i = 0; i < frames; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& call : calls) std::visit(replay, call);
        ms.push_back(since_ms(t0));
    }
}

std::vector<DrawCall> record_one_frame(aff::Shell& shell, aff::Canvas& canvas) {
    RecordingCanvas recorder(canvas);
    shell.render(recorder);
    return std::move(recorder.calls);
}

aff::Feed demo_feed(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    aff::ParseResult parsed = aff::parse_feed(bytes.str());
    if (!parsed.ok()) {
        std::fprintf(stderr, "bench_frame: the demo feed %s does not parse\n", path.c_str());
        std::exit(1);
    }
    return std::move(*parsed.feed);
}

// Their names in the order of DrawCall's alternatives.
constexpr const char* call_names[] = {"clear",        "fill_rect",  "fill_polygon",
                                      "draw_polyline", "draw_text",  "draw_image",
                                      "draw_modules",  "set_clip"};
static_assert(std::size(call_names) == std::variant_size_v<DrawCall>);

}  // namespace

int main(int argc, char** argv) {
    int frames = 200;
    aff::Size size{1920, 1080};
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--frames") frames = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--size" && std::sscanf(argv[i + 1], "%dx%d", &size.w, &size.h) == 2) {}
        else {
            std::fprintf(stderr, "usage: bench_frame [--frames N] [--size WxH]\n");
            return 2;
        }
    }
    const std::string data = AFF_SOURCE_DATADIR;
    auto store = aff::Store::open(":memory:");
    const aff::Feed feed = demo_feed(data + "/demo/feed.json");
    store.apply(feed, feed.generated_at);
    const aff::I18n i18n = aff::I18n::load(data + "/i18n");
    auto fonts = aff::find_font_files("Noto Sans");
    if (!fonts) {
        std::fprintf(stderr, "bench_frame: fontconfig has no Noto Sans\n");
        return 1;
    }
    auto offscreen = aff::Offscreen::create(size, *fonts);
    aff::Canvas& canvas = offscreen->canvas();

    aff::LanguageCycle languages = aff::LanguageCycle::pinned(aff::Lang::en);
    aff::Shell::Options options;
    options.venue_id = store.venues().front().id;
    aff::Shell shell(store, i18n, languages, options);
    const aff::Instant now = *aff::parse_rfc3339("2018-09-15T18:10:00+06:00");
    shell.update(now, milliseconds{0});

    // Warm the caches: text textures, measurements, any pictures and the QR code.
    for (int i = 0; i < 5; ++i) shell.render(canvas);
    const std::vector<DrawCall> calls = record_one_frame(shell, canvas);

    // The two take turns frame by frame, so that both meet the same load from whatever else the
    // machine is doing; the text cache's counters are summed over (a) alone.
    std::vector<double> full, replay;
    full.reserve(static_cast<std::size_t>(frames));
    replay.reserve(static_cast<std::size_t>(frames));
    const aff::TextCacheStats& stats = offscreen->text_cache_stats();
    const aff::TextCacheStats start = stats;
    aff::TextCacheStats during;  // the growth of each counter during (a)
    for (int i = 0; i < frames; ++i) {
        const aff::TextCacheStats before = stats;
        time_full_frames(shell, canvas, 1, full);
        during.rendered += stats.rendered - before.rendered;
        during.hits += stats.hits - before.hits;
        during.measured += stats.measured - before.measured;
        during.measure_hits += stats.measure_hits - before.measure_hits;
        time_replay_frames(calls, canvas, 1, replay);
    }

    std::printf("steady %dx%d board frame, software renderer, %d frames each:\n", size.w, size.h,
                frames);
    std::printf("  (a) full frame, shell.render     median %7.3f ms  (min %7.3f, max %7.3f)\n",
                median(full), *std::min_element(full.begin(), full.end()),
                *std::max_element(full.begin(), full.end()));
    std::printf("  (b) replay of its %3zu draw calls median %7.3f ms  (min %7.3f, max %7.3f)\n",
                calls.size(), median(replay), *std::min_element(replay.begin(), replay.end()),
                *std::max_element(replay.begin(), replay.end()));
    std::printf("  full / replay: %.2fx (target: within 1.20x)\n", median(full) / median(replay));
    std::size_t counts[std::variant_size_v<DrawCall>] = {};
    for (const auto& call : calls) ++counts[call.index()];
    std::printf("  draw calls per frame:");
    for (std::size_t i = 0; i < std::size(counts); ++i) {
        std::printf(" %s %zu%s", call_names[i], counts[i], i + 1 < std::size(counts) ? "," : "\n");
    }
    const auto count = [](std::uint64_t n) { return static_cast<unsigned long long>(n); };
    std::printf("  text cache during (a): rendered +%llu (%llu while warming up), hits +%llu, "
                "measured +%llu, measure hits +%llu\n",
                count(during.rendered), count(start.rendered), count(during.hits),
                count(during.measured), count(during.measure_hits));
    if (during.rendered != 0) {
        std::printf("  NOTE: steady frames rasterised text: the cache is not holding the frame\n");
    }
    return 0;
}
