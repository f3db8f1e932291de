// The feed's images, in a directory named by content: DIR/<sha256 in lowercase hex>. A file there
// is complete and verified, because it is only ever created by renaming a verified, synced
// temporary file into place. Files no applied feed references are collected after an apply.
#pragma once

#include "sync/feed.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

// A SHA-256 digest in lowercase hex (libsodium).
std::string sha256_hex(std::string_view bytes);

// True for exactly 64 lowercase hex digits: the only names the store creates or deletes.
bool is_sha256_name(std::string_view name);

class AssetStore {
public:
    explicit AssetStore(std::string dir);

    const std::string& dir() const { return dir_; }
    std::string path_of(std::string_view sha256) const;

    // Whether the asset is present with its size; with `verify_hash`, also reads it and checks
    // its SHA-256 (a file that fails is not present).
    bool has(const Asset& asset, bool verify_hash = false) const;

    // The ids of the listed assets that are not present (by has(), in list order): the ones a
    // screen draws as a placeholder and the sync fetches again at its next poll.
    std::vector<std::string> missing(const std::vector<Asset>& listed) const;

    // Deletes the asset's file, e.g. one that failed its hash, so it is never shown. False only
    // when a file was there and could not be deleted.
    bool remove(const Asset& asset) const;

    enum class Failure : std::uint8_t { none, mismatch, disk };
    struct PutResult {
        Failure failure = Failure::none;
        std::string error;  // one line, e.g. "asset poster-7: sha256 mismatch (expected ..., ...)"
        bool ok() const { return failure == Failure::none; }
    };
    // Checks `bytes` against the asset's size and SHA-256, then stores them: a temporary file in
    // the directory (created if missing), fsync, rename to its name, fsync of the directory.
    PutResult put(const Asset& asset, std::string_view bytes) const;

    struct ImportResult {
        std::size_t stored = 0;
        std::vector<std::string> problems;  // one line each, e.g. "asset poster-7: ..."
    };
    // Stores each listed asset that is not present from its file under `source_dir` (the asset's
    // path there, which must not leave it), checked and written as put() does: how a feed read
    // from a directory (the bundled demo) gets its posters into the store like a synced one.
    ImportResult import_files(const std::string& source_dir,
                              const std::vector<Asset>& listed) const;

    struct GcResult {
        std::size_t removed = 0;
        std::string error;  // the first failure, one line; empty when none
    };
    // Deletes every asset not named in `keep`, and temporary files left by an interrupted put().
    // Never touches a file whose name is not a SHA-256 (or such a temporary file).
    GcResult collect_garbage(const std::set<std::string>& keep) const;

private:
    std::string dir_;
};

}  // namespace aff
