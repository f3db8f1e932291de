// SIGTERM and SIGINT as a request to stop, in-process: raise() runs the handler before it returns,
// so each test knows the signal has landed. Nothing here sleeps; the waits that must return at
// once are given long timeouts, and how long they took is checked.
#include "sync/stop_signal.hpp"

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Far longer than a wait that returns at once takes, far shorter than the wait it was given.
constexpr auto at_once = milliseconds{1000};
constexpr auto long_wait = milliseconds{5'000};

std::atomic<int> foreign_signals{0};
void count_foreign(int /*signal*/) { ++foreign_signals; }

// Spins (no sleep) until thread `tid` of this process is asleep in the kernel: in its poll.
void until_asleep(const std::atomic<pid_t>& tid) {
    while (tid.load() == 0) {
        std::this_thread::yield();
    }
    const std::string path = "/proc/self/task/" + std::to_string(tid.load()) + "/stat";
    for (;;) {
        std::ifstream stat(path);
        std::string line;
        std::getline(stat, line);
        const auto paren = line.rfind(')');
        if (paren != std::string::npos && line.compare(paren, 3, ") S") == 0) {
            return;
        }
        std::this_thread::yield();
    }
}

bool readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    return poll(&p, 1, 0) == 1;
}

}  // namespace

TEST_GROUP(StopSignal){};

TEST(StopSignal, NothingIsAskedForUntilASignalComes) {
    StopSignal stop;
    CHECK_FALSE(stop.requested());
    CHECK_FALSE(stop.wait_for(milliseconds{0}));
    CHECK_FALSE(readable(stop.fd()));
}

TEST(StopSignal, SigtermIsAStopAndTheWaitReturnsAtOnce) {
    StopSignal stop;
    raise(SIGTERM);
    CHECK_TRUE(stop.requested());
    CHECK_TRUE(readable(stop.fd()));
    const auto start = Clock::now();
    CHECK_TRUE(stop.wait_for(long_wait));
    CHECK_TRUE(Clock::now() - start < at_once);
    // It stays asked for.
    CHECK_TRUE(stop.wait_for(long_wait));
    CHECK_TRUE(stop.requested());
}

TEST(StopSignal, SigintIsAStopToo) {
    StopSignal stop;
    raise(SIGINT);
    CHECK_TRUE(stop.requested());
}

TEST(StopSignal, ASignalWakesALoopWaitingOnAnotherThread) {
    StopSignal stop;
    std::atomic<bool> woke{false};
    std::atomic<pid_t> tid{0};
    const auto start = Clock::now();
    std::thread waiter([&] {
        tid = gettid();
        woke = stop.wait_for(long_wait);
    });
    until_asleep(tid);
    raise(SIGTERM);  // lands on this thread; the waiter sees it through the eventfd
    waiter.join();
    CHECK_TRUE(woke.load());
    CHECK_TRUE(Clock::now() - start < at_once);
}

TEST(StopSignal, AStopAskedForInProcessWakesAWaitAsASignalDoes) {
    StopSignal stop;
    std::thread asker([&] { stop.request(); });
    CHECK_TRUE(stop.wait_for(long_wait));
    asker.join();
}

TEST(StopSignal, AnotherSignalIsNoStop) {
    struct sigaction action {};
    action.sa_handler = count_foreign;
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};
    sigaction(SIGUSR1, &action, &previous);
    foreign_signals = 0;
    StopSignal stop;
    raise(SIGUSR1);
    CHECK_FALSE(stop.requested());
    CHECK_FALSE(stop.wait_for(milliseconds{1}));
    sigaction(SIGUSR1, &previous, nullptr);
    LONGS_EQUAL(1, foreign_signals.load());
}

TEST(StopSignal, TheHandlersThereWereComeBackAndTheNextOneStartsAfresh) {
    struct sigaction action {};
    action.sa_handler = count_foreign;
    sigemptyset(&action.sa_mask);
    struct sigaction previous {};
    sigaction(SIGTERM, &action, &previous);
    foreign_signals = 0;
    {
        StopSignal stop;
        raise(SIGTERM);
        CHECK_TRUE(stop.requested());
        LONGS_EQUAL(0, foreign_signals.load());
    }
    raise(SIGTERM);
    LONGS_EQUAL(1, foreign_signals.load());
    {
        StopSignal again;
        CHECK_FALSE(again.requested());
        CHECK_FALSE(readable(again.fd()));
    }
    sigaction(SIGTERM, &previous, nullptr);
}

TEST(StopSignal, OnlyOneAtATime) {
    StopSignal stop;
    CHECK_THROWS(std::runtime_error, StopSignal());
}

TEST(StopSignal, AWatchCallsBackOnceOnAStop) {
    StopSignal stop;
    std::mutex mutex;
    std::condition_variable called;
    int calls = 0;
    {
        StopWatch watch(stop, [&] {
            const std::lock_guard lock(mutex);
            ++calls;
            called.notify_one();
        });
        raise(SIGTERM);
        std::unique_lock lock(mutex);
        CHECK_TRUE(called.wait_for(lock, long_wait, [&] { return calls > 0; }));
    }
    LONGS_EQUAL(1, calls);
}

TEST(StopSignal, AWatchEndedBeforeAnyStopNeverCalls) {
    StopSignal stop;
    std::atomic<int> calls{0};
    { StopWatch watch(stop, [&] { ++calls; }); }
    raise(SIGTERM);
    LONGS_EQUAL(0, calls.load());
}

}  // namespace aff
