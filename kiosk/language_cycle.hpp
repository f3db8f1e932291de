// Which language the kiosk speaks at a moment: one pinned language, or a rotation through a set,
// each for a fixed period of monotonic time. A visitor's language is pinned over the rotation
// until the kiosk is idle again.
#pragma once

#include "sync/feed.hpp"

#include <chrono>
#include <optional>
#include <vector>

namespace aff {

class LanguageCycle {
public:
    // Rotates through `languages` (at least one), `period` each, starting at `start` ticks.
    LanguageCycle(std::vector<Lang> languages, std::chrono::milliseconds period,
                  std::chrono::milliseconds start);
    // Always `lang`.
    static LanguageCycle pinned(Lang lang);

    Lang current(std::chrono::milliseconds ticks) const;
    // Time from `ticks` until the language next changes; a long wait when it never does.
    std::chrono::milliseconds until_next(std::chrono::milliseconds ticks) const;
    bool rotates() const { return languages_.size() > 1 && !pin_; }

    // A visitor chose `lang`: it stays until resume(), whatever the rotation.
    void pin(Lang lang) { pin_ = lang; }
    bool is_pinned() const { return pin_.has_value(); }
    // Back to the rotation (the kiosk went idle), from its first language at `ticks`.
    void resume(std::chrono::milliseconds ticks);

private:
    std::vector<Lang> languages_;
    std::chrono::milliseconds period_;
    std::chrono::milliseconds start_;  // when languages_[first_] came on
    std::size_t first_ = 0;
    std::optional<Lang> pin_;
    std::size_t index_at(std::chrono::milliseconds ticks) const;
};

}  // namespace aff
