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

class SystemClock final : public Clock {
public:
    std::chrono::sys_seconds now() const override;
    std::chrono::milliseconds ticks() const override;
};

}  // namespace aff
