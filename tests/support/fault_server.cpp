#include "tests/support/fault_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace aff::test {

enum class Kind { fixed, trickle, reset, truncate, endless, broken_gzip };

struct FaultServer::Behaviour {
    Kind kind = Kind::fixed;
    int status = 200;
    std::string body;
    Headers headers;
    std::size_t sent = 0;  // bytes of the body sent before the fault
};

struct FaultServer::State {
    int listen_fd = -1;
    // Closing wake_write wakes every poll() that watches wake_read: one signal for all threads.
    int wake_read = -1;
    int wake_write = -1;
    std::thread acceptor;

    mutable std::mutex mutex;
    std::map<std::string, Behaviour> behaviours;
    std::map<std::string, std::size_t> counts;
    std::map<std::string, Headers> last_headers;
    std::vector<std::thread> connections;
};

namespace {

using Behaviour = FaultServer::Behaviour;
using State = FaultServer::State;
using Headers = FaultServer::Headers;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// Waits until `fd` has `events`; false when the server is stopping or the socket failed.
bool wait_for(const State& s, int fd, short events) {
    for (;;) {
        pollfd fds[2] = {{fd, events, 0}, {s.wake_read, POLLIN, 0}};
        int n = ::poll(fds, 2, -1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || fds[1].revents != 0) return false;
        if ((fds[0].revents & events) != 0) return true;
        if ((fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) return false;
    }
}

bool send_all(const State& s, int fd, std::string_view data) {
    while (!data.empty()) {
        if (!wait_for(s, fd, POLLOUT)) return false;
        ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Holds the connection open, reading and dropping whatever comes, until the peer closes it or the
// server stops: the client sees a server that has gone silent.
void stall(const State& s, int fd) {
    char scratch[4096];
    while (wait_for(s, fd, POLLIN)) {
        ssize_t n = ::recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return;
    }
}

struct Request {
    std::string path;
    Headers headers;  // names lower-cased
};

// Reads one request head (requests here are GETs without bodies). Nothing on close or shutdown.
std::optional<Request> read_request(const State& s, int fd, std::string& buffer) {
    constexpr std::size_t max_head = 64 * 1024;
    std::size_t end = 0;
    while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (buffer.size() > max_head || !wait_for(s, fd, POLLIN)) return std::nullopt;
        char chunk[4096];
        ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) return std::nullopt;
        buffer.append(chunk, static_cast<std::size_t>(n));
        // Not HTTP (a TLS ClientHello, say): hang up, as a plain HTTP server would.
        if (!std::isupper(static_cast<unsigned char>(buffer.front()))) return std::nullopt;
    }
    std::string head = buffer.substr(0, end);
    buffer.erase(0, end + 4);

    Request request;
    std::size_t line_end = head.find("\r\n");
    std::string_view request_line = std::string_view(head).substr(0, line_end);
    auto first = request_line.find(' ');
    auto second = request_line.find(' ', first == std::string_view::npos ? first : first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
    std::string_view target = request_line.substr(first + 1, second - first - 1);
    request.path = std::string(target.substr(0, target.find('?')));
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
        std::size_t next = head.find("\r\n", pos);
        if (next == std::string::npos) next = head.size();
        std::string_view line = std::string_view(head).substr(pos, next - pos);
        auto colon = line.find(':');
        if (colon != std::string_view::npos) {
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            request.headers.emplace_back(lower(line.substr(0, colon)), std::string(value));
        }
        pos = next + 2;
    }
    return request;
}

const char* phrase(int status) {
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

bool has_header(const Headers& headers, std::string_view name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& h) { return lower(h.first) == lower(name); });
}

std::string response_head(int status, const Headers& headers, std::size_t content_length) {
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + phrase(status) + "\r\n";
    for (const auto& [name, value] : headers) head += name + ": " + value + "\r\n";
    bool bodiless = status == 304 || status == 204;
    if (!bodiless && !has_header(headers, "content-length") &&
        !has_header(headers, "transfer-encoding")) {
        head += "Content-Length: " + std::to_string(content_length) + "\r\n";
    }
    return head + "\r\n";
}

// Answers one request. False when the connection must not serve another.
bool answer(const State& s, int& fd, const Behaviour& b) {
    std::string_view body = b.body;
    std::string_view first_part = body.substr(0, std::min(b.sent, body.size()));
    switch (b.kind) {
    case Kind::fixed: {
        std::string out = response_head(b.status, b.headers, body.size());
        if (b.status != 304 && b.status != 204) out += body;
        return send_all(s, fd, out);
    }
    case Kind::trickle:
        if (send_all(s, fd, response_head(200, {}, body.size()) + std::string(first_part))) {
            stall(s, fd);
        }
        return false;
    case Kind::reset: {
        send_all(s, fd, response_head(200, {}, body.size()) + std::string(first_part));
        // A zero linger time makes close() send RST rather than FIN.
        linger hard{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        close_fd(fd);
        return false;
    }
    case Kind::truncate:
        send_all(s, fd, response_head(200, {}, body.size()) + std::string(first_part));
        ::shutdown(fd, SHUT_WR);
        return false;
    case Kind::endless: {
        if (!send_all(s, fd, response_head(200, {{"Transfer-Encoding", "chunked"}}, 0))) {
            return false;
        }
        const std::string chunk = "4000\r\n" + std::string(0x4000, 'x') + "\r\n";
        while (send_all(s, fd, chunk)) {
        }
        return false;
    }
    case Kind::broken_gzip: {
        const std::string garbage = "this is not gzip at all, not even its magic bytes";
        Headers headers = {{"Content-Encoding", "gzip"}, {"Content-Type", "application/json"}};
        return send_all(s, fd, response_head(200, headers, garbage.size()) + garbage);
    }
    }
    return false;
}

Behaviour behaviour_for(State& s, const Request& request) {
    std::lock_guard lock(s.mutex);
    ++s.counts[request.path];
    s.last_headers[request.path] = request.headers;
    auto found = s.behaviours.find(request.path);
    if (found != s.behaviours.end()) return found->second;
    Behaviour missing;
    missing.status = 404;
    missing.body = "no behaviour scripted for " + request.path + "\n";
    return missing;
}

void serve(State& s, int fd) {
    std::string buffer;
    while (auto request = read_request(s, fd, buffer)) {
        if (!answer(s, fd, behaviour_for(s, *request))) break;
    }
    close_fd(fd);
}

void accept_loop(State& s) {
    while (wait_for(s, s.listen_fd, POLLIN)) {
        int fd = ::accept4(s.listen_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) continue;
        std::lock_guard lock(s.mutex);
        s.connections.emplace_back([&s, fd] { serve(s, fd); });
    }
}

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("FaultServer: " + what + ": " + std::strerror(errno));
}

}  // namespace

