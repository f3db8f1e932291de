// When to poll next. A steady interval with random jitter, so a hundred kiosks powered on together
// do not poll in step; after failures, exponential backoff capped at ten intervals, also jittered;
// a success resets it. The randomness is injected.
#pragma once

#include <chrono>
#include <functional>

namespace aff {

class Schedule {
public:
    // `jitter` is a fraction of the delay (0.2: up to 20%), clamped to [0, 1]; `uniform01` returns
    // numbers in [0, 1) (values outside are clamped).
    Schedule(std::chrono::milliseconds interval, double jitter, std::function<double()> uniform01);

    // The delay before the next attempt, given how the last one went:
    //  - success: interval × (1 ± jitter), and the failure count resets;
    //  - the n-th failure in a row: min(interval × 2^n, interval × 10) × (1 - jitter × u), which
    //    spreads the kiosks out without ever going past the cap.
    std::chrono::milliseconds next_delay(bool last_succeeded);

    int consecutive_failures() const { return failures_; }
    std::chrono::milliseconds interval() const { return interval_; }

private:
    double uniform();

    std::chrono::milliseconds interval_;
    double jitter_;
    std::function<double()> uniform01_;
    int failures_ = 0;
};

}  // namespace aff
