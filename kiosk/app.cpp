#include "kiosk/app.hpp"

#include "kiosk/background_sync.hpp"
#include "kiosk/shifted_clock.hpp"
#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/shell.hpp"
#include "platform/fonts.hpp"
#include "platform/paths.hpp"
#include "platform/rotation.hpp"
#include "platform/text_log.hpp"
#include "platform/video.hpp"
#include "sync/asset_store.hpp"
#include "sync/cache_recovery.hpp"
#include "sync/feed_parse.hpp"
#include "sync/stop_signal.hpp"
#include "sync/store.hpp"
#include "sync/sync_options.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdlib.h>  // mkdtemp

namespace aff {
namespace {

using std::chrono::milliseconds;

constexpr int exit_failure = 1;
constexpr milliseconds shortest_wait{10};  // guards the loop should a deadline be already past
constexpr milliseconds longest_wait{60'000};

// A failure that stops the kiosk, with its one-line reason.
class KioskError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string read_file(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        throw KioskError("cannot read '" + path + "': " + ec.message());
    }
    if (size > ParseLimits{}.max_bytes) {
        throw KioskError("'" + path + "' is too large to be a feed (" + std::to_string(size) +
                         " bytes)");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) {
        throw KioskError("cannot read '" + path + "'");
    }
    return bytes.str();
}

// An empty cache gets the bundled demo festival, so a fresh kiosk shows a schedule at once. It is
// applied as the demo, which the first feed that verifies replaces, whatever its sequence. Its
// posters go into the asset store `assets_dir`, as a synced feed's do.
// `look_only`: the store is a copy in memory, and the cache stays empty.
void seed_demo(Store& store, const std::string& path, const std::string& assets_dir, Instant now,
               bool look_only, std::ostream& out) {
    std::string bytes;
    try {
        bytes = read_file(path);
    } catch (const KioskError& e) {
        throw KioskError(std::string("the cache is empty and the demo feed is missing: ") +
                         e.what());
    }
    const ParseResult parsed = parse_feed(bytes);
    if (!parsed.ok()) {
        std::string first = "unknown error";
        for (const auto& diagnostic : parsed.diagnostics) {
            if (diagnostic.severity == Diagnostic::Severity::error) {
                first = diagnostic.to_string();
                break;
            }
        }
        throw KioskError("the demo feed '" + path + "' is not a valid feed: " + first + " (" +
                         std::to_string(parsed.error_count()) + " errors)");
    }
    store.apply(*parsed.feed, now, Store::Source::demo);
    out << "kiosk: the cache " << (look_only ? "is" : "was") << " empty: "
        << (look_only ? "showing" : "loaded") << " the demo feed " << path << " ("
        << parsed.feed->screenings.size() << " screenings)"
        << (look_only ? ", from memory; the cache stays as it is" : "") << "\n";
    const auto imported = AssetStore(assets_dir).import_files(
        std::filesystem::path(path).parent_path().string(), parsed.feed->assets);
    for (const std::string& problem : imported.problems) {
        out << "kiosk: the demo's " << problem << "\n";
    }
}

// The cache as a kiosk starting now would have it: a cache an SD card damaged is moved aside and
// started afresh, never a crash loop.
Store open_live(const std::string& db, Instant now, std::ostream& out) {
    std::string note;
    Store opened = open_cache(db, now, note);
    if (!note.empty()) {
        out << "kiosk: " << note << "\n";
    }
    return opened;
}

// The cache for a screenshot, which only looks: a copy in memory (Store::open_snapshot), so it
// works on a file it may only read and changes nothing on disk. No file in a directory that
// exists is the empty cache a kiosk would start with there; a damaged cache is an error, and left
// for the kiosk to move aside.
Store open_look(const std::string& db) {
    std::error_code ec;
    if (std::filesystem::symlink_status(db, ec).type() == std::filesystem::file_type::not_found) {
        const auto dir = std::filesystem::path(db).parent_path();
        if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
            throw StoreError("cache " + db + ": no directory " + dir.string());
        }
        return Store::open(":memory:");
    }
    return Store::open_snapshot(db);
}

// A folder of this run's own, removed with the last copy of the pointer: where a screenshot of
// the demo keeps its posters, since it writes nothing beside the cache.
std::shared_ptr<const std::string> scratch_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "aff-kiosk-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw KioskError("cannot make a scratch folder in " +
                         std::filesystem::temp_directory_path().string());
    }
    return std::shared_ptr<const std::string>(new std::string(pattern), [](const std::string* p) {
        std::error_code ec;
        std::filesystem::remove_all(*p, ec);
        delete p;
    });
}

