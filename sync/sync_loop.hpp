// The polling loop that kiosk-sync's service mode and the kiosk's background sync thread share:
// an attempt at once, then the schedule's delay (the interval with jitter, backoff after
// failures), then the next attempt, until the wait says stop. What an attempt does, and how the
// loop waits and learns it must stop (sync/stop_signal's StopSignal, a condition variable, a
// test's fake), are the caller's: nothing here sleeps or reads a clock.
#pragma once

#include "sync/schedule.hpp"

#include <chrono>
#include <functional>

namespace aff {

// Up to 20% either way: a hundred kiosks switched on together do not poll in step.
inline constexpr double poll_jitter = 0.2;

// Numbers in [0, 1) from a generator seeded by the device (std::random_device), so that kiosks
// booted together draw different jitter.
std::function<double()> device_uniform01();

class SyncLoop {
public:
    // One attempt; true when it succeeded (the schedule backs off after failures).
    using Attempt = std::function<bool()>;
    // Waits up to `delay`; false when the loop must stop now (the delay need not have passed).
    using Wait = std::function<bool(std::chrono::milliseconds)>;

    explicit SyncLoop(std::chrono::milliseconds interval,
                      std::function<double()> uniform01 = device_uniform01());

    // Whether a stop has been asked for (e.g. StopSignal::requested).
    using Stopped = std::function<bool()>;

    // Runs `attempt` at once, then after each wait that says go on. Returns once `wait` says
    // stop, or `stopped` (when given) says so before an attempt: a stop asked for before the
    // loop or during an attempt starts no new one. An attempt under way is never cut short.
    void run(const Attempt& attempt, const Wait& wait, const Stopped& stopped = {});

    const Schedule& schedule() const { return schedule_; }

private:
    Schedule schedule_;
};

}  // namespace aff
