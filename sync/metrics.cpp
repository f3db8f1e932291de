#include "sync/metrics.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aff {
namespace {

std::string seconds(const std::optional<Instant>& t) {
    return t ? std::to_string(t->time_since_epoch().count()) : "0";
}

void metric(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

std::string failure(const std::string& doing, const std::string& path) {
    return "metrics: " + std::string(std::strerror(errno)) + " " + doing + " " + path;
}

}  // namespace

std::string_view reason_code(SyncReason reason) {
    switch (reason) {
    case SyncReason::none:
        return "none";
    case SyncReason::network:
        return "network";
    case SyncReason::http:
        return "http";
    case SyncReason::size:
        return "size";
    case SyncReason::tls:
        return "tls";
    case SyncReason::signature:
        return "signature";
    case SyncReason::version:
        return "version";
    case SyncReason::rollback:
        return "rollback";
    case SyncReason::validation:
        return "validation";
    case SyncReason::disk:
        return "disk";
    }
    return "none";
}

std::string metrics_text(const SyncMetrics& m) {
    std::string out;
    metric(out, "aff_kiosk_feed_sequence", "gauge",
           "Sequence number of the feed the kiosk cache holds (0: none).");
    out += "aff_kiosk_feed_sequence " + std::to_string(m.feed_sequence) + "\n";
    metric(out, "aff_kiosk_last_attempt_timestamp_seconds", "gauge",
           "Unix time of the last sync attempt (0: none yet).");
    out += "aff_kiosk_last_attempt_timestamp_seconds " + seconds(m.last_attempt) + "\n";
    metric(out, "aff_kiosk_last_success_timestamp_seconds", "gauge",
           "Unix time of the last successful sync (0: none yet).");
    out += "aff_kiosk_last_success_timestamp_seconds " + seconds(m.last_success) + "\n";
    metric(out, "aff_kiosk_consecutive_failures", "gauge",
           "Sync attempts that failed in a row since the last success.");
    out += "aff_kiosk_consecutive_failures " + std::to_string(m.consecutive_failures) + "\n";
    metric(out, "aff_kiosk_last_attempt_result", "gauge",
           "1 for the reason the last sync attempt failed with (\"none\": it succeeded).");
    for (const SyncReason reason : all_sync_reasons) {
        out.append("aff_kiosk_last_attempt_result{reason=\"")
            .append(reason_code(reason))
            .append(reason == m.last_reason ? "\"} 1\n" : "\"} 0\n");
    }
    metric(out, "aff_kiosk_bytes_received_total", "counter",
           "Bytes the sync received, headers included, since it started.");
    out += "aff_kiosk_bytes_received_total " + std::to_string(m.bytes_received_total) + "\n";
    metric(out, "aff_kiosk_missing_assets", "gauge",
           "Assets the held feed lists that are not on the kiosk yet (drawn as placeholders).");
    out += "aff_kiosk_missing_assets " + std::to_string(m.missing_assets) + "\n";
    return out;
}

bool write_metrics_file(const std::string& path, const SyncMetrics& metrics, std::string& error) {
    const std::string text = metrics_text(metrics);
    const std::string temp = path + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = failure("creating", temp);
        return false;
    }
    std::string_view rest = text;
    bool ok = true;
    while (ok && !rest.empty()) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        ok = n > 0;
        if (ok) {
            rest.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    ok = ok && ::fsync(fd) == 0;
    const int write_errno = errno;
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        errno = write_errno;
        error = failure("writing", temp);
        ::unlink(temp.c_str());
        return false;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        error = failure("renaming to", path);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace aff
