// What every screen of the kiosk is (after ES-DE's GuiComponent): it hears input, is told the time
// and says whether it must be drawn again, and draws itself through a Canvas. A ScreenStack holds
// the screens: the top one is live, the ones below wait for it to be popped.
#pragma once

#include "platform/canvas.hpp"
#include "platform/video.hpp"
#include "sync/feed.hpp"

#include <chrono>
#include <memory>
#include <vector>

namespace aff {

class Screen {
public:
    virtual ~Screen() = default;
    // An event from the device; true if the screen changed and must be drawn again.
    virtual bool input(const InputEvent& event) = 0;
    // The time moved on (wall clock `now`, monotonic `ticks`); true if it must be drawn again.
    virtual bool update(Instant now, std::chrono::milliseconds ticks) = 0;
    virtual void render(Canvas& canvas) = 0;
    // How long after (now, ticks) the screen next needs an update(): the app sleeps until then
    // unless an event comes first.
    virtual std::chrono::milliseconds next_update(Instant now,
                                                  std::chrono::milliseconds ticks) const = 0;
    // The sync applied a new feed: read the cache again on the next update().
    virtual void notice_new_data() {}
};

class ScreenStack {
public:
    void push(std::unique_ptr<Screen> screen);
    // Removes the top screen (never the last one: the kiosk always shows something).
    void pop();
    // Back to the bottom screen.
    void pop_to_bottom();
    bool empty() const { return screens_.empty(); }
    std::size_t size() const { return screens_.size(); }
    Screen* top() const { return screens_.empty() ? nullptr : screens_.back().get(); }

    // Each goes to the top screen; an empty stack does nothing and needs no drawing.
    bool input(const InputEvent& event);
    bool update(Instant now, std::chrono::milliseconds ticks);
    void render(Canvas& canvas);
    std::chrono::milliseconds next_update(Instant now, std::chrono::milliseconds ticks) const;
    // Tells every screen, the hidden ones too.
    void notice_new_data();

private:
    std::vector<std::unique_ptr<Screen>> screens_;
    bool pushed_ = false;  // a screen was pushed or popped: the next update must redraw
};

}  // namespace aff
