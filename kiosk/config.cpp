#include "kiosk/config.hpp"

#include "sync/grammar.hpp"
#include "sync/time.hpp"

#include <CLI/CLI.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace aff {
namespace {

constexpr int exit_usage = 2;
constexpr int min_side = 240;   // smaller than any signage panel: surely a typo
constexpr int max_side = 8192;  // beyond 8K: surely a typo

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Kind : std::uint8_t { text, integer, flag, list, time };

struct OptionSpec {
    std::string_view name;  // without the dashes; the TOML key
    Kind kind;
    std::string_view type_name;
    std::string_view help;
};

// Every option but --config, --help and --version, which make no sense inside a config file.
constexpr std::array<OptionSpec, 28> option_specs{{
    {"db", Kind::text, "PATH", "the schedule cache (default: <state dir>/cache.db)"},
    {"venue", Kind::text, "ID", "the venue this kiosk stands in (default: the feed's first)"},
    {"lang", Kind::text, "kk|ru|en", "show only this language (default: rotate)"},
    {"languages", Kind::list, "kk,ru,en", "the languages to rotate through, in order"},
    {"rotate-seconds", Kind::integer, "N", "seconds each language stays on screen (default 8)"},
    {"window", Kind::flag, "", "a desktop window instead of fullscreen"},
    {"size", Kind::text, "WxH", "window and screenshot size (default 1920x1080)"},
    {"rotate", Kind::integer, "0|90|180|270", "rotate the picture for a display mounted sideways"},
    {"screen", Kind::text, "SCREEN",
     "the home screen: board (the venue's schedule) or hall:ID (a hall's door sign); in a "
     "screenshot also day (the day programme) or film:ID (a film's page)"},
    {"screenshot", Kind::text, "OUT.png", "render one frame into a PNG and exit (no display)"},
    {"texts", Kind::text, "OUT.json",
     "with --screenshot: also every text the frame drew, with its box in screen pixels, as JSON"},
    {"at", Kind::time, "TIME",
     "start the clock at this RFC 3339 time, e.g. 2018-09-15T18:00:00+06:00 (demos, screenshots)"},
    {"demo-feed", Kind::text, "PATH",
     "feed loaded into an empty cache (default: <data dir>/demo/feed.json)"},
    {"demo-fallback", Kind::flag, "",
     "load the demo into an empty cache even when a feed URL is set (default: only without)"},
    {"font", Kind::text, "FAMILY", "font family, found through fontconfig (default Noto Sans)"},
    {"feed-url", Kind::text, "URL",
     "the festival's signed feed; sync in the background (off if unset)"},
    {"public-key", Kind::text, "KEY", "the minisign public key feeds must be signed with (base64)"},
    {"public-key-file", Kind::text, "PATH", "the same, from a minisign .pub file"},
    {"assets", Kind::text, "DIR", "the downloaded posters and plans (default: <state dir>/assets)"},
    {"ca-file", Kind::text, "PEM", "CA certificates for the feed server (default: the system's)"},
    {"interval", Kind::integer, "N", "seconds between feed polls (default 60)"},
    {"metrics", Kind::text, "PATH", "node_exporter textfile written after every sync attempt"},
    {"outdated-after", Kind::integer, "MIN",
     "say the schedule may be out of date when the last sync success is older (default 30)"},
    {"clock-tolerance", Kind::integer, "MIN",
     "distrust a clock earlier than the feed's generated_at minus this (default 10)"},
    {"idle-seconds", Kind::integer, "N",
     "back to the home screen and the rotation after this long untouched (default 60)"},
    {"page-seconds", Kind::integer, "N",
     "seconds each page of the list and each announcement stays (default 10)"},
    {"dpi", Kind::integer, "N",
     "the screen's pixels per inch, for 9 mm touch targets (default 96)"},
    {"type-scale", Kind::text, "SCALES",
     "type size in percent, by screen size: e.g. 800x480:120,3840x2160:90,100 (default 100)"},
}};

// One option's value as text, with where it came from for the error message.
struct RawValue {
    std::string text;
    std::string origin;  // "--size" or "kiosk.toml: size"
};
using RawOptions = std::map<std::string, RawValue, std::less<>>;

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace


std::optional<ScreenRequest> parse_screen(std::string_view text) {
    if (text == "board") {
        return ScreenRequest{ScreenKind::board, {}};
    }
    if (text == "day") {
        return ScreenRequest{ScreenKind::day, {}};
    }
    for (const auto& [prefix, kind] : {std::pair{std::string_view("hall:"), ScreenKind::hall},
                                       std::pair{std::string_view("film:"), ScreenKind::film}}) {
        if (text.starts_with(prefix)) {
            const std::string_view id = text.substr(prefix.size());
            if (!is_valid_id(id)) {
                return std::nullopt;
            }
            return ScreenRequest{kind, std::string(id)};
        }
    }
    return std::nullopt;
}

namespace {

[[noreturn]] void fail(const RawValue& raw, const std::string& why) {
    throw ConfigError(raw.origin + ": '" + raw.text + "' " + why);
}

Lang parse_lang(const RawValue& raw, std::string_view code) {
    auto lang = lang_from_code(trim(code));
    if (!lang) {
        fail(raw, "is not a language of the kiosk (kk, ru, en)");
    }
    return *lang;
}

std::vector<Lang> parse_languages(const RawValue& raw) {
    std::vector<Lang> langs;
    std::string_view rest = raw.text;
    while (true) {
        auto comma = rest.find(',');
        Lang lang = parse_lang(raw, rest.substr(0, comma));
        if (std::find(langs.begin(), langs.end(), lang) != langs.end()) {
            fail(raw, "names a language twice");
        }
        langs.push_back(lang);
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    return langs;
}

int bounded(const RawValue& raw, int low, int high, std::string_view unit) {
    auto value = parse_int(raw.text);
    if (!value || *value < low || *value > high) {
        fail(raw, "is not a number of " + std::string(unit) + " from " + std::to_string(low) +
                      " to " + std::to_string(high));
    }
    return *value;
}

// "X,Y": a tap to replay before a screenshot.
std::optional<std::pair<int, int>> parse_point(std::string_view text) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) {
        return std::nullopt;
    }
    auto x = parse_int(text.substr(0, comma));
    auto y = parse_int(text.substr(comma + 1));
    if (!x || !y || *x < 0 || *y < 0 || *x > max_side || *y > max_side) {
        return std::nullopt;
    }
    return std::pair{*x, *y};
}

std::string non_empty(const RawValue& raw) {
    if (trim(raw.text).empty()) {
        throw ConfigError(raw.origin + ": must not be empty");
    }
    return raw.text;
}

// Sets one field of `config` from its text, or throws a ConfigError naming the option.
void apply_option(Config& config, std::string_view name, const RawValue& raw) {
    if (name == "db") {
        config.db = non_empty(raw);
    } else if (name == "venue") {
        if (!is_valid_id(raw.text)) {
            fail(raw, "is not a venue id (" + std::string(id_grammar) + ")");
        }
        config.venue = raw.text;
    } else if (name == "lang") {
        config.lang = parse_lang(raw, raw.text);
    } else if (name == "languages") {
        config.languages = parse_languages(raw);
    } else if (name == "rotate-seconds") {
        auto seconds = parse_int(raw.text);
        if (!seconds || *seconds < 1 || *seconds > 3600) {
            fail(raw, "is not a number of seconds from 1 to 3600");
        }
        config.rotate_seconds = *seconds;
    } else if (name == "window") {
        config.window = raw.text == "true";
    } else if (name == "size") {
        auto size = parse_size(raw.text);
        if (!size) {
            fail(raw, "is not a screen size: WxH, each side from 240 to 8192 pixels");
        }
        config.size = *size;
    } else if (name == "rotate") {
        auto degrees = parse_int(raw.text);
        if (!degrees || (*degrees != 0 && *degrees != 90 && *degrees != 180 && *degrees != 270)) {
            fail(raw, "is not a rotation: 0, 90, 180 or 270");
        }
        config.rotate = *degrees;
    } else if (name == "screen") {
        auto screen = parse_screen(raw.text);
        if (!screen) {
            fail(raw, "is not a screen: board, day, hall:ID or film:ID");
        }
        config.screen = *screen;
    } else if (name == "screenshot") {
        std::string path = non_empty(raw);
        std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : std::string{};
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext != ".png") {
            fail(raw, "is not a .png file name");
        }
        config.screenshot = path;
    } else if (name == "texts") {
        config.texts = non_empty(raw);
    } else if (name == "at") {
        auto at = parse_rfc3339(raw.text);
        if (!at) {
            fail(raw, "is not an RFC 3339 time with an offset, e.g. 2018-09-15T18:00:00+06:00");
        }
        config.at = *at;
    } else if (name == "demo-feed") {
        config.demo_feed = non_empty(raw);
    } else if (name == "demo-fallback") {
        config.demo_fallback = raw.text == "true";
    } else if (name == "font") {
        config.font = non_empty(raw);
    } else if (name == "feed-url") {
        config.feed_url = non_empty(raw);
        if (!config.feed_url.starts_with("https://") && !config.feed_url.starts_with("http://") &&
            !config.feed_url.starts_with("file://")) {
            fail(raw, "is not an https://, http:// or file:// URL");
        }
    } else if (name == "public-key") {
        config.public_key = non_empty(raw);
    } else if (name == "public-key-file") {
        config.public_key_file = non_empty(raw);
    } else if (name == "assets") {
        config.assets = non_empty(raw);
    } else if (name == "ca-file") {
        config.ca_file = non_empty(raw);
    } else if (name == "interval") {
        auto seconds = parse_int(raw.text);
        if (!seconds || *seconds < 1 || *seconds > 86400) {
            fail(raw, "is not a number of seconds from 1 to 86400");
        }
        config.interval = *seconds;
    } else if (name == "metrics") {
        config.metrics = non_empty(raw);
    } else if (name == "outdated-after") {
        config.outdated_after_min = bounded(raw, 1, 7 * 24 * 60, "minutes");
    } else if (name == "clock-tolerance") {
        config.clock_tolerance_min = bounded(raw, 0, 7 * 24 * 60, "minutes");
    } else if (name == "idle-seconds") {
        config.idle_seconds = bounded(raw, 5, 3600, "seconds");
    } else if (name == "page-seconds") {
        config.page_seconds = bounded(raw, 2, 600, "seconds");
    } else if (name == "dpi") {
        config.dpi = bounded(raw, 20, 1000, "pixels per inch");
    } else if (name == "type-scale") {
        auto scales = parse_type_scales(raw.text);
        if (!scales) {
            fail(raw, "is not a type scale: percentages from 50 to 200, each alone or after a "
                      "screen size, e.g. 800x480:120,100");
        }
        config.type_scales = *scales;
    }
}

