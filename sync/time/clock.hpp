// Time, injected. Logic asks a Clock; only SystemClock reads the real one, and only a program's
// composition root (kiosk's app, kiosk-sync's main) makes one. Whether that clock has been set
// is asked of a ClockSync the same way; only KernelClockSync asks the kernel.
#pragma once

#include "sync/time/instant.hpp"

#include <chrono>

namespace aff {

class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock time, UTC, whole seconds.
    virtual Instant now() const = 0;
    // Monotonic milliseconds, for animation and timeouts; never goes back.
    virtual std::chrono::milliseconds ticks() const = 0;
};

// The real clocks: the system clock for now(), the steady clock for ticks(). Header-only, and
// free of SDL, so the kiosk and headless programs (kiosk-sync) share it.
class SystemClock final : public Clock {
public:
    Instant now() const override {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    std::chrono::milliseconds ticks() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch());
    }
};

// Whether the wall clock is synchronised (NTP or the like has set it and keeps it).
class ClockSync {
public:
    virtual ~ClockSync() = default;
    virtual bool synchronised() const = 0;
};

// The kernel's word: ntp_adjtime(2), only reading, reports a clock state other than TIME_ERROR
// (systemd-timesyncd, chrony or ntpd clear STA_UNSYNC once they have set the clock).
bool kernel_clock_synchronised();

class KernelClockSync final : public ClockSync {
public:
    bool synchronised() const override { return kernel_clock_synchronised(); }
};

}  // namespace aff
