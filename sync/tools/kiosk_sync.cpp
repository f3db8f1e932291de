// kiosk-sync: keeps a kiosk's schedule cache in step with the signed feed.
//   kiosk-sync --once --feed-url URL (--public-key KEY | --public-key-file PATH) --db PATH
//              --assets DIR [--ca-file PEM] [--metrics PATH]      one sync, then exit
//   kiosk-sync ... without --once                                 poll forever (a service)
//   kiosk-sync --status --db PATH --assets DIR                    the cache's state, as JSON
//                                                (read-only: it writes nothing, creates no file)
// Every option can come from a TOML file (--config FILE) under the same name; the command line
// wins. Exit codes: 0 applied or unchanged, 1 the sync failed (one line on stderr), 2 usage or
// configuration error.
#include "sync/asset_store.hpp"
#include "sync/cache_recovery.hpp"
#include "sync/http_client.hpp"
#include "sync/minisign.hpp"
#include "sync/options.hpp"
#include "sync/stop_signal.hpp"
#include "sync/store.hpp"
#include "sync/sync_loop.hpp"
#include "sync/syncer.hpp"
#include "sync/time/clock.hpp"
#include "sync/time/time.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace {

constexpr const char* program = "kiosk-sync";

using UsageError = aff::options::Error;

struct Options {
    bool once = false;
    bool status = false;
    std::string db;
    aff::options::SyncOptions sync;
};

const std::string& required(const std::string& value, const char* name) {
    if (value.empty()) {
        throw UsageError(std::string(name) + " is required");
    }
    return value;
}

aff::SyncConfig sync_config(const Options& options) {
    required(options.sync.feed_url, "--feed-url");
    if (options.sync.public_key.empty() && options.sync.public_key_file.empty()) {
        throw UsageError("--public-key or --public-key-file is required");
    }
    return aff::options::sync_config(options.sync, required(options.sync.assets, "--assets"));
}

nlohmann::json optional_time(const std::optional<aff::Instant>& t) {
    return t ? nlohmann::json(aff::format_rfc3339_utc(*t)) : nlohmann::json(nullptr);
}

int print_status(const Options& options) {
    const std::string& db = required(options.db, "--db");
    const std::string& assets_dir = required(options.sync.assets, "--assets");
    if (!std::filesystem::exists(db)) {
        std::cerr << program << ": no cache at " << db << "\n";
        return 1;
    }
    const aff::Store store = aff::Store::open_snapshot(db);
    const auto info = store.info();
    const auto state = store.sync_state();
    nlohmann::json status;
    status["sequence"] = info ? nlohmann::json(info->sequence) : nlohmann::json(nullptr);
    status["generated_at"] =
        info ? optional_time(info->generated_at) : nlohmann::json(nullptr);
    status["festival"] = info ? nlohmann::json(info->festival_id) : nlohmann::json(nullptr);
    status["demo"] = info && info->demo;
    status["last_attempt"] = optional_time(state.last_attempt);
    status["last_success"] = optional_time(state.last_success);
    status["last_error"] = state.last_error;
    status["last_result"] = state.last_result;
    status["consecutive_failures"] = state.consecutive_failures;
    status["etag"] = state.etag;
    status["missing_assets"] = aff::AssetStore(assets_dir).missing(store.assets());
    std::cout << status.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

aff::Store open_store(const Options& options, const aff::Clock& clock) {
    std::string note;
    aff::Store store = aff::open_cache(required(options.db, "--db"), clock.now(), note);
    if (!note.empty()) {
        std::cerr << program << ": " << note << "\n";
    }
    return store;
}

void log_report(const aff::SyncReport& report) {
    (report.ok() ? std::cout : std::cerr) << program << ": " << report.line() << std::endl;
    if (!report.metrics_error.empty()) {
        std::cerr << program << ": " << report.metrics_error << std::endl;
    }
}

// Polls until SIGTERM or SIGINT (StopSignal): the wait between polls ends at once on one, and a
// sync in progress is never cut off halfway.
int run_forever(aff::Syncer& syncer, std::chrono::seconds every, const aff::StopSignal& stop) {
    aff::SyncLoop loop(every);
    loop.run(
        [&] {
            const aff::SyncReport report = syncer.run_once();
            log_report(report);
            return report.ok();
        },
        [&](std::chrono::milliseconds delay) { return !stop.wait_for(delay); },
        [&] { return stop.requested(); });
    std::cout << program << ": stopping" << std::endl;
    return 0;
}

int run(const Options& options) {
    if (options.status) {
        return print_status(options);
    }
    const std::chrono::seconds every{options.sync.interval};
    aff::SyncConfig config = sync_config(options);
    required(options.db, "--db");
    const aff::SystemClock clock;  // the composition root: the one place that reads the time
    std::optional<aff::StopSignal> stop;
    if (!options.once) {
        stop.emplace();
    }
    aff::Store store = open_store(options, clock);
    aff::HttpClient http;
    aff::Syncer syncer(std::move(config), store, http, clock);
    if (stop) {
        return run_forever(syncer, every, *stop);
    }
    const aff::SyncReport report = syncer.run_once();
    log_report(report);
    return report.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Keeps the kiosk's schedule cache in step with the signed feed.", program};
    Options options;
    app.set_version_flag("--version", std::string(program) + " " + AFF_VERSION,
                         "print the version and exit");
    app.set_help_flag("-h,--help", "list every option and exit");
    app.add_flag("--once", options.once, "run one sync and exit")->configurable(false);
    app.add_flag("--status", options.status, "print the cache's sync state as JSON and exit")
        ->configurable(false);
    aff::options::add_config_file(app, "a TOML file with any of these options, by the same names");
    app.add_option("--db", options.db, "the SQLite cache")
        ->type_name("PATH")
        ->check(aff::options::non_empty());
    aff::options::add_sync_options(app, options.sync);
    const aff::options::Parsed parsed = aff::options::parse(app, argc, argv);
    switch (parsed.outcome) {
    case aff::options::Parsed::Outcome::exit:
        std::cout << parsed.output;
        return 0;
    case aff::options::Parsed::Outcome::usage_error:
        std::cerr << program << ": " << parsed.error << "\n";
        return 2;
    case aff::options::Parsed::Outcome::run:
        break;
    }
    try {
        if (options.once && options.status) {
            throw UsageError("--once and --status do not go together");
        }
        return run(options);
    } catch (const UsageError& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    }
}