// A feed is only ever applied with a trusted key: a feed URL without one is a mistake.
void check_sync_options(const Config& config) {
    const bool key = !config.public_key.empty();
    const bool key_file = !config.public_key_file.empty();
    if (!config.feed_url.empty() && !key && !key_file) {
        throw ConfigError("feed-url needs public-key or public-key-file: feeds are applied only "
                          "when their signature verifies");
    }
    if (key && key_file) {
        throw ConfigError("give public-key or public-key-file, not both");
    }
}

const OptionSpec* find_spec(std::string_view name) {
    auto it = std::find_if(option_specs.begin(), option_specs.end(),
                           [&](const OptionSpec& spec) { return spec.name == name; });
    return it == option_specs.end() ? nullptr : &*it;
}

// A TOML value as the text the command line would have given, if its type fits the option.
std::optional<std::string> toml_as_text(const toml::node& node, Kind kind) {
    switch (kind) {
    case Kind::text:
        if (auto s = node.value<std::string>()) {
            return *s;
        }
        return std::nullopt;
    case Kind::time:
        if (auto s = node.value<std::string>()) {
            return *s;
        }
        if (const auto* dt = node.as_date_time()) {
            std::ostringstream out;
            out << *dt;
            return out.str();
        }
        return std::nullopt;
    case Kind::integer:
        if (auto i = node.value_exact<std::int64_t>()) {
            return std::to_string(*i);
        }
        return std::nullopt;
    case Kind::flag:
        if (auto b = node.value_exact<bool>()) {
            return *b ? "true" : "false";
        }
        return std::nullopt;
    case Kind::list:
        if (auto s = node.value<std::string>()) {
            return *s;
        }
        if (const auto* array = node.as_array()) {
            std::string joined;
            for (const auto& item : *array) {
                auto s = item.value<std::string>();
                if (!s) {
                    return std::nullopt;
                }
                joined += (joined.empty() ? "" : ",") + *s;
            }
            return joined;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::string_view expected_type(Kind kind) {
    switch (kind) {
    case Kind::text: return "a string";
    case Kind::time: return "an RFC 3339 time";
    case Kind::integer: return "an integer";
    case Kind::flag: return "true or false";
    case Kind::list: return "an array of strings";
    }
    return "a value";
}

RawOptions read_toml_file(const std::string& path) {
    toml::table table;
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        if (where.line == 0) {  // the file could not be read at all
            throw ConfigError("--config: cannot read '" + path + "': " +
                              std::string(e.description()));
        }
        throw ConfigError(path + ":" + std::to_string(where.line) + ":" +
                          std::to_string(where.column) + ": " + std::string(e.description()));
    }
    RawOptions raw;
    for (const auto& [key, node] : table) {
        const OptionSpec* spec = find_spec(key.str());
        if (spec == nullptr) {
            throw ConfigError(path + ": unknown key '" + std::string(key.str()) + "'");
        }
        auto text = toml_as_text(node, spec->kind);
        if (!text) {
            throw ConfigError(path + ": " + std::string(key.str()) + ": expected " +
                              std::string(expected_type(spec->kind)));
        }
        raw[std::string(key.str())] = RawValue{*text, path + ": " + std::string(key.str())};
    }
    return raw;
}

// The command line parser. Values land in `values` and `flags` by option name.
struct CommandLine {
    CLI::App app{"Almaty Film Festival venue kiosk: the live screening schedule.", "kiosk"};
    std::string config_file;
    std::vector<std::string> touches;
    std::map<std::string, std::string, std::less<>> values;
    std::map<std::string, bool, std::less<>> flags;
    std::map<std::string, CLI::Option*, std::less<>> options;

    CommandLine() {
        app.set_version_flag("--version", std::string("kiosk ") + AFF_VERSION,
                             "print the version and exit");
        app.set_help_flag("-h,--help", "list every option and exit");
        options["config"] = app.add_option("--config", config_file,
                                           "a TOML file with any of these options")
                                ->type_name("FILE");
        options["touch"] =
            app.add_option("--touch", touches,
                           "with --screenshot: tap at X,Y before the frame is taken (repeatable)")
                ->type_name("X,Y")
                ->take_last()
                ->allow_extra_args(false)
                ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        for (const auto& spec : option_specs) {
            std::string flag_name = "--" + std::string(spec.name);
            if (spec.kind == Kind::flag) {
                options[std::string(spec.name)] =
                    app.add_flag(flag_name, flags[std::string(spec.name)], std::string(spec.help));
            } else {
                options[std::string(spec.name)] =
                    app.add_option(flag_name, values[std::string(spec.name)],
                                   std::string(spec.help))
                        ->type_name(std::string(spec.type_name));
            }
        }
    }

    bool given(std::string_view name) const { return options.find(name)->second->count() > 0; }
};

}  // namespace

std::optional<Size> parse_size(std::string_view text) {
    auto x = text.find('x');
    if (x == std::string_view::npos) {
        return std::nullopt;
    }
    auto w = parse_int(text.substr(0, x));
    auto h = parse_int(text.substr(x + 1));
    if (!w || !h || *w < min_side || *h < min_side || *w > max_side || *h > max_side) {
        return std::nullopt;
    }
    return Size{*w, *h};
}

std::optional<TypeScales> parse_type_scales(std::string_view text) {
    TypeScales scales;
    bool any = false;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto colon = item.find(':');
        const auto percent =
            parse_int(colon == std::string_view::npos ? item : item.substr(colon + 1));
        if (!percent || *percent < TypeScales::min_percent ||
            *percent > TypeScales::max_percent) {
            return std::nullopt;
        }
        if (colon == std::string_view::npos) {
            scales.fallback = *percent;
        } else if (auto size = parse_size(item.substr(0, colon))) {
            scales.by_size.push_back({*size, *percent});
        } else {
            return std::nullopt;
        }
        any = true;
    }
    return any ? std::optional(scales) : std::nullopt;
}

