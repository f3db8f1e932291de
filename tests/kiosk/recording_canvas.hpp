// A canvas without pixels for layout tests: text is measured by counting code points, and every
// fill and text is recorded with its box.
#pragma once

#include "kiosk/layout.hpp"
#include "platform/canvas.hpp"

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
    };
    struct FillOp {
        Rect rect;
        Color color;
    };

    // Each code point is `fixed_advance` px wide, or, when that is 0, `em_percent` % of the
    // font's line height (about what Noto Sans averages, bold a little wider).
    explicit RecordingCanvas(Size size, int fixed_advance = 0, int em_percent = 55)
        : size_(size), fixed_advance_(fixed_advance), em_percent_(em_percent) {}

    Size size() const override { return size_; }
    void clear(Color color) override {
        texts.clear();
        fills.clear();
        cleared = color;
    }
    void fill_rect(const Rect& rect, Color color) override { fills.push_back({rect, color}); }
    TextSize measure(std::string_view utf8, const Font& font) override {
        ++measures;
        const int count = static_cast<int>(code_point_count(utf8));
        if (fixed_advance_ > 0) {
            return {count * fixed_advance_, font.px};
        }
        const int percent = em_percent_ + (font.weight == Weight::bold ? 5 : 0);
        return {count * font.px * percent / 100, font.px};
    }
    void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) override {
        const TextSize extent = measure(utf8, font);
        texts.push_back({std::string(utf8), Rect{x, y, extent.w, extent.h}, font, color});
    }

    std::vector<TextOp> texts;
    std::vector<FillOp> fills;
    Color cleared;
    int measures = 0;

private:
    Size size_;
    int fixed_advance_;
    int em_percent_;
};

}  // namespace aff::test
