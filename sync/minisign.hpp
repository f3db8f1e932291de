// minisign signatures (https://jedisct1.github.io/minisign/) with libsodium: reading public and
// unencrypted secret keys, verifying detached signatures, making key pairs and signatures that
// the `minisign` tool reads. Every reader is strict, never throws on bad input and never crashes:
// it answers nothing and a one-line reason.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aff::minisign {

using KeyId = std::array<std::uint8_t, 8>;  // as stored: little-endian

// A .minisig is four short lines; anything larger is refused before it is read.
inline constexpr std::size_t max_signature_bytes = 64u << 10;
// A .pub or .key file is two short lines.
inline constexpr std::size_t max_key_file_bytes = 4u << 10;

struct PublicKey {
    KeyId key_id{};
    std::array<std::uint8_t, 32> key{};
};

// The base64 line alone ("RWQ..."), or a whole .pub file (untrusted comment line + base64 line).
std::optional<PublicKey> parse_public_key(std::string_view text, std::string& error);

// A public key file (.pub) read from `path` (sync/minisign_files.cpp). No more than a key file
// can hold is read, so a wrong path (a feed, a disk image) is refused at once. On failure:
// nothing, and a one-line reason that names the file, e.g.
//   cannot read public key file "/etc/aff/feed.pub": No such file or directory
//   public key file "/etc/aff/feed.pub" is too large to be a key (more than 4096 bytes)
//   public key file "/etc/aff/feed.pub": public key is not valid base64
std::optional<PublicKey> load_public_key(const std::string& path, std::string& error);

// The key id as minisign prints it: 16 upper-case hex digits of the little-endian number.
std::string key_id_hex(const KeyId& key_id);

// The base64 line ("RWQ...").
std::string public_key_base64(const PublicKey& key);

// A .pub file as `minisign -G` writes it: "untrusted comment: minisign public key <id>" + line.
std::string public_key_file(const PublicKey& key);

struct Verified {
    std::string trusted_comment;
    bool prehashed = true;  // "ED" (BLAKE2b-512 of the message); false for the legacy "Ed"
};

// Verifies a detached signature (.minisig text) over `message`: the prehashed "ED" form
// (BLAKE2b-512 of the message) and the legacy "Ed" form, key id match, and the global signature
// over signature || trusted comment. On failure: nothing, and a one-line reason in `error`.
std::optional<Verified> verify(std::string_view message, std::string_view minisig,
                               const PublicKey& key, std::string& error);

// An Ed25519 secret key with its minisign key id. Zeroed when destroyed.
struct SecretKey {
    KeyId key_id{};
    std::array<std::uint8_t, 64> key{};  // libsodium's layout: seed || public key

    SecretKey() = default;
    SecretKey(const SecretKey&) = default;
    SecretKey& operator=(const SecretKey&) = default;
    ~SecretKey();

    PublicKey public_key() const;
};

struct KeyPair {
    PublicKey public_key;
    SecretKey secret_key;
};

// A fresh key pair and a random key id; nothing (and why) only if libsodium cannot start.
std::optional<KeyPair> generate_key_pair(std::string& error);

// A secret key file as `minisign -G -W` writes it (no password). A password-protected key is
// refused with a reason that says how to remove the password.
std::optional<SecretKey> parse_secret_key(std::string_view text, std::string& error);

// A secret key file read from `path`, as load_public_key reads a public one; the messages say
// "secret key file".
std::optional<SecretKey> load_secret_key(const std::string& path, std::string& error);

// The unencrypted secret key file, which `minisign -S` reads without asking for a password.
std::string secret_key_file(const SecretKey& key);

enum class SignatureForm : std::uint8_t { prehashed, legacy };

// The .minisig text for `message`. The trusted comment is one line (no CR or LF) shorter than
// minisign's limit; otherwise nothing, and the reason in `error`.
std::optional<std::string> sign(std::string_view message, const SecretKey& key,
                                std::string_view trusted_comment, std::string& error,
                                SignatureForm form = SignatureForm::prehashed);

}  // namespace aff::minisign
