// The option rules the kiosk and kiosk-sync share, on CLI11: typed options with validators that
// word every bad value the same way, the sync options both programs take, and the --config file
// (CLI11's own TOML reader, where every key must be an option). One error line for anything wrong:
//   --interval: '0' is not a number of seconds from 1 to 86400
//   /etc/aff-kiosk/kiosk.toml: size: '0x0' is not a screen size: ...
//   /etc/aff-kiosk/kiosk.toml:7: unknown key 'rotation_speed'
#pragma once

#include "sync/sync_options.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aff::options {

// The one integer parser of both programs' options: decimal digits with an optional leading
// minus, nothing else ("08" is 8; " 8", "+8", "8s" and "0x8" are no numbers).
std::optional<int> parse_int(std::string_view text);

// How every bad value is worded: "'TEXT' WHY".
std::string bad_value(std::string_view text, std::string_view why);

// Validators (CLI::Validator): each names the value and says what was expected.
// A whole number from `low` to `high` (CLI::Range), e.g. number_of("seconds", 1, 3600); it
// passes the value on in plain decimal, so give it with ->transform(), not ->check().
CLI::Validator number_of(std::string_view unit, int low, int high);
// The name of every validator of a number: in the config file, such a value is not quoted.
inline constexpr std::string_view number_validator = "number";
inline CLI::Validator seconds(int low, int high) { return number_of("seconds", low, high); }
inline CLI::Validator minutes(int low, int high) { return number_of("minutes", low, high); }
// An id of the feed (sync/grammar's is_valid_id), e.g. id_of("venue").
CLI::Validator id_of(std::string_view what);
CLI::Validator non_empty();
// A path that is there and is no directory (e.g. --ca-file), so a typo is refused at start.
CLI::Validator existing_file();
// https://, http:// or file://: the URLs the sync fetches.
CLI::Validator feed_url();

// An option of a type of its own: `parse(text)` gives a std::optional of it; nothing is an error
// that says `why` (after the value, as bad_value does).
template <typename T, typename Parse>
CLI::Option* add_parsed(CLI::App& app, const std::string& name, T& field, Parse parse,
                        std::string why, const std::string& help) {
    return app.add_option_function<std::string>(
        name,
        [&field, parse, why, name](const std::string& text) {
            auto value = parse(text);
            if (!value) {
                throw CLI::ValidationError(name, bad_value(text, why));
            }
            field = std::move(*value);
        },
        help);
}

// The sync options (sync/sync_options.hpp) with their names, help and checks.
void add_sync_options(CLI::App& app, SyncOptions& options);

// --config FILE: every option of `app` (unless made configurable(false)) may be a key of the same
// name in the TOML file; the command line wins. A key that is no option, a section, an array for
// a single value, a flag that is neither true nor false, or a '#' inside a quoted value is an
// error naming the file, line and key.
CLI::Option* add_config_file(CLI::App& app, const std::string& help);
// The keys the --config file of `app` takes: the long names of its configurable options.
std::vector<std::string> config_keys(const CLI::App& app);

// What parsing came to: run with the options, or print `output` and exit 0 (--help,
// --version), or print `error` (one line) and exit 2.
struct Parsed {
    enum class Outcome : std::uint8_t { run, exit, usage_error };
    Outcome outcome = Outcome::run;
    std::string output;
    std::string error;
};
// Parses argv (and the --config file) into the options' variables. A bad value is named by
// where it came from: "--size: ..." or "FILE: size: ...".
Parsed parse(CLI::App& app, int argc, const char* const* argv);

}  // namespace aff::options
