// kiosk-feed: the programme office's tool for schedule feeds.
//   kiosk-feed validate FILE                  check a feed against the feed-v1 contract
//   kiosk-feed generate --screenings N [--seed S] [--output FILE]
//                                             write a synthetic feed for benchmarks and tests
//   kiosk-feed keygen -p PUB -s SEC           make a minisign key pair (secret key unencrypted)
//   kiosk-feed sign -s SEC -m FILE [-t TEXT]  write FILE.minisig (minisign's prehashed form)
// A feed dated more than 5 minutes ahead of this computer's clock is a warning for validate, and
// sign refuses it (sync/feed_dating.hpp); so does a feed larger than the kiosks take.
// Exit codes: 0 valid (warnings allowed) or written, 1 the feed has errors (or sign refused it),
// 2 usage or I/O error.
#include "sync/feed_dating.hpp"
#include "sync/feed_gen.hpp"
#include "sync/feed_parse.hpp"
#include "sync/minisign.hpp"
#include "sync/time/clock.hpp"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

namespace {

// The file's bytes, or nothing with the one-line reason in `error` ("cannot read PATH: ...").
std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "cannot read " + path + ": it is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    return std::move(bytes).str();
}

int validate(const std::string& path, const aff::Clock& clock) {
    std::string error;
    auto bytes = read_file(path, error);
    if (!bytes) {
        std::cerr << "kiosk-feed: " << error << "\n";
        return 2;
    }
    auto result = aff::parse_feed(*bytes);
    if (result.feed) {
        if (auto future = aff::future_dating(*result.feed, clock.now())) {
            result.diagnostics.push_back(std::move(*future));
        }
    }
    for (const auto& d : result.diagnostics) {
        const bool is_error = d.severity == aff::Diagnostic::Severity::error;
        std::cout << (is_error ? "error: " : "warning: ") << d.to_string() << "\n";
    }
    std::cout << path << ": " << result.error_count() << " errors, " << result.warning_count()
              << " warnings";
    if (result.feed) {
        std::cout << "; sequence " << result.feed->sequence << ", "
                  << result.feed->venues.size() << " venues, " << result.feed->films.size()
                  << " films, " << result.feed->screenings.size() << " screenings";
    }
    std::cout << "\n";
    return result.ok() ? 0 : 1;
}

int generate(const aff::GenOptions& options, const std::string& output) {
    std::string text = aff::generate_feed(options).dump(1);
    text += '\n';
    if (output.empty() || output == "-") {
        std::cout << text;
        return std::cout ? 0 : 2;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "kiosk-feed: cannot write " << output << "\n";
        return 2;
    }
    return 0;
}

// Creates `path` with `mode`, refusing to replace anything already there (O_EXCL), and writes
// `text` to it durably.
bool write_new_file(const std::string& path, const std::string& text, mode_t mode,
                    std::string& error) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    std::size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == text.size() && ::fsync(fd) == 0;
    if (!ok) error = std::strerror(errno);
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = std::strerror(errno);
    }
    if (!ok) ::unlink(path.c_str());
    return ok;
}

int keygen(const std::string& public_path, const std::string& secret_path) {
    std::error_code ec;
    if (std::filesystem::equivalent(public_path, secret_path, ec) || public_path == secret_path) {
        std::cerr << "kiosk-feed: the public and the secret key need two different files\n";
        return 2;
    }
    for (const auto& path : {public_path, secret_path}) {
        if (std::filesystem::symlink_status(path, ec).type() !=
            std::filesystem::file_type::not_found) {
            std::cerr << "kiosk-feed: " << path << " already exists; not overwriting a key\n";
            return 2;
        }
    }
    std::string error;
    auto pair = aff::minisign::generate_key_pair(error);
    if (!pair) {
        std::cerr << "kiosk-feed: " << error << "\n";
        return 2;
    }
    if (!write_new_file(secret_path, aff::minisign::secret_key_file(pair->secret_key), 0600,
                        error)) {
        std::cerr << "kiosk-feed: cannot write " << secret_path << ": " << error << "\n";
        return 2;
    }
    if (!write_new_file(public_path, aff::minisign::public_key_file(pair->public_key), 0644,
                        error)) {
        std::cerr << "kiosk-feed: cannot write " << public_path << ": " << error << "\n";
        ::unlink(secret_path.c_str());  // half a key pair is no use to anyone
        return 2;
    }
    std::cout << "secret key " << secret_path << " (not encrypted: keep it secret)\n"
              << "public key " << public_path << ", key id "
              << aff::minisign::key_id_hex(pair->public_key.key_id) << ":\n"
              << aff::minisign::public_key_base64(pair->public_key) << "\n";
    return 0;
}

