// The polling loop kiosk-sync and the kiosk share, with scripted attempts, a fake random source
// and a fake wait that records each delay instead of sleeping.
#include "sync/sync_loop.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

// Plays attempts that succeed or fail as scripted, and waits that go on until `stop_after`
// waits have been asked for; records what happened, in order.
struct Script {
    std::vector<bool> outcomes;
    std::size_t stop_after = 0;
    std::vector<std::string> events;
    std::vector<milliseconds> delays;

    SyncLoop::Attempt attempt() {
        return [this] {
            const std::size_t n = attempts();
            events.push_back("attempt");
            return n < outcomes.size() ? outcomes[n] : true;
        };
    }
    SyncLoop::Wait wait() {
        return [this](milliseconds delay) {
            events.push_back("wait");
            delays.push_back(delay);
            return delays.size() < stop_after;
        };
    }
    std::size_t attempts() const {
        std::size_t n = 0;
        for (const auto& e : events) {
            n += e == "attempt" ? 1U : 0U;
        }
        return n;
    }
};

double middle() {
    return 0.5;
}

}  // namespace

TEST_GROUP(SyncLoop) {};

TEST(SyncLoop, TheFirstAttemptIsAtOnceAndEachWaitComesBetweenTwoAttempts) {
    Script script;
    script.stop_after = 3;
    SyncLoop(60s, middle).run(script.attempt(), script.wait());
    const std::vector<std::string> expected{"attempt", "wait", "attempt", "wait", "attempt",
                                            "wait"};
    CHECK(expected == script.events);
}

TEST(SyncLoop, AStopDuringTheFirstWaitEndsTheLoopWithNoFurtherAttempt) {
    Script script;
    script.stop_after = 1;
    SyncLoop(60s, middle).run(script.attempt(), script.wait());
    LONGS_EQUAL(1, script.attempts());
    LONGS_EQUAL(1, script.delays.size());
}

TEST(SyncLoop, AStopAskedForBeforeTheLoopStartsNoAttempt) {
    Script script;
    script.stop_after = 5;
    SyncLoop(60s, middle).run(script.attempt(), script.wait(), [] { return true; });
    CHECK(script.events.empty());
}

TEST(SyncLoop, AStopAskedForDuringAnAttemptEndsTheLoopWithoutWaiting) {
    Script script;
    script.stop_after = 5;
    SyncLoop(60s, middle).run(script.attempt(), script.wait(),
                              [&script] { return script.attempts() == 2; });
    const std::vector<std::string> expected{"attempt", "wait", "attempt"};
    CHECK(expected == script.events);
}

TEST(SyncLoop, SuccessesWaitTheIntervalAndFailuresBackOffAsTheScheduleSays) {
    Script script;
    script.outcomes = {true, false, false, true};
    script.stop_after = 4;
    SyncLoop(60s, middle).run(script.attempt(), script.wait());
    const std::vector<milliseconds> expected{60'000ms, 108'000ms, 216'000ms, 60'000ms};
    CHECK(expected == script.delays);
}

TEST(SyncLoop, TheJitterIsTwentyPercentEitherWay) {
    DOUBLES_EQUAL(0.2, poll_jitter, 0.0);
    for (const auto& [u, delay] : {std::pair{0.0, 48'000ms}, std::pair{1.0, 72'000ms}}) {
        Script script;
        script.stop_after = 1;
        const double value = u;
        SyncLoop(60s, [value] { return value; }).run(script.attempt(), script.wait());
        LONGS_EQUAL(delay.count(), script.delays.front().count());
    }
}

TEST(SyncLoop, TheDeviceRandomSourceGivesNumbersFromZeroToOne) {
    const auto uniform = device_uniform01();
    bool varied = false;
    const double first = uniform();
    for (int i = 0; i < 1000; ++i) {
        const double u = uniform();
        CHECK(u >= 0.0 && u < 1.0);
        varied = varied || u != first;
    }
    CHECK(varied);
}

}  // namespace aff
