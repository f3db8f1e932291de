// A Canvas that passes every call on to another and writes down each line of text drawn, with
// its box: what a frame says, readable without its pixels (the screenshot mode's --texts).
#pragma once

#include "platform/canvas.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

class TextLogCanvas final : public Canvas {
public:
    struct Line {
        std::string text;
        Rect box;      // in the canvas's logical pixels, as measured by the canvas drawn on
        int size = 0;  // the font's line height in pixels
        bool operator==(const Line&) const = default;
    };

    // `target` must outlive this object.
    explicit TextLogCanvas(Canvas& target) : target_(target) {}

    // The lines drawn since the last clear(), in drawing order; a line wholly cut off by the
    // clip or outside the canvas is not on the screen and not here.
    const std::vector<Line>& lines() const { return lines_; }

    Size size() const override { return target_.size(); }
    void clear(Color color) override;
    void fill_rect(const Rect& rect, Color color) override { target_.fill_rect(rect, color); }
    void fill_polygon(std::span<const Point> points, Color color) override {
        target_.fill_polygon(points, color);
    }
    void draw_polyline(std::span<const Point> points, float width, Color color) override {
        target_.draw_polyline(points, width, color);
    }
    TextSize measure(std::string_view utf8, const Font& font) override {
        return target_.measure(utf8, font);
    }
    void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) override;
    ImageState draw_image(std::string_view path, const Rect& box) override {
        return target_.draw_image(path, box);
    }
    void draw_modules(std::string_view key, const Modules& modules, const Rect& box, Color dark,
                      Color light) override {
        target_.draw_modules(key, modules, box, dark, light);
    }
    void set_clip(std::optional<Rect> clip) override;

private:
    Canvas& target_;
    std::optional<Rect> clip_;
    std::vector<Line> lines_;
};

}  // namespace aff
