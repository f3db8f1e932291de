// A clock that reads `at` when it is made and then runs at the real pace (--at): a demo window
// opened at 18:00 of the festival's first day shows the minutes pass, progress bars move and
// screenings start, as on the day; a screenshot taken at once shows exactly `at`.
#pragma once

#include "sync/time/clock.hpp"

namespace aff {

class ShiftedClock final : public Clock {
public:
    // `real` lends its monotonic time; it must outlive this clock.
    ShiftedClock(std::chrono::sys_seconds at, const Clock& real)
        : at_(at), start_(real.ticks()), real_(real) {}
    std::chrono::sys_seconds now() const override {
        return at_ + std::chrono::floor<std::chrono::seconds>(real_.ticks() - start_);
    }
    std::chrono::milliseconds ticks() const override { return real_.ticks(); }

private:
    std::chrono::sys_seconds at_;
    std::chrono::milliseconds start_;
    const Clock& real_;
};

}  // namespace aff
