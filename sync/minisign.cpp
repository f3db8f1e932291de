#include "sync/minisign.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <span>
#include <vector>

namespace aff::minisign {
namespace {

// The layouts of minisign.h (PubkeyStruct, SigStruct, SeckeyStruct), as byte offsets.
constexpr std::size_t alg_bytes = 2;
constexpr std::size_t key_id_bytes = 8;
constexpr std::size_t public_key_bytes = alg_bytes + key_id_bytes + crypto_sign_PUBLICKEYBYTES;
constexpr std::size_t signature_bytes = alg_bytes + key_id_bytes + crypto_sign_BYTES;

constexpr std::size_t sk_kdf_alg = 2;
constexpr std::size_t sk_chk_alg = 4;
constexpr std::size_t sk_salt = 6;
constexpr std::size_t sk_key_id = sk_salt + 32 + 8 + 8;  // salt, opslimit, memlimit
constexpr std::size_t sk_key = sk_key_id + key_id_bytes;
constexpr std::size_t sk_chk = sk_key + crypto_sign_SECRETKEYBYTES;
constexpr std::size_t secret_key_bytes = sk_chk + crypto_generichash_BYTES;
static_assert(secret_key_bytes == 158);

constexpr std::string_view sig_alg_legacy = "Ed";
constexpr std::string_view sig_alg_prehashed = "ED";
constexpr std::string_view kdf_scrypt = "Sc";
constexpr std::string_view kdf_none{"\0\0", 2};
constexpr std::string_view chk_blake2b = "B2";
constexpr std::string_view comment_prefix = "untrusted comment: ";
constexpr std::string_view trusted_prefix = "trusted comment: ";
// minisign reads a trusted comment line into 8192 bytes, prefix and newline included.
constexpr std::size_t max_trusted_comment = 8192 - trusted_prefix.size() - 1;

// Bytes that are wiped when they go: decoded secret keys pass through these.
class Bytes {
public:
    explicit Bytes(std::size_t size) : bytes_(size) {}
    Bytes(Bytes&&) = default;  // the moved-from vector is left empty, nothing to wipe
    Bytes(const Bytes&) = delete;
    Bytes& operator=(const Bytes&) = delete;
    Bytes& operator=(Bytes&&) = delete;
    ~Bytes() { sodium_memzero(bytes_.data(), bytes_.size()); }

    unsigned char* data() { return bytes_.data(); }
    const unsigned char* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }
    void resize(std::size_t size) { bytes_.resize(size); }
    std::string_view view(std::size_t offset, std::size_t length) const {
        return {reinterpret_cast<const char*>(bytes_.data() + offset), length};
    }

private:
    std::vector<unsigned char> bytes_;
};

bool sodium_ready(std::string& error) {
    if (sodium_init() >= 0) return true;
    error = "libsodium cannot start (no source of randomness?)";
    return false;
}

const unsigned char* as_bytes(std::string_view text) {
    static constexpr unsigned char none[1] = {0};
    return text.empty() ? none : reinterpret_cast<const unsigned char*>(text.data());
}

std::optional<Bytes> decode_base64(std::string_view text) {
    Bytes out(text.size() / 4 * 3 + 3);
    std::size_t length = 0;
    // No b64_end pointer: libsodium then refuses any text it did not consume.
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
        return std::nullopt;
    }
    out.resize(length);
    return out;
}

