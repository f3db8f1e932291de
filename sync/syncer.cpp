#include "sync/syncer.hpp"

#include "sync/asset_store.hpp"
#include "sync/feed_parse.hpp"
#include "sync/feed_succession.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <utility>

namespace aff {

struct Syncer::Attempt {
    Instant now{};
    SyncState state;
    std::uint64_t bytes = 0;
    bool polled_assets = false;     // whether the listed assets were checked and fetched
    std::size_t assets_fetched = 0;
    std::string asset_problem;      // the first asset that could not be had, and why
};

namespace {

SyncReason reason_of(FetchFailure failure) {
    switch (failure) {
    case FetchFailure::none:
        return SyncReason::none;
    case FetchFailure::network:
    case FetchFailure::timeout:
        return SyncReason::network;
    case FetchFailure::tls:
        return SyncReason::tls;
    case FetchFailure::size:
        return SyncReason::size;
    case FetchFailure::http_status:
    case FetchFailure::scheme:
    case FetchFailure::redirect:
        break;
    }
    return SyncReason::http;
}

// Log lines and sync_state hold one line, whatever a server or a file put in a message.
std::string one_line(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return text;
}

// The first three errors, "path: message; path: message; path: message (and 5 more)".
std::string first_errors(const ParseResult& parsed) {
    std::string text;
    std::size_t shown = 0;
    for (const Diagnostic& d : parsed.diagnostics) {
        if (d.severity != Diagnostic::Severity::error) {
            continue;
        }
        if (shown == 3) {
            text += " (and " + std::to_string(parsed.error_count() - shown) + " more)";
            break;
        }
        text += (shown++ == 0 ? "" : "; ") + d.to_string();
    }
    return text;
}

bool is_version_error(const ParseResult& parsed) {
    return std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                       [](const Diagnostic& d) {
                           return d.severity == Diagnostic::Severity::error && d.path == "version";
                       });
}

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string_view outcome_code(SyncOutcome outcome) {
    switch (outcome) {
    case SyncOutcome::applied:
        return "applied";
    case SyncOutcome::unchanged:
        return "unchanged";
    case SyncOutcome::failed:
        break;
    }
    return "failed";
}

std::string SyncReport::line() const {
    return std::string(outcome_code(outcome)) + ": " + message;
}

std::optional<Instant> parse_http_date(std::string_view text) {
    // "Tue, 24 Nov 2026 21:55:47 GMT"
    if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT" ||
        text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' ||
        text[22] != ':') {
        return std::nullopt;
    }
    constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto month = std::find(months.begin(), months.end(), text.substr(8, 3));
    const auto day = number(text.substr(5, 2));
    const auto year = number(text.substr(12, 4));
    const auto hour = number(text.substr(17, 2));
    const auto minute = number(text.substr(20, 2));
    const auto second = number(text.substr(23, 2));
    if (month == months.end() || !day || !year || !hour || !minute || !second || *hour > 23 ||
        *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{
        std::chrono::year{*year},
        std::chrono::month{static_cast<unsigned>(month - months.begin() + 1)},
        std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days{date} + std::chrono::hours{*hour} +
           std::chrono::minutes{*minute} + std::chrono::seconds{*second};
}

std::string resolve_url(const std::string& base, const std::string& path) {
    const auto scheme_end = base.find("://");
    const auto authority = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    const std::string without_query = base.substr(0, base.find_first_of("?#"));
    if (path.starts_with('/')) {
        return without_query.substr(0, without_query.find('/', authority)) + path;
    }
    const auto last_slash = without_query.rfind('/');
    if (last_slash == std::string::npos || last_slash < authority) {
        return without_query + "/" + path;
    }
    return without_query.substr(0, last_slash + 1) + path;
}

Syncer::Syncer(SyncConfig config, Store& store, HttpClient& http, const Clock& clock)
    : config_(std::move(config)), store_(store), http_(http), clock_(clock) {}

SyncReport Syncer::run_once() {
    Attempt a;
    a.now = clock_.now();
    try {
        a.state = store_.sync_state();
    } catch (const StoreError& e) {
        return finish_failed(a, SyncReason::disk, std::string("disk: ") + e.what());
    }
    a.state.last_attempt = a.now;
    try {
        return attempt(a);
    } catch (const StoreError& e) {
        return finish_failed(a, SyncReason::disk, std::string("disk: ") + e.what());
    } catch (const std::bad_alloc&) {
        return finish_failed(a, SyncReason::disk, "memory: out of memory while syncing");
    }
}

FetchResult Syncer::fetch(Attempt& a, const std::string& url, std::size_t max_bytes,
                          const std::string& etag, std::optional<Instant> since) {
    FetchRequest request;
    request.url = url;
    request.etag = etag;
    request.if_modified_since = since;
    request.max_bytes = max_bytes;
    request.connect_timeout = config_.connect_timeout;
    request.total_timeout = config_.total_timeout;
    request.low_speed_bytes_per_s = config_.low_speed_bytes_per_s;
    request.low_speed_time = config_.low_speed_time;
    request.ca_file = config_.ca_file;
    FetchResult result = http_.get(request);
    a.bytes += result.bytes_received;
    bytes_total_ += result.bytes_received;
    return result;
}

SyncReport Syncer::attempt(Attempt& a) {
    // The feed, conditionally: a 304 is the cheap answer of almost every poll. With an ETag,
    // If-Modified-Since is left out: its one-second resolution would call a feed republished
    // within the same second "not modified" (nginx answers 304 only when both agree, and libcurl
    // drops a 200 whose Last-Modified is not newer than the condition).
    const auto since =
        a.state.etag.empty() ? parse_http_date(a.state.last_modified) : std::nullopt;
    FetchResult feed =
        fetch(a, config_.feed_url, config_.max_feed_bytes, a.state.etag, since);
    if (!feed.ok()) {
        return finish_failed(a, reason_of(feed.failure), "feed: " + feed.reason);
    }
    if (feed.not_modified) {
        fetch_assets(a, store_.assets(), false);
        // A file:// URL is "not modified" by its time, with no HTTP status to speak of.
        return finish_ok(a, SyncOutcome::unchanged,
                         feed.status == 304 ? "not modified (HTTP 304)"
                                            : "not modified (the file's time is the same)");
    }

    // Its signature, always fetched fresh: it must match these very bytes.
    FetchResult signature =
        fetch(a, config_.feed_url + ".minisig", minisign::max_signature_bytes);
    if (!signature.ok()) {
        const SyncReason reason = signature.failure == FetchFailure::http_status
                                      ? SyncReason::signature
                                      : reason_of(signature.failure);
        return finish_failed(a, reason, "signature: cannot fetch it: " + signature.reason);
    }
    std::string error;
    if (!minisign::verify(feed.body, signature.body, config_.key, error)) {
        // minisign's error names the signature itself ("signature does not match ...").
        return finish_failed(a, SyncReason::signature, error);
    }

    ParseLimits limits;
    limits.max_bytes = config_.max_feed_bytes;
    limits.max_asset_bytes = config_.max_asset_bytes;
    ParseResult parsed = parse_feed(feed.body, limits);
    if (!parsed.ok()) {
        if (is_version_error(parsed)) {
            // The error's path, "version", already says what failed.
            return finish_failed(a, SyncReason::version, first_errors(parsed));
        }
        return finish_failed(a, SyncReason::validation, "validation: " + first_errors(parsed));
    }
    const Feed& next = *parsed.feed;

    const SuccessionVerdict verdict = succession(store_.info(), next);
    if (verdict.succession == Succession::rollback) {
        return finish_failed(a, SyncReason::rollback, "rollback: " + verdict.why);
    }
    if (verdict.succession == Succession::same) {
        a.state.etag = feed.etag;
        a.state.last_modified = feed.last_modified;
        fetch_assets(a, store_.assets(), false);
        return finish_ok(a, SyncOutcome::unchanged, verdict.why);
    }

    // Every asset, verified, before the feed that needs it is applied; one that cannot be had
    // holds nothing back (a cancellation matters more than a poster).
    fetch_assets(a, next.assets, true);
    const AssetStore assets(config_.assets_dir);
    std::set<std::string> referenced;
    for (const Asset& asset : next.assets) {
        referenced.insert(asset.sha256);
    }

    try {
        store_.apply(next, a.now);
    } catch (const StoreError& e) {
        return finish_failed(a, SyncReason::disk, std::string("disk: ") + e.what());
    }
    const auto gc = assets.collect_garbage(referenced);

    a.state.etag = feed.etag;
    a.state.last_modified = feed.last_modified;
    std::string message = "sequence " + std::to_string(next.sequence);
    if (!verdict.why.empty()) {
        message += " (" + verdict.why + ")";
    }
    if (gc.removed > 0) {
        message += ", " + std::to_string(gc.removed) + " old asset(s) removed";
    }
    if (!gc.error.empty()) {
        message += " (asset cleanup: " + gc.error + ")";
    }
    return finish_ok(a, SyncOutcome::applied, message);
}

// Fetches each listed asset the store lacks. A failure is noted (the first one's reason is
// reported) and the others are still tried, unless the failure says the rest would fail alike
// (the network, the disk): they wait for the next attempt.
void Syncer::fetch_assets(Attempt& a, const std::vector<Asset>& listed, bool verify_hash) {
    a.polled_assets = true;
    const AssetStore assets(config_.assets_dir);
    const auto note = [&](const std::string& problem) {
        if (a.asset_problem.empty()) {
            a.asset_problem = problem;
        }
    };
    for (const Asset& asset : listed) {
        // With `verify_hash` (a new feed), hashed again, not just sized: a file an SD card
        // damaged is deleted, never shown, and fetched anew.
        if (assets.has(asset, verify_hash)) {
            continue;
        }
        if (!assets.remove(asset)) {
            note("asset " + asset.id + ": disk: cannot delete a damaged file in " + assets.dir());
            return;
        }
        if (asset.size > config_.max_asset_bytes) {
            note("asset " + asset.id + ": " + std::to_string(asset.size) +
                 " bytes is more than the limit of " + std::to_string(config_.max_asset_bytes));
            continue;
        }
        // One byte more than announced, so a longer file shows as a size mismatch.
        FetchResult got = fetch(a, resolve_url(config_.feed_url, asset.path),
                                static_cast<std::size_t>(asset.size) + 1);
        if (!got.ok()) {
            note("asset " + asset.id + ": " + got.reason);
            if (got.failure == FetchFailure::http_status || got.failure == FetchFailure::size) {
                continue;
            }
            return;
        }
        const auto put = assets.put(asset, got.body);
        if (!put.ok()) {
            note(put.error);
            if (put.failure == AssetStore::Failure::mismatch) {
                continue;
            }
            return;
        }
        ++a.assets_fetched;
    }
}

SyncReport Syncer::finish_ok(Attempt& a, SyncOutcome outcome, std::string message) {
    SyncReport report;
    report.outcome = outcome;
    report.message = one_line(std::move(message));
    a.state.last_success = a.now;
    a.state.last_error.clear();
    a.state.last_result = std::string(outcome_code(outcome));
    a.state.consecutive_failures = 0;
    record(a, report);
    return report;
}

SyncReport Syncer::finish_failed(Attempt& a, SyncReason reason, std::string message) {
    SyncReport report;
    report.outcome = SyncOutcome::failed;
    report.reason = reason;
    report.message = one_line(std::move(message));
    a.state.last_error = report.message;
    a.state.last_result = std::string(reason_code(reason));
    a.state.consecutive_failures += 1;
    record(a, report);
    return report;
}

// Saves the sync state and writes the metrics. A state that cannot be saved (a full disk, a
// read-only file) turns the attempt into a disk failure, reported but never thrown.
void Syncer::record(Attempt& a, SyncReport& report) {
    try {
        store_.save_sync_state(a.state);
    } catch (const StoreError& e) {
        if (report.outcome != SyncOutcome::failed) {
            report.outcome = SyncOutcome::failed;
            report.reason = SyncReason::disk;
            report.message = one_line(report.message + "; but disk: " + e.what());
            a.state.consecutive_failures += 1;
        } else {
            report.message = one_line(report.message + " (not recorded: " + e.what() + ")");
        }
    }
    try {
        const auto held = store_.info();
        report.sequence = held ? held->sequence : 0;
    } catch (const StoreError&) {
        report.sequence = 0;
    }
    report.bytes_received = a.bytes;
    report.assets_fetched = a.assets_fetched;
    try {
        report.missing_assets = AssetStore(config_.assets_dir).missing(store_.assets());
    } catch (const StoreError&) {
        report.missing_assets.clear();
    }
    if (report.ok() && a.polled_assets) {
        const auto missing = report.missing_assets.size();
        if (report.outcome == SyncOutcome::unchanged && a.assets_fetched > 0) {
            report.message += "; fetched " + std::to_string(a.assets_fetched) +
                              (a.assets_fetched == 1 ? " missing asset" : " missing assets");
        }
        if (missing > 0) {
            report.message += "; " + std::to_string(missing) +
                              (missing == 1 ? " asset" : " assets") + " missing";
            if (!a.asset_problem.empty()) {
                report.message += " (" + a.asset_problem + ")";
            }
        }
        report.message = one_line(std::move(report.message));
    }
    if (config_.metrics_path.empty()) {
        return;
    }
    SyncMetrics metrics;
    metrics.feed_sequence = report.sequence;
    metrics.last_attempt = a.state.last_attempt;
    metrics.last_success = a.state.last_success;
    metrics.consecutive_failures = a.state.consecutive_failures;
    metrics.last_reason = report.reason;
    metrics.bytes_received_total = bytes_total_;
    metrics.missing_assets = report.missing_assets.size();
    write_metrics_file(config_.metrics_path, metrics, report.metrics_error);
}

}  // namespace aff
