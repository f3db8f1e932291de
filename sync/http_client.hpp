// Fetching the feed, its signature and its assets over HTTP(S) or from file://, with libcurl.
// Every transfer is bounded (connect timeout, low-speed drop, total deadline, size cap) and every
// failure comes back as a kind plus a one-line reason; nothing here throws on a network fault.
//
// TLS always verifies the peer and the host name; there is deliberately no option to turn that
// off. Proxies come from the environment (http_proxy, https_proxy, no_proxy), libcurl's default.
#pragma once

#include "sync/feed.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace aff {

enum class FetchFailure : std::uint8_t {
    none,
    network,      // connect, resolve, reset, truncation, broken content encoding
    timeout,      // total deadline, connect deadline, or a server too slow
    tls,          // certificate or handshake
    http_status,  // an answer other than 200 (or 304 to a conditional request)
    size,         // a body larger than max_bytes
    scheme,       // a URL, or a redirect, to a scheme other than http, https (or file)
    redirect,     // too many redirects
};

// "network", "timeout", ... as used in logs, sync_state and metrics labels.
const char* fetch_failure_name(FetchFailure failure);

struct FetchRequest {
    std::string url;                    // https://, http:// or file:// only
    std::string etag;                   // sent as If-None-Match when not empty
    std::optional<Instant> if_modified_since;
    std::size_t max_bytes = 16u << 20;  // the decoded body; past it the transfer is cut off
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{60'000};
    long low_speed_bytes_per_s = 1024;  // below this for low_speed_time, the transfer is dropped
    std::chrono::seconds low_speed_time{15};
    std::string ca_file;                // empty: the system's CA store
};

struct FetchResult {
    FetchFailure failure = FetchFailure::none;
    std::string reason;          // one line, for logs and sync_state, when failure != none
    long status = 0;             // HTTP status (0 for file://); 304 means "not modified"
    bool not_modified = false;
    std::string body;            // decoded (gzip/deflate)
    std::string etag;
    std::string last_modified;   // raw header value
    std::uint64_t bytes_received = 0;  // on the wire, headers included
    std::uint64_t bytes_sent = 0;
    bool ok() const { return failure == FetchFailure::none; }
};

// One per thread: it owns a libcurl easy handle, reused between calls so that connections are
// kept alive. Not copyable. libcurl's global state is initialised once per process, on first use.
class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    FetchResult get(const FetchRequest& request);

    // Whether this libcurl resolves names in a thread (or c-ares), so that a DNS lookup that hangs
    // is still bounded by the connect timeout and cannot block the caller forever.
    static bool resolver_is_asynchronous();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace aff
