// What a sync attempt ended with, and the node_exporter textfile (.prom) that reports it to staff
// and fleet monitoring after every attempt.
#pragma once

#include "sync/feed.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aff {

// Why an attempt failed (none: it did not). The codes are the words logs, sync_state.last_result,
// the README and the metrics' reason label use. An asset never fails an attempt: it is missing
// (SyncReport::missing_assets, the aff_kiosk_missing_assets gauge).
enum class SyncReason : std::uint8_t {
    none, network, http, size, tls, signature, version, rollback, validation, disk
};
inline constexpr std::array<SyncReason, 10> all_sync_reasons{
    SyncReason::none,     SyncReason::network,    SyncReason::http,  SyncReason::size,
    SyncReason::tls,      SyncReason::signature,  SyncReason::version, SyncReason::rollback,
    SyncReason::validation, SyncReason::disk};
std::string_view reason_code(SyncReason reason);

struct SyncMetrics {
    std::int64_t feed_sequence = 0;  // 0: the cache holds no feed
    std::optional<Instant> last_attempt;
    std::optional<Instant> last_success;
    int consecutive_failures = 0;
    SyncReason last_reason = SyncReason::none;
    std::uint64_t bytes_received_total = 0;  // since this process started, headers included
    std::size_t missing_assets = 0;  // assets the held feed lists that are not on the kiosk
};

// The textfile, with HELP and TYPE lines; an absent time is 0.
std::string metrics_text(const SyncMetrics& metrics);

// Writes the textfile atomically: a temporary file beside it ("PATH.tmp", which node_exporter
// ignores as it reads only *.prom), fsync, rename. False and a one-line reason on failure.
bool write_metrics_file(const std::string& path, const SyncMetrics& metrics, std::string& error);

}  // namespace aff
