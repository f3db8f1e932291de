// Display over SDL2, in the manner of Dear ImGui's SDL backends: SDL events are translated into
// the few InputEvents the kiosk understands, and drawing goes through an SdlCanvas. A display
// mounted sideways is drawn into a texture of the rotated size and copied onto the screen turned.
#include "platform/font_set.hpp"
#include "platform/input.hpp"
#include "platform/render_choice.hpp"
#include "platform/rotation.hpp"
#include "platform/sdl_canvas.hpp"
#include "platform/video.hpp"

#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace aff {
namespace {

// The only mutable global state in platform/: SDL's video is one per process, so one Display is
// open at a time.
std::atomic<bool> display_open{false};

// Where SDL cannot block for events, how often they are polled: a tap waits at most this long.
constexpr Uint32 poll_interval_ms = 25;

// Whether SDL_WaitEventTimeout really sleeps until an event with this video driver (SDL 2.26
// implements that for X11 and Wayland only).
bool driver_blocks_in_wait() {
    const char* driver = SDL_GetCurrentVideoDriver();
    const std::string name = driver != nullptr ? driver : "";
    return name == "x11" || name == "wayland";
}
constexpr int max_window_side = 16384;

class DisplaySlot {
public:
    DisplaySlot() {
        if (display_open.exchange(true)) {
            throw PlatformError("a Display is already open");
        }
    }
    ~DisplaySlot() { display_open.store(false); }
    DisplaySlot(const DisplaySlot&) = delete;
    DisplaySlot& operator=(const DisplaySlot&) = delete;
};

// SDL's video subsystem, reference-counted by SDL; SDL as a whole is shut down with the last user.
// No GPU (no DRM render node) and no choice made by SDL_RENDER_DRIVER: SDL's software renderer,
// presented without OpenGL (see render_choice.hpp).
void prefer_software_without_gpu() {
    if (SDL_getenv("SDL_RENDER_DRIVER") != nullptr || has_render_node("/dev/dri")) {
        return;
    }
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_Log("display: no GPU render node in /dev/dri: using SDL's software renderer");
}

class SdlVideo {
public:
    explicit SdlVideo(bool fullscreen) {
        // SIGTERM and SIGINT are the app's to hear; SDL's handlers would turn them into SDL_QUIT,
        // which a fullscreen kiosk ignores.
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
        prefer_software_without_gpu();
        SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, fullscreen ? "1" : "0");
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
            throw PlatformError(std::string("cannot initialise SDL video: ") + SDL_GetError());
        }
    }
    ~SdlVideo() {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        if (SDL_WasInit(SDL_INIT_EVERYTHING) == 0) {
            SDL_Quit();
        }
    }
    SdlVideo(const SdlVideo&) = delete;
    SdlVideo& operator=(const SdlVideo&) = delete;
};

const DisplayOptions& checked(const DisplayOptions& options) {
    const int r = options.rotation;
    if (r != 0 && r != 90 && r != 180 && r != 270) {
        throw PlatformError("display rotation " + std::to_string(r) +
                            " is not one of 0, 90, 180, 270");
    }
    const Size s = options.size;
    if (!options.fullscreen &&
        (s.w < 1 || s.h < 1 || s.w > max_window_side || s.h > max_window_side)) {
        throw PlatformError("window size " + std::to_string(s.w) + "x" + std::to_string(s.h) +
                            " is outside 1..16384 pixels a side");
    }
    return options;
}

WindowPtr make_window(const DisplayOptions& options) {
    SDL_Rect place{static_cast<int>(SDL_WINDOWPOS_CENTERED),
                   static_cast<int>(SDL_WINDOWPOS_CENTERED), options.size.w, options.size.h};
    // Made as large as the screen from the start: under X with no window manager (a bare
    // `xinit` kiosk) nobody else would grow a fullscreen window to cover it.
    if (options.fullscreen && SDL_GetDisplayBounds(0, &place) != 0) {
        throw PlatformError(std::string("cannot read the screen's size: ") + SDL_GetError());
    }
    const Uint32 flags = options.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    WindowPtr window{
        SDL_CreateWindow(options.title.c_str(), place.x, place.y, place.w, place.h, flags)};
    if (!window) {
        throw PlatformError(std::string("cannot open a window: ") + SDL_GetError());
    }
    return window;
}

