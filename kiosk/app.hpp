// The kiosk program: options, the cache (seeded with the demo feed when empty), then either one
// frame into a PNG (--screenshot, which only reads the cache) or the display and its event loop.
#pragma once

#include "kiosk/config.hpp"
#include "sync/time/clock.hpp"

#include <iosfwd>

namespace aff {

// main(): reads the options and runs. Exit codes: 0 done, 1 the kiosk could not run (cache,
// demo feed, fonts, display), 2 bad options.
int kiosk_main(int argc, char** argv);

// Runs with options already read, on `clock`; messages go to `out` (progress) and `err` (one line
// per failure). `clock_sync` says whether the kernel has the clock synchronised (none: ask only
// the feed's generated_at). A screenshot (--screenshot, --texts) reads the cache and writes
// nothing to it: an empty cache shows the demo from memory.
int run_kiosk(const Config& config, const Clock& clock, std::ostream& out, std::ostream& err,
              const ClockSync* clock_sync = nullptr);

}  // namespace aff
