// Time, injected. Logic asks a Clock; only SystemClock reads the real one.
#pragma once

#include <chrono>

namespace aff {

class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock time, UTC, whole seconds.
    virtual std::chrono::sys_seconds now() const = 0;
    // Monotonic milliseconds, for animation and timeouts; never goes back.
    virtual std::chrono::milliseconds ticks() const = 0;
};

// The real clocks. Header-only and free of SDL, so headless programs (kiosk-sync) use it too.
class SystemClock final : public Clock {
public:
    std::chrono::sys_seconds now() const override {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    std::chrono::milliseconds ticks() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch());
    }
};

}  // namespace aff