std::string encode_base64(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

// Two algorithm bytes, quoted when printable and in hex when not.
std::string describe_tag(std::string_view tag) {
    auto visible = [](char c) { return c > 0x20 && c < 0x7f; };
    bool printable = std::all_of(tag.begin(), tag.end(), visible);
    if (printable) return "\"" + std::string(tag) + "\"";
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex = "0x";
    for (char c : tag) {
        auto byte = static_cast<unsigned char>(c);
        hex += digits[byte >> 4];
        hex += digits[byte & 0x0f];
    }
    return hex;
}

// Lines split on LF, each without a trailing CR (files edited on Windows still read).
class Lines {
public:
    explicit Lines(std::string_view text) : rest_(text) {}

    std::optional<std::string_view> next() {
        if (rest_.empty()) return std::nullopt;
        std::size_t end = rest_.find('\n');
        std::string_view line = rest_.substr(0, end);
        rest_ = end == std::string_view::npos ? std::string_view{} : rest_.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return line;
    }

    // Only blank space left.
    bool at_end() const { return rest_.find_first_not_of(" \t\r\n") == std::string_view::npos; }

private:
    std::string_view rest_;
};

std::string_view trim(std::string_view text) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    std::size_t last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

template <std::size_t N>
void copy_into(std::array<std::uint8_t, N>& out, const Bytes& bytes, std::size_t offset) {
    std::memcpy(out.data(), bytes.data() + offset, N);
}

struct Signature {
    bool prehashed = true;
    KeyId key_id{};
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    std::string trusted_comment;
    std::array<std::uint8_t, crypto_sign_BYTES> global_signature{};
};

std::optional<Signature> parse_signature(std::string_view text, std::string& error) {
    if (text.size() > max_signature_bytes) {
        error = "signature file is too large (" + std::to_string(text.size()) +
                " bytes, at most " + std::to_string(max_signature_bytes) + ")";
        return std::nullopt;
    }
    if (text.find('\0') != std::string_view::npos) {
        error = "signature file contains a NUL byte";
        return std::nullopt;
    }
    if (trim(text).empty()) {
        error = "signature file is empty";
        return std::nullopt;
    }
    Lines lines(text);
    auto comment = lines.next();
    if (!comment->starts_with(comment_prefix)) {
        error = "signature file does not start with \"untrusted comment: \"";
        return std::nullopt;
    }
    auto sig_line = lines.next();
    if (!sig_line) {
        error = "signature file ends before the signature line";
        return std::nullopt;
    }
    auto trusted = lines.next();
    if (!trusted) {
        error = "signature file ends before the trusted comment line";
        return std::nullopt;
    }
    if (!trusted->starts_with(trusted_prefix)) {
        error = "the third line of the signature file does not start with \"trusted comment: \"";
        return std::nullopt;
    }
    auto global_line = lines.next();
    if (!global_line) {
        error = "signature file ends before the global signature line";
        return std::nullopt;
    }
    if (!lines.at_end()) {
        error = "signature file has text after the global signature line";
        return std::nullopt;
    }

    auto sig = decode_base64(*sig_line);
    if (!sig) {
        error = "signature line is not valid base64";
        return std::nullopt;
    }
    if (sig->size() != signature_bytes) {
        error = "signature is " + std::to_string(sig->size()) + " bytes, expected " +
                std::to_string(signature_bytes);
        return std::nullopt;
    }
    Signature out;
    std::string_view alg = sig->view(0, alg_bytes);
    if (alg == sig_alg_prehashed) {
        out.prehashed = true;
    } else if (alg == sig_alg_legacy) {
        out.prehashed = false;
    } else {
        error = "unknown signature algorithm " + describe_tag(alg) + " (expected \"ED\" or \"Ed\")";
        return std::nullopt;
    }
    copy_into(out.key_id, *sig, alg_bytes);
    copy_into(out.signature, *sig, alg_bytes + key_id_bytes);
    out.trusted_comment = std::string(trusted->substr(trusted_prefix.size()));

    auto global = decode_base64(*global_line);
    if (!global) {
        error = "global signature line is not valid base64";
        return std::nullopt;
    }
    if (global->size() != crypto_sign_BYTES) {
        error = "global signature is " + std::to_string(global->size()) + " bytes, expected " +
                std::to_string(crypto_sign_BYTES);
        return std::nullopt;
    }
    copy_into(out.global_signature, *global, 0);
    return out;
}

// The checksum minisign keeps in a secret key: BLAKE2b-256 of sig_alg || key id || secret key.
std::array<std::uint8_t, crypto_generichash_BYTES> secret_key_checksum(const SecretKey& key) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    crypto_generichash_update(&state, as_bytes(sig_alg_legacy), alg_bytes);
    crypto_generichash_update(&state, key.key_id.data(), key.key_id.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    std::array<std::uint8_t, crypto_generichash_BYTES> out{};
    crypto_generichash_final(&state, out.data(), out.size());
    sodium_memzero(&state, sizeof state);
    return out;
}

// The secret key's second half is its public key: a key that does not derive it is corrupt.
bool halves_match(const SecretKey& key) {
    std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> pk{};
    Bytes sk(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(pk.data(), sk.data(), key.key.data());
    return sodium_memcmp(sk.data(), key.key.data(), crypto_sign_SECRETKEYBYTES) == 0;
}

}  // namespace

std::string key_id_hex(const KeyId& key_id) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (auto it = key_id.rbegin(); it != key_id.rend(); ++it) {
        out += digits[*it >> 4];
        out += digits[*it & 0x0f];
    }
    return out;
}

