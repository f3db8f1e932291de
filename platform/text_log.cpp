#include "platform/text_log.hpp"

namespace aff {

void TextLogCanvas::clear(Color color) {
    lines_.clear();
    target_.clear(color);
}

void TextLogCanvas::draw_text(std::string_view utf8, int x, int y, const Font& font,
                              Color color) {
    target_.draw_text(utf8, x, y, font, color);
    const TextSize extent = target_.measure(utf8, font);
    const Rect box{x, y, extent.w, extent.h};
    const Size canvas = target_.size();
    const Rect visible = clip_.value_or(Rect{0, 0, canvas.w, canvas.h});
    if (!utf8.empty() && color.a != 0 && box.intersects(visible) &&
        box.intersects(Rect{0, 0, canvas.w, canvas.h})) {
        lines_.push_back(Line{std::string(utf8), box, font.px});
    }
}

void TextLogCanvas::set_clip(std::optional<Rect> clip) {
    clip_ = clip;
    target_.set_clip(clip);
}

}  // namespace aff
