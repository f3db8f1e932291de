#include "sync/stop_signal.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>

namespace aff {
namespace {

// What the handler touches: lock-free atomics with static storage, since a handler can reach
// nothing else. The eventfd is made once and kept for the life of the process, so a handler
// still running on another thread as a StopSignal goes never writes to a closed descriptor.
std::atomic<bool> stop_requested{false};
std::atomic<int> stop_fd{-1};
std::atomic<bool> installed{false};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

struct sigaction previous_term {};
struct sigaction previous_int {};

// Async-signal-safe: an atomic store and a write(2).
void raise_stop() {
    const int saved = errno;
    stop_requested.store(true);
    const int fd = stop_fd.load();
    if (fd >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t written = write(fd, &one, sizeof one);
    }
    errno = saved;
}

void on_stop_signal(int /*signal*/) { raise_stop(); }

std::runtime_error system_error(const std::string& what) {
    return std::runtime_error(what + ": " + std::strerror(errno));
}

// Waits for POLLIN on `fds` until `timeout` passes (a negative one: for ever), going on after
// another signal. Returns what poll(2) does, 0 on a timeout.
int poll_in(std::span<pollfd> fds, std::chrono::milliseconds timeout) {
    using Clock = std::chrono::steady_clock;
    const bool forever = timeout < std::chrono::milliseconds::zero();
    const auto deadline = Clock::now() + (forever ? Clock::duration::zero() : timeout);
    for (;;) {
        int wait_ms = -1;
        if (!forever) {
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
            wait_ms = static_cast<int>(std::clamp<std::int64_t>(left.count(), 0, INT_MAX));
        }
        const int ready = poll(fds.data(), fds.size(), wait_ms);
        if (ready >= 0 || errno != EINTR) {
            return ready;
        }
    }
}

}  // namespace

StopSignal::StopSignal() {
    if (installed.exchange(true)) {
        throw std::runtime_error("a StopSignal is already installed");
    }
    if (stop_fd.load() < 0) {
        const int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) {
            installed.store(false);
            throw system_error("cannot make an eventfd for SIGTERM");
        }
        stop_fd.store(fd);
    }
    stop_requested.store(false);
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGINT);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGTERM, &action, &previous_term) != 0) {
        installed.store(false);
        throw system_error("cannot handle SIGTERM");
    }
    if (sigaction(SIGINT, &action, &previous_int) != 0) {
        const auto error = system_error("cannot handle SIGINT");
        sigaction(SIGTERM, &previous_term, nullptr);
        installed.store(false);
        throw error;
    }
}

StopSignal::~StopSignal() {
    sigaction(SIGTERM, &previous_term, nullptr);
    sigaction(SIGINT, &previous_int, nullptr);
    // Emptied, so that the next StopSignal starts with no stop asked for.
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t read_bytes = read(stop_fd.load(), &count, sizeof count);
    stop_requested.store(false);
    installed.store(false);
}

bool StopSignal::requested() const { return stop_requested.load(); }

bool StopSignal::wait_for(std::chrono::milliseconds timeout) const {
    if (requested()) {
        return true;
    }
    std::array<pollfd, 1> fds{pollfd{stop_fd.load(), POLLIN, 0}};
    poll_in(fds, std::max(timeout, std::chrono::milliseconds::zero()));
    return requested();
}

int StopSignal::fd() const { return stop_fd.load(); }

void StopSignal::request() { raise_stop(); }

StopWatch::StopWatch(const StopSignal& stop, std::function<void()> on_stop)
    : closing_fd_(eventfd(0, EFD_CLOEXEC)) {
    if (closing_fd_ < 0) {
        throw system_error("cannot make an eventfd");
    }
    thread_ = std::thread([this, &stop, on_stop = std::move(on_stop)] {
        std::array<pollfd, 2> fds{pollfd{stop.fd(), POLLIN, 0}, pollfd{closing_fd_, POLLIN, 0}};
        while (poll_in(fds, std::chrono::milliseconds{-1}) > 0) {
            if ((fds[1].revents & POLLIN) != 0) {
                return;
            }
            if ((fds[0].revents & POLLIN) != 0) {
                on_stop();
                return;
            }
        }
    });
}

StopWatch::~StopWatch() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = write(closing_fd_, &one, sizeof one);
    thread_.join();
    close(closing_fd_);
}

}  // namespace aff