std::optional<PublicKey> parse_public_key(std::string_view text, std::string& error) {
    if (text.size() > max_key_file_bytes) {
        error = "public key is too large (" + std::to_string(text.size()) + " bytes, at most " +
                std::to_string(max_key_file_bytes) + ")";
        return std::nullopt;
    }
    text = trim(text);
    if (text.empty()) {
        error = "public key is empty";
        return std::nullopt;
    }
    std::string_view line = text;
    if (text.find('\n') != std::string_view::npos) {
        Lines lines(text);
        auto comment = lines.next();
        if (!comment->starts_with(comment_prefix)) {
            error = "public key file does not start with \"untrusted comment: \"";
            return std::nullopt;
        }
        line = *lines.next();  // there is one: the trimmed text goes on past the first LF
        if (!lines.at_end()) {
            error = "public key file has text after the key line";
            return std::nullopt;
        }
    } else if (text.starts_with(comment_prefix)) {
        error = "public key file has a comment line but no key line";
        return std::nullopt;
    }
    auto bytes = decode_base64(line);
    if (!bytes) {
        error = "public key is not valid base64";
        return std::nullopt;
    }
    if (bytes->size() != public_key_bytes) {
        error = "public key is " + std::to_string(bytes->size()) + " bytes, expected " +
                std::to_string(public_key_bytes);
        return std::nullopt;
    }
    std::string_view alg = bytes->view(0, alg_bytes);
    if (alg != sig_alg_legacy) {
        error = "unknown public key algorithm " + describe_tag(alg) + " (expected \"Ed\")";
        return std::nullopt;
    }
    PublicKey key;
    copy_into(key.key_id, *bytes, alg_bytes);
    copy_into(key.key, *bytes, alg_bytes + key_id_bytes);
    return key;
}

std::string public_key_base64(const PublicKey& key) {
    std::array<unsigned char, public_key_bytes> bytes{};
    std::memcpy(bytes.data(), sig_alg_legacy.data(), alg_bytes);
    std::memcpy(bytes.data() + alg_bytes, key.key_id.data(), key_id_bytes);
    std::memcpy(bytes.data() + alg_bytes + key_id_bytes, key.key.data(), key.key.size());
    return encode_base64(bytes.data(), bytes.size());
}

std::string public_key_file(const PublicKey& key) {
    return std::string(comment_prefix) + "minisign public key " + key_id_hex(key.key_id) + "\n" +
           public_key_base64(key) + "\n";
}

