#include "kiosk/screen.hpp"

namespace aff {
namespace {
constexpr std::chrono::minutes idle_wait{1};
}

void ScreenStack::push(std::unique_ptr<Screen> screen) {
    if (screen) {
        screens_.push_back(std::move(screen));
        pushed_ = true;
    }
}

void ScreenStack::pop() {
    if (screens_.size() > 1) {
        screens_.pop_back();
        pushed_ = true;
    }
}

void ScreenStack::pop_to_bottom() {
    while (screens_.size() > 1) {
        pop();
    }
}

bool ScreenStack::input(const InputEvent& event) {
    return !screens_.empty() && screens_.back()->input(event);
}

bool ScreenStack::update(Instant now, std::chrono::milliseconds ticks) {
    if (screens_.empty()) {
        return false;
    }
    const bool changed = screens_.back()->update(now, ticks);
    const bool switched = pushed_;
    pushed_ = false;
    return changed || switched;
}

void ScreenStack::render(Canvas& canvas) {
    if (!screens_.empty()) {
        screens_.back()->render(canvas);
    }
}

std::chrono::milliseconds ScreenStack::next_update(Instant now,
                                                   std::chrono::milliseconds ticks) const {
    if (screens_.empty()) {
        return idle_wait;
    }
    return screens_.back()->next_update(now, ticks);
}

void ScreenStack::notice_new_data() {
    for (auto& screen : screens_) {
        screen->notice_new_data();
    }
}

}  // namespace aff
