// What the screen tests ask of a RecordingCanvas: was a text drawn (whole, cut short, or wrapped
// over lines), where, and a tap on it.
#pragma once

#include "kiosk/layout.hpp"
#include "kiosk/ui.hpp"
#include "platform/video.hpp"
#include "tests/kiosk/recording_canvas.hpp"

#include <algorithm>
#include <string>

namespace aff::test {

inline const RecordingCanvas::TextOp* find_text(const RecordingCanvas& canvas,
                                                const std::string& text) {
    auto it = std::find_if(canvas.texts.begin(), canvas.texts.end(),
                           [&](const auto& op) { return op.text == text; });
    return it == canvas.texts.end() ? nullptr : &*it;
}

inline bool drawn(const RecordingCanvas& canvas, const std::string& text) {
    return find_text(canvas, text) != nullptr;
}

// The text exactly, or cut short with an ellipsis.
inline bool drawn_or_ellipsised(const RecordingCanvas& canvas, const std::string& text) {
    return std::any_of(canvas.texts.begin(), canvas.texts.end(), [&](const auto& op) {
        if (op.text == text) {
            return true;
        }
        if (!op.text.ends_with(ellipsis) || op.text.size() <= ellipsis.size()) {
            return false;
        }
        return text.starts_with(op.text.substr(0, op.text.size() - ellipsis.size()));
    });
}

// The text drawn whole, or wrapped over lines drawn one after the other (the last may end
// in "…").
inline bool shown(const RecordingCanvas& canvas, const std::string& text) {
    for (std::size_t i = 0; i < canvas.texts.size(); ++i) {
        std::string joined;
        for (std::size_t j = i; j < canvas.texts.size(); ++j) {
            joined += (j > i ? " " : "") + canvas.texts[j].text;
            if (joined == text) {
                return true;
            }
            if (joined.ends_with(ellipsis) &&
                text.starts_with(joined.substr(0, joined.size() - ellipsis.size()))) {
                return true;
            }
            if (!text.starts_with(joined)) {
                break;
            }
        }
    }
    return false;
}

inline std::string describe(const RecordingCanvas::TextOp& op) {
    return "'" + op.text + "' at " + std::to_string(op.box.x) + "," + std::to_string(op.box.y) +
           " " + std::to_string(op.box.w) + "x" + std::to_string(op.box.h);
}

inline Rect intersection(const Rect& a, const Rect& b) {
    const int x = std::max(a.x, b.x);
    const int y = std::max(a.y, b.y);
    return Rect{x, y, std::max(0, std::min(a.right(), b.right()) - x),
                std::max(0, std::min(a.bottom(), b.bottom()) - y)};
}

// What is wrong with a frame drawn without clips, or "" when nothing is: a text, fill or image
// off screen, an empty text, two texts overlapping. Names the first problem found.
inline std::string layout_problem(const RecordingCanvas& canvas, Size size) {
    const Rect screen{0, 0, size.w, size.h};
    for (const auto& op : canvas.texts) {
        if (!screen.contains(op.box)) {
            return "off screen: " + describe(op);
        }
        if (op.box.w <= 0) {
            return "empty: " + describe(op);
        }
    }
    for (const auto& fill : canvas.fills) {
        if (!screen.contains(fill.rect)) {
            return "fill off screen";
        }
    }
    for (const auto& image : canvas.images) {
        if (!screen.contains(image.box)) {
            return "image off screen";
        }
    }
    for (std::size_t i = 0; i < canvas.texts.size(); ++i) {
        for (std::size_t j = i + 1; j < canvas.texts.size(); ++j) {
            if (canvas.texts[i].box.intersects(canvas.texts[j].box)) {
                return "overlap: " + describe(canvas.texts[i]) + " and " +
                       describe(canvas.texts[j]);
            }
        }
    }
    return {};
}

// A touch target smaller than `min_touch` either way, or off screen; "" when there is none.
inline std::string touch_problem(const Hotspots& spots, int min_touch, Size size) {
    const Rect screen{0, 0, size.w, size.h};
    for (const auto& spot : spots.spots()) {
        if (spot.rect.w < min_touch || spot.rect.h < min_touch) {
            return "touch target too small";
        }
        if (!screen.contains(spot.rect)) {
            return "touch target off screen";
        }
    }
    return {};
}

inline InputEvent tap_at(int x, int y) {
    InputEvent e;
    e.type = InputEvent::Type::tap;
    e.x = x;
    e.y = y;
    return e;
}

}  // namespace aff::test
