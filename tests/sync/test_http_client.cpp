// The feed client against a real nginx (the happy path, as production serves it) and against a
// scripted server for every fault. No sleeps: the faults end by the client's own limits, kept
// small here so the group stays fast.
#include "sync/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/support/fault_server.hpp"
#include "tests/support/nginx_server.hpp"

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const fs::path http_data = fs::path(AFF_TEST_DATADIR) / "http";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Limits small enough that every fault ends within a second or two.
FetchRequest quick(std::string url) {
    FetchRequest request;
    request.url = std::move(url);
    request.connect_timeout = 2s;
    request.total_timeout = 3s;
    request.low_speed_bytes_per_s = 1024;
    request.low_speed_time = 1s;
    return request;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A port on which nothing listens: bound, never listened on, and closed again.
std::uint16_t closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

TEST_GROUP(HttpClient) {
    HttpClient client;
    fs::path scratch = fs::path(AFF_TEST_TMPDIR) / "http_client";

    void setup() override { fs::create_directories(scratch); }
};

// ---- The happy path, against a real nginx ----

TEST(HttpClient, NginxAnswers200WithTheBodyAndAnETag) {
    test::NginxServer nginx(http_data, scratch);
    FetchResult result = client.get(quick(nginx.url("/feed.json")));
    CHECK_TEXT(result.ok(), result.reason.c_str());
    LONGS_EQUAL(200, result.status);
    CHECK_FALSE(result.not_modified);
    CHECK(result.body == read_file(http_data / "feed.json"));
    CHECK_FALSE(result.etag.empty());
    CHECK_FALSE(result.last_modified.empty());
    CHECK(result.bytes_sent > 0);
}

TEST(HttpClient, AConditionalRequestWithTheETagIsAnswered304WithNoBody) {
    test::NginxServer nginx(http_data, scratch);
    FetchResult first = client.get(quick(nginx.url("/feed.json")));
    CHECK_TEXT(first.ok(), first.reason.c_str());

    FetchRequest again = quick(nginx.url("/feed.json"));
    again.etag = first.etag;
    FetchResult second = client.get(again);
    CHECK_TEXT(second.ok(), second.reason.c_str());
    LONGS_EQUAL(304, second.status);
    CHECK(second.not_modified);
    CHECK(second.body.empty());
    // A poll answered 304 costs well under a kilobyte on the wire, both ways together.
    CHECK(second.bytes_received + second.bytes_sent < 1024);
    UT_PRINT(("304 poll: " + std::to_string(second.bytes_received) + " bytes received, " +
              std::to_string(second.bytes_sent) + " sent")
                 .c_str());
}

TEST(HttpClient, AnIfModifiedSinceNoOlderThanTheFileIsAnswered304) {
    test::NginxServer nginx(http_data, scratch);
    FetchResult first = client.get(quick(nginx.url("/feed.json")));
    CHECK_TEXT(first.ok(), first.reason.c_str());

    FetchRequest again = quick(nginx.url("/feed.json"));
    auto modified = fs::last_write_time(http_data / "feed.json.gz");
    // nginx answers 304 to exactly its Last-Modified (`if_modified_since exact`, the default).
    again.if_modified_since = std::chrono::floor<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(modified));
    FetchResult second = client.get(again);
    CHECK_TEXT(second.ok(), second.reason.c_str());
    CHECK(second.not_modified);
    CHECK(second.body.empty());
}

TEST(HttpClient, AStaleETagGetsTheWholeBodyAgain) {
    test::NginxServer nginx(http_data, scratch);
    FetchRequest request = quick(nginx.url("/feed.json"));
    request.etag = "\"not-the-current-etag\"";
    FetchResult result = client.get(request);
    CHECK_TEXT(result.ok(), result.reason.c_str());
    LONGS_EQUAL(200, result.status);
    CHECK_FALSE(result.not_modified);
    CHECK(result.body == read_file(http_data / "feed.json"));
}

TEST(HttpClient, GzipStaticIsFetchedCompressedAndDecodedToTheSameBytes) {
    test::NginxServer nginx(http_data, scratch);
    FetchResult result = client.get(quick(nginx.url("/feed.json")));
    CHECK_TEXT(result.ok(), result.reason.c_str());
    std::string plain = read_file(http_data / "feed.json");
    CHECK(result.body == plain);
    // Only the compressed copy fits in this many bytes, headers included.
    CHECK(result.bytes_received < plain.size());
}