// minisign's own default: when it was signed and what it was called.
std::string default_trusted_comment(const std::string& message_path) {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return "timestamp:" + std::to_string(now.count()) +
           "\tfile:" + std::filesystem::path(message_path).filename().string() + "\thashed";
}

int sign(const std::string& secret_path, const std::string& message_path,
         std::optional<std::string> trusted_comment, const aff::Clock& clock) {
    std::string error;
    auto key = aff::minisign::load_secret_key(secret_path, error);
    if (!key) {
        std::cerr << "kiosk-feed: " << error << "\n";
        return 2;
    }
    auto message = read_file(message_path, error);
    if (!message) {
        std::cerr << "kiosk-feed: " << error << "\n";
        return 2;
    }
    // The kiosks' own limit (ParseLimits): a signature on a feed no kiosk takes helps no one.
    if (const std::size_t limit = aff::ParseLimits{}.max_bytes; message->size() > limit) {
        std::cerr << "kiosk-feed: " << message_path << " is " << message->size()
                  << " bytes, more than the kiosks' limit of " << limit << ": not signed\n";
        return 1;
    }
    if (const auto feed = aff::parse_feed(*message).feed) {
        if (const auto future = aff::future_dating(*feed, clock.now())) {
            std::cerr << "kiosk-feed: " << message_path << ": " << future->to_string()
                      << "; not signed\n";
            return 1;
        }
    }
    if (!trusted_comment) trusted_comment = default_trusted_comment(message_path);
    auto minisig = aff::minisign::sign(*message, *key, *trusted_comment, error);
    if (!minisig) {
        std::cerr << "kiosk-feed: " << error << "\n";
        return 2;
    }
    // Written aside and renamed, so a reader never sees half a signature.
    std::string sig_path = message_path + ".minisig";
    std::string temp_path = sig_path + ".tmp";
    ::unlink(temp_path.c_str());
    bool written = write_new_file(temp_path, *minisig, 0644, error);
    if (written && std::rename(temp_path.c_str(), sig_path.c_str()) != 0) {
        error = std::strerror(errno);
        written = false;
    }
    if (!written) {
        ::unlink(temp_path.c_str());
        std::cerr << "kiosk-feed: cannot write " << sig_path << ": " << error << "\n";
        return 2;
    }
    std::cout << sig_path << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kiosk-feed: check and make Almaty Film Festival schedule feeds (format v1)"};
    app.set_version_flag("--version", std::string("kiosk-feed ") + AFF_VERSION);
    app.require_subcommand(1);

    std::string file;
    auto* validate_cmd = app.add_subcommand("validate", "Check a feed; exit 1 if it has errors");
    validate_cmd->add_option("FILE", file, "The feed (JSON)")->required();

    aff::GenOptions gen;
    std::string output;
    auto* generate_cmd =
        app.add_subcommand("generate", "Write a synthetic feed of any size (deterministic)");
    generate_cmd->add_option("--screenings", gen.screenings, "How many screenings")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    generate_cmd->add_option("--seed", gen.seed, "Random seed; the same seed, the same feed");
    generate_cmd->add_option("-o,--output", output, "Output file (default: standard output)");

    std::string public_path;
    std::string secret_path;
    auto* keygen_cmd = app.add_subcommand(
        "keygen", "Make a minisign key pair; the secret key has no password (mode 0600)");
    keygen_cmd->add_option("-p,--public-key", public_path, "Public key file to create")
        ->required();
    keygen_cmd->add_option("-s,--secret-key", secret_path, "Secret key file to create")
        ->required();

    std::string message_path;
    std::optional<std::string> trusted_comment;
    auto* sign_cmd = app.add_subcommand(
        "sign", "Sign FILE into FILE.minisig, which `minisign -V` and the kiosks verify");
    sign_cmd->add_option("-s,--secret-key", secret_path, "Secret key file (no password)")
        ->required();
    sign_cmd->add_option("-m,--message", message_path, "The file to sign")->required();
    sign_cmd->add_option("-t,--trusted-comment", trusted_comment,
                         "Signed one-line comment (default: timestamp and file name)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    const aff::SystemClock clock;  // the composition root: the one place that reads the time
    if (*validate_cmd) return validate(file, clock);
    if (*keygen_cmd) return keygen(public_path, secret_path);
    if (*sign_cmd) return sign(secret_path, message_path, trusted_comment, clock);
    return generate(gen, output);
}
