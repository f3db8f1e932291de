// Canvas's one shared behaviour: a layer painted straight through, offset, on a canvas that keeps
// no pictures.
#include "platform/canvas.hpp"

#include <algorithm>
#include <vector>

namespace aff {
namespace {

// Forwards every call to `target`, moved by (dx, dy) and clipped to the layer's box.
class OffsetCanvas final : public Canvas {
public:
    OffsetCanvas(Canvas& target, Size size, int dx, int dy)
        : target_(target), size_(size), dx_(dx), dy_(dy) {}

    Size size() const override { return size_; }
    void clear(Color color) override { target_.fill_rect(box({0, 0, size_.w, size_.h}), color); }
    void fill_rect(const Rect& rect, Color color) override { target_.fill_rect(box(rect), color); }
    void fill_polygon(std::span<const Point> points, Color color) override {
        const std::vector<Point> moved = move(points);
        target_.fill_polygon(moved, color);
    }
    void draw_polyline(std::span<const Point> points, float width, Color color) override {
        const std::vector<Point> moved = move(points);
        target_.draw_polyline(moved, width, color);
    }
    TextSize measure(std::string_view utf8, const Font& font) override {
        return target_.measure(utf8, font);
    }
    void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) override {
        target_.draw_text(utf8, x + dx_, y + dy_, font, color);
    }
    ImageState draw_image(std::string_view path, const Rect& rect) override {
        return target_.draw_image(path, box(rect));
    }
    void draw_modules(std::string_view key, const Modules& modules, const Rect& rect, Color dark,
                      Color light) override {
        target_.draw_modules(key, modules, box(rect), dark, light);
    }
    void set_clip(std::optional<Rect> clip) override {
        const Rect whole = box({0, 0, size_.w, size_.h});
        if (!clip) {
            target_.set_clip(whole);
            return;
        }
        Rect r = box(*clip);
        const int left = std::max(r.x, whole.x), top = std::max(r.y, whole.y);
        const int right = std::min(r.right(), whole.right());
        const int bottom = std::min(r.bottom(), whole.bottom());
        target_.set_clip(Rect{left, top, std::max(0, right - left), std::max(0, bottom - top)});
    }
    void draw_layer(std::string_view key, Size size, int x, int y,
                    const std::function<void(Canvas&)>& paint) override {
        target_.draw_layer(key, size, x + dx_, y + dy_, paint);
    }

private:
    Rect box(const Rect& r) const { return {r.x + dx_, r.y + dy_, r.w, r.h}; }
    std::vector<Point> move(std::span<const Point> points) const {
        std::vector<Point> moved(points.begin(), points.end());
        for (Point& p : moved) {
            p.x += static_cast<float>(dx_);
            p.y += static_cast<float>(dy_);
        }
        return moved;
    }

    Canvas& target_;
    Size size_;
    int dx_, dy_;
};

}  // namespace

void Canvas::draw_layer(std::string_view /*key*/, Size size, int x, int y,
                        const std::function<void(Canvas&)>& paint) {
    OffsetCanvas layer(*this, size, x, y);
    layer.set_clip(std::nullopt);
    paint(layer);
    set_clip(std::nullopt);
}

}  // namespace aff
