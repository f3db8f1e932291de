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

// What the kernel would say of the clock, set by the test.
class FakeClockSync final : public ClockSync {
public:
    explicit FakeClockSync(bool synchronised = false) : synchronised_(synchronised) {}
    bool synchronised() const override { return synchronised_; }
    void set(bool synchronised) { synchronised_ = synchronised; }

private:
    bool synchronised_;
};

}  // namespace aff::test
