#include "platform/clock.hpp"

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

TEST(Clock, TicksNeverGoBack) {
    const SystemClock clock;
    milliseconds last = clock.ticks();
    for (int i = 0; i < 1000; ++i) {
        const milliseconds next = clock.ticks();
        CHECK_TRUE(next >= last);
        last = next;
    }
}
