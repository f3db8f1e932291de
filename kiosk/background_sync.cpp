#include "kiosk/background_sync.hpp"

#include "sync/http_client.hpp"
#include "sync/store.hpp"
#include "sync/sync_loop.hpp"

#include <optional>

namespace aff {

BackgroundSync::BackgroundSync(SyncConfig config, std::string db_path,
                               std::chrono::seconds interval, const Clock& clock,
                               std::ostream& log, NewData on_new_data)
    : config_(std::move(config)),
      db_path_(std::move(db_path)),
      interval_(interval),
      clock_(clock),
      log_(log),
      on_new_data_(std::move(on_new_data)),
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
    // Its own cache connection and HTTP handle, made at the first attempt and made again after
    // one that threw (the cache could not be opened for writing, or the like): the screens keep
    // the schedule they have meanwhile.
    std::optional<Store> store;
    std::optional<HttpClient> http;
    std::optional<Syncer> syncer;
    const auto attempt = [&] {
        bool ok = false;
        try {
            if (!syncer) {
                store.emplace(Store::open(db_path_));
                http.emplace();
                syncer.emplace(config_, *store, *http, clock_);
            }
            const SyncReport report = syncer->run_once();
            ok = report.ok();
            if (report.outcome == SyncOutcome::applied || report.assets_fetched > 0) {
                changes_.fetch_add(1);
                if (on_new_data_) {
                    on_new_data_();
                }
            }
            if (report.outcome != SyncOutcome::unchanged || report.assets_fetched > 0) {
                log_ << "kiosk: sync " << report.line() << std::endl;
            }
        } catch (const std::exception& e) {
            log_ << "kiosk: sync: " << e.what() << std::endl;
            syncer.reset();
            http.reset();
            store.reset();
        }
        {
            std::lock_guard lock(mutex_);
            ++attempts_;
        }
        wake_.notify_all();
        return ok;
    };
    SyncLoop(interval_).run(attempt, [this](std::chrono::milliseconds delay) {
        return wait(delay);
    });
}

}  // namespace aff
