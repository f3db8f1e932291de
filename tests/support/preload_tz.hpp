// The tz database, and each zone read from it, stay in memory for the life of the process (by
// design). Tests load the zones they use once with CppUTest's leak detector looking away, so the
// first test to touch a zone does not report that one-time allocation as its leak.
#pragma once

#include "sync/time/time.hpp"

#include <initializer_list>
#include <string>

#include <CppUTest/TestHarness.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

namespace aff::test {

inline void preload_time_zones(std::initializer_list<std::string> names = {"Asia/Almaty"}) {
    MemoryLeakWarningPlugin::saveAndDisableNewDeleteOverloads();
    for (const auto& name : names) (void)TimeZone::load(name);
    MemoryLeakWarningPlugin::restoreNewDeleteOverloads();
}

}  // namespace aff::test
