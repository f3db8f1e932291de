#include "platform/metrics_canvas.hpp"

#include "platform/font_set.hpp"
#include "platform/lru_cache.hpp"

#include <cstddef>
#include <string>

namespace aff {
namespace {

class FontMetricsCanvas final : public MetricsCanvas {
public:
    FontMetricsCanvas(Size size, const FontFiles& fonts)
        : size_(size), fonts_(fonts), sizes_(max_measurements) {}

    Size size() const override { return size_; }
    void resize(Size size) override { size_ = size; }
    void clear(Color /*color*/) override {}
    void fill_rect(const Rect& /*rect*/, Color /*color*/) override {}
    void fill_polygon(std::span<const Point> /*points*/, Color /*color*/) override {}
    void draw_polyline(std::span<const Point> /*points*/, float /*width*/,
                       Color /*color*/) override {}

    // Cached as TextCache caches them, since layouts measure the same strings again and again.
    TextSize measure(std::string_view utf8, const Font& font) override {
        key_.assign(reinterpret_cast<const char*>(&font.px), sizeof font.px);
        key_.append(reinterpret_cast<const char*>(&font.weight), sizeof font.weight);
        key_.append(utf8);
        if (const TextSize* known = sizes_.find(key_)) {
            return *known;
        }
        const TextSize size = fonts_.measure(utf8, font);
        sizes_.insert(key_, size, 1);
        return size;
    }

    void draw_text(std::string_view /*utf8*/, int /*x*/, int /*y*/, const Font& /*font*/,
                   Color /*color*/) override {}
    ImageState draw_image(std::string_view /*path*/, const Rect& /*box*/) override {
        return ImageState::drawn;
    }
    void draw_modules(std::string_view /*key*/, const Modules& /*modules*/, const Rect& /*box*/,
                      Color /*dark*/, Color /*light*/) override {}
    void set_clip(std::optional<Rect> /*clip*/) override {}

private:
    static constexpr std::size_t max_measurements = 8192;

    Size size_;
    FontSet fonts_;
    LruCache<TextSize> sizes_;
    std::string key_;
};

}  // namespace

MetricsCanvas::~MetricsCanvas() = default;

std::unique_ptr<MetricsCanvas> MetricsCanvas::create(Size size, const FontFiles& fonts) {
    return std::make_unique<FontMetricsCanvas>(size, fonts);
}

}  // namespace aff