std::string choose_venue(const Store& store, const std::string& wanted) {
    const auto venues = store.venues();
    if (venues.empty()) {
        throw KioskError("the schedule has no venues");
    }
    if (wanted.empty()) {
        return venues.front().id;
    }
    if (!store.venue(wanted)) {
        std::string known;
        for (const auto& venue : venues) {
            known += (known.empty() ? "" : ", ") + venue.id;
        }
        throw KioskError("no venue '" + wanted + "' in the schedule (venues: " + known + ")");
    }
    return wanted;
}

// The asset store: --assets, else "assets" beside the cache.
std::string assets_dir(const Config& config, const std::string& db) {
    if (!config.sync.assets.empty()) {
        return config.sync.assets;
    }
    return (std::filesystem::path(db).parent_path() / "assets").string();
}

// The sync settings from the kiosk's options, or nothing when no feed URL is configured.
std::optional<SyncConfig> sync_config(const Config& config, const std::string& assets) {
    if (config.sync.feed_url.empty()) {
        return std::nullopt;
    }
    try {
        return options::sync_config(config.sync, assets);
    } catch (const options::Error& e) {
        throw KioskError(e.what());
    } catch (const PlatformError& e) {
        throw KioskError(e.what());
    }
}

// Everything the screens need, set up once.
struct Kiosk {
    Store store;
    I18n i18n;
    std::string venue;
    FontFiles fonts;
    std::string db;
    std::optional<SyncConfig> sync;
    std::string assets_dir;  // the asset store the posters are drawn from
    std::shared_ptr<const std::string> scratch;  // assets_dir, when this run's own
    const ClockSync* clock_sync = nullptr;  // the kernel's word on the clock; none with --at
};

// A hall or film the screen option names must be in the schedule.
void check_screen(const Store& store, const std::string& venue_id, const ScreenRequest& screen) {
    if (store.empty()) {
        return;
    }
    if (screen.kind == ScreenKind::hall) {
        const auto venue = store.venue(venue_id);
        std::string known;
        for (const auto& hall : venue ? venue->halls : std::vector<Hall>{}) {
            if (hall.id == screen.id) {
                return;
            }
            known += (known.empty() ? "" : ", ") + hall.id;
        }
        throw KioskError("no hall '" + screen.id + "' at venue '" + venue_id + "' (halls: " +
                         known + ")");
    }
    if (screen.kind == ScreenKind::film && !store.film(screen.id)) {
        throw KioskError("no film '" + screen.id + "' in the schedule");
    }
}

Kiosk prepare(const Config& config, const Clock& clock, std::ostream& out) {
    std::string db = config.db;
    std::string demo = config.demo_feed;
    try {
        if (db.empty()) {
            db = state_dir() + "/cache.db";
        }
        if (demo.empty()) {
            demo = data_dir() + "/demo/feed.json";
        }
    } catch (const PlatformError& e) {
        throw KioskError(e.what());
    }

    const bool look_only = !config.screenshot.empty();
    Store store = [&] {
        try {
            return look_only ? open_look(db) : open_live(db, clock.now(), out);
        } catch (const StoreError& e) {
            throw KioskError(std::string("cannot open the ") + e.what());
        }
    }();
    // The demo festival fills an empty cache on a demo kiosk; a kiosk with a feed waits for the
    // festival's own schedule unless the demo is configured as its fallback.
    std::string assets = assets_dir(config, db);
    std::shared_ptr<const std::string> scratch;
    if (store.empty() && (config.sync.feed_url.empty() || config.demo_fallback)) {
        if (look_only) {
            scratch = scratch_dir();
            assets = *scratch;
        }
        seed_demo(store, demo, assets, clock.now(), look_only, out);
    }
    std::string venue = config.venue;
    if (store.empty()) {
        if (!config.screenshot.empty()) {
            throw KioskError("the cache " + db + " is empty: nothing to show yet");
        }
    } else {
        if (!store.timezone()) {
            throw KioskError("the schedule's time zone '" + store.info()->timezone +
                             "' is not in the tz database");
        }
        venue = choose_venue(store, config.venue);
    }

    I18n i18n = [&] {
        try {
            return I18n::load(data_dir() + "/i18n");
        } catch (const I18nError& e) {
            throw KioskError(e.what());
        }
    }();
    auto fonts = find_font_files(config.font);
    if (!fonts) {
        throw KioskError("fontconfig has no font family '" + config.font + "'");
    }
    check_screen(store, venue, config.screen);
    auto sync = sync_config(config, assets);
    return Kiosk{std::move(store), std::move(i18n), std::move(venue), std::move(*fonts),
                 std::move(db),    std::move(sync), std::move(assets), std::move(scratch)};
}

