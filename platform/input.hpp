// What the device's events mean to the kiosk: the rule that turns an SDL event, described in
// plain terms, into an InputEvent. No SDL here: the display describes each event (RawInput) and
// this decides, so every rule (the staff chord, what a visitor cannot do, tap or drag, rotation)
// is tested without a window.
#pragma once

#include "platform/canvas.hpp"
#include "platform/video.hpp"

#include <cstdint>

namespace aff {

// One SDL event, as much of it as the rules read.
struct RawInput {
    enum class Kind : std::uint8_t {
        other,          // nothing the kiosk listens to
        quit_request,   // SDL_QUIT: the last window closed, or the desktop asked the app to quit
        window_close,   // the window's close button, or Alt+F4 as a desktop's window manager has it
        redraw,         // shown, exposed, restored or resized; render targets or the device reset;
                        // a picture drawn as pending is ready
        focus_lost,
        key_down,
        mouse_down,     // (x, y) in window coordinates
        mouse_motion,   // (dx, dy) in window coordinates: the whole burst queued, summed
        mouse_up,       // (x, y) in window coordinates
        finger_down,    // fingers: positions and movements as fractions of the screen
        finger_motion,  // (dx, dy), the whole burst of this finger queued, summed
        finger_up,      // (x, y)
    };
    enum class Key : std::uint8_t { other, q, escape, f4 };

    Kind kind = Kind::other;
    // key_down. The Q key by its symbol or its place on the keyboard, so the staff chord works
    // with a Kazakh or Russian layout active.
    Key key = Key::other;
    bool ctrl = false, alt = false, shift = false;
    bool repeat = false;  // held down, not pressed
    // mouse_*: the left button (for motion: held); a mouse event SDL made up from a touch.
    bool left = false;
    bool from_touch = false;
    std::int64_t finger = 0;  // finger_*: which one
    float x = 0, y = 0, dx = 0, dy = 0;
};

// What the rules need to know about the display.
struct InputContext {
    bool fullscreen = true;
    int rotation = 0;  // 0, 90, 180, 270, clockwise from the canvas to the screen
    Size output;       // the screen in pixels (the renderer's output)
    Size window;       // the window in window coordinates (differs from output on high-DPI)
    Size canvas;       // the logical size taps are clamped to
};

// The press under way, carried from one event to the next.
struct PointerState {
    bool down = false;
    bool finger = false;      // a finger rather than the mouse
    std::int64_t finger_id = 0;
    float travelled = 0;      // output pixels along the path, to tell a tap from a drag
    Point drag_rest;          // fractions of a logical pixel not yet reported as a drag
};

// How far a press may wander and still be a tap, in output pixels: about a fortieth of the
// screen's short side, 12 at least.
float tap_slop(Size output);

// The rules:
// - The staff chord Ctrl+Alt+Shift+Q quits in any mode.
// - A visitor cannot quit: in fullscreen, Esc, window close and SDL_QUIT do nothing; in a window,
//   Esc is key_escape and window close and SDL_QUIT are quit. Alt+F4 does nothing by itself (a
//   desktop's window manager turns it into a window close).
// - A left click or a finger, released having travelled no further than tap_slop(), is a tap
//   where it was released; further is no tap. Movement while pressed is a drag. Only the first
//   finger down counts; mouse events made up from a touch are ignored (the finger is seen).
// - Taps and drags come in canvas coordinates: the rotation undone, taps clamped to the canvas.
InputEvent translate_input(const RawInput& raw, const InputContext& context,
                           PointerState& pointer);

}  // namespace aff
