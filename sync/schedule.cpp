#include "sync/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace aff {

namespace {
constexpr double backoff_cap = 10.0;  // intervals
}

Schedule::Schedule(std::chrono::milliseconds interval, double jitter,
                   std::function<double()> uniform01)
    : interval_(std::max(interval, std::chrono::milliseconds{0})),
      jitter_(std::clamp(jitter, 0.0, 1.0)),
      uniform01_(std::move(uniform01)) {}

double Schedule::uniform() {
    const double u = uniform01_ ? uniform01_() : 0.5;
    return std::isfinite(u) ? std::clamp(u, 0.0, 1.0) : 0.5;
}

std::chrono::milliseconds Schedule::next_delay(bool last_succeeded) {
    const auto interval = static_cast<double>(interval_.count());
    double delay = 0;
    if (last_succeeded) {
        failures_ = 0;
        delay = interval * (1.0 + jitter_ * (2.0 * uniform() - 1.0));
    } else {
        ++failures_;
        // 2^n stops growing at the cap, so no count of failures can overflow it.
        const double factor = std::min(std::ldexp(1.0, std::min(failures_, 16)), backoff_cap);
        delay = interval * factor * (1.0 - jitter_ * uniform());
    }
    return std::chrono::milliseconds{static_cast<std::int64_t>(std::llround(delay))};
}

}  // namespace aff
