#include "sync/sync_loop.hpp"

#include <memory>
#include <random>
#include <utility>

namespace aff {

std::function<double()> device_uniform01() {
    auto random = std::make_shared<std::mt19937_64>(std::random_device{}());
    return [random] { return std::uniform_real_distribution<double>(0.0, 1.0)(*random); };
}

SyncLoop::SyncLoop(std::chrono::milliseconds interval, std::function<double()> uniform01)
    : schedule_(interval, poll_jitter, std::move(uniform01)) {}

void SyncLoop::run(const Attempt& attempt, const Wait& wait, const Stopped& stopped) {
    const auto stop_asked = [&] { return stopped && stopped(); };
    while (!stop_asked()) {
        const bool succeeded = attempt();
        if (stop_asked() || !wait(schedule_.next_delay(succeeded))) {
            return;
        }
    }
}

}  // namespace aff
