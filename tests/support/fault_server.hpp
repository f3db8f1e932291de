// A real HTTP/1.1 server on a loopback port, run in its own thread, whose answer per path the test
// scripts: any status and body, or a fault (a trickle, a reset, a truncation, a body without end,
// redirects, broken gzip). It counts the requests per path and keeps each path's last request
// headers. Test-only; it never reads files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aff::test {

class FaultServer {
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    // Listens on 127.0.0.1 on a port the kernel picks. Throws std::runtime_error if it cannot.
    FaultServer();
    // Stops accepting, wakes every stalled connection, and joins every thread.
    ~FaultServer();
    FaultServer(const FaultServer&) = delete;
    FaultServer& operator=(const FaultServer&) = delete;

    std::uint16_t port() const { return port_; }
    // "http://127.0.0.1:<port><path>"; path starts with '/'.
    std::string url(std::string_view path) const;

    // A complete answer. Content-Length is added unless `headers` names it; a 304 or 204 gets no
    // body. The connection stays open for the next request.
    void respond(const std::string& path, int status, std::string body = {}, Headers headers = {});
    // 200 with Content-Length of the whole body, the first `sent` bytes, then nothing more until
    // the client gives up or the server stops.
    void trickle(const std::string& path, std::string body, std::size_t sent);
    // 200 with Content-Length of the whole body, the first `sent` bytes, then a TCP reset.
    void reset_mid_body(const std::string& path, std::string body, std::size_t sent);
    // 200 with Content-Length of the whole body, the first `sent` bytes, then an orderly close.
    void truncate(const std::string& path, std::string body, std::size_t sent);
    // 200, chunked, chunks forever until the client disconnects or the server stops.
    void endless(const std::string& path);
    // A redirect (302 by default) to `location`, which may be any URL, this path's own included.
    void redirect(const std::string& path, std::string location, int status = 302);
    // 200 with Content-Encoding: gzip and bytes that are not gzip.
    void broken_gzip(const std::string& path);

    // How many requests reached `path`.
    std::size_t request_count(const std::string& path) const;
    // A header of the last request to `path` (name case-insensitive), if it was sent.
    std::optional<std::string> last_request_header(const std::string& path,
                                                   std::string_view name) const;

    // Defined in fault_server.cpp; public only so its helper functions can name them.
    struct Behaviour;
    struct State;

private:
    std::unique_ptr<State> state_;
    std::uint16_t port_ = 0;

    void set(const std::string& path, const Behaviour& behaviour);
};

}  // namespace aff::test
