// The real clock: what SystemClock reads, and in which unit. Logic never uses it (it takes a
// Clock); this is the one place that checks the real one reads the right sources.
#include "sync/time/clock.hpp"

#include <sys/timex.h>

#include <CppUTest/TestHarness.h>

#include <chrono>

using namespace aff;
using namespace std::chrono;

TEST_GROUP(Clock){};

TEST(Clock, NowIsTheSystemClockInWholeSeconds) {
    const SystemClock clock;
    const auto before = floor<seconds>(system_clock::now());
    const sys_seconds now = clock.now();
    const auto after = system_clock::now();
    CHECK_TRUE(before <= now);
    CHECK_TRUE(now <= after);
}

// Ticks come from the steady clock, not the wall clock (which an NTP step can move back), and
// count milliseconds: a timeout of 1000 ticks is one second.
TEST(Clock, TicksAreTheSteadyClockInMilliseconds) {
    const SystemClock clock;
    const auto before = floor<milliseconds>(steady_clock::now().time_since_epoch());
    const milliseconds ticks = clock.ticks();
    const auto after = ceil<milliseconds>(steady_clock::now().time_since_epoch());
    CHECK_TRUE(before <= ticks);
    CHECK_TRUE(ticks <= after);
}

// The kernel's word on the clock is its NTP state: anything but TIME_ERROR (STA_UNSYNC set, or
// no answer) is a clock something has set.
TEST(Clock, TheKernelCallsTheClockSynchronisedUnlessItsNtpStateIsAnError) {
    timex state{};
    const int answer = adjtimex(&state);
    const KernelClockSync kernel;
    CHECK_EQUAL(answer != -1 && answer != TIME_ERROR, kernel.synchronised());
    CHECK_EQUAL(kernel.synchronised(), kernel_clock_synchronised());
}