std::optional<Verified> verify(std::string_view message, std::string_view minisig,
                               const PublicKey& key, std::string& error) {
    if (!sodium_ready(error)) return std::nullopt;
    auto sig = parse_signature(minisig, error);
    if (!sig) return std::nullopt;
    if (sig->key_id != key.key_id) {
        error = "signed with another key (key id " + key_id_hex(sig->key_id) + ", expected " +
                key_id_hex(key.key_id) + ")";
        return std::nullopt;
    }
    std::array<unsigned char, crypto_generichash_BYTES_MAX> hash{};
    const unsigned char* signed_bytes = as_bytes(message);
    std::size_t signed_size = message.size();
    if (sig->prehashed) {
        crypto_generichash(hash.data(), hash.size(), as_bytes(message), message.size(), nullptr,
                           0);
        signed_bytes = hash.data();
        signed_size = hash.size();
    }
    if (crypto_sign_verify_detached(sig->signature.data(), signed_bytes, signed_size,
                                    key.key.data()) != 0) {
        error = "signature does not match the file (the file or the signature was altered)";
        return std::nullopt;
    }
    std::string global_message(reinterpret_cast<const char*>(sig->signature.data()),
                               sig->signature.size());
    global_message += sig->trusted_comment;
    if (crypto_sign_verify_detached(sig->global_signature.data(), as_bytes(global_message),
                                    global_message.size(), key.key.data()) != 0) {
        error = "global signature does not verify (the trusted comment was altered)";
        return std::nullopt;
    }
    return Verified{std::move(sig->trusted_comment), sig->prehashed};
}

SecretKey::~SecretKey() {
    sodium_memzero(key.data(), key.size());
}

PublicKey SecretKey::public_key() const {
    PublicKey out;
    out.key_id = key_id;
    std::memcpy(out.key.data(), key.data() + crypto_sign_SEEDBYTES, out.key.size());
    return out;
}

std::optional<KeyPair> generate_key_pair(std::string& error) {
    if (!sodium_ready(error)) return std::nullopt;
    KeyPair pair;
    randombytes_buf(pair.secret_key.key_id.data(), pair.secret_key.key_id.size());
    crypto_sign_keypair(pair.public_key.key.data(), pair.secret_key.key.data());
    pair.public_key.key_id = pair.secret_key.key_id;
    return pair;
}

std::optional<SecretKey> parse_secret_key(std::string_view text, std::string& error) {
    if (!sodium_ready(error)) return std::nullopt;
    if (text.size() > max_key_file_bytes) {
        error = "secret key file is too large (" + std::to_string(text.size()) +
                " bytes, at most " + std::to_string(max_key_file_bytes) + ")";
        return std::nullopt;
    }
    Lines lines(trim(text));
    auto comment = lines.next();
    if (!comment) {
        error = "secret key file is empty";
        return std::nullopt;
    }
    if (!comment->starts_with(comment_prefix)) {
        error = "secret key file does not start with \"untrusted comment: \"";
        return std::nullopt;
    }
    auto line = lines.next();
    if (!line) {
        error = "secret key file has a comment line but no key line";
        return std::nullopt;
    }
    if (!lines.at_end()) {
        error = "secret key file has text after the key line";
        return std::nullopt;
    }
    auto bytes = decode_base64(*line);
    if (!bytes) {
        error = "secret key is not valid base64";
        return std::nullopt;
    }
    if (bytes->size() != secret_key_bytes) {
        error = "secret key is " + std::to_string(bytes->size()) + " bytes, expected " +
                std::to_string(secret_key_bytes);
        return std::nullopt;
    }
    std::string_view alg = bytes->view(0, alg_bytes);
    std::string_view kdf = bytes->view(sk_kdf_alg, alg_bytes);
    std::string_view chk = bytes->view(sk_chk_alg, alg_bytes);
    if (alg != sig_alg_legacy) {
        error = "unknown secret key algorithm " + describe_tag(alg) + " (expected \"Ed\")";
        return std::nullopt;
    }
    if (kdf == kdf_scrypt) {
        error = "secret key is encrypted with a password; remove the password with "
                "`minisign -C -W -s FILE`, or make an unencrypted key with `kiosk-feed keygen`";
        return std::nullopt;
    }
    if (kdf != kdf_none) {
        error = "unknown secret key derivation " + describe_tag(kdf);
        return std::nullopt;
    }
    if (chk != chk_blake2b) {
        error = "unknown secret key checksum " + describe_tag(chk) + " (expected \"B2\")";
        return std::nullopt;
    }
    SecretKey key;
    copy_into(key.key_id, *bytes, sk_key_id);
    copy_into(key.key, *bytes, sk_key);
    // `minisign -G -W` leaves the checksum zero (it only fills it in when encrypting): check it
    // when it is there, and the two halves of the key always.
    std::span<const unsigned char> stored(bytes->data() + sk_chk, crypto_generichash_BYTES);
    bool has_checksum = std::any_of(stored.begin(), stored.end(), [](auto b) { return b != 0; });
    if (has_checksum &&
        sodium_memcmp(secret_key_checksum(key).data(), stored.data(), stored.size()) != 0) {
        error = "secret key checksum does not match (the key file is corrupt)";
        return std::nullopt;
    }
    if (!halves_match(key)) {
        error = "secret key is corrupt (its public half does not match its seed)";
        return std::nullopt;
    }
    return key;
}

