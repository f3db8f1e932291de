// The device: a window (or a memory frame) with a canvas that draws into it, and the input that
// reaches it, already translated out of SDL.
#pragma once

#include "platform/cache_stats.hpp"
#include "platform/canvas.hpp"
#include "platform/error.hpp"
#include "platform/fonts.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace aff {

struct DisplayOptions {
    bool fullscreen = true;  // desktop fullscreen on the display's native mode
    Size size{1920, 1080};   // window size when not fullscreen
    int rotation = 0;        // 0, 90, 180, 270: a display mounted sideways, rotated in software
    std::string title = "AFF kiosk";
    FontFiles fonts;
};

// What the app hears from the device, already translated out of SDL.
struct InputEvent {
    enum class Type : std::uint8_t {
        none,        // timeout passed with nothing to report
        redraw,      // the window was exposed, resized or restored, or a picture drawn as
                     // pending is ready: draw again
        tap,         // a touch or a left click released at (x, y), in canvas coordinates
                     // (rotation undone); a press that travelled further than a tap is no tap
        drag,        // a finger or mouse drag by (dx, dy), in canvas coordinates
        key_escape,  // only reported in windowed mode
        quit,        // the window closed (windowed mode), or the staff chord
    };
    Type type = Type::none;
    int x = 0, y = 0, dx = 0, dy = 0;
};

// A window on the device (KMSDRM fullscreen on a Pi, or a desktop window), its renderer and a
// canvas that draws into it. SDL is initialised and shut down by this object. One Display is
// open at a time. It handles no signals, and tells SDL not to: the app hears SIGTERM and wakes the
// display's wait with wake().
//
// In fullscreen a visitor cannot quit: window close, Alt+F4 and Escape are ignored. The staff
// chord Ctrl+Alt+Shift+Q quits in any mode. Those rules, tap or drag and the rotation undone are
// translate_input's (platform/input.hpp).
class Display {
public:
    static std::unique_ptr<Display> open(const DisplayOptions& options);  // throws PlatformError
    virtual ~Display();
    virtual Canvas& canvas() = 0;  // its size() is the logical (rotated) size
    virtual void present() = 0;    // shows what was drawn since the last present
    // Waits at most `timeout` for one input event. Never busy-waits.
    virtual InputEvent wait_event(std::chrono::milliseconds timeout) = 0;
    // Makes the wait_event under way, or else the next one, return at once (with none). From any
    // thread; not from a signal handler.
    virtual void wake() = 0;
    virtual const TextCacheStats& text_cache_stats() const = 0;
    virtual const ImageCacheStats& image_cache_stats() const = 0;
};

// A headless frame for the screenshot mode: a software renderer drawing into a memory surface.
// Needs no display and no video driver. Pictures are decoded at their first draw_image, so the
// frame has them.
class Offscreen {
public:
    // A frame of a screen of `size` pixels. With a `rotation` (0, 90, 180, 270) the canvas has
    // the rotated size and is turned onto the frame as a Display turns it, so the PNG is what
    // the screen mounted sideways shows. Throws PlatformError.
    static std::unique_ptr<Offscreen> create(Size size, const FontFiles& fonts,
                                             int rotation = 0);
    virtual ~Offscreen();
    virtual Canvas& canvas() = 0;
    virtual void save_png(const std::string& path) = 0;  // throws PlatformError with the reason
    virtual const TextCacheStats& text_cache_stats() const = 0;
    virtual const ImageCacheStats& image_cache_stats() const = 0;
};

}  // namespace aff
