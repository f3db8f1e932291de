// A real nginx (Debian's /usr/sbin/nginx) serving a directory on a free loopback port, with
// `etag on` and `gzip_static on`, as the feed is served in production. Test-only.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace aff::test {

class NginxServer {
public:
    static constexpr const char* binary = "/usr/sbin/nginx";

    // Serves `root` with a configuration, logs and temp files in a fresh directory under
    // `scratch`. Returns once nginx accepts connections. Throws std::runtime_error with a one-line
    // reason (and the tail of nginx's error log) if nginx is missing or does not start within 5 s.
    NginxServer(const std::filesystem::path& root, const std::filesystem::path& scratch);
    // The same over TLS only (https://), with this certificate chain and key (PEM).
    struct Tls {
        std::filesystem::path certificate;
        std::filesystem::path key;
    };
    NginxServer(const std::filesystem::path& root, const std::filesystem::path& scratch,
                const Tls& tls);
    // Runs a `server { }` block of the caller's own (a copy of assets/nginx/kiosk-feed.conf, say)
    // inside the generated http context, in place of the generated one. Every "@PORT@" in it
    // becomes the chosen port. url() says "https://" if the block's text contains " ssl".
    struct ServerBlock {
        std::string text;
    };
    NginxServer(const ServerBlock& block, const std::filesystem::path& scratch);
    // SIGTERM, then waits for nginx to exit, then removes its directory.
    ~NginxServer();
    NginxServer(const NginxServer&) = delete;
    NginxServer& operator=(const NginxServer&) = delete;

    std::uint16_t port() const { return port_; }
    // "http://127.0.0.1:<port><path>" ("https://" with TLS); path starts with '/'.
    std::string url(std::string_view path) const;
    // The directory holding nginx.conf, error.log and the temp directories.
    const std::filesystem::path& work_dir() const { return work_dir_; }

private:
    std::filesystem::path work_dir_;
    std::uint16_t port_ = 0;
    pid_t pid_ = -1;
    std::optional<Tls> tls_;
    std::optional<ServerBlock> block_;
    bool https_ = false;

    void start(const std::filesystem::path& root, const std::filesystem::path& scratch);
    bool try_start(const std::filesystem::path& root, std::string& error);
    void stop();
};

}  // namespace aff::test
