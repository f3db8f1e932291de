// A display mounted sideways: the canvas is drawn in logical pixels and turned clockwise by 0, 90,
// 180 or 270 degrees onto the screen when the frame is presented (Display::present, and an
// Offscreen frame's PNG). The one place that says where a logical point lands on the screen and
// back, for taps, drags, and boxes reported in screen pixels.
#pragma once

#include "platform/canvas.hpp"

namespace aff {

// The logical size of a screen of `size` (and the screen size of a logical one): sides swapped
// for a quarter turn.
inline Size rotated(Size size, int rotation) {
    return rotation % 180 == 0 ? size : Size{size.h, size.w};
}

// A point on a screen of `screen` pixels to the canvas's logical pixels.
inline Point to_logical(Point p, Size screen, int rotation) {
    const auto w = static_cast<float>(screen.w);
    const auto h = static_cast<float>(screen.h);
    switch (rotation) {
    case 90: return Point{p.y, w - p.x};
    case 180: return Point{w - p.x, h - p.y};
    case 270: return Point{h - p.y, p.x};
    default: return p;
    }
}

// A movement across the screen to the same movement on the canvas.
inline Point delta_to_logical(Point d, int rotation) {
    switch (rotation) {
    case 90: return Point{d.y, -d.x};
    case 180: return Point{-d.x, -d.y};
    case 270: return Point{-d.y, d.x};
    default: return d;
    }
}

// A box on the canvas to where it shows on a screen of `screen` pixels (the inverse of
// to_logical, edge for edge).
inline Rect to_screen(const Rect& r, Size screen, int rotation) {
    switch (rotation) {
    case 90: return Rect{screen.w - r.bottom(), r.x, r.h, r.w};
    case 180: return Rect{screen.w - r.right(), screen.h - r.bottom(), r.w, r.h};
    case 270: return Rect{r.y, screen.h - r.right(), r.h, r.w};
    default: return r;
    }
}

}  // namespace aff