RendererPtr make_renderer(SDL_Window& window, bool rotated) {
    const Uint32 target = rotated ? SDL_RENDERER_TARGETTEXTURE : 0;
    const Uint32 choices[] = {SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC,
                              SDL_RENDERER_ACCELERATED, SDL_RENDERER_SOFTWARE};
    for (const Uint32 flags : choices) {
        if (RendererPtr renderer{SDL_CreateRenderer(&window, -1, flags | target)}) {
            return renderer;
        }
    }
    throw PlatformError(std::string("cannot create a renderer: ") + SDL_GetError());
}

Size output_size(SDL_Renderer& renderer) {
    Size size;
    if (SDL_GetRendererOutputSize(&renderer, &size.w, &size.h) != 0) {
        throw PlatformError(std::string("cannot read the screen size: ") + SDL_GetError());
    }
    return size;
}

constexpr Uint32 no_event = static_cast<Uint32>(-1);  // what SDL_RegisterEvents says when full

// Pictures decode on the image cache's worker thread, which wakes the event loop with an event
// of `type` when they are ready (SDL_PushEvent is thread-safe).
SdlCanvasOptions canvas_options(Uint32 type) {
    SdlCanvasOptions options;
    options.image_decoding = ImageDecoding::background;
    if (type == no_event) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION,
                     "no SDL events left for pictures and wakes: pictures show at the next "
                     "redraw");
        return options;
    }
    options.image_ready = [type] {
        SDL_Event event{};
        event.type = type;
        SDL_PushEvent(&event);
    };
    return options;
}

class SdlDisplay final : public Display {
public:
    explicit SdlDisplay(const DisplayOptions& options)
        : video_(checked(options).fullscreen),
          fullscreen_(options.fullscreen),
          blocking_wait_(driver_blocks_in_wait()),
          rotation_(options.rotation),
          fonts_(options.fonts),
          window_(make_window(options)),
          renderer_(make_renderer(*window_, rotation_ != 0)),
          picture_ready_(SDL_RegisterEvents(2)),
          wake_(picture_ready_ == no_event ? no_event : picture_ready_ + 1),
          canvas_(*renderer_, fonts_, rotated(output_size(*renderer_), rotation_),
                  canvas_options(picture_ready_)) {
        SDL_ShowCursor(fullscreen_ ? SDL_DISABLE : SDL_ENABLE);
        fit_to_output();
        if (rotation_ != 0 && !target_) {
            throw PlatformError(std::string("cannot create the rotation texture: ") +
                                SDL_GetError());
        }
        canvas_.clear(Color{0, 0, 0, 255});
        present();
        log_opened();
    }

    Canvas& canvas() override { return canvas_; }
    const TextCacheStats& text_cache_stats() const override {
        return canvas_.text_cache().stats();
    }
    const ImageCacheStats& image_cache_stats() const override {
        return canvas_.image_cache().stats();
    }

    void present() override {
        if (!target_) {
            SDL_RenderPresent(renderer_.get());
            return;
        }
        SDL_Renderer* renderer = renderer_.get();
        SDL_SetRenderTarget(renderer, nullptr);
        draw_turned(*renderer, *target_, output_, rotation_);
        SDL_RenderPresent(renderer);
        SDL_SetRenderTarget(renderer, target_.get());
    }