FaultServer::FaultServer() : state_(std::make_unique<State>()) {
    State& s = *state_;
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) fail("pipe");
    s.wake_read = pipe_fds[0];
    s.wake_write = pipe_fds[1];

    s.listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s.listen_fd < 0) fail("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(s.listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        fail("bind");
    }
    if (::listen(s.listen_fd, 64) != 0) fail("listen");
    socklen_t length = sizeof address;
    if (::getsockname(s.listen_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        fail("getsockname");
    }
    port_ = ntohs(address.sin_port);
    s.acceptor = std::thread([&s] { accept_loop(s); });
}

FaultServer::~FaultServer() {
    State& s = *state_;
    close_fd(s.wake_write);
    if (s.acceptor.joinable()) s.acceptor.join();
    // The acceptor has stopped, so no thread is added any more.
    for (auto& connection : s.connections) connection.join();
    close_fd(s.listen_fd);
    close_fd(s.wake_read);
}

std::string FaultServer::url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

void FaultServer::set(const std::string& path, const Behaviour& behaviour) {
    std::lock_guard lock(state_->mutex);
    state_->behaviours[path] = behaviour;
}

void FaultServer::respond(const std::string& path, int status, std::string body,
                          Headers headers) {
    set(path, Behaviour{Kind::fixed, status, std::move(body), std::move(headers), 0});
}

void FaultServer::trickle(const std::string& path, std::string body, std::size_t sent) {
    set(path, Behaviour{Kind::trickle, 200, std::move(body), {}, sent});
}

void FaultServer::reset_mid_body(const std::string& path, std::string body, std::size_t sent) {
    set(path, Behaviour{Kind::reset, 200, std::move(body), {}, sent});
}

void FaultServer::truncate(const std::string& path, std::string body, std::size_t sent) {
    set(path, Behaviour{Kind::truncate, 200, std::move(body), {}, sent});
}

void FaultServer::endless(const std::string& path) {
    set(path, Behaviour{Kind::endless, 200, {}, {}, 0});
}

void FaultServer::redirect(const std::string& path, std::string location, int status) {
    // A body, as real servers send with a redirect: a client following it must skip it.
    set(path, Behaviour{Kind::fixed, status, "<html><body>Moved</body></html>\n",
                        {{"Location", std::move(location)}, {"Content-Type", "text/html"}}, 0});
}

void FaultServer::broken_gzip(const std::string& path) {
    set(path, Behaviour{Kind::broken_gzip, 200, {}, {}, 0});
}

std::size_t FaultServer::request_count(const std::string& path) const {
    std::lock_guard lock(state_->mutex);
    auto found = state_->counts.find(path);
    return found == state_->counts.end() ? 0 : found->second;
}

std::optional<std::string> FaultServer::last_request_header(const std::string& path,
                                                            std::string_view name) const {
    std::lock_guard lock(state_->mutex);
    auto found = state_->last_headers.find(path);
    if (found == state_->last_headers.end()) return std::nullopt;
    std::string wanted = lower(name);
    for (const auto& [header, value] : found->second) {
        if (header == wanted) return value;
    }
    return std::nullopt;
}

}  // namespace aff::test
