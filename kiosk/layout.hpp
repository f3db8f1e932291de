// Layout helpers: fitting text into boxes (only through Canvas::measure, so the same code runs on
// SDL_ttf and on a test canvas) and cutting a screen into a grid of rectangles. Text is cut on
// character boundaries with sync/utf8.hpp.
#pragma once

#include "platform/canvas.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

inline constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // U+2026 "…"

// `text` if it fits `max_width`, else its longest prefix (cut on a code-point boundary, trailing
// spaces dropped) followed by "…" that does; empty if not even "…" fits.
std::string fit_text(Canvas& canvas, std::string_view text, const Font& font, int max_width);

// `text` wrapped at spaces into at most `max_lines` lines, each within `max_width`; what does not
// fit ends the last line with "…". A word wider than a line is cut between code points.
std::vector<std::string> wrap_text(Canvas& canvas, std::string_view text, const Font& font,
                                   int max_width, int max_lines);

int text_width(Canvas& canvas, std::string_view text, const Font& font);

struct Insets {
    int left = 0, top = 0, right = 0, bottom = 0;
};
Rect inset(const Rect& rect, int all);
Rect inset(const Rect& rect, Insets insets);

// Slices taken off one edge of `area`, which shrinks by the slice and the gap after it.
Rect take_top(Rect& area, int height, int gap = 0);
Rect take_bottom(Rect& area, int height, int gap = 0);
Rect take_left(Rect& area, int width, int gap = 0);
Rect take_right(Rect& area, int width, int gap = 0);

// `area` cut into columns (rows) sized by `weights`, `gutter` apart; the last one takes the
// rounding remainder so together they span the area exactly.
std::vector<Rect> columns(const Rect& area, std::initializer_list<int> weights, int gutter);
std::vector<Rect> rows(const Rect& area, std::initializer_list<int> weights, int gutter);

// A rectangle of `size` placed at the right (or vertical centre) of `box`.
Rect align_right(const Rect& box, int width);
int centre_y(const Rect& box, int height);

}  // namespace aff
