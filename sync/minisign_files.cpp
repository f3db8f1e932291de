// Key files from disk, for the programs that are given a path (the kiosk, kiosk-sync, kiosk-feed):
// read with a key-sized limit, then parsed by the readers in minisign.cpp.
#include "sync/minisign.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace aff::minisign {
namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string quoted(const std::string& path) { return "\"" + path + "\""; }

// The whole file when it is no larger than a key file can be, else nothing and why.
std::optional<std::string> read_key_file(const std::string& path, const std::string& what,
                                         std::string& error) {
    const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        error = "cannot read " + what + " " + quoted(path) + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::string text(max_key_file_bytes + 1, '\0');  // one byte more tells a file too large
    errno = 0;
    const std::size_t read = std::fread(text.data(), 1, text.size(), file.get());
    if (std::ferror(file.get()) != 0) {  // a directory, say
        error = "cannot read " + what + " " + quoted(path) + ": " +
                (errno != 0 ? std::strerror(errno) : "read error");
        return std::nullopt;
    }
    if (read > max_key_file_bytes) {
        error = what + " " + quoted(path) + " is too large to be a key (more than " +
                std::to_string(max_key_file_bytes) + " bytes)";
        return std::nullopt;
    }
    text.resize(read);
    return text;
}

}  // namespace

std::optional<PublicKey> load_public_key(const std::string& path, std::string& error) {
    const std::string what = "public key file";
    const auto text = read_key_file(path, what, error);
    if (!text) {
        return std::nullopt;
    }
    auto key = parse_public_key(*text, error);
    if (!key) {
        error = what + " " + quoted(path) + ": " + error;
    }
    return key;
}

std::optional<SecretKey> load_secret_key(const std::string& path, std::string& error) {
    const std::string what = "secret key file";
    const auto text = read_key_file(path, what, error);
    if (!text) {
        return std::nullopt;
    }
    auto key = parse_secret_key(*text, error);
    if (!key) {
        error = what + " " + quoted(path) + ": " + error;
    }
    return key;
}

}  // namespace aff::minisign
