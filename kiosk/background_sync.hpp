// The feed sync, run beside the UI: its own thread, its own cache connection and its own HTTP
// handle, so the UI thread never waits on the network. The screens see a new feed by reading the
// cache (WAL lets them read while this thread writes).
#pragma once

#include "sync/syncer.hpp"
#include "sync/time/clock.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace aff {

class BackgroundSync {
public:
    // Called on the sync thread, at once, each time data_changes() grows: the display's wait
    // must end then (Display::wake), or new data would wait for the next minute to show.
    using NewData = std::function<void()>;

    // Starts polling at once, then every `interval` (with jitter, and backoff after failures).
    // `clock` and `log` must outlive this object; `log` gets one line per attempt.
    BackgroundSync(SyncConfig config, std::string db_path, std::chrono::seconds interval,
                   const Clock& clock, std::ostream& log, NewData on_new_data = {});
    // Stops the loop (an attempt under way finishes first, within its own time limits).
    ~BackgroundSync();

    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    // How many times this loop changed what the screens can show (a feed applied, or an asset
    // that was missing arrived); a change means new data to show.
    std::uint64_t data_changes() const { return changes_.load(); }
    // Waits until `count` attempts have finished, or `timeout` has passed; true if they have.
    bool wait_for_attempts(std::uint64_t count, std::chrono::milliseconds timeout);

private:
    void run();
    bool wait(std::chrono::milliseconds delay);  // false once stopping

    SyncConfig config_;
    std::string db_path_;
    std::chrono::seconds interval_;
    const Clock& clock_;
    std::ostream& log_;
    NewData on_new_data_;
    std::atomic<std::uint64_t> changes_{0};
    std::uint64_t attempts_ = 0;  // guarded by mutex_
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;  // last: it starts once everything above is ready
};

}  // namespace aff
