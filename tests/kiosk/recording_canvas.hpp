// A canvas without pixels for layout tests: text is measured by counting code points, and every
// fill, text, picture and shape is recorded with its box or points and the clip it was drawn
// under.
#pragma once

#include "kiosk/layout.hpp"
#include "platform/canvas.hpp"
#include "sync/utf8.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aff::test {

class RecordingCanvas final : public Canvas {
public:
    struct TextOp {
        std::string text;
        Rect box;
        Font font;
        Color color;
        std::optional<Rect> clip;  // the clip it was drawn under
    };
    struct FillOp {
        Rect rect;
        Color color;
    };
    struct PolygonOp {
        std::vector<Point> points;
        Color color;
        std::optional<Rect> clip;
    };
    struct PolylineOp {
        std::vector<Point> points;
        float width = 0;
        Color color;
        std::optional<Rect> clip;
    };
    struct ImageOp {
        std::string path;  // the image file, or "modules:<key>" for a module picture
        Rect box;
        std::optional<Rect> clip;
    };

    // Each code point is `fixed_advance` px wide, or, when that is 0, `em_percent` % of the
    // font's line height (about what Noto Sans averages, bold a little wider).
    explicit RecordingCanvas(Size size, int fixed_advance = 0, int em_percent = 55)
        : size_(size), fixed_advance_(fixed_advance), em_percent_(em_percent) {}
    // Measures with `metrics` (e.g. a MetricsCanvas with the real fonts), which must outlive it.
    RecordingCanvas(Size size, Canvas& metrics) : size_(size), metrics_(&metrics) {}

    Size size() const override { return size_; }
    void clear(Color color) override {
        texts.clear();
        fills.clear();
        images.clear();
        polygons.clear();
        polylines.clear();
        cleared = color;
    }
    void fill_rect(const Rect& rect, Color color) override { fills.push_back({rect, color}); }
    void fill_polygon(std::span<const Point> points, Color color) override {
        polygons.push_back({{points.begin(), points.end()}, color, clip});
    }
    void draw_polyline(std::span<const Point> points, float width, Color color) override {
        polylines.push_back({{points.begin(), points.end()}, width, color, clip});
    }
    TextSize measure(std::string_view utf8, const Font& font) override {
        ++measures;
        if (metrics_ != nullptr) {
            return metrics_->measure(utf8, font);
        }
        const int count = static_cast<int>(utf8::count(utf8));
        if (fixed_advance_ > 0) {
            return {count * fixed_advance_, font.px};
        }
        const int percent = em_percent_ + (font.weight == Weight::bold ? 5 : 0);
        return {count * font.px * percent / 100, font.px};
    }
    void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) override {
        const TextSize extent = measure(utf8, font);
        texts.push_back({std::string(utf8), Rect{x, y, extent.w, extent.h}, font, color, clip});
    }
    ImageState draw_image(std::string_view path, const Rect& box) override {
        images.push_back({std::string(path), box, clip});
        return image_state;
    }
    void draw_modules(std::string_view key, const Modules& /*modules*/, const Rect& box,
                      Color /*dark*/, Color /*light*/) override {
        images.push_back({"modules:" + std::string(key), box, clip});
    }
    void set_clip(std::optional<Rect> rect) override { clip = rect; }

    std::vector<TextOp> texts;
    std::vector<FillOp> fills;
    std::vector<ImageOp> images;
    std::vector<PolygonOp> polygons;
    std::vector<PolylineOp> polylines;
    std::optional<Rect> clip;
    ImageState image_state = ImageState::drawn;  // what draw_image answers
    Color cleared;
    int measures = 0;

private:
    Size size_;
    int fixed_advance_ = 0;
    int em_percent_ = 55;
    Canvas* metrics_ = nullptr;
};

}  // namespace aff::test