TEST(HttpClient, AMissingFileOnNginxIsA404) {
    test::NginxServer nginx(http_data, scratch);
    FetchResult result = client.get(quick(nginx.url("/no-such-feed.json")));
    CHECK(result.failure == FetchFailure::http_status);
    LONGS_EQUAL(404, result.status);
    CHECK_TEXT(contains(result.reason, "http: 404 Not Found from http://127.0.0.1:"),
               result.reason.c_str());
}

// ---- Schemes ----

TEST(HttpClient, AFileUrlIsRead) {
    FetchResult result = client.get(quick("file://" + (http_data / "feed.json").string()));
    CHECK_TEXT(result.ok(), result.reason.c_str());
    LONGS_EQUAL(0, result.status);
    CHECK(result.body == read_file(http_data / "feed.json"));
}

TEST(HttpClient, AFileUrlUnchangedSinceTheGivenTimeIsNotModified) {
    fs::path file = http_data / "feed.json";
    FetchRequest request = quick("file://" + file.string());
    request.if_modified_since = std::chrono::ceil<std::chrono::seconds>(
                                    std::chrono::file_clock::to_sys(fs::last_write_time(file))) +
                                1h;
    FetchResult result = client.get(request);
    CHECK_TEXT(result.ok(), result.reason.c_str());
    CHECK(result.not_modified);
    CHECK(result.body.empty());

    request.if_modified_since = *request.if_modified_since - 24h;
    FetchResult changed = client.get(request);
    CHECK_TEXT(changed.ok(), changed.reason.c_str());
    CHECK_FALSE(changed.not_modified);
    CHECK(changed.body == read_file(file));
}

TEST(HttpClient, AMissingFileIsANetworkFailure) {
    FetchResult result = client.get(quick("file://" + (scratch / "absent.json").string()));
    CHECK(result.failure == FetchFailure::network);
    CHECK(result.body.empty());
}

TEST(HttpClient, OtherSchemesAreRefusedWithoutAnyTransfer) {
    for (const char* url : {"ftp://127.0.0.1/feed.json", "gopher://127.0.0.1/", "dict://x/",
                            "feed.json", "//127.0.0.1/feed.json", ""}) {
        FetchResult result = client.get(quick(url));
        CHECK_TEXT(result.failure == FetchFailure::scheme, url);
        CHECK_TEXT(contains(result.reason, "scheme: "), result.reason.c_str());
        LONGS_EQUAL(0, result.bytes_sent);
    }
}

TEST(HttpClient, ARedirectToAFileUrlIsRefusedAndTheFileNeverRead) {
    test::FaultServer server;
    server.redirect("/feed.json", "file:///etc/passwd");
    FetchResult result = client.get(quick(server.url("/feed.json")));
    CHECK_TEXT(result.failure == FetchFailure::scheme, result.reason.c_str());
    CHECK(result.body.empty());
    CHECK_FALSE(contains(result.reason, "root:"));
    LONGS_EQUAL(1, server.request_count("/feed.json"));
}

TEST(HttpClient, ARedirectToAnotherSchemeIsRefused) {
    test::FaultServer server;
    server.redirect("/feed.json", "ftp://127.0.0.1/feed.json", 301);
    FetchResult result = client.get(quick(server.url("/feed.json")));
    CHECK_TEXT(result.failure == FetchFailure::scheme, result.reason.c_str());
}

TEST(HttpClient, ARedirectToHttpIsFollowedAndItsOwnBodySkipped) {
    test::FaultServer server;
    server.redirect("/old.json", server.url("/feed.json"), 301);
    server.respond("/feed.json", 200, "{\"ok\":true}", {{"ETag", "\"v1\""}});
    FetchResult result = client.get(quick(server.url("/old.json")));
    CHECK_TEXT(result.ok(), result.reason.c_str());
    STRCMP_EQUAL("{\"ok\":true}", result.body.c_str());
    STRCMP_EQUAL("\"v1\"", result.etag.c_str());
}

TEST(HttpClient, ARedirectLoopStopsAfterFiveRedirects) {
    test::FaultServer server;
    server.redirect("/loop", server.url("/loop"));
    FetchResult result = client.get(quick(server.url("/loop")));
    CHECK_TEXT(result.failure == FetchFailure::redirect, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "redirect: more than 5 redirects"), result.reason.c_str());
    LONGS_EQUAL(6, server.request_count("/loop"));
}

// ---- Status codes ----