    InputEvent wait_event(std::chrono::milliseconds timeout) override {
        const Uint64 deadline =
            SDL_GetTicks64() + static_cast<Uint64>(std::max<std::int64_t>(0, timeout.count()));
        for (;;) {
            const Uint64 now = SDL_GetTicks64();
            const Uint64 left = now >= deadline ? 0 : deadline - now;
            SDL_Event event;
            bool got = false;
            if (left == 0) {
                got = SDL_PollEvent(&event) == 1;
            } else if (blocking_wait_) {
                got = SDL_WaitEventTimeout(&event,
                                           static_cast<int>(std::min<Uint64>(left, INT_MAX))) == 1;
            } else {
                // SDL 2.26 can only block in wait for X11 and Wayland; elsewhere (KMSDRM on the
                // Pi, offscreen) SDL_WaitEventTimeout polls every millisecond, 1000 wake-ups a
                // second. Poll at a touch-friendly pace instead.
                SDL_PumpEvents();
                got = SDL_PeepEvents(&event, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 1;
                if (!got) {
                    SDL_Delay(static_cast<Uint32>(std::min<Uint64>(left, poll_interval_ms)));
                    continue;
                }
            }
            if (got) {
                if (event.type == wake_ && wake_ != no_event) {
                    return InputEvent{};
                }
                const InputEvent input = translate(event);
                if (input.type != InputEvent::Type::none) {
                    return input;
                }
            } else if (left == 0) {
                return InputEvent{};
            }
        }
    }

    // Thread-safe (SDL_PushEvent is): the image cache's worker wakes the loop the same way.
    void wake() override {
        if (wake_ == no_event) {
            return;
        }
        SDL_Event event{};
        event.type = wake_;
        SDL_PushEvent(&event);
    }

private:
    InputEvent translate(const SDL_Event& event) {
        if (event.type == SDL_RENDER_DEVICE_RESET) {
            // Every texture is gone with the device; lines and pictures are made again on
            // demand.
            canvas_.drop_textures();
            target_.reset();
            fit_to_output();
        } else if (event.type == SDL_WINDOWEVENT &&
                   event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            fit_to_output();
        }
        InputContext context;
        context.fullscreen = fullscreen_;
        context.rotation = rotation_;
        context.output = output_;
        SDL_GetWindowSize(window_.get(), &context.window.w, &context.window.h);
        context.canvas = canvas_.size();
        return translate_input(describe(event), context, pointer_);
    }

    // The event in the plain terms of RawInput. A motion takes the rest of its burst queued
    // behind it: motion arrives far faster than frames, and one drag per burst keeps redraws down.
    RawInput describe(const SDL_Event& event) const {
        RawInput raw;
        using Kind = RawInput::Kind;
        if (event.type == picture_ready_ && picture_ready_ != no_event) {
            raw.kind = Kind::redraw;
            return raw;
        }
        switch (event.type) {
        case SDL_QUIT: raw.kind = Kind::quit_request; break;
        case SDL_WINDOWEVENT:
            switch (event.window.event) {
            case SDL_WINDOWEVENT_CLOSE: raw.kind = Kind::window_close; break;
            case SDL_WINDOWEVENT_SIZE_CHANGED:
            case SDL_WINDOWEVENT_SHOWN:
            case SDL_WINDOWEVENT_EXPOSED:
            case SDL_WINDOWEVENT_RESTORED: raw.kind = Kind::redraw; break;
            case SDL_WINDOWEVENT_FOCUS_LOST: raw.kind = Kind::focus_lost; break;
            default: break;
            }
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET: raw.kind = Kind::redraw; break;
        case SDL_KEYDOWN: {
            const SDL_Keysym& key = event.key.keysym;
            raw.kind = Kind::key_down;
            raw.key = key.sym == SDLK_q || key.scancode == SDL_SCANCODE_Q ? RawInput::Key::q
                      : key.sym == SDLK_ESCAPE                            ? RawInput::Key::escape
                      : key.sym == SDLK_F4                                ? RawInput::Key::f4
                                                                          : RawInput::Key::other;
            raw.ctrl = (key.mod & KMOD_CTRL) != 0;
            raw.alt = (key.mod & KMOD_ALT) != 0;
            raw.shift = (key.mod & KMOD_SHIFT) != 0;
            raw.repeat = event.key.repeat != 0;
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            raw.kind = event.type == SDL_MOUSEBUTTONDOWN ? Kind::mouse_down : Kind::mouse_up;
            raw.left = event.button.button == SDL_BUTTON_LEFT;
            raw.from_touch = event.button.which == SDL_TOUCH_MOUSEID;
            raw.x = static_cast<float>(event.button.x);
            raw.y = static_cast<float>(event.button.y);
            break;
        case SDL_MOUSEMOTION:
            raw.kind = Kind::mouse_motion;
            raw.left = (event.motion.state & SDL_BUTTON_LMASK) != 0;
            raw.from_touch = event.motion.which == SDL_TOUCH_MOUSEID;
            raw.dx = static_cast<float>(event.motion.xrel);
            raw.dy = static_cast<float>(event.motion.yrel);
            if (raw.left && !raw.from_touch) {
                SDL_Event next;
                while (SDL_PeepEvents(&next, 1, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) ==
                           1 &&
                       next.type == SDL_MOUSEMOTION && next.motion.which != SDL_TOUCH_MOUSEID &&
                       (next.motion.state & SDL_BUTTON_LMASK) != 0) {
                    SDL_PeepEvents(&next, 1, SDL_GETEVENT, SDL_MOUSEMOTION, SDL_MOUSEMOTION);
                    raw.dx += static_cast<float>(next.motion.xrel);
                    raw.dy += static_cast<float>(next.motion.yrel);
                }
            }
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
            raw.kind = event.type == SDL_FINGERDOWN ? Kind::finger_down : Kind::finger_up;
            raw.finger = event.tfinger.fingerId;
            raw.x = event.tfinger.x;
            raw.y = event.tfinger.y;
            break;
        case SDL_FINGERMOTION: {
            raw.kind = Kind::finger_motion;
            raw.finger = event.tfinger.fingerId;
            raw.dx = event.tfinger.dx;
            raw.dy = event.tfinger.dy;
            SDL_Event next;
            while (SDL_PeepEvents(&next, 1, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 1 &&
                   next.type == SDL_FINGERMOTION && next.tfinger.fingerId == raw.finger) {
                SDL_PeepEvents(&next, 1, SDL_GETEVENT, SDL_FINGERMOTION, SDL_FINGERMOTION);
                raw.dx += next.tfinger.dx;
                raw.dy += next.tfinger.dy;
            }
            break;
        }
        default: break;
        }
        return raw;
    }

    // Reads the output size and, for a rotated display, makes the texture the canvas draws into
    // match it. If that texture cannot be made the old one stays, so drawing goes on.
    void fit_to_output() {
        // With a target texture set, SDL reports the texture's size rather than the screen's.
        SDL_SetRenderTarget(renderer_.get(), nullptr);
        output_ = output_size(*renderer_);
        const Size logical = rotated(output_, rotation_);
        if (rotation_ == 0) {
            canvas_.resize(logical);
            return;
        }
        TexturePtr target{SDL_CreateTexture(renderer_.get(), SDL_PIXELFORMAT_ARGB8888,
                                            SDL_TEXTUREACCESS_TARGET, logical.w, logical.h)};
        if (target) {
            target_ = std::move(target);
            canvas_.resize(logical);
        } else {
            SDL_LogError(SDL_LOG_CATEGORY_RENDER, "cannot resize the rotation texture: %s",
                         SDL_GetError());
        }
        if (target_) {
            SDL_SetRenderTarget(renderer_.get(), target_.get());
        }
    }

    void log_opened() const {
        SDL_RendererInfo info{};
        SDL_GetRendererInfo(renderer_.get(), &info);
        SDL_Log("display: video driver %s, renderer %s%s, output %dx%d, canvas %dx%d, rotation %d, "
                "input %s",
                SDL_GetCurrentVideoDriver(), info.name,
                (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0 ? " with vsync" : "", output_.w,
                output_.h, canvas_.size().w, canvas_.size().h, rotation_,
                blocking_wait_ ? "waited for" : "polled every 25 ms");
    }

    // Declared in the order they depend on each other; destroyed in reverse.
    DisplaySlot slot_;
    SdlVideo video_;
    const bool fullscreen_;
    const bool blocking_wait_;
    const int rotation_;
    FontSet fonts_;
    WindowPtr window_;
    RendererPtr renderer_;
    const Uint32 picture_ready_;  // SDL event types of our own
    const Uint32 wake_;
    SdlCanvas canvas_;
    TexturePtr target_;  // what the canvas draws into when the display is rotated
    Size output_;
    PointerState pointer_;
};

}  // namespace

bool has_render_node(const std::string& dri_dir) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dri_dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->path().filename().string().starts_with("renderD")) {
            return true;
        }
    }
    return false;
}

Display::~Display() = default;

std::unique_ptr<Display> Display::open(const DisplayOptions& options) {
    return std::make_unique<SdlDisplay>(options);
}

}  // namespace aff
