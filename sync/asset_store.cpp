#include "sync/asset_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace aff {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view temp_suffix = ".tmp";

// The first 12 digits of a digest: enough to tell two apart in a log line.
std::string short_hash(std::string_view hex) {
    return hex.size() > 12 ? std::string(hex.substr(0, 12)) + "…" : std::string(hex);
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    int get() const { return fd_; }
    // Closes now, reporting the error close() can carry on some file systems.
    int close() { return ::close(std::exchange(fd_, -1)); }

private:
    int fd_;
};

std::string disk_error(int error, const std::string& doing) {
    return "disk: " + std::string(std::strerror(error)) + " " + doing;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

bool is_sha256_name(std::string_view name) {
    if (name.size() != 64) {
        return false;
    }
    for (const char c : name) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

AssetStore::AssetStore(std::string dir) : dir_(std::move(dir)) {}

std::string AssetStore::path_of(std::string_view sha256) const {
    return dir_ + "/" + std::string(sha256);
}

bool AssetStore::has(const Asset& asset, bool verify_hash) const {
    if (!is_sha256_name(asset.sha256)) {
        return false;
    }
    const std::string path = path_of(asset.sha256);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != asset.size || ec) {
        return false;
    }
    if (!verify_hash) {
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return !in.bad() && bytes.size() == asset.size && sha256_hex(bytes) == asset.sha256;
}

std::vector<std::string> AssetStore::missing(const std::vector<Asset>& listed) const {
    std::vector<std::string> ids;
    for (const Asset& asset : listed) {
        if (!has(asset)) {
            ids.push_back(asset.id);
        }
    }
    return ids;
}

bool AssetStore::remove(const Asset& asset) const {
    if (!is_sha256_name(asset.sha256)) {
        return true;
    }
    std::error_code ec;
    fs::remove(path_of(asset.sha256), ec);
    return !ec;
}

AssetStore::PutResult AssetStore::put(const Asset& asset, std::string_view bytes) const {
    const std::string who = "asset " + asset.id + ": ";
    if (!is_sha256_name(asset.sha256)) {
        return {Failure::mismatch, who + "the feed's sha256 is not 64 lowercase hex digits"};
    }
    if (bytes.size() != asset.size) {
        return {Failure::mismatch, who + "size mismatch (expected " + std::to_string(asset.size) +
                                       " bytes, got " + std::to_string(bytes.size()) + ")"};
    }
    const std::string actual = sha256_hex(bytes);
    if (actual != asset.sha256) {
        return {Failure::mismatch, who + "sha256 mismatch (expected " + short_hash(asset.sha256) +
                                       ", got " + short_hash(actual) + ")"};
    }
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
        return {Failure::disk, "disk: " + ec.message() + " creating " + dir_};
    }
    const std::string final_path = path_of(asset.sha256);
    const std::string temp_path = final_path + std::string(temp_suffix);
    Fd file(::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (file.get() < 0) {
        return {Failure::disk, disk_error(errno, "creating " + temp_path)};
    }
    if (!write_all(file.get(), bytes) || ::fsync(file.get()) != 0 || file.close() != 0) {
        const int error = errno;
        ::unlink(temp_path.c_str());
        return {Failure::disk, disk_error(error, "writing " + temp_path)};
    }
    if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp_path.c_str());
        return {Failure::disk, disk_error(error, "renaming " + temp_path)};
    }
    // The rename is durable only once the directory is.
    Fd dir(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0 || ::fsync(dir.get()) != 0) {
        return {Failure::disk, disk_error(errno, "syncing " + dir_)};
    }
    return {};
}

AssetStore::ImportResult AssetStore::import_files(const std::string& source_dir,
                                                  const std::vector<Asset>& listed) const {
    ImportResult result;
    for (const Asset& asset : listed) {
        if (has(asset)) {
            continue;
        }
        const fs::path relative(asset.path);
        if (asset.path.empty() || relative.is_absolute() ||
            std::find(relative.begin(), relative.end(), "..") != relative.end()) {
            result.problems.push_back("asset " + asset.id + ": the path '" + asset.path +
                                      "' leaves " + source_dir);
            continue;
        }
        const std::string path = source_dir + "/" + asset.path;
        std::ifstream in(path, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        if (!in.is_open() || in.bad()) {
            result.problems.push_back("asset " + asset.id + ": cannot read " + path);
            continue;
        }
        const PutResult put_result = put(asset, bytes);
        if (!put_result.ok()) {
            result.problems.push_back(put_result.error);
            continue;
        }
        ++result.stored;
    }
    return result;
}

AssetStore::GcResult AssetStore::collect_garbage(const std::set<std::string>& keep) const {
    GcResult result;
    std::error_code ec;
    fs::directory_iterator it(dir_, ec);
    if (ec) {
        // No directory yet means no assets to collect.
        if (ec != std::errc::no_such_file_or_directory) {
            result.error = "disk: " + ec.message() + " listing " + dir_;
        }
        return result;
    }
    for (const fs::directory_entry& entry : it) {
        const std::string name = entry.path().filename().string();
        std::string_view digest = name;
        const bool temporary = digest.ends_with(temp_suffix);
        if (temporary) {
            digest.remove_suffix(temp_suffix.size());
        }
        if (!is_sha256_name(digest) || (!temporary && keep.contains(name)) ||
            !entry.is_regular_file(ec)) {
            continue;
        }
        if (fs::remove(entry.path(), ec)) {
            ++result.removed;
        } else if (ec && result.error.empty()) {
            result.error = "disk: " + ec.message() + " removing " + entry.path().string();
        }
    }
    return result;
}

}  // namespace aff
