// A clock the test sets by hand (after James Grenning's FakeTimeService).
#pragma once

#include "sync/time/clock.hpp"

namespace aff::test {

class FakeClock final : public Clock {
public:
    explicit FakeClock(std::chrono::sys_seconds start = {}) : now_(start) {}
    std::chrono::sys_seconds now() const override {
        return std::chrono::floor<std::chrono::seconds>(now_);
    }
    std::chrono::milliseconds ticks() const override { return ticks_; }

    void set(std::chrono::sys_seconds t) { now_ = t; }
    void advance(std::chrono::milliseconds d) {
        ticks_ += d;
        now_ += d;
    }

private:
    std::chrono::sys_time<std::chrono::milliseconds> now_;
    std::chrono::milliseconds ticks_{0};
};

}  // namespace aff::test
