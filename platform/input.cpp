#include "platform/input.hpp"

#include "platform/rotation.hpp"

#include <algorithm>
#include <cmath>

namespace aff {
namespace {

using Type = InputEvent::Type;
using Kind = RawInput::Kind;

InputEvent event_of(Type type) {
    InputEvent event;
    event.type = type;
    return event;
}

bool is_staff_chord(const RawInput& raw) {
    return raw.key == RawInput::Key::q && raw.ctrl && raw.alt && raw.shift;
}

// Window coordinates (what mouse events carry) to output pixels.
Point window_to_output(Point v, const InputContext& context) {
    const Size w = context.window;
    if (w.w <= 0 || w.h <= 0) {
        return v;
    }
    return Point{v.x * static_cast<float>(context.output.w) / static_cast<float>(w.w),
                 v.y * static_cast<float>(context.output.h) / static_cast<float>(w.h)};
}

// Fractions of the screen (what finger events carry) to output pixels.
Point fraction_to_output(Point v, const InputContext& context) {
    return Point{v.x * static_cast<float>(context.output.w),
                 v.y * static_cast<float>(context.output.h)};
}

// `delta` in output pixels. Fractions are carried over so slow finger drags are not lost.
InputEvent drag(Point delta, const InputContext& context, PointerState& pointer) {
    pointer.travelled += std::abs(delta.x) + std::abs(delta.y);
    const Point turned = delta_to_logical(delta, context.rotation);
    pointer.drag_rest.x += turned.x;
    pointer.drag_rest.y += turned.y;
    InputEvent event = event_of(Type::drag);
    event.dx = static_cast<int>(pointer.drag_rest.x);
    event.dy = static_cast<int>(pointer.drag_rest.y);
    pointer.drag_rest.x -= static_cast<float>(event.dx);
    pointer.drag_rest.y -= static_cast<float>(event.dy);
    if (event.dx == 0 && event.dy == 0) {
        return InputEvent{};
    }
    return event;
}

// `at` in output pixels.
InputEvent release(Point at, const InputContext& context, PointerState& pointer) {
    const bool tap = pointer.travelled <= tap_slop(context.output);
    pointer = PointerState{};
    if (!tap) {
        return InputEvent{};
    }
    const Point point = to_logical(at, context.output, context.rotation);
    InputEvent event = event_of(Type::tap);
    event.x = std::clamp(static_cast<int>(point.x), 0, std::max(0, context.canvas.w - 1));
    event.y = std::clamp(static_cast<int>(point.y), 0, std::max(0, context.canvas.h - 1));
    return event;
}

bool mouse_press(const PointerState& pointer) { return pointer.down && !pointer.finger; }

bool this_finger(const RawInput& raw, const PointerState& pointer) {
    return pointer.down && pointer.finger && pointer.finger_id == raw.finger;
}

}  // namespace

float tap_slop(Size output) {
    return std::max(12.0f, static_cast<float>(std::min(output.w, output.h)) / 40.0f);
}

InputEvent translate_input(const RawInput& raw, const InputContext& context,
                           PointerState& pointer) {
    switch (raw.kind) {
    case Kind::quit_request:
    case Kind::window_close:
        return event_of(context.fullscreen ? Type::none : Type::quit);
    case Kind::redraw:
        return event_of(Type::redraw);
    case Kind::focus_lost:
        pointer.down = false;
        pointer.finger = false;
        pointer.finger_id = 0;
        pointer.travelled = 0;
        return InputEvent{};
    case Kind::key_down:
        if (is_staff_chord(raw)) {
            return event_of(Type::quit);
        }
        if (raw.key == RawInput::Key::escape && !context.fullscreen && !raw.repeat) {
            return event_of(Type::key_escape);
        }
        return InputEvent{};
    case Kind::mouse_down:
        if (!raw.from_touch && raw.left && !pointer.down) {
            pointer = PointerState{true, false, 0, 0, pointer.drag_rest};
        }
        return InputEvent{};
    case Kind::mouse_motion:
        if (raw.from_touch || !raw.left || !mouse_press(pointer)) {
            return InputEvent{};
        }
        return drag(window_to_output(Point{raw.dx, raw.dy}, context), context, pointer);
    case Kind::mouse_up:
        if (raw.from_touch || !raw.left || !mouse_press(pointer)) {
            return InputEvent{};
        }
        return release(window_to_output(Point{raw.x, raw.y}, context), context, pointer);
    case Kind::finger_down:
        if (!pointer.down) {
            pointer = PointerState{true, true, raw.finger, 0, pointer.drag_rest};
        }
        return InputEvent{};
    case Kind::finger_motion:
        if (!this_finger(raw, pointer)) {
            return InputEvent{};
        }
        return drag(fraction_to_output(Point{raw.dx, raw.dy}, context), context, pointer);
    case Kind::finger_up:
        if (!this_finger(raw, pointer)) {
            return InputEvent{};
        }
        return release(fraction_to_output(Point{raw.x, raw.y}, context), context, pointer);
    case Kind::other:
        break;
    }
    return InputEvent{};
}

}  // namespace aff
