#include "sync/sync_options.hpp"

#include <fstream>
#include <utility>

namespace aff::options {

void check_key_choice(const SyncOptions& options) {
    const bool key = !options.public_key.empty();
    const bool key_file = !options.public_key_file.empty();
    if (key && key_file) {
        throw Error("give --public-key or --public-key-file, not both");
    }
    if (!options.feed_url.empty() && !key && !key_file) {
        throw Error("--feed-url needs --public-key or --public-key-file: a feed is applied only "
                    "when its signature verifies");
    }
}

minisign::PublicKey load_public_key(const SyncOptions& options) {
    check_key_choice(options);
    const bool from_file = options.public_key.empty();
    const std::string name = from_file ? "--public-key-file" : "--public-key";
    std::string text = options.public_key;
    if (from_file) {
        std::ifstream in(options.public_key_file, std::ios::binary);
        if (!in) {
            throw Error(name + ": cannot read " + options.public_key_file);
        }
        text.resize(minisign::max_key_file_bytes + 1);
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        if (text.size() > minisign::max_key_file_bytes) {
            throw Error(name + ": " + options.public_key_file + " is too large");
        }
    }
    std::string error;
    auto key = minisign::parse_public_key(text, error);
    if (!key) {
        throw Error(name + ": " + error);
    }
    return *key;
}

SyncConfig sync_config(const SyncOptions& options, std::string assets_dir) {
    SyncConfig config;
    config.feed_url = options.feed_url;
    config.key = load_public_key(options);
    config.assets_dir = std::move(assets_dir);
    config.ca_file = options.ca_file;
    config.metrics_path = options.metrics;
    return config;
}

}  // namespace aff::options
