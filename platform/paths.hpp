// Where the kiosk reads its data and keeps its state, from the environment and the build.
#pragma once

#include <string>

namespace aff {

// Read-only data (assets/): $AFF_DATADIR if set, else the installed data dir if it exists, else
// the source tree's assets/ (a developer build).
std::string data_dir();

// Writable state (the cache): $AFF_STATE_DIR, else $XDG_STATE_HOME/aff-kiosk, else
// ~/.local/state/aff-kiosk; created if missing. Throws PlatformError when it cannot be created
// or no home directory is known.
std::string state_dir();

}  // namespace aff
