// The kiosk's settings: the command line over an optional TOML file, every option with the same
// name in both ("--rotate-seconds 8" on the command line is `rotate-seconds = 8` in the file),
// read by CLI11 with the rules and error wording kiosk-sync shares (sync/options.hpp).
#pragma once

#include "kiosk/theme.hpp"
#include "platform/canvas.hpp"
#include "sync/feed.hpp"
#include "sync/sync_options.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aff {


// A screen to show: the board, one hall's sign, the day programme or a film's page.
enum class ScreenKind : std::uint8_t { board, hall, day, film };
struct ScreenRequest {
    ScreenKind kind = ScreenKind::board;
    std::string id;  // the hall or film id
    bool operator==(const ScreenRequest&) const = default;
};

// "board", "day", "hall:ID" or "film:ID"; nothing for anything else.
std::optional<ScreenRequest> parse_screen(std::string_view text);

struct Config {
    std::string config_file;                 // --config, empty when none was given
    std::string db;                          // --db; empty: state_dir()/cache.db
    std::string venue;                       // --venue; empty: the feed's first venue
    std::optional<Lang> lang;                // --lang pins one language; nothing: rotate
    std::vector<Lang> languages{all_langs.begin(), all_langs.end()};  // --languages
    int rotate_seconds = 8;                  // --rotate-seconds
    bool window = false;                     // --window: a desktop window, not fullscreen
    Size size{1920, 1080};                   // --size WxH: the window and the screenshot
    int rotate = 0;                          // --rotate 0|90|180|270
    ScreenRequest screen;                    // --screen board|day|hall:ID|film:ID
    std::string screenshot;                  // --screenshot OUT.png; empty: interactive
    std::string texts;                       // --texts OUT.json: the screenshot's texts
    std::optional<Instant> at;               // --at RFC 3339: a frozen clock
    std::string demo_feed;                   // --demo-feed; empty: data_dir()/demo/feed.json
    bool demo_fallback = false;              // --demo-fallback: the demo even with a feed URL
    std::string font = "Noto Sans";          // --font FAMILY, found through fontconfig
    // The background sync (--feed-url, --public-key, --public-key-file, --assets, --ca-file,
    // --interval, --metrics, as kiosk-sync takes them); off while sync.feed_url is empty (a demo
    // or a kiosk filled by hand). An empty sync.assets is state_dir()/assets.
    options::SyncOptions sync;
    int outdated_after_min = 30;             // --outdated-after
    int clock_tolerance_min = 10;            // --clock-tolerance
    int idle_seconds = 60;                   // --idle-seconds
    int page_seconds = 10;                   // --page-seconds
    int dpi = 96;                            // --dpi
    TypeScales type_scales;                  // --type-scale
    // --touch X,Y (screenshots only), in order, in screen pixels (as the PNG, after --rotate)
    std::vector<std::pair<int, int>> touches;
};

// What reading the command line came to: a Config to run with, or text to print and an exit code
// (--help and --version print to stdout and exit 0; a bad value prints one line to stderr and
// exits 2).
struct ConfigResult {
    std::optional<Config> config;
    int exit_code = 0;
    std::string output;  // for stdout
    std::string error;   // one line for stderr, without the newline
};

// Reads argv and the --config file. The defaults that depend on the machine (`db`, `demo_feed`)
// stay empty here: the app fills them, so reading options never creates a directory.
ConfigResult read_config(int argc, const char* const* argv);

// The help text: every option, one line each.
std::string config_help();
// Every key the --config file takes (the configurable options' long names).
std::vector<std::string> config_keys();

// "800x480:120, 3840x2160:90, 100": a percentage per screen size, a bare one for every other
// size; each from TypeScales::min_percent to max_percent.
std::optional<TypeScales> parse_type_scales(std::string_view text);

// "1920x1080" to a size, if it is one a screen can have.
std::optional<Size> parse_size(std::string_view text);

}  // namespace aff
