#include "tests/support/nginx_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

extern char** environ;

namespace aff::test {
namespace {

namespace fs = std::filesystem;

class Socket {
public:
    Socket() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {}
    ~Socket() {
        if (fd_ >= 0) ::close(fd_);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    return address;
}

// A port nobody listens on right now. Another process may take it before nginx does: the caller
// retries with another port when nginx cannot bind.
std::uint16_t free_port() {
    Socket socket;
    sockaddr_in address = loopback(0);
    if (socket.fd() < 0 ||
        ::bind(socket.fd(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        throw std::runtime_error(std::string("NginxServer: no free port: ") + std::strerror(errno));
    }
    socklen_t length = sizeof address;
    ::getsockname(socket.fd(), reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

bool accepts_connections(std::uint16_t port) {
    Socket socket;
    sockaddr_in address = loopback(port);
    return socket.fd() >= 0 &&
           ::connect(socket.fd(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
}

std::string read_tail(const fs::path& path, std::size_t max_chars = 400) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.size() > max_chars) text.erase(0, text.size() - max_chars);
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
}

// Everything but the server: all paths inside `dir`, so nginx needs no root and no /var.
std::string http_context(const fs::path& dir) {
    std::string d = dir.string();
    return "daemon off;\n"
           "master_process off;\n"
           "worker_processes 1;\n"
           "pid " + d + "/nginx.pid;\n"
           "error_log " + d + "/error.log warn;\n"
           "events { worker_connections 64; }\n"
           "http {\n"
           "    access_log " + d + "/access.log;\n"
           "    client_body_temp_path " + d + "/client_body;\n"
           "    proxy_temp_path " + d + "/proxy;\n"
           "    fastcgi_temp_path " + d + "/fastcgi;\n"
           "    uwsgi_temp_path " + d + "/uwsgi;\n"
           "    scgi_temp_path " + d + "/scgi;\n";
}

// The feed directory as the tests serve it: the production essentials (etag, gzip_static).
std::string server_block(const fs::path& root, std::uint16_t port,
                         const std::optional<NginxServer::Tls>& tls) {
    std::string listen = "        listen 127.0.0.1:" + std::to_string(port) + (tls ? " ssl" : "") +
                         ";\n";
    if (tls) {
        listen += "        ssl_certificate " + fs::absolute(tls->certificate).string() + ";\n" +
                  "        ssl_certificate_key " + fs::absolute(tls->key).string() + ";\n";
    }
    return "    types {\n"
           "        application/json json;\n"
           "        text/plain minisig;\n"
           "        image/png png;\n"
           "        image/jpeg jpg jpeg;\n"
           "    }\n"
           "    default_type application/octet-stream;\n"
           "    etag on;\n"
           "    gzip off;\n"
           "    gzip_static on;\n"
           "    server {\n" +
           listen +
           "        root " + root.string() + ";\n"
           "    }\n";
}

}  // namespace

NginxServer::NginxServer(const fs::path& root, const fs::path& scratch) {
    start(root, scratch);
}

NginxServer::NginxServer(const fs::path& root, const fs::path& scratch, const Tls& tls)
    : tls_(tls), https_(true) {
    start(root, scratch);
}

NginxServer::NginxServer(const ServerBlock& block, const fs::path& scratch)
    : block_(block), https_(block.text.find(" ssl") != std::string::npos) {
    start({}, scratch);
}

void NginxServer::start(const fs::path& root, const fs::path& scratch) {
    if (::access(binary, X_OK) != 0) {
        throw std::runtime_error(std::string("NginxServer: ") + binary +
                                 " is missing: run toolchains/install-deps.sh");
    }
    fs::create_directories(scratch);
    std::string pattern = (scratch / "nginx-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
        throw std::runtime_error("NginxServer: cannot create a directory under " +
                                 scratch.string() + ": " + std::strerror(errno));
    }
    work_dir_ = fs::absolute(buffer.data());
    std::string error;
    // A port found free can be taken before nginx binds it; a few fresh ports settle that.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (try_start(root.empty() ? root : fs::absolute(root), error)) return;
    }
    std::error_code ignored;
    fs::remove_all(work_dir_, ignored);
    throw std::runtime_error("NginxServer: " + error);
}

NginxServer::~NginxServer() {
    stop();
    std::error_code ignored;
    fs::remove_all(work_dir_, ignored);
}

std::string NginxServer::url(std::string_view path) const {
    return (https_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_) +
           std::string(path);
}

bool NginxServer::try_start(const fs::path& root, std::string& error) {
    port_ = free_port();
    fs::path conf = work_dir_ / "nginx.conf";
    fs::path log = work_dir_ / "error.log";
    {
        std::ofstream out(conf, std::ios::trunc);
        if (block_) {
            std::string text = block_->text;
            for (auto at = text.find("@PORT@"); at != std::string::npos; at = text.find("@PORT@")) {
                text.replace(at, 6, std::to_string(port_));
            }
            out << http_context(work_dir_) << text << "\n}\n";
        } else {
            out << http_context(work_dir_) << server_block(root, port_, tls_) << "}\n";
        }
        if (!out) {
            error = "cannot write " + conf.string();
            return false;
        }
    }
    std::string prefix = work_dir_.string() + "/";
    std::string conf_path = conf.string();
    std::string log_path = log.string();
    // -e: nginx opens its error log before it reads the configuration; keep it out of /var/log.
    std::vector<std::string> args = {binary, "-p", prefix, "-c", conf_path, "-e", log_path};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = ::posix_spawn(&pid, binary, nullptr, nullptr, argv.data(), environ);
    if (rc != 0) {
        error = std::string("cannot start ") + binary + ": " + std::strerror(rc);
        return false;
    }
    pid_ = pid;

    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        if (accepts_connections(port_)) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            error = "nginx exited at start on port " + std::to_string(port_) + ": " +
                    read_tail(log);
            return false;
        }
        std::this_thread::yield();
    }
    stop();
    error = "nginx did not accept connections within 5 s: " + read_tail(log);
    return false;
}

void NginxServer::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
}

}  // namespace aff::test
