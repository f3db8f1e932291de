// The sync's options, as the kiosk and kiosk-sync both take them (--feed-url, --public-key,
// --public-key-file, --assets, --ca-file, --interval, --metrics), and what they come to: the key
// and a Syncer's settings. sync/options.hpp declares them to CLI11.
#pragma once

#include "sync/minisign.hpp"
#include "sync/syncer.hpp"

#include <stdexcept>
#include <string>

namespace aff::options {

// A usage or configuration error, one line, without the program's name.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The sync options, the same in both programs (name, meaning, default, checks).
struct SyncOptions {
    std::string feed_url;         // --feed-url
    std::string public_key;       // --public-key: base64
    std::string public_key_file;  // --public-key-file: a minisign .pub file
    std::string assets;           // --assets
    std::string ca_file;          // --ca-file; empty: the system's CA store
    int interval = 60;            // --interval: seconds between polls
    std::string metrics;          // --metrics: node_exporter textfile; empty: none
};

// Throws Error when both --public-key and --public-key-file are given, or a --feed-url with
// neither (a feed is applied only when its signature verifies).
void check_key_choice(const SyncOptions& options);
// The key from --public-key or --public-key-file (checked as above); throws Error naming the
// option.
minisign::PublicKey load_public_key(const SyncOptions& options);
// A Syncer's settings from the options (the key loaded), with `assets_dir` as the asset store.
SyncConfig sync_config(const SyncOptions& options, std::string assets_dir);

}  // namespace aff::options
