// SIGTERM (systemd stopping a service) and SIGINT (Ctrl+C) as a request to stop rather than a
// kill: the kiosk and kiosk-sync both finish what they are doing and exit 0. The handler only
// sets an atomic flag and writes to an eventfd (both async-signal-safe), so a loop that waits
// wakes at once, whatever thread the signal landed on.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace aff {

class StopSignal {
public:
    // Installs the handlers for SIGTERM and SIGINT. One StopSignal at a time in a process;
    // throws std::runtime_error for a second one, or when the system refuses.
    StopSignal();
    // Puts back the handlers there were.
    ~StopSignal();
    StopSignal(const StopSignal&) = delete;
    StopSignal& operator=(const StopSignal&) = delete;

    // Whether a stop has been asked for (a signal, or request()). It stays asked for.
    bool requested() const;
    // Waits up to `timeout` for a stop; true, at once, if one is asked for by the end. Another
    // signal (a child's, say) is no stop: the wait goes on.
    bool wait_for(std::chrono::milliseconds timeout) const;
    // Readable (POLLIN) from the moment a stop is asked for, for a poll() of one's own.
    int fd() const;
    // Asks for a stop, as the signals do; from any thread.
    void request();
};

// Calls `on_stop` once, on a thread of its own, when `stop` is asked for: e.g. to wake a
// display's event wait, which cannot watch a file descriptor. Destroyed first, it never calls.
// `on_stop` must not throw.
class StopWatch {
public:
    // `stop` must outlive this object.
    StopWatch(const StopSignal& stop, std::function<void()> on_stop);
    ~StopWatch();  // ends and joins the thread
    StopWatch(const StopWatch&) = delete;
    StopWatch& operator=(const StopWatch&) = delete;

private:
    int closing_fd_ = -1;
    std::thread thread_;
};

}  // namespace aff