LanguageCycle language_cycle(const Config& config, const Clock& clock) {
    if (config.lang) {
        return LanguageCycle::pinned(*config.lang);
    }
    return LanguageCycle(config.languages, std::chrono::seconds(config.rotate_seconds),
                         clock.ticks());
}

Shell::Options shell_options(const Config& config, const Kiosk& kiosk) {
    Shell::Options options;
    options.venue_id = kiosk.venue;
    options.settings.outdated_after = std::chrono::minutes(config.outdated_after_min);
    options.settings.clock_tolerance = std::chrono::minutes(config.clock_tolerance_min);
    options.settings.clock_sync = kiosk.clock_sync;
    options.settings.idle_timeout = std::chrono::seconds(config.idle_seconds);
    options.settings.page_period = std::chrono::seconds(config.page_seconds);
    options.settings.dpi = config.dpi;
    options.settings.type_scales = config.type_scales;
    options.settings.syncing = kiosk.sync.has_value();
    options.assets_dir = kiosk.assets_dir;
    // The board and a hall's sign are home screens; the day programme and a film's page are
    // opened above the board, as a visitor would have.
    const bool is_home = config.screen.kind == ScreenKind::board ||
                         config.screen.kind == ScreenKind::hall;
    options.home = is_home ? config.screen : ScreenRequest{};
    if (!is_home) {
        options.start = config.screen;
    }
    return options;
}

// Every line of text the frame drew, in drawing order, one JSON object a line, its box in the
// screen's pixels (turned as the PNG is): {"text","x","y","w","h","size"}.
void write_texts(const std::string& path, const std::vector<TextLogCanvas::Line>& lines,
                 Size screen, int rotation) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << "[";
    const char* separator = "\n";
    for (const auto& line : lines) {
        const Rect box = to_screen(line.box, screen, rotation);
        const nlohmann::ordered_json item{{"text", line.text}, {"x", box.x},   {"y", box.y},
                                          {"w", box.w},        {"h", box.h},   {"size", line.size}};
        out << separator << "  "
            << item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        separator = ",\n";
    }
    out << "\n]\n";
    if (!out.flush()) {
        throw KioskError("cannot write the texts to '" + path + "'");
    }
}

int take_screenshot(const Config& config, Kiosk& kiosk, const Clock& clock, std::ostream& out) {
    // --size is the screen's; with --rotate the screens draw on the turned canvas, as they do on
    // a display mounted sideways, and the PNG, the taps and the texts are the screen's pixels.
    auto frame = Offscreen::create(config.size, kiosk.fonts, config.rotate);
    TextLogCanvas canvas(frame->canvas());
    // One frame, in the language the rotation starts with unless --lang pins one.
    LanguageCycle languages = LanguageCycle::pinned(config.lang.value_or(config.languages.front()));
    Shell shell(kiosk.store, kiosk.i18n, languages, shell_options(config, kiosk));
    const Instant now = clock.now();
    const milliseconds ticks = clock.ticks();
    shell.update(now, ticks);
    shell.render(canvas);
    // Each tap lands on what the frame before it showed, as a visitor's finger would.
    for (const auto& [x, y] : config.touches) {
        const Point at = to_logical(Point{static_cast<float>(x), static_cast<float>(y)},
                                    config.size, config.rotate);
        InputEvent tap;
        tap.type = InputEvent::Type::tap;
        tap.x = static_cast<int>(at.x);
        tap.y = static_cast<int>(at.y);
        shell.input(tap, ticks);
        shell.update(now, ticks);
        shell.render(canvas);
    }
    frame->save_png(config.screenshot);
    out << "kiosk: wrote " << config.screenshot << "\n";
    if (!config.texts.empty()) {
        write_texts(config.texts, canvas.lines(), config.size, config.rotate);
        out << "kiosk: wrote " << config.texts << " (" << canvas.lines().size() << " texts)\n";
    }
    return 0;
}