std::string secret_key_file(const SecretKey& key) {
    Bytes bytes(secret_key_bytes);
    std::memset(bytes.data(), 0, bytes.size());  // salt and KDF limits stay zero: no password
    std::memcpy(bytes.data(), sig_alg_legacy.data(), alg_bytes);
    std::memcpy(bytes.data() + sk_kdf_alg, kdf_none.data(), alg_bytes);
    std::memcpy(bytes.data() + sk_chk_alg, chk_blake2b.data(), alg_bytes);
    std::memcpy(bytes.data() + sk_key_id, key.key_id.data(), key_id_bytes);
    std::memcpy(bytes.data() + sk_key, key.key.data(), key.key.size());
    auto checksum = secret_key_checksum(key);
    std::memcpy(bytes.data() + sk_chk, checksum.data(), checksum.size());
    return std::string(comment_prefix) + "minisign unencrypted secret key " +
           key_id_hex(key.key_id) + "\n" + encode_base64(bytes.data(), bytes.size()) + "\n";
}

std::optional<std::string> sign(std::string_view message, const SecretKey& key,
                                std::string_view trusted_comment, std::string& error,
                                SignatureForm form) {
    if (!sodium_ready(error)) return std::nullopt;
    if (trusted_comment.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
        error = "the trusted comment must be one line (no CR, LF or NUL)";
        return std::nullopt;
    }
    if (trusted_comment.size() > max_trusted_comment) {
        error = "the trusted comment is too long (" + std::to_string(trusted_comment.size()) +
                " bytes, at most " + std::to_string(max_trusted_comment) + ")";
        return std::nullopt;
    }
    bool prehashed = form == SignatureForm::prehashed;
    std::array<unsigned char, crypto_generichash_BYTES_MAX> hash{};
    const unsigned char* signed_bytes = as_bytes(message);
    std::size_t signed_size = message.size();
    if (prehashed) {
        crypto_generichash(hash.data(), hash.size(), as_bytes(message), message.size(), nullptr,
                           0);
        signed_bytes = hash.data();
        signed_size = hash.size();
    }
    std::array<unsigned char, signature_bytes> sig{};
    std::string_view alg = prehashed ? sig_alg_prehashed : sig_alg_legacy;
    std::memcpy(sig.data(), alg.data(), alg_bytes);
    std::memcpy(sig.data() + alg_bytes, key.key_id.data(), key_id_bytes);
    unsigned char* signature = sig.data() + alg_bytes + key_id_bytes;
    crypto_sign_detached(signature, nullptr, signed_bytes, signed_size, key.key.data());

    std::string global_message(reinterpret_cast<const char*>(signature), crypto_sign_BYTES);
    global_message += trusted_comment;
    std::array<unsigned char, crypto_sign_BYTES> global{};
    crypto_sign_detached(global.data(), nullptr, as_bytes(global_message), global_message.size(),
                         key.key.data());

    return std::string(comment_prefix) + "signature from minisign secret key\n" +
           encode_base64(sig.data(), sig.size()) + "\n" + std::string(trusted_prefix) +
           std::string(trusted_comment) + "\n" + encode_base64(global.data(), global.size()) +
           "\n";
}

}  // namespace aff::minisign
