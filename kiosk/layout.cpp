#include "kiosk/layout.hpp"

#include "sync/utf8.hpp"

#include <algorithm>
#include <numeric>

namespace aff {
namespace {

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

std::string_view trim_left(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    return text;
}

std::string with_ellipsis(std::string_view text, std::size_t code_points) {
    std::string out(trim_right(text.substr(0, utf8::offset(text, code_points))));
    out += ellipsis;
    return out;
}

// The most code points of `text` that fit `max_width` (at least `min_count`, even if they do
// not: a line must make progress).
std::size_t fitting_prefix(Canvas& canvas, std::string_view text, const Font& font, int max_width,
                           std::size_t min_count) {
    std::size_t lo = min_count;  // known to be taken
    std::size_t hi = utf8::count(text);
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo + 1) / 2;
        if (text_width(canvas, text.substr(0, utf8::offset(text, mid)), font) <= max_width) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

std::vector<Rect> split(const Rect& area, std::initializer_list<int> weights, int gutter,
                        bool horizontal) {
    std::vector<Rect> out;
    if (weights.size() == 0) {
        return out;
    }
    const int total_weight = std::max(1, std::accumulate(weights.begin(), weights.end(), 0));
    const int extent = horizontal ? area.w : area.h;
    const int gaps = gutter * static_cast<int>(weights.size() - 1);
    const int space = std::max(0, extent - gaps);
    int pos = horizontal ? area.x : area.y;
    const int end = pos + extent;
    std::size_t i = 0;
    for (int weight : weights) {
        const bool last = ++i == weights.size();
        const int length = last ? std::max(0, end - pos) : space * weight / total_weight;
        out.push_back(horizontal ? Rect{pos, area.y, length, area.h}
                                 : Rect{area.x, pos, area.w, length});
        pos += length + gutter;
    }
    return out;
}

}  // namespace

int text_width(Canvas& canvas, std::string_view text, const Font& font) {
    return text.empty() ? 0 : canvas.measure(text, font).w;
}

std::string fit_text(Canvas& canvas, std::string_view text, const Font& font, int max_width) {
    if (text_width(canvas, text, font) <= max_width) {
        return std::string(text);
    }
    if (text_width(canvas, ellipsis, font) > max_width) {
        return {};
    }
    // Binary search on the number of code points kept before the ellipsis.
    std::size_t lo = 0;
    std::size_t hi = utf8::count(text);
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo + 1) / 2;
        if (text_width(canvas, with_ellipsis(text, mid), font) <= max_width) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return with_ellipsis(text, lo);
}

std::vector<std::string> wrap_text(Canvas& canvas, std::string_view text, const Font& font,
                                   int max_width, int max_lines) {
    std::vector<std::string> lines;
    std::string_view rest = trim_right(trim_left(text));
    while (!rest.empty() && static_cast<int>(lines.size()) < max_lines) {
        if (static_cast<int>(lines.size()) + 1 == max_lines ||
            text_width(canvas, rest, font) <= max_width) {
            lines.push_back(fit_text(canvas, rest, font, max_width));
            break;
        }
        // The longest run of whole words that fits.
        std::size_t cut = 0;
        for (std::size_t space = rest.find(' '); space != std::string_view::npos;
             space = rest.find(' ', space + 1)) {
            if (text_width(canvas, trim_right(rest.substr(0, space)), font) > max_width) {
                break;
            }
            cut = space;
        }
        if (cut == 0) {  // a single word wider than the line: cut it between code points
            cut = utf8::offset(rest, fitting_prefix(canvas, rest, font, max_width, 1));
        }
        lines.emplace_back(trim_right(rest.substr(0, cut)));
        rest = trim_left(rest.substr(cut));
    }
    return lines;
}

Rect inset(const Rect& rect, int all) {
    return inset(rect, Insets{all, all, all, all});
}

Rect inset(const Rect& rect, Insets insets) {
    return Rect{rect.x + insets.left, rect.y + insets.top,
                std::max(0, rect.w - insets.left - insets.right),
                std::max(0, rect.h - insets.top - insets.bottom)};
}

Rect take_top(Rect& area, int height, int gap) {
    height = std::clamp(height, 0, area.h);
    Rect slice{area.x, area.y, area.w, height};
    const int used = std::min(area.h, height + gap);
    area.y += used;
    area.h -= used;
    return slice;
}

Rect take_bottom(Rect& area, int height, int gap) {
    height = std::clamp(height, 0, area.h);
    Rect slice{area.x, area.bottom() - height, area.w, height};
    area.h -= std::min(area.h, height + gap);
    return slice;
}

Rect take_left(Rect& area, int width, int gap) {
    width = std::clamp(width, 0, area.w);
    Rect slice{area.x, area.y, width, area.h};
    const int used = std::min(area.w, width + gap);
    area.x += used;
    area.w -= used;
    return slice;
}

Rect take_right(Rect& area, int width, int gap) {
    width = std::clamp(width, 0, area.w);
    Rect slice{area.right() - width, area.y, width, area.h};
    area.w -= std::min(area.w, width + gap);
    return slice;
}

std::vector<Rect> columns(const Rect& area, std::initializer_list<int> weights, int gutter) {
    return split(area, weights, gutter, true);
}

std::vector<Rect> rows(const Rect& area, std::initializer_list<int> weights, int gutter) {
    return split(area, weights, gutter, false);
}

Rect align_right(const Rect& box, int width) {
    width = std::min(width, box.w);
    return Rect{box.right() - width, box.y, width, box.h};
}

int centre_y(const Rect& box, int height) {
    return box.y + (box.h - height) / 2;
}

}  // namespace aff
