#include "kiosk/background_sync.hpp"

#include "sync/http_client.hpp"
#include "sync/schedule.hpp"
#include "sync/store.hpp"

#include <random>

namespace aff {

BackgroundSync::BackgroundSync(SyncConfig config, std::string db_path,
                               std::chrono::seconds interval, const Clock& clock,
                               std::ostream& log)
    : config_(std::move(config)),
      db_path_(std::move(db_path)),
      interval_(interval),
      clock_(clock),
      log_(log),
      thread_([this] { run(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool BackgroundSync::wait_for_attempts(std::uint64_t count, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return wake_.wait_for(lock, timeout, [&] { return attempts_ >= count; });
}

bool BackgroundSync::wait(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, delay, [this] { return stopping_; });
    return !stopping_;
}

void BackgroundSync::run() {
    // Kiosks powered on together must not poll in step: jitter from a per-device seed.
    std::mt19937_64 random{std::random_device{}()};
    std::uniform_real_distribution<double> uniform01(0.0, 1.0);
    Schedule schedule(interval_, 0.2, [&] { return uniform01(random); });
    do {
        try {
            Store store = Store::open(db_path_);
            HttpClient http;
            Syncer syncer(config_, store, http, clock_);
            while (true) {
                const SyncReport report = syncer.run_once();
                if (report.outcome == SyncOutcome::applied || report.assets_fetched > 0) {
                    changes_.fetch_add(1);
                }
                if (report.outcome != SyncOutcome::unchanged || report.assets_fetched > 0) {
                    log_ << "kiosk: sync " << outcome_code(report.outcome) << ": "
                         << report.message << std::endl;
                }
                {
                    std::lock_guard lock(mutex_);
                    ++attempts_;
                }
                wake_.notify_all();
                if (!wait(schedule.next_delay(report.ok()))) {
                    return;
                }
            }
        } catch (const std::exception& e) {
            // The cache could not be opened for writing, or the like: the screens keep the
            // schedule they have, and the loop tries again later.
            log_ << "kiosk: sync: " << e.what() << std::endl;
            {
                std::lock_guard lock(mutex_);
                ++attempts_;
            }
            wake_.notify_all();
        }
    } while (wait(schedule.next_delay(false)));
}

}  // namespace aff
