#include "sync/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string_view>
#include <utility>

namespace aff {
namespace {

constexpr long max_redirects = 5;
// The largest Content-Length we pass to CURLOPT_MAXFILESIZE_LARGE (curl_off_t is signed 64-bit).
constexpr std::uint64_t announced_cap_limit = std::uint64_t{1} << 62;

// libcurl's global state is not thread-safe to set up; every HttpClient goes through here first.
// It is never torn down: other threads may still hold clients at exit, and the OS reclaims it.
void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (std::tolower(c) != static_cast<unsigned char>(prefix[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// Server-supplied text (reason phrases, header values, curl's messages about them) goes into logs
// and the database: one line, printable, bounded.
std::string one_line(std::string_view text, std::size_t max_length = 200) {
    std::string out;
    for (char c : trim(text)) {
        if (out.size() >= max_length) {
            out += "...";
            break;
        }
        auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f) ? ' ' : c;
    }
    return out;
}

// A header value is sent verbatim, so anything that could end the line is refused.
bool safe_header_value(std::string_view value) {
    return !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
}

// What the callbacks see of one transfer.
struct Transfer {
    std::size_t max_bytes = 0;
    std::string body;
    bool over_size = false;
    bool refused_status = false;
    bool saw_status_line = false;
    long status = 0;
    std::string status_phrase;
    std::string etag;
    std::string last_modified;
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    std::size_t n = size * count;
    std::string_view line(data, n);
    if (starts_with_ci(line, "http/")) {
        // A new response (after a redirect, or a 100 Continue): forget the previous one's headers.
        t.saw_status_line = true;
        t.status = 0;
        t.status_phrase.clear();
        t.etag.clear();
        t.last_modified.clear();
        auto rest = line.substr(std::min(line.find(' '), line.size()));
        rest = trim(rest);
        auto space = rest.find(' ');
        auto code = rest.substr(0, space);
        long status = 0;
        for (char c : code) {
            if (c < '0' || c > '9' || status > 999) return n;
            status = status * 10 + (c - '0');
        }
        t.status = status;
        if (space != std::string_view::npos) t.status_phrase = one_line(rest.substr(space + 1));
        return n;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    auto name = line.substr(0, colon);
    auto value = trim(line.substr(colon + 1));
    auto is = [&](std::string_view wanted) {
        return name.size() == wanted.size() && starts_with_ci(name, wanted);
    };
    if (is("etag")) t.etag = one_line(value, 1024);
    if (is("last-modified")) t.last_modified = one_line(value, 1024);
    return n;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    std::size_t n = size * count;
    // An error page is not worth downloading: the status alone is the answer.
    if (t.saw_status_line && t.status != 200) {
        t.refused_status = true;
        return 0;
    }
    if (n > t.max_bytes - t.body.size()) {
        t.over_size = true;
        return 0;  // a short count makes libcurl abort with CURLE_WRITE_ERROR
    }
    t.body.append(data, n);
    return n;
}

bool is_allowed_scheme(std::string_view url) {
    return starts_with_ci(url, "http://") || starts_with_ci(url, "https://") ||
           starts_with_ci(url, "file://");
}

std::string status_reason(long status, const std::string& phrase, const std::string& url) {
    std::string reason = "http: " + std::to_string(status);
    if (!phrase.empty()) reason += " " + phrase;
    return reason + " from " + url;
}

// The one-line reason and kind for a transfer that libcurl ended with an error.
std::pair<FetchFailure, std::string> classify(CURLcode code, const Transfer& t,
                                              const FetchRequest& request, const char* curl_error,
                                              std::uint64_t body_bytes, const std::string& url) {
    std::string detail = one_line(curl_error[0] != '\0' ? curl_error : curl_easy_strerror(code));
    std::string from = " from " + url;
    std::string after = " after " + std::to_string(body_bytes) + " bytes";
    switch (code) {
    case CURLE_WRITE_ERROR:
        if (t.over_size) {
            return {FetchFailure::size,
                    "size: body larger than " + std::to_string(request.max_bytes) + " bytes" +
                        from};
        }
        if (t.refused_status) {
            return {FetchFailure::http_status, status_reason(t.status, t.status_phrase, url)};
        }
        return {FetchFailure::network, "network: " + detail + from};
    case CURLE_FILESIZE_EXCEEDED:
        return {FetchFailure::size,
                "size: announced body larger than " + std::to_string(request.max_bytes) +
                    " bytes" + from};
    case CURLE_OPERATION_TIMEDOUT:
        if (detail.find("too slow") != std::string::npos) {
            return {FetchFailure::timeout,
                    "timeout: too slow, under " + std::to_string(request.low_speed_bytes_per_s) +
                        " bytes/s for " + std::to_string(request.low_speed_time.count()) + " s" +
                        after + from};
        }
        return {FetchFailure::timeout, "timeout: " + detail + from};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {FetchFailure::network, "network: could not resolve host" + from + " (" + detail +
                                           ")"};
    case CURLE_COULDNT_CONNECT:
        return {FetchFailure::network, "network: could not connect" + from + " (" + detail + ")"};
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
        if (detail.find("reset") != std::string::npos) {
            return {FetchFailure::network, "network: connection reset" + after + from};
        }
        return {FetchFailure::network, "network: " + detail + after + from};
    case CURLE_PARTIAL_FILE:
        return {FetchFailure::network, "network: transfer cut short" + after + from};
    case CURLE_GOT_NOTHING:
        return {FetchFailure::network, "network: empty answer" + from};
    case CURLE_BAD_CONTENT_ENCODING:
        return {FetchFailure::network, "network: broken gzip or deflate body" + from};
    case CURLE_UNSUPPORTED_PROTOCOL:
        // The URL itself was checked before the transfer: this is a redirect to another scheme.
        return {FetchFailure::scheme,
                "scheme: redirect refused, only http and https are followed (" + detail + ")" +
                    from};
    case CURLE_TOO_MANY_REDIRECTS:
        return {FetchFailure::redirect,
                "redirect: more than " + std::to_string(max_redirects) + " redirects" + from};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return {FetchFailure::tls, "tls: " + detail + from};
    default:
        return {FetchFailure::network, "network: " + detail + from};
    }
}

std::uint64_t info_size(CURL* curl, CURLINFO what) {
    curl_off_t value = 0;
    if (curl_easy_getinfo(curl, what, &value) != CURLE_OK || value < 0) return 0;
    return static_cast<std::uint64_t>(value);
}

std::uint64_t info_long_size(CURL* curl, CURLINFO what) {
    long value = 0;
    if (curl_easy_getinfo(curl, what, &value) != CURLE_OK || value < 0) return 0;
    return static_cast<std::uint64_t>(value);
}

}  // namespace

const char* fetch_failure_name(FetchFailure failure) {
    switch (failure) {
    case FetchFailure::none: return "none";
    case FetchFailure::network: return "network";
    case FetchFailure::timeout: return "timeout";
    case FetchFailure::tls: return "tls";
    case FetchFailure::http_status: return "http_status";
    case FetchFailure::size: return "size";
    case FetchFailure::scheme: return "scheme";
    case FetchFailure::redirect: return "redirect";
    }
    return "unknown";
}

struct HttpClient::Impl {
    struct CurlDeleter {
        void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
    };
    std::unique_ptr<CURL, CurlDeleter> curl;
    char error[CURL_ERROR_SIZE] = {};
};

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
    init_curl_once();
    impl_->curl.reset(curl_easy_init());
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

bool HttpClient::resolver_is_asynchronous() {
    init_curl_once();
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    return info != nullptr && (info->features & CURL_VERSION_ASYNCHDNS) != 0;
}

FetchResult HttpClient::get(const FetchRequest& request) {
    FetchResult result;
    if (!is_allowed_scheme(request.url)) {
        result.failure = FetchFailure::scheme;
        result.reason = "scheme: only http://, https:// and file:// URLs are fetched, not \"" +
                        one_line(request.url) + "\"";
        return result;
    }
    CURL* curl = impl_ ? impl_->curl.get() : nullptr;
    if (curl == nullptr) {
        result.failure = FetchFailure::network;
        result.reason = "network: libcurl could not start a transfer (out of memory?)";
        return result;
    }
    // Options from the previous call go; open connections, the DNS cache and TLS sessions stay.
    curl_easy_reset(curl);
    impl_->error[0] = '\0';

    Transfer transfer;
    transfer.max_bytes = request.max_bytes;
    Slist headers;
    bool conditional = false;
    if (safe_header_value(request.etag)) {
        headers.reset(curl_slist_append(nullptr, ("If-None-Match: " + request.etag).c_str()));
        conditional = true;
    }

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, impl_->error);
    // The scheme limits are the security boundary (no redirect may reach file:// or anything
    // else), so a libcurl that cannot set them fetches nothing.
    if (curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file") != CURLE_OK ||
        curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK) {
        result.failure = FetchFailure::scheme;
        result.reason = "scheme: this libcurl cannot restrict schemes (needs 7.85 or later)";
        return result;
    }
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, max_redirects);
    // No SIGALRM for timeouts: signals would hit whatever thread the kiosk runs elsewhere. With
    // the threaded resolver (Debian's libcurl has it) a hanging DNS lookup still times out.
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    // Every encoding this libcurl decodes (gzip, deflate, ...); the body arrives decoded.
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "aff-kiosk/" AFF_VERSION);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!request.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, request.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::max<std::int64_t>(1, request.connect_timeout.count())));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                     static_cast<long>(std::max<std::int64_t>(1, request.total_timeout.count())));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, request.low_speed_bytes_per_s);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME,
                     static_cast<long>(request.low_speed_time.count()));
    // An early refusal when the server announces a length. A compressed body can be a little
    // longer than what it decodes to, hence the slack; the write callback holds the real line.
    std::uint64_t max_bytes = request.max_bytes;
    std::uint64_t slack = max_bytes / 512 + 1024;
    std::uint64_t announced_cap =
        max_bytes > announced_cap_limit - slack ? announced_cap_limit : max_bytes + slack;
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(announced_cap));
    if (headers) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    if (request.if_modified_since) {
        conditional = true;
        curl_easy_setopt(curl, CURLOPT_TIMECONDITION, static_cast<long>(CURL_TIMECOND_IFMODSINCE));
        auto since = request.if_modified_since->time_since_epoch().count();
        curl_easy_setopt(curl, CURLOPT_TIMEVALUE_LARGE, static_cast<curl_off_t>(since));
    }
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);

    CURLcode code = curl_easy_perform(curl);

    std::uint64_t body_bytes = info_size(curl, CURLINFO_SIZE_DOWNLOAD_T);
    result.bytes_received = body_bytes + info_long_size(curl, CURLINFO_HEADER_SIZE);
    result.bytes_sent = info_long_size(curl, CURLINFO_REQUEST_SIZE);
    char* effective = nullptr;
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
    std::string url = one_line(effective != nullptr ? effective : request.url);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    result.status = status;
    result.etag = std::move(transfer.etag);
    result.last_modified = std::move(transfer.last_modified);

    if (code != CURLE_OK) {
        auto [failure, reason] = classify(code, transfer, request, impl_->error, body_bytes, url);
        result.failure = failure;
        result.reason = std::move(reason);
        return result;
    }
    long unmet = 0;
    curl_easy_getinfo(curl, CURLINFO_CONDITION_UNMET, &unmet);
    bool is_http = transfer.saw_status_line;
    if (conditional && (status == 304 || (!is_http && unmet != 0))) {
        result.not_modified = true;
        return result;
    }
    if (is_http && status != 200) {
        result.failure = FetchFailure::http_status;
        result.reason = status_reason(status, transfer.status_phrase, url);
        return result;
    }
    result.body = std::move(transfer.body);
    return result;
}

}  // namespace aff