// The event loop: it sleeps in wait_event until the next thing that can change the picture
// (the minute, the language, a page, the data check, the idle timeout), an input or a stop
// (SIGTERM, SIGINT), and draws only when something did.
int run_display(const Config& config, Kiosk& kiosk, const Clock& clock, std::ostream& out,
                milliseconds started) {
    std::optional<StopSignal> stop;
    try {
        stop.emplace();
    } catch (const std::runtime_error& e) {
        throw KioskError(e.what());
    }
    DisplayOptions options;
    options.fullscreen = !config.window;
    options.size = config.size;
    options.rotation = config.rotate;
    options.fonts = kiosk.fonts;
    auto display = Display::open(options);

    LanguageCycle languages = language_cycle(config, clock);
    Shell shell(kiosk.store, kiosk.i18n, languages, shell_options(config, kiosk));

    std::optional<BackgroundSync> sync;
    if (kiosk.sync) {
        // New data ends the display's wait at once: the first feed into an empty cache shows
        // within the second it is applied, not at the next minute.
        sync.emplace(*kiosk.sync, kiosk.db, std::chrono::seconds(config.sync.interval), clock,
                     std::cerr, [&display] { display->wake(); });
    }
    std::uint64_t changes_seen = 0;
    // A stop wakes the display's wait, which cannot watch the signal's descriptor itself.
    const StopWatch stop_wakes_display(*stop, [&display] { display->wake(); });

    // Two figures for the log: how long a boot takes to show something, and how rarely the
    // kiosk draws (it should be a few frames a minute when nobody touches it).
    std::uint64_t frames = 0;
    const auto report = [&] {
        const auto seconds =
            std::chrono::duration_cast<std::chrono::seconds>(clock.ticks() - started);
        out << "kiosk: " << frames << " frames drawn in " << seconds.count() << " s\n"
            << std::flush;
    };
    bool redraw = true;
    while (true) {
        if (stop->requested()) {
            report();
            return 0;
        }
        if (shell.update(clock.now(), clock.ticks()) || redraw) {
            shell.render(display->canvas());
            display->present();
            redraw = false;
            if (frames++ == 0) {
                out << "kiosk: first frame on screen " << (clock.ticks() - started).count()
                    << " ms after start\n"
                    << std::flush;
            }
        }
        const milliseconds wait =
            std::clamp(shell.next_update(clock.now(), clock.ticks()), shortest_wait,
                       longest_wait);
        const InputEvent event = display->wait_event(wait);
        if (sync && sync->data_changes() != changes_seen) {
            changes_seen = sync->data_changes();
            shell.notice_new_data();
        }
        switch (event.type) {
        case InputEvent::Type::quit:
        case InputEvent::Type::key_escape: report(); return 0;
        case InputEvent::Type::redraw: redraw = true; break;
        case InputEvent::Type::tap:
        case InputEvent::Type::drag: redraw = shell.input(event, clock.ticks()) || redraw; break;
        case InputEvent::Type::none: break;
        }
    }
}

}  // namespace

int run_kiosk(const Config& config, const Clock& clock, std::ostream& out, std::ostream& err,
              const ClockSync* clock_sync) {
    const milliseconds started = clock.ticks();
    try {
        Kiosk kiosk = prepare(config, clock, out);
        kiosk.clock_sync = clock_sync;
        if (!config.screenshot.empty()) {
            return take_screenshot(config, kiosk, clock, out);
        }
        return run_display(config, kiosk, clock, out, started);
    } catch (const KioskError& e) {
        err << "kiosk: " << e.what() << "\n";
    } catch (const StoreError& e) {
        err << "kiosk: cache: " << e.what() << "\n";
    } catch (const PlatformError& e) {
        err << "kiosk: " << e.what() << "\n";
    }
    return exit_failure;
}

int kiosk_main(int argc, char** argv) {
    const ConfigResult result = read_config(argc, argv);
    std::cout << result.output;
    if (!result.config) {
        if (!result.error.empty()) {
            std::cerr << result.error << "\n";
        }
        return result.exit_code;
    }
    const Config& config = *result.config;
    SystemClock system_clock;
    if (config.at) {
        // A time given by hand: whether the kernel's clock is set says nothing of it.
        ShiftedClock shifted(*config.at, system_clock);
        return run_kiosk(config, shifted, std::cout, std::cerr, nullptr);
    }
    const KernelClockSync kernel;
    return run_kiosk(config, system_clock, std::cout, std::cerr, &kernel);
}

}  // namespace aff
