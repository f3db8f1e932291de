// kiosk-sync: keeps a kiosk's schedule cache in step with the signed feed.
//   kiosk-sync --once --feed-url URL (--public-key KEY | --public-key-file PATH) --db PATH
//              --assets DIR [--ca-file PEM] [--metrics PATH]      one sync, then exit
//   kiosk-sync ... without --once                                 poll forever (a service)
//   kiosk-sync --status --db PATH --assets DIR                    the cache's state, as JSON
// Every option can come from a TOML file (--config FILE) under the same name; the command line
// wins. Exit codes: 0 applied or unchanged, 1 the sync failed (one line on stderr), 2 usage or
// configuration error.
#include "platform/clock.hpp"
#include "sync/asset_store.hpp"
#include "sync/cache_recovery.hpp"
#include "sync/http_client.hpp"
#include "sync/minisign.hpp"
#include "sync/stop_signal.hpp"
#include "sync/store.hpp"
#include "sync/sync_loop.hpp"
#include "sync/syncer.hpp"
#include "sync/time.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace {

constexpr const char* program = "kiosk-sync";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    bool once = false;
    bool status = false;
    std::string config;
    std::map<std::string, std::string> values;  // by option name, without the dashes
};

// Names that take a value, on the command line and in the TOML file.
constexpr std::array<const char*, 8> value_names{
    "feed-url", "public-key", "public-key-file", "db", "assets", "ca-file", "interval", "metrics"};

std::string read_text_file(const std::string& path, std::size_t limit, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw UsageError(what + ": cannot read " + path);
    }
    std::string text;
    text.resize(limit + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limit) {
        throw UsageError(what + ": " + path + " is too large");
    }
    return text;
}

void merge_toml(Options& options) {
    toml::table table;
    try {
        table = toml::parse_file(options.config);
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        throw UsageError("--config " + options.config + ":" + std::to_string(where.line) + ": " +
                         std::string(e.description()));
    }
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        if (std::find(value_names.begin(), value_names.end(), name) == value_names.end()) {
            throw UsageError(options.config + ": unknown key '" + name + "'");
        }
        std::string value;
        if (const auto* text = node.as_string()) {
            value = text->get();
        } else if (const auto* number = node.as_integer()) {
            value = std::to_string(number->get());
        } else {
            throw UsageError(options.config + ": " + name + ": expected a string");
        }
        // The command line wins over the file.
        options.values.try_emplace(name, value);
    }
}

std::optional<std::string> value(const Options& options, const std::string& name) {
    const auto it = options.values.find(name);
    if (it == options.values.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second;
}

std::string required(const Options& options, const std::string& name) {
    auto v = value(options, name);
    if (!v) {
        throw UsageError("--" + name + " is required");
    }
    return *v;
}

aff::minisign::PublicKey public_key(const Options& options) {
    const auto inline_key = value(options, "public-key");
    const auto key_file = value(options, "public-key-file");
    if (inline_key && key_file) {
        throw UsageError("give --public-key or --public-key-file, not both");
    }
    if (!inline_key && !key_file) {
        throw UsageError("--public-key or --public-key-file is required");
    }
    const std::string text =
        inline_key ? *inline_key
                   : read_text_file(*key_file, aff::minisign::max_key_file_bytes,
                                    "--public-key-file");
    std::string error;
    auto key = aff::minisign::parse_public_key(text, error);
    if (!key) {
        throw UsageError(std::string(inline_key ? "--public-key" : "--public-key-file") + ": " +
                         error);
    }
    return *key;
}

std::chrono::seconds interval(const Options& options) {
    const auto text = value(options, "interval");
    if (!text) {
        return std::chrono::seconds{60};
    }
    std::size_t used = 0;
    long long seconds = 0;
    try {
        seconds = std::stoll(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text->size() || seconds < 1 || seconds > 86'400) {
        throw UsageError("--interval: expected whole seconds from 1 to 86400, got '" + *text + "'");
    }
    return std::chrono::seconds{seconds};
}

aff::SyncConfig sync_config(const Options& options) {
    aff::SyncConfig config;
    config.feed_url = required(options, "feed-url");
    const std::string& url = config.feed_url;
    if (!url.starts_with("https://") && !url.starts_with("http://") &&
        !url.starts_with("file://")) {
        throw UsageError("--feed-url: expected an https://, http:// or file:// URL, got '" + url +
                         "'");
    }
    config.key = public_key(options);
    config.assets_dir = required(options, "assets");
    config.ca_file = value(options, "ca-file").value_or("");
    config.metrics_path = value(options, "metrics").value_or("");
    return config;
}

nlohmann::json optional_time(const std::optional<aff::Instant>& t) {
    return t ? nlohmann::json(aff::format_rfc3339_utc(*t)) : nlohmann::json(nullptr);
}

int print_status(const Options& options) {
    const std::string db = required(options, "db");
    const std::string assets_dir = required(options, "assets");
    if (!std::filesystem::exists(db)) {
        std::cerr << program << ": no cache at " << db << "\n";
        return 1;
    }
    const aff::Store store = aff::Store::open(db);
    const auto info = store.info();
    const auto state = store.sync_state();
    nlohmann::json status;
    status["sequence"] = info ? nlohmann::json(info->sequence) : nlohmann::json(nullptr);
    status["generated_at"] =
        info ? optional_time(info->generated_at) : nlohmann::json(nullptr);
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
    aff::Store store = aff::open_cache(required(options, "db"), clock.now(), note);
    if (!note.empty()) {
        std::cerr << program << ": " << note << "\n";
    }
    return store;
}

void log_report(const aff::SyncReport& report) {
    if (report.ok()) {
        std::cout << program << ": " << aff::outcome_code(report.outcome) << ": "
                  << report.message << std::endl;
    } else {
        std::cerr << program << ": failed (" << aff::reason_code(report.reason)
                  << "): " << report.message << std::endl;
    }
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
    const auto every = interval(options);
    aff::SyncConfig config = sync_config(options);
    (void)required(options, "db");
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
    app.add_flag("--once", options.once, "Run one sync and exit");
    app.add_flag("--status", options.status, "Print the cache's sync state as JSON and exit");
    app.add_option("--config", options.config, "TOML file with any of these options");
    std::map<std::string, std::string> given;
    for (const char* name : value_names) {
        app.add_option(std::string("--") + name, given[name]);
    }
    app.get_option("--feed-url")->description("URL of the feed (https://, http:// or file://)");
    app.get_option("--public-key")->description("minisign public key (base64)");
    app.get_option("--public-key-file")->description("minisign public key file (.pub)");
    app.get_option("--db")->description("the SQLite cache");
    app.get_option("--assets")->description("directory of the content-addressed assets");
    app.get_option("--ca-file")->description("CA certificates (PEM) to verify the server with");
    app.get_option("--interval")->description("seconds between polls (default 60)");
    app.get_option("--metrics")->description("node_exporter textfile (.prom) to write");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    try {
        for (const auto& [name, v] : given) {
            if (!v.empty()) {
                options.values[name] = v;
            }
        }
        if (!options.config.empty()) {
            merge_toml(options);
        }
        if (options.once && options.status) {
            throw UsageError("--once and --status do not go together");
        }
        return run(options);
    } catch (const UsageError& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 2;
    } catch (const aff::StoreError& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    }
}