TEST(HttpClient, ErrorStatusesAreFailuresWithTheCodeInTheReason) {
    test::FaultServer server;
    server.respond("/404", 404, "<html>not here</html>");
    server.respond("/500", 500, "<html>oops</html>");
    server.respond("/503", 503, std::string(100'000, 'x'), {{"Retry-After", "120"}});
    for (int status : {404, 500, 503}) {
        FetchResult result = client.get(quick(server.url("/" + std::to_string(status))));
        CHECK(result.failure == FetchFailure::http_status);
        LONGS_EQUAL(status, result.status);
        CHECK_TEXT(contains(result.reason, "http: " + std::to_string(status)),
                   result.reason.c_str());
        CHECK(result.body.empty());
    }
    FetchResult unavailable = client.get(quick(server.url("/503")));
    STRCMP_EQUAL(("http: 503 Service Unavailable from " + server.url("/503")).c_str(),
                 unavailable.reason.c_str());
}

TEST(HttpClient, A304ToAnUnconditionalRequestIsAFailure) {
    test::FaultServer server;
    server.respond("/feed.json", 304);
    FetchResult result = client.get(quick(server.url("/feed.json")));
    CHECK(result.failure == FetchFailure::http_status);
    LONGS_EQUAL(304, result.status);
    CHECK_FALSE(result.not_modified);
}

TEST(HttpClient, TheStoredETagIsSentAsIfNoneMatch) {
    test::FaultServer server;
    server.respond("/feed.json", 304, {}, {{"ETag", "\"abc\""}});
    FetchRequest request = quick(server.url("/feed.json"));
    request.etag = "\"abc\"";
    FetchResult result = client.get(request);
    CHECK_TEXT(result.ok(), result.reason.c_str());
    CHECK(result.not_modified);
    auto sent = server.last_request_header("/feed.json", "If-None-Match");
    CHECK(sent.has_value());
    STRCMP_EQUAL("\"abc\"", sent->c_str());
    auto encodings = server.last_request_header("/feed.json", "accept-encoding");
    CHECK(encodings.has_value());
    CHECK(contains(*encodings, "gzip") && contains(*encodings, "deflate"));
}

TEST(HttpClient, AnETagThatCouldSplitTheHeaderIsNotSent) {
    test::FaultServer server;
    server.respond("/feed.json", 200, "{}");
    FetchRequest request = quick(server.url("/feed.json"));
    request.etag = "\"a\"\r\nX-Injected: 1";
    FetchResult result = client.get(request);
    CHECK_TEXT(result.ok(), result.reason.c_str());
    CHECK_FALSE(server.last_request_header("/feed.json", "If-None-Match").has_value());
    CHECK_FALSE(server.last_request_header("/feed.json", "X-Injected").has_value());
}

TEST(HttpClient, TheClientKeepsTheConnectionAliveBetweenRequests) {
    test::FaultServer server;
    server.respond("/a", 200, "a");
    server.respond("/b", 200, "b");
    FetchResult first = client.get(quick(server.url("/a")));
    FetchResult second = client.get(quick(server.url("/b")));
    STRCMP_EQUAL("a", first.body.c_str());
    STRCMP_EQUAL("b", second.body.c_str());
    LONGS_EQUAL(1, server.request_count("/a"));
    LONGS_EQUAL(1, server.request_count("/b"));
}

// ---- Faults on the wire ----

TEST(HttpClient, AServerThatTricklesIsDroppedAsTooSlow) {
    test::FaultServer server;
    server.trickle("/feed.json", std::string(10'000, 'x'), 100);
    FetchRequest request = quick(server.url("/feed.json"));
    request.total_timeout = 10s;  // the low-speed limit (1 s) must be what ends it
    FetchResult result = client.get(request);
    CHECK_TEXT(result.failure == FetchFailure::timeout, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "timeout: too slow"), result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, TheTotalDeadlineEndsATransferThatNeverFinishes) {
    test::FaultServer server;
    server.trickle("/feed.json", std::string(10'000, 'x'), 100);
    FetchRequest request = quick(server.url("/feed.json"));
    request.total_timeout = 500ms;
    request.low_speed_time = 30s;
    FetchResult result = client.get(request);
    CHECK_TEXT(result.failure == FetchFailure::timeout, result.reason.c_str());
    CHECK_FALSE(contains(result.reason, "too slow"));
}

TEST(HttpClient, AResetMidBodyIsANetworkFailure) {
    test::FaultServer server;
    server.reset_mid_body("/feed.json", std::string(50'000, 'x'), 1234);
    FetchResult result = client.get(quick(server.url("/feed.json")));
    CHECK_TEXT(result.failure == FetchFailure::network, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "network: "), result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, ATruncatedBodyIsANetworkFailure) {
    test::FaultServer server;
    server.truncate("/feed.json", std::string(50'000, 'x'), 1234);
    FetchResult result = client.get(quick(server.url("/feed.json")));
    CHECK_TEXT(result.failure == FetchFailure::network, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "network: transfer cut short after 1234 bytes"),
               result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, ABodyWithoutEndIsCutOffAtTheSizeLimit) {
    test::FaultServer server;
    server.endless("/feed.json");
    FetchRequest request = quick(server.url("/feed.json"));
    request.max_bytes = 256 * 1024;
    FetchResult result = client.get(request);
    CHECK_TEXT(result.failure == FetchFailure::size, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "size: body larger than 262144 bytes"),
               result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, ABodyOverTheLimitIsRefusedAndOneAtTheLimitAccepted) {
    test::FaultServer server;
    server.respond("/big", 200, std::string(1001, 'x'));
    server.respond("/fits", 200, std::string(1000, 'x'));
    server.respond("/announced", 200, std::string(200'000, 'x'));
    FetchRequest request = quick(server.url("/big"));
    request.max_bytes = 1000;
    FetchResult big = client.get(request);
    CHECK_TEXT(big.failure == FetchFailure::size, big.reason.c_str());
    CHECK(big.body.empty());

    request.url = server.url("/fits");
    FetchResult fits = client.get(request);
    CHECK_TEXT(fits.ok(), fits.reason.c_str());
    LONGS_EQUAL(1000, fits.body.size());

    // Refused on its Content-Length, before the body is read.
    request.url = server.url("/announced");
    FetchResult announced = client.get(request);
    CHECK_TEXT(announced.failure == FetchFailure::size, announced.reason.c_str());
    CHECK(announced.bytes_received < 100'000);
}

TEST(HttpClient, BrokenGzipIsANetworkFailure) {
    test::FaultServer server;
    server.broken_gzip("/feed.json");
    FetchResult result = client.get(quick(server.url("/feed.json")));
    CHECK_TEXT(result.failure == FetchFailure::network, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "broken gzip"), result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, AClosedPortIsANetworkFailure) {
    FetchResult result =
        client.get(quick("http://127.0.0.1:" + std::to_string(closed_port()) + "/feed.json"));
    CHECK_TEXT(result.failure == FetchFailure::network, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "network: could not connect"), result.reason.c_str());
}

// ---- TLS, against nginx with a self-signed certificate for 127.0.0.1 ----

test::NginxServer::Tls test_certificate() {
    return {http_data / "test-server.crt", http_data / "test-server.key"};
}

TEST(HttpClient, TlsWithTheConfiguredCaFileIsAccepted) {
    test::NginxServer nginx(http_data, scratch, test_certificate());
    FetchRequest request = quick(nginx.url("/feed.json"));
    request.ca_file = (http_data / "test-server.crt").string();
    FetchResult result = client.get(request);
    CHECK_TEXT(result.ok(), result.reason.c_str());
    CHECK(result.body == read_file(http_data / "feed.json"));
}

TEST(HttpClient, ACertificateOutsideTheTrustStoreIsATlsFailure) {
    test::NginxServer nginx(http_data, scratch, test_certificate());
    FetchResult result = client.get(quick(nginx.url("/feed.json")));
    CHECK_TEXT(result.failure == FetchFailure::tls, result.reason.c_str());
    CHECK_TEXT(contains(result.reason, "tls: "), result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, ACertificateForAnotherHostIsATlsFailure) {
    test::NginxServer nginx(http_data, scratch, test_certificate());
    // Trusted, but it names 127.0.0.1 only, not "localhost".
    FetchRequest request =
        quick("https://localhost:" + std::to_string(nginx.port()) + "/feed.json");
    request.ca_file = (http_data / "test-server.crt").string();
    FetchResult result = client.get(request);
    CHECK_TEXT(result.failure == FetchFailure::tls, result.reason.c_str());
    CHECK(result.body.empty());
}

TEST(HttpClient, APlainHttpServerAnsweringAHandshakeIsATlsFailure) {
    test::FaultServer server;
    std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/feed.json";
    FetchResult result = client.get(quick(url));
    CHECK_TEXT(result.failure == FetchFailure::tls, result.reason.c_str());
}

TEST(HttpClient, AMissingCaFileIsATlsFailure) {
    test::NginxServer nginx(http_data, scratch, test_certificate());
    FetchRequest request = quick(nginx.url("/feed.json"));
    request.ca_file = (scratch / "no-such-ca.pem").string();
    FetchResult result = client.get(request);
    CHECK_TEXT(result.failure == FetchFailure::tls, result.reason.c_str());
}

// ---- The production example, assets/nginx/kiosk-feed.conf ----

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// The shipped example with its placeholders pointed at test files, on a loopback port.
test::NginxServer::ServerBlock production_example(const fs::path& root, const fs::path& logs) {
    std::string text = read_file(fs::path(AFF_SOURCE_DATADIR) / "nginx" / "kiosk-feed.conf");
    CHECK(contains(text, "listen 443 ssl;"));
    text = replace_all(text, "listen 443 ssl;", "listen 127.0.0.1:@PORT@ ssl;");
    text = replace_all(text, "listen [::]:443 ssl;", "");
    text = replace_all(text, "/etc/ssl/aff-feed/fullchain.pem",
                       (http_data / "test-server.crt").string());
    text = replace_all(text, "/etc/ssl/aff-feed/privkey.pem",
                       (http_data / "test-server.key").string());
    text = replace_all(text, "/srv/aff-feed", root.string());
    text = replace_all(text, "/var/log/nginx/", logs.string() + "/");
    return {text};
}

TEST(HttpClient, TheShippedNginxExampleServesTheFeedAsKiosksFetchIt) {
    fs::path root = scratch / "published";
    fs::remove_all(root);
    fs::create_directories(root / "assets");
    for (const char* name : {"feed.json", "feed.json.gz"}) {
        fs::copy_file(http_data / name, root / name);
    }
    std::ofstream(root / "feed.json.minisig") << "untrusted comment: served, not verified here\n";
    std::string hashed = "/assets/" + std::string(64, 'a') + ".png";
    std::ofstream(root / hashed.substr(1)) << "poster bytes";
    std::ofstream(root / ".secret") << "not published";

    test::NginxServer nginx(production_example(root, scratch), scratch);
    auto fetch = [&](const std::string& path, const std::string& etag = {}) {
        FetchRequest request = quick(nginx.url(path));
        request.ca_file = (http_data / "test-server.crt").string();
        request.etag = etag;
        return client.get(request);
    };
    FetchResult feed = fetch("/feed.json");
    CHECK_TEXT(feed.ok(), feed.reason.c_str());
    CHECK(feed.body == read_file(http_data / "feed.json"));
    CHECK(feed.bytes_received < feed.body.size());  // it came as feed.json.gz
    FetchResult again = fetch("/feed.json", feed.etag);
    CHECK_TEXT(again.not_modified, again.reason.c_str());

    FetchResult signature = fetch("/feed.json.minisig");
    CHECK_TEXT(signature.ok(), signature.reason.c_str());
    FetchResult poster = fetch(hashed);
    STRCMP_EQUAL("poster bytes", poster.body.c_str());
    for (const char* hidden : {"/.secret", "/feed.json.gz", "/"}) {
        LONGS_EQUAL_TEXT(404, fetch(hidden).status, hidden);
    }
}

TEST(HttpClient, ReasonsAreOneLine) {
    test::FaultServer server;
    server.redirect("/loop", server.url("/loop"));
    server.broken_gzip("/gz");
    server.respond("/500", 500);
    for (const char* path : {"/loop", "/gz", "/500"}) {
        FetchResult result = client.get(quick(server.url(path)));
        CHECK_FALSE(result.ok());
        CHECK_TEXT(result.reason.find('\n') == std::string::npos, result.reason.c_str());
        CHECK_TEXT(result.reason.find('\r') == std::string::npos, result.reason.c_str());
    }
}

TEST(HttpClient, DebiansLibcurlResolvesNamesInAThread) {
    CHECK(HttpClient::resolver_is_asynchronous());
}

TEST(HttpClient, FailureKindsHaveNames) {
    STRCMP_EQUAL("network", fetch_failure_name(FetchFailure::network));
    STRCMP_EQUAL("http_status", fetch_failure_name(FetchFailure::http_status));
    STRCMP_EQUAL("redirect", fetch_failure_name(FetchFailure::redirect));
}

}  // namespace aff
