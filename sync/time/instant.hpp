// An instant: UTC seconds since the epoch. The feed, the store and the screens all speak it; the
// festival's time zone (sync/time/time.hpp) says how to show one.
#pragma once

#include <chrono>

namespace aff {

using Instant = std::chrono::sys_seconds;

}  // namespace aff
