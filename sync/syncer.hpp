// One sync attempt: fetch the feed (conditionally) and its signature, check everything, fetch the
// assets, apply in one transaction, collect old assets, and record the attempt. Whatever fails,
// the last good data stays as it was and the cause is recorded in one line. An asset that cannot
// be had is no failure: the feed is applied without it, and every later attempt, an unchanged one
// included, tries it again.
#pragma once

#include "sync/feed_parse.hpp"
#include "sync/http_client.hpp"
#include "sync/metrics.hpp"
#include "sync/minisign.hpp"
#include "sync/store.hpp"
#include "sync/time/clock.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace aff {

struct SyncConfig {
    std::string feed_url;        // its signature is at feed_url + ".minisig"
    minisign::PublicKey key;
    std::string assets_dir;      // the content-addressed asset store
    std::string ca_file;         // empty: the system's CA store
    std::size_t max_feed_bytes = ParseLimits{}.max_bytes;
    std::uint64_t max_asset_bytes = ParseLimits{}.max_asset_bytes;
    std::string metrics_path;    // the node_exporter textfile; empty: none
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{60'000};
    long low_speed_bytes_per_s = 1024;
    std::chrono::seconds low_speed_time{15};
};

enum class SyncOutcome : std::uint8_t { applied, unchanged, failed };
std::string_view outcome_code(SyncOutcome outcome);

struct SyncReport {
    SyncOutcome outcome = SyncOutcome::failed;
    SyncReason reason = SyncReason::none;
    // One line: what happened, or what failed and why, e.g. "sequence 11", "not modified (HTTP
    // 304)", "signature: ...". It never starts with the outcome: line() adds that, once.
    std::string message;
    std::int64_t sequence = 0;     // the sequence the cache holds afterwards (0: none)
    std::uint64_t bytes_received = 0;  // this attempt, on the wire
    std::string metrics_error;     // set when the metrics file could not be written
    // The ids of the assets the held feed lists that are not on the kiosk after this attempt:
    // screens draw placeholders for them, and every later poll fetches them again. An asset that
    // cannot be fetched, or fails its hash, never fails the attempt.
    std::vector<std::string> missing_assets;
    std::size_t assets_fetched = 0;  // assets this attempt stored
    bool ok() const { return outcome != SyncOutcome::failed; }
    // The line the programs log: the outcome, then the message ("applied: sequence 11").
    std::string line() const;
};

class Syncer {
public:
    // Keeps references to store, http and clock: they must outlive it. Single-threaded.
    Syncer(SyncConfig config, Store& store, HttpClient& http, const Clock& clock);

    SyncReport run_once();

    // Bytes received by every attempt of this Syncer (the metrics' counter).
    std::uint64_t bytes_received_total() const { return bytes_total_; }

private:
    struct Attempt;
    SyncReport attempt(Attempt& a);
    SyncReport finish_failed(Attempt& a, SyncReason reason, std::string message);
    SyncReport finish_ok(Attempt& a, SyncOutcome outcome, std::string message);
    FetchResult fetch(Attempt& a, const std::string& url, std::size_t max_bytes,
                      const std::string& etag = {}, std::optional<Instant> since = {});
    void fetch_assets(Attempt& a, const std::vector<Asset>& listed, bool verify_hash);
    void record(Attempt& a, SyncReport& report);

    SyncConfig config_;
    Store& store_;
    HttpClient& http_;
    const Clock& clock_;
    std::uint64_t bytes_total_ = 0;
};

// "Tue, 24 Nov 2026 21:55:47 GMT" (RFC 9110's IMF-fixdate); nothing for anything else.
std::optional<Instant> parse_http_date(std::string_view text);

// The URL of `path` (as a feed's asset path) relative to `base` (the feed's URL).
std::string resolve_url(const std::string& base, const std::string& path);

}  // namespace aff
