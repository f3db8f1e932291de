#include "kiosk/config.hpp"

#include "sync/grammar.hpp"
#include "sync/options.hpp"
#include "sync/time/time.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

namespace aff {
namespace {

constexpr int exit_usage = 2;
constexpr int min_side = 240;   // smaller than any signage panel: surely a typo
constexpr int max_side = 8192;  // beyond 8K: surely a typo
constexpr int week_min = 7 * 24 * 60;

using options::bad_value;
using options::parse_int;

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
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

constexpr std::string_view not_a_language = "is not a language of the kiosk (kk, ru, en)";

std::optional<Lang> parse_lang(std::string_view text) {
    return lang_from_code(trim(text));
}

CLI::Validator rotation() {
    return CLI::Validator(
        [](std::string& text) {
            const auto degrees = parse_int(text);
            if (!degrees || (*degrees != 0 && *degrees != 90 && *degrees != 180 &&
                             *degrees != 270)) {
                return bad_value(text, "is not a rotation: 0, 90, 180 or 270");
            }
            return std::string();
        },
        "", std::string(options::number_validator));
}

CLI::Validator png_file() {
    return CLI::Validator(
        [](std::string& text) {
            std::string ext = text.size() >= 4 ? text.substr(text.size() - 4) : std::string{};
            std::transform(ext.begin(), ext.end(), ext.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            return ext == ".png" ? std::string() : bad_value(text, "is not a .png file name");
        },
        "");
}

// Every option, bound to the Config it fills. --config reads the same names from a TOML file.
struct CommandLine {
    CLI::App app{"Almaty Film Festival venue kiosk: the live screening schedule.", "kiosk"};
    Config config;

    CommandLine() {
        using options::add_parsed;
        using options::non_empty;
        Config& c = config;
        app.set_version_flag("--version", std::string("kiosk ") + AFF_VERSION,
                             "print the version and exit");
        app.set_help_flag("-h,--help", "list every option and exit");
        options::add_config_file(app, "a TOML file with any of these options, by the same names");
        app.add_option("--db", c.db, "the schedule cache (default: <state dir>/cache.db)")
            ->type_name("PATH")
            ->check(non_empty());
        app.add_option("--venue", c.venue,
                       "the venue this kiosk stands in (default: the feed's first)")
            ->type_name("ID")
            ->check(options::id_of("venue"));
        add_parsed(app, "--lang", c.lang, parse_lang, std::string(not_a_language),
                   "show only this language (default: rotate)")
            ->type_name("kk|ru|en");
        app.add_option_function<std::vector<std::string>>(
               "--languages", [&c](const std::vector<std::string>& codes) { languages(c, codes); },
               "the languages to rotate through, in order")
            ->type_name("kk,ru,en")
            ->delimiter(',');
        app.add_option("--rotate-seconds", c.rotate_seconds,
                       "seconds each language stays on screen (default 8)")
            ->type_name("N")
            ->transform(options::seconds(1, 3600));
        app.add_flag("--window", c.window, "a desktop window instead of fullscreen");
        add_parsed(app, "--size", c.size, parse_size,
                   "is not a screen size: WxH, each side from 240 to 8192 pixels",
                   "window and screenshot size (default 1920x1080)")
            ->type_name("WxH");
        app.add_option("--rotate", c.rotate, "rotate the picture for a display mounted sideways")
            ->type_name("0|90|180|270")
            ->transform(rotation());
        add_parsed(app, "--screen", c.screen, parse_screen,
                   "is not a screen: board, day, hall:ID or film:ID",
                   "the home screen: board (the venue's schedule) or hall:ID (a hall's door "
                   "sign); in a screenshot also day (the day programme) or film:ID (a film's "
                   "page)")
            ->type_name("SCREEN");
        app.add_option("--screenshot", c.screenshot,
                       "render one frame into a PNG and exit (no display)")
            ->type_name("OUT.png")
            ->check(non_empty())
            ->check(png_file());
        app.add_option("--texts", c.texts,
                       "with --screenshot: also every text the frame drew, with its box in "
                       "screen pixels, as JSON")
            ->type_name("OUT.json")
            ->check(non_empty());
        add_parsed(app, "--at", c.at, parse_rfc3339,
                   "is not an RFC 3339 time with an offset, e.g. 2018-09-15T18:00:00+06:00",
                   "start the clock at this RFC 3339 time, e.g. 2018-09-15T18:00:00+06:00 "
                   "(demos, screenshots)")
            ->type_name("TIME");
        app.add_option("--demo-feed", c.demo_feed,
                       "feed loaded into an empty cache (default: <data dir>/demo/feed.json)")
            ->type_name("PATH")
            ->check(non_empty());
        app.add_flag("--demo-fallback", c.demo_fallback,
                     "load the demo into an empty cache even when a feed URL is set (default: "
                     "only without)");
        app.add_option("--font", c.font,
                       "font family, found through fontconfig (default Noto Sans)")
            ->type_name("FAMILY")
            ->check(non_empty());
        options::add_sync_options(app, c.sync);
        app.get_option("--feed-url")
            ->description("the festival's signed feed; sync in the background (off if unset)");
        app.get_option("--assets")
            ->description("the posters and plans, named by SHA-256: the sync's and the "
                          "demo's (default: assets beside the cache)");
        app.add_option("--outdated-after", c.outdated_after_min,
                       "say the schedule may be out of date when the last sync success is "
                       "older (default 30)")
            ->type_name("MIN")
            ->transform(options::minutes(1, week_min));
        app.add_option("--clock-tolerance", c.clock_tolerance_min,
                       "distrust a clock earlier than the feed's generated_at minus this "
                       "(default 10)")
            ->type_name("MIN")
            ->transform(options::minutes(0, week_min));
        app.add_option("--idle-seconds", c.idle_seconds,
                       "back to the home screen and the rotation after this long untouched "
                       "(default 60)")
            ->type_name("N")
            ->transform(options::seconds(5, 3600));
        app.add_option("--page-seconds", c.page_seconds,
                       "seconds each page of the list and each announcement stays (default 10)")
            ->type_name("N")
            ->transform(options::seconds(2, 600));
        app.add_option("--dpi", c.dpi,
                       "the screen's pixels per inch, for 9 mm touch targets (default 96)")
            ->type_name("N")
            ->transform(options::number_of("pixels per inch", 20, 1000));
        add_parsed(app, "--type-scale", c.type_scales, parse_type_scales,
                   "is not a type scale: percentages from " +
                       std::to_string(TypeScales::min_percent) + " to " +
                       std::to_string(TypeScales::max_percent) +
                       " (larger type leaves the board no room for every hall), each after a "
                       "screen size named once, and at most one alone (the default), "
                       "e.g. 800x480:120,100",
                   "type size in percent, by screen size: e.g. 800x480:120,3840x2160:90,100 "
                   "(default 100)")
            ->type_name("SCALES");
        app.add_option_function<std::vector<std::string>>(
               "--touch", [&c](const std::vector<std::string>& points) { touches(c, points); },
               "with --screenshot: tap at X,Y before the frame is taken (repeatable)")
            ->type_name("X,Y")
            ->allow_extra_args(false)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->configurable(false);
    }

    static void languages(Config& c, const std::vector<std::string>& codes) {
        std::vector<Lang> langs;
        for (const std::string& code : codes) {
            const auto lang = parse_lang(code);
            if (!lang) {
                throw CLI::ValidationError("--languages", bad_value(code, not_a_language));
            }
            if (std::find(langs.begin(), langs.end(), *lang) != langs.end()) {
                throw CLI::ValidationError("--languages",
                                           bad_value(code, "is a language named twice"));
            }
            langs.push_back(*lang);
        }
        if (langs.empty()) {
            throw CLI::ValidationError("--languages", bad_value("", not_a_language));
        }
        c.languages = std::move(langs);
    }

    static void touches(Config& c, const std::vector<std::string>& points) {
        for (const std::string& text : points) {
            const auto point = parse_point(text);
            if (!point) {
                throw CLI::ValidationError("--touch",
                                           bad_value(text, "is not a point X,Y in pixels"));
            }
            c.touches.push_back(*point);
        }
    }
};

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
    bool has_default = false;
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
            if (std::exchange(has_default, true)) {
                return std::nullopt;  // two defaults: which one was meant?
            }
            scales.fallback = *percent;
        } else if (auto size = parse_size(item.substr(0, colon))) {
            for (const auto& entry : scales.by_size) {
                // 480x800 is the same panel as 800x480, mounted sideways (percent_for).
                const Size& named = entry.first;
                if ((named.w == size->w && named.h == size->h) ||
                    (named.w == size->h && named.h == size->w)) {
                    return std::nullopt;  // the same size twice
                }
            }
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

std::vector<std::string> config_keys() {
    CommandLine cli;
    return options::config_keys(cli.app);
}

ConfigResult read_config(int argc, const char* const* argv) {
    ConfigResult result;
    CommandLine cli;
    const options::Parsed parsed = options::parse(cli.app, argc, argv);
    if (parsed.outcome == options::Parsed::Outcome::exit) {
        result.output = parsed.output;
        return result;
    }
    if (parsed.outcome == options::Parsed::Outcome::usage_error) {
        result.exit_code = exit_usage;
        result.error = "kiosk: " + parsed.error;
        return result;
    }
    Config& config = cli.config;
    if (const CLI::Option* file = cli.app.get_config_ptr(); file->count() > 0) {
        config.config_file = file->as<std::string>();
    }
    try {
        if (!config.touches.empty() && config.screenshot.empty()) {
            throw options::Error("--touch replays taps before a --screenshot; give one");
        }
        if (!config.texts.empty() && config.screenshot.empty()) {
            throw options::Error("--texts writes the texts of a --screenshot; give one");
        }
        options::check_key_choice(config.sync);
        result.config = std::move(config);
    } catch (const options::Error& e) {
        result.exit_code = exit_usage;
        result.error = "kiosk: " + std::string(e.what());
    }
    return result;
}

}  // namespace aff