std::string config_help() {
    CommandLine cli;
    return cli.app.help();
}

ConfigResult read_config(int argc, const char* const* argv) {
    ConfigResult result;
    CommandLine cli;
    try {
        cli.app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        result.output = cli.app.help();
        return result;
    } catch (const CLI::CallForVersion& e) {
        result.output = std::string(e.what()) + "\n";
        return result;
    } catch (const CLI::ParseError& e) {
        result.exit_code = exit_usage;
        result.error = "kiosk: " + one_line(e.what()) + " (see kiosk --help)";
        return result;
    }

    try {
        RawOptions raw;
        Config config;
        if (cli.given("config")) {
            config.config_file = cli.config_file;
            raw = read_toml_file(cli.config_file);
        }
        for (const auto& spec : option_specs) {
            std::string name(spec.name);
            if (!cli.given(name)) {
                continue;
            }
            std::string text = spec.kind == Kind::flag ? "true" : cli.values[name];
            raw[name] = RawValue{text, "--" + name};
        }
        for (const auto& [name, value] : raw) {
            apply_option(config, name, value);
        }
        for (const auto& text : cli.touches) {
            auto point = parse_point(text);
            if (!point) {
                throw ConfigError("--touch " + text + ": is not a point X,Y in pixels");
            }
            config.touches.push_back(*point);
        }
        if (!config.touches.empty() && config.screenshot.empty()) {
            throw ConfigError("--touch replays taps before a --screenshot; give one");
        }
        if (!config.texts.empty() && config.screenshot.empty()) {
            throw ConfigError("--texts writes the texts of a --screenshot; give one");
        }
        check_sync_options(config);
        result.config = std::move(config);
    } catch (const ConfigError& e) {
        result.exit_code = exit_usage;
        result.error = "kiosk: " + one_line(e.what());
    }
    return result;
}

}  // namespace aff
