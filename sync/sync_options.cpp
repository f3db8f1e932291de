#include "sync/sync_options.hpp"

#include <string>
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
    std::string error;
    auto key = from_file ? minisign::load_public_key(options.public_key_file, error)
                         : minisign::parse_public_key(options.public_key, error);
    if (!key) {
        throw Error(std::string(from_file ? "--public-key-file" : "--public-key") + ": " + error);
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
