#include "sync/feed_parse.hpp"
#include "sync/minisign.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

// CppUTest last: its leak detector redefines `new`, which the standard headers must not see.
#include <CppUTest/TestHarness.h>

using namespace aff;
namespace fs = std::filesystem;

namespace {

constexpr const char* demo_key_id = "089E78125825383C";
constexpr const char* demo_trusted_comment =
    "aff-kiosk-feed sequence=1 DEMO DATA, NOT FOR PRODUCTION";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    CHECK_TEXT(out.good(), ("cannot write " + path.string()).c_str());
}

std::string demo_feed() { return read_file(AFF_SOURCE_DATADIR "/demo/feed.json"); }
std::string demo_minisig() { return read_file(AFF_SOURCE_DATADIR "/demo/feed.json.minisig"); }
std::string demo_public_key_file() {
    return read_file(AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.pub");
}
std::string demo_secret_key_file() {
    return read_file(AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.key");
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

// A base64 codec of the test's own, so the tests do not lean on the code under test.
constexpr char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string encode_base64(const std::string& bytes) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : bytes) {
        auto byte = static_cast<unsigned char>(c);
        bits = (bits << 8) | byte;
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += b64_alphabet[(bits >> count) & 0x3f];
        }
    }
    if (count > 0) out += b64_alphabet[(bits << (6 - count)) & 0x3f];
    while (out.size() % 4 != 0) out += '=';
    return out;
}

std::string decode_base64(const std::string& text) {
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        if (c == '=') break;
        const char* at = std::char_traits<char>::find(b64_alphabet, 64, c);
        if (at == nullptr) FAIL(("not base64: " + text).c_str());
        bits = (bits << 6) | static_cast<std::uint32_t>(at - b64_alphabet);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xff);
        }
    }
    return out;
}

minisign::PublicKey demo_public_key() {
    std::string error;
    auto key = minisign::parse_public_key(demo_public_key_file(), error);
    CHECK_TEXT(key.has_value(), error.c_str());
    return key.value_or(minisign::PublicKey{});
}

minisign::KeyPair fresh_key_pair() {
    std::string error;
    auto pair = minisign::generate_key_pair(error);
    CHECK_TEXT(pair.has_value(), error.c_str());
    return pair.value_or(minisign::KeyPair{});
}

std::string signed_by(const std::string& message, const minisign::SecretKey& key,
                      const std::string& trusted_comment,
                      minisign::SignatureForm form = minisign::SignatureForm::prehashed) {
    std::string error;
    auto minisig = minisign::sign(message, key, trusted_comment, error, form);
    CHECK_TEXT(minisig.has_value(), error.c_str());
    return minisig.value_or("");
}

// Verification must fail, and say `reason`.
void expect_refused(const std::string& message, const std::string& minisig,
                    const minisign::PublicKey& key, const std::string& reason) {
    std::string error;
    auto verified = minisign::verify(message, minisig, key, error);
    CHECK_FALSE_TEXT(verified.has_value(), ("expected a refusal: " + reason).c_str());
    CHECK_TEXT(error.find(reason) != std::string::npos,
               ("expected \"" + reason + "\", got \"" + error + "\"").c_str());
    CHECK_TEXT(error.find('\n') == std::string::npos, ("not one line: " + error).c_str());
}

void expect_public_key_refused(const std::string& text, const std::string& reason) {
    std::string error;
    auto key = minisign::parse_public_key(text, error);
    CHECK_FALSE_TEXT(key.has_value(), ("expected a refusal: " + reason).c_str());
    CHECK_TEXT(error.find(reason) != std::string::npos,
               ("expected \"" + reason + "\", got \"" + error + "\"").c_str());
}

void expect_secret_key_refused(const std::string& text, const std::string& reason) {
    std::string error;
    auto key = minisign::parse_secret_key(text, error);
    CHECK_FALSE_TEXT(key.has_value(), ("expected a refusal: " + reason).c_str());
    CHECK_TEXT(error.find(reason) != std::string::npos,
               ("expected \"" + reason + "\", got \"" + error + "\"").c_str());
}

// The demo signature with one line replaced (0: untrusted comment ... 3: global signature).
std::string demo_minisig_with(std::size_t line, const std::string& text) {
    auto lines = split_lines(demo_minisig());
    lines.at(line) = text;
    return join_lines(lines);
}

// The demo secret key with its decoded bytes edited.
template <typename Edit>
std::string demo_secret_key_with(Edit edit) {
    auto lines = split_lines(demo_secret_key_file());
    std::string bytes = decode_base64(lines.at(1));
    edit(bytes);
    lines.at(1) = encode_base64(bytes);
    return join_lines(lines);
}

// ---- The real minisign tool ----

std::string minisign_tool() {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path != nullptr ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        fs::path candidate = fs::path(dir.empty() ? "." : dir) / "minisign";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    FAIL("the minisign tool is not installed: run toolchains/install-deps.sh");
    return {};
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string arg(const fs::path& path) { return " " + quoted(path.string()); }

// The kiosk-feed built with the tests, behind qemu when it is built for another machine.
std::string kiosk_feed_command() {
    const std::string emulator = AFF_EMULATOR;
    return (emulator.empty() ? "" : emulator + " ") + quoted(AFF_KIOSK_FEED);
}

struct Run {
    int exit_code = -1;
    std::string output;
};

// Runs a shell command with no input, its output captured in `log`.
Run run_command(const std::string& command, const fs::path& log) {
    int status = std::system((command + " </dev/null >" + quoted(log.string()) + " 2>&1").c_str());
    Run result;
    result.output = read_file(log);
    if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    return result;
}

void check_ran(const Run& result, const std::string& what) {
    CHECK_TEXT(result.exit_code == 0,
               (what + " exited " + std::to_string(result.exit_code) + ": " + result.output)
                   .c_str());
}

}  // namespace

TEST_GROUP(Minisign) {
    fs::path dir;

    void setup() override {
        dir = fs::path(AFF_TEST_TMPDIR) / "minisign";
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
};

// ---- Good signatures ----

TEST(Minisign, TheCommittedDemoFeedSignatureVerifiesWithTheDemoPublicKey) {
    std::string error;
    auto verified = minisign::verify(demo_feed(), demo_minisig(), demo_public_key(), error);
    CHECK_TEXT(verified.has_value(), error.c_str());
    STRCMP_EQUAL(demo_trusted_comment, verified->trusted_comment.c_str());
    CHECK_TRUE(verified->prehashed);
}

TEST(Minisign, ALegacyEdSignatureMadeByMinisignVerifies) {
    std::string message = read_file(AFF_TEST_DATADIR "/minisign/legacy-message.txt");
    std::string minisig = read_file(AFF_TEST_DATADIR "/minisign/legacy-message.txt.minisig");
    CHECK_TRUE(decode_base64(split_lines(minisig).at(1)).starts_with("Ed"));  // the legacy form
    std::string error;
    auto verified = minisign::verify(message, minisig, demo_public_key(), error);
    CHECK_TEXT(verified.has_value(), error.c_str());
    STRCMP_EQUAL("aff-kiosk test fixture: legacy Ed signature",
                 verified->trusted_comment.c_str());
    CHECK_FALSE(verified->prehashed);
}

TEST(Minisign, SignaturesWrittenWithCrlfLineEndsStillVerify) {
    std::string crlf;
    for (const auto& line : split_lines(demo_minisig())) crlf += line + "\r\n";
    std::string error;
    auto verified = minisign::verify(demo_feed(), crlf, demo_public_key(), error);
    CHECK_TEXT(verified.has_value(), error.c_str());
    STRCMP_EQUAL(demo_trusted_comment, verified->trusted_comment.c_str());
}

TEST(Minisign, TheUntrustedCommentIsNotSignedAndMayChange) {
    std::string error;
    auto verified = minisign::verify(
        demo_feed(), demo_minisig_with(0, "untrusted comment: anything at all"),
        demo_public_key(), error);
    CHECK_TEXT(verified.has_value(), error.c_str());
}

TEST(Minisign, WhatWeSignVerifiesInThePrehashedAndTheLegacyForm) {
    auto pair = fresh_key_pair();
    const std::string message = "{\"version\": 1}\n";
    for (auto form : {minisign::SignatureForm::prehashed, minisign::SignatureForm::legacy}) {
        std::string minisig = signed_by(message, pair.secret_key, "sequence=42", form);
        std::string error;
        auto verified = minisign::verify(message, minisig, pair.public_key, error);
        CHECK_TEXT(verified.has_value(), error.c_str());
        STRCMP_EQUAL("sequence=42", verified->trusted_comment.c_str());
        CHECK_EQUAL(form == minisign::SignatureForm::prehashed, verified->prehashed);
    }
}

TEST(Minisign, AnEmptyMessageAndAnEmptyTrustedCommentCanBeSignedAndVerified) {
    auto pair = fresh_key_pair();
    std::string minisig = signed_by("", pair.secret_key, "");
    std::string error;
    auto verified = minisign::verify("", minisig, pair.public_key, error);
    CHECK_TEXT(verified.has_value(), error.c_str());
    STRCMP_EQUAL("", verified->trusted_comment.c_str());
}

TEST(Minisign, SigningTheDemoFeedWithTheDemoKeyGivesTheCommittedSignatureByteForByte) {
    std::string error;
    auto key = minisign::parse_secret_key(demo_secret_key_file(), error);
    CHECK_TEXT(key.has_value(), error.c_str());
    // Ed25519 is deterministic, and the format is minisign's to the byte.
    std::string ours = signed_by(demo_feed(), *key, demo_trusted_comment);
    STRCMP_EQUAL(demo_minisig().c_str(), ours.c_str());
}

// ---- Tampering ----

TEST(Minisign, AnyChangedByteOfTheMessageFailsTheSignature) {
    const std::string feed = demo_feed();
    for (std::size_t at : {std::size_t{0}, feed.size() / 2, feed.size() - 1}) {
        std::string changed = feed;
        changed[at] = static_cast<char>(changed[at] ^ 0x01);
        expect_refused(changed, demo_minisig(), demo_public_key(),
                       "signature does not match the file");
    }
    expect_refused(feed + " ", demo_minisig(), demo_public_key(),
                   "signature does not match the file");
}

TEST(Minisign, AChangedByteOfALegacySignedMessageFailsTheSignature) {
    std::string message = read_file(AFF_TEST_DATADIR "/minisign/legacy-message.txt");
    message[3] = 'X';
    expect_refused(message, read_file(AFF_TEST_DATADIR "/minisign/legacy-message.txt.minisig"),
                   demo_public_key(), "signature does not match the file");
}

TEST(Minisign, AnAlteredTrustedCommentFailsTheGlobalSignature) {
    expect_refused(demo_feed(),
                   demo_minisig_with(2, "trusted comment: aff-kiosk-feed sequence=9 DEMO DATA"),
                   demo_public_key(), "global signature does not verify (the trusted comment");
}

TEST(Minisign, AnAlteredGlobalSignatureFails) {
    std::string global = decode_base64(split_lines(demo_minisig()).at(3));
    global[10] = static_cast<char>(global[10] ^ 0x40);
    expect_refused(demo_feed(), demo_minisig_with(3, encode_base64(global)), demo_public_key(),
                   "global signature does not verify");
}

TEST(Minisign, ASignatureFromAnotherKeyNamesBothKeyIds) {
    auto other = fresh_key_pair();
    std::string minisig = signed_by(demo_feed(), other.secret_key, demo_trusted_comment);
    std::string other_id = minisign::key_id_hex(other.public_key.key_id);
    expect_refused(demo_feed(), minisig, demo_public_key(),
                   "signed with another key (key id " + other_id + ", expected " + demo_key_id +
                       ")");
}

TEST(Minisign, AnotherKeyThatClaimsTheSameKeyIdFailsTheSignature) {
    auto forger = fresh_key_pair();
    forger.secret_key.key_id = demo_public_key().key_id;
    std::string minisig = signed_by(demo_feed(), forger.secret_key, demo_trusted_comment);
    expect_refused(demo_feed(), minisig, demo_public_key(), "signature does not match the file");
}

// ---- Malformed signature files ----

TEST(Minisign, MissingLinesAreNamed) {
    const auto lines = split_lines(demo_minisig());
    expect_refused(demo_feed(), "", demo_public_key(), "signature file is empty");
    expect_refused(demo_feed(), "\n \n", demo_public_key(), "signature file is empty");
    expect_refused(demo_feed(), lines[0] + "\n", demo_public_key(),
                   "ends before the signature line");
    expect_refused(demo_feed(), lines[0] + "\n" + lines[1] + "\n", demo_public_key(),
                   "ends before the trusted comment line");
    expect_refused(demo_feed(), lines[0] + "\n" + lines[1] + "\n" + lines[2], demo_public_key(),
                   "ends before the global signature line");
}

TEST(Minisign, LinesWithoutTheirPrefixesAreRefused) {
    expect_refused(demo_feed(), demo_minisig_with(0, "comment: signature"), demo_public_key(),
                   "does not start with \"untrusted comment: \"");
    expect_refused(demo_feed(), demo_minisig_with(2, demo_trusted_comment), demo_public_key(),
                   "does not start with \"trusted comment: \"");
}

TEST(Minisign, TextAfterTheGlobalSignatureIsRefused) {
    expect_refused(demo_feed(), demo_minisig() + "\nmore\n", demo_public_key(),
                   "text after the global signature line");
}

TEST(Minisign, BadBase64IsNamed) {
    expect_refused(demo_feed(), demo_minisig_with(1, "RUQ8OCVY*nie"), demo_public_key(),
                   "signature line is not valid base64");
    std::string unpadded = split_lines(demo_minisig())[1];
    unpadded.pop_back();
    expect_refused(demo_feed(), demo_minisig_with(1, unpadded), demo_public_key(),
                   "signature line is not valid base64");
    expect_refused(demo_feed(), demo_minisig_with(3, "owcwN3X7 mfDatNnW"), demo_public_key(),
                   "global signature line is not valid base64");
}

TEST(Minisign, WrongLengthsAreNamed) {
    std::string sig = split_lines(demo_minisig())[1];
    std::string global = split_lines(demo_minisig())[3];
    expect_refused(demo_feed(), demo_minisig_with(1, sig.substr(0, sig.size() - 4)),
                   demo_public_key(), "signature is 72 bytes, expected 74");
    expect_refused(demo_feed(), demo_minisig_with(1, sig.substr(0, 96) + encode_base64("abcd")),
                   demo_public_key(), "signature is 76 bytes, expected 74");
    expect_refused(demo_feed(), demo_minisig_with(1, ""), demo_public_key(),
                   "signature is 0 bytes, expected 74");
    expect_refused(demo_feed(), demo_minisig_with(3, global.substr(0, global.size() - 4)),
                   demo_public_key(), "global signature is 63 bytes, expected 64");
}

TEST(Minisign, AnUnknownSignatureAlgorithmIsNamed) {
    std::string sig = decode_base64(split_lines(demo_minisig())[1]);
    sig[0] = 'X';
    sig[1] = 'y';
    expect_refused(demo_feed(), demo_minisig_with(1, encode_base64(sig)), demo_public_key(),
                   "unknown signature algorithm \"Xy\" (expected \"ED\" or \"Ed\")");
    sig[0] = '\0';
    sig[1] = '\x7f';
    expect_refused(demo_feed(), demo_minisig_with(1, encode_base64(sig)), demo_public_key(),
                   "unknown signature algorithm 0x007f");
}

TEST(Minisign, AnOversizeSignatureFileIsRefusedBeforeItIsRead) {
    std::string huge = demo_minisig() + std::string(minisign::max_signature_bytes, ' ');
    expect_refused(demo_feed(), huge, demo_public_key(), "signature file is too large");
}

TEST(Minisign, ANulByteInTheSignatureFileIsRefused) {
    std::string minisig = demo_minisig_with(2, std::string("trusted comment: a\0b", 20));
    expect_refused(demo_feed(), minisig, demo_public_key(), "contains a NUL byte");
}

// ---- Public keys ----

TEST(Minisign, APublicKeyReadsFromItsBase64LineOrFromTheWholeFile) {
    const std::string line = split_lines(demo_public_key_file()).at(1);
    std::string error;
    auto from_line = minisign::parse_public_key("  " + line + "\n", error);
    CHECK_TEXT(from_line.has_value(), error.c_str());
    auto from_file = minisign::parse_public_key(demo_public_key_file(), error);
    CHECK_TEXT(from_file.has_value(), error.c_str());
    STRCMP_EQUAL(demo_key_id, minisign::key_id_hex(from_line->key_id).c_str());
    CHECK_TRUE(from_line->key == from_file->key && from_line->key_id == from_file->key_id);
    STRCMP_EQUAL(line.c_str(), minisign::public_key_base64(*from_file).c_str());
}

TEST(Minisign, APublicKeyFileWrittenByUsReadsBack) {
    auto pair = fresh_key_pair();
    std::string text = minisign::public_key_file(pair.public_key);
    CHECK_TRUE(text.starts_with("untrusted comment: minisign public key " +
                                minisign::key_id_hex(pair.public_key.key_id) + "\n"));
    std::string error;
    auto key = minisign::parse_public_key(text, error);
    CHECK_TEXT(key.has_value(), error.c_str());
    CHECK_TRUE(key->key == pair.public_key.key && key->key_id == pair.public_key.key_id);
}

TEST(Minisign, BadPublicKeysAreRefusedWithTheirReason) {
    const std::string line = split_lines(demo_public_key_file()).at(1);
    expect_public_key_refused("", "public key is empty");
    expect_public_key_refused(" \n ", "public key is empty");
    expect_public_key_refused("RWQ8OCVY!nie", "public key is not valid base64");
    expect_public_key_refused(line.substr(0, 40), "public key is 30 bytes, expected 42");
    std::string bytes = decode_base64(line);
    bytes[1] = 'D';
    expect_public_key_refused(encode_base64(bytes),
                              "unknown public key algorithm \"ED\" (expected \"Ed\")");
    expect_public_key_refused("untrusted comment: minisign public key 89E78125825383C",
                              "a comment line but no key line");
    expect_public_key_refused("comment\n" + line, "does not start with \"untrusted comment: \"");
    expect_public_key_refused(demo_public_key_file() + "RWQ\n", "text after the key line");
    expect_public_key_refused(std::string(minisign::max_key_file_bytes + 1, 'A'),
                              "public key is too large");
}

// ---- Key files ----

TEST(Minisign, APublicKeyFileLoadsFromItsPath) {
    std::string error;
    auto key = minisign::load_public_key(
        AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.pub", error);
    CHECK_TEXT(key.has_value(), error.c_str());
    STRCMP_EQUAL(demo_key_id, minisign::key_id_hex(key->key_id).c_str());
}

TEST(Minisign, AMissingKeyFileIsNamedWithTheReason) {
    const std::string path = (dir / "absent.pub").string();
    std::string error;
    CHECK_FALSE(minisign::load_public_key(path, error).has_value());
    STRCMP_EQUAL(("cannot read public key file \"" + path + "\": No such file or directory")
                     .c_str(),
                 error.c_str());
    CHECK_FALSE(minisign::load_secret_key(path, error).has_value());
    STRCMP_CONTAINS("cannot read secret key file", error.c_str());
}

TEST(Minisign, AKeyFileTooLargeToBeAKeyIsRefusedAsSuch) {
    // A feed given by mistake: the demo key's lines, then far more than a key file holds.
    const fs::path path = dir / "feed.json";
    write_file(path, demo_public_key_file() + demo_feed());
    std::string error;
    CHECK_FALSE(minisign::load_public_key(path.string(), error).has_value());
    STRCMP_EQUAL(("public key file \"" + path.string() +
                  "\" is too large to be a key (more than 4096 bytes)")
                     .c_str(),
                 error.c_str());
    CHECK_FALSE(minisign::load_secret_key(path.string(), error).has_value());
    STRCMP_CONTAINS("secret key file", error.c_str());
    STRCMP_CONTAINS("is too large to be a key", error.c_str());
}

TEST(Minisign, AKeyFileAtTheLimitIsReadAndItsKeyParsed) {
    // As large as a key file may be, so the parser, not the size, has the last word.
    const fs::path path = dir / "padded.pub";
    const std::string key = demo_public_key_file();
    write_file(path, key + std::string(minisign::max_key_file_bytes - key.size(), '\n'));
    std::string error;
    auto loaded = minisign::load_public_key(path.string(), error);
    CHECK_TEXT(loaded.has_value(), error.c_str());
}

TEST(Minisign, ABadKeyFileNamesTheFileAndTheReason) {
    const fs::path path = dir / "bad.pub";
    write_file(path, "RWQ8OCVY!nie\n");
    std::string error;
    CHECK_FALSE(minisign::load_public_key(path.string(), error).has_value());
    STRCMP_EQUAL(("public key file \"" + path.string() + "\": public key is not valid base64")
                     .c_str(),
                 error.c_str());
}

TEST(Minisign, ADirectoryIsNotAKeyFile) {
    std::string error;
    CHECK_FALSE(minisign::load_public_key(dir.string(), error).has_value());
    STRCMP_CONTAINS("cannot read public key file", error.c_str());
    STRCMP_CONTAINS("Is a directory", error.c_str());
}

TEST(Minisign, ASecretKeyFileLoadsFromItsPath) {
    std::string error;
    auto key = minisign::load_secret_key(
        AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.key", error);
    CHECK_TEXT(key.has_value(), error.c_str());
    STRCMP_EQUAL(demo_key_id, minisign::key_id_hex(key->key_id).c_str());
}

// ---- Secret keys ----

TEST(Minisign, TheUnencryptedDemoSecretKeyMatchesTheDemoPublicKey) {
    std::string error;
    auto key = minisign::parse_secret_key(demo_secret_key_file(), error);
    CHECK_TEXT(key.has_value(), error.c_str());
    auto derived = key->public_key();
    auto expected = demo_public_key();
    CHECK_TRUE(derived.key == expected.key && derived.key_id == expected.key_id);
}

TEST(Minisign, ASecretKeyFileWrittenByUsReadsBackWithItsChecksum) {
    auto pair = fresh_key_pair();
    std::string text = minisign::secret_key_file(pair.secret_key);
    std::string bytes = decode_base64(split_lines(text).at(1));
    CHECK_EQUAL(158U, bytes.size());
    CHECK_TRUE(bytes.starts_with(std::string("Ed\0\0B2", 6)));
    std::string error;
    auto key = minisign::parse_secret_key(text, error);
    CHECK_TEXT(key.has_value(), error.c_str());
    CHECK_TRUE(key->key == pair.secret_key.key && key->key_id == pair.secret_key.key_id);
}

TEST(Minisign, APasswordProtectedSecretKeyIsRefusedWithHowToFixIt) {
    expect_secret_key_refused(read_file(AFF_TEST_DATADIR "/minisign/encrypted.key"),
                              "secret key is encrypted with a password; remove the password");
}

TEST(Minisign, CorruptSecretKeysAreRefusedWithTheirReason) {
    auto pair = fresh_key_pair();
    std::string ours = minisign::secret_key_file(pair.secret_key);
    expect_secret_key_refused("", "secret key file is empty");
    expect_secret_key_refused("untrusted comment: x\n", "a comment line but no key line");
    expect_secret_key_refused("key\nRWQ=\n", "does not start with \"untrusted comment: \"");
    expect_secret_key_refused("untrusted comment: x\nRW!Q\n", "secret key is not valid base64");
    expect_secret_key_refused("untrusted comment: x\n" + encode_base64("Ed") + "\n",
                              "secret key is 2 bytes, expected 158");
    expect_secret_key_refused(ours + "more\n", "text after the key line");
    expect_secret_key_refused(demo_secret_key_with([](std::string& b) { b[1] = 'D'; }),
                              "unknown secret key algorithm \"ED\"");
    expect_secret_key_refused(demo_secret_key_with([](std::string& b) { b[2] = 'X'; }),
                              "unknown secret key derivation");
    expect_secret_key_refused(demo_secret_key_with([](std::string& b) { b[5] = '3'; }),
                              "unknown secret key checksum \"B3\"");
    // The demo key has minisign -W's zero checksum: a flipped bit shows in the key's halves.
    expect_secret_key_refused(demo_secret_key_with([](std::string& b) { b[70] ^= 0x01; }),
                              "secret key is corrupt");
    auto lines = split_lines(ours);
    std::string bytes = decode_base64(lines.at(1));
    bytes[157] = static_cast<char>(bytes[157] ^ 0x01);
    lines[1] = encode_base64(bytes);
    expect_secret_key_refused(join_lines(lines), "secret key checksum does not match");
}

TEST(Minisign, ATrustedCommentMustBeOneLine) {
    auto pair = fresh_key_pair();
    for (std::string comment : {std::string("a\nb"), std::string("a\rb"), std::string("a\0b", 3)}) {
        std::string error;
        CHECK_FALSE(minisign::sign("m", pair.secret_key, comment, error).has_value());
        STRCMP_CONTAINS("the trusted comment must be one line", error.c_str());
    }
    std::string error;
    CHECK_FALSE(minisign::sign("m", pair.secret_key, std::string(8200, 'x'), error).has_value());
    STRCMP_CONTAINS("the trusted comment is too long", error.c_str());
}

// ---- Interoperability with the minisign tool, both ways ----

TEST(Minisign, TheMinisignToolVerifiesWhatWeSignInBothForms) {
    const std::string tool = quoted(minisign_tool());
    auto pair = fresh_key_pair();
    write_file(dir / "ours.pub", minisign::public_key_file(pair.public_key));
    write_file(dir / "feed.json", demo_feed());
    for (auto form : {minisign::SignatureForm::prehashed, minisign::SignatureForm::legacy}) {
        write_file(dir / "feed.json.minisig",
                   signed_by(demo_feed(), pair.secret_key, "sequence=7 ours", form));
        Run result = run_command(tool + " -V -p" + arg(dir / "ours.pub") + " -m" +
                                     arg(dir / "feed.json"),
                                 dir / "log");
        check_ran(result, "minisign -V");
        STRCMP_CONTAINS("Trusted comment: sequence=7 ours", result.output.c_str());
    }
}

TEST(Minisign, TheMinisignToolRefusesWhatWeSignWhenTheFileChanges) {
    const std::string tool = quoted(minisign_tool());
    auto pair = fresh_key_pair();
    write_file(dir / "ours.pub", minisign::public_key_file(pair.public_key));
    write_file(dir / "feed.json.minisig", signed_by(demo_feed(), pair.secret_key, "x"));
    write_file(dir / "feed.json", demo_feed() + " ");
    Run result =
        run_command(tool + " -V -p" + arg(dir / "ours.pub") + " -m" + arg(dir / "feed.json"),
                    dir / "log");
    CHECK_TEXT(result.exit_code == 1, result.output.c_str());
}

TEST(Minisign, WeVerifyWhatTheMinisignToolSignsWithOurSecretKeyInBothForms) {
    const std::string tool = quoted(minisign_tool());
    auto pair = fresh_key_pair();
    write_file(dir / "ours.key", minisign::secret_key_file(pair.secret_key));
    write_file(dir / "message.txt", "hello kiosks\n");
    for (std::string legacy : {"", " -l"}) {
        Run result = run_command(tool + " -S" + legacy + " -s" + arg(dir / "ours.key") +
                                     " -t 'signed by minisign' -m" + arg(dir / "message.txt"),
                                 dir / "log");
        check_ran(result, "minisign -S" + legacy);
        std::string error;
        auto verified = minisign::verify("hello kiosks\n", read_file(dir / "message.txt.minisig"),
                                         pair.public_key, error);
        CHECK_TEXT(verified.has_value(), error.c_str());
        STRCMP_EQUAL("signed by minisign", verified->trusted_comment.c_str());
        CHECK_EQUAL(legacy.empty(), verified->prehashed);
    }
}

TEST(Minisign, AKeyPairMadeByMinisignWithoutPasswordWorksWithUs) {
    const std::string tool = quoted(minisign_tool());
    const fs::path pub = dir / "tool.pub";
    const fs::path sec = dir / "tool.key";
    check_ran(run_command(tool + " -G -W -p" + arg(pub) + " -s" + arg(sec), dir / "log"),
              "minisign -G -W");
    std::string error;
    auto public_key = minisign::parse_public_key(read_file(pub), error);
    CHECK_TEXT(public_key.has_value(), error.c_str());
    auto secret_key = minisign::parse_secret_key(read_file(sec), error);
    CHECK_TEXT(secret_key.has_value(), error.c_str());
    CHECK_TRUE(secret_key->public_key().key == public_key->key);

    const std::string message = "signed by us with minisign's key\n";
    write_file(dir / "message.txt", message);
    write_file(dir / "message.txt.minisig", signed_by(message, *secret_key, "ours"));
    check_ran(run_command(tool + " -V -p" + arg(pub) + " -m" + arg(dir / "message.txt"),
                          dir / "log"),
              "minisign -V");
}

// ---- kiosk-feed keygen and sign ----

TEST(Minisign, KioskFeedKeygenAndSignMakeWhatMinisignVerifies) {
    const std::string tool = quoted(minisign_tool());
    const std::string kiosk_feed = kiosk_feed_command();
    const fs::path pub = dir / "office.pub";
    const fs::path sec = dir / "office.key";
    check_ran(run_command(kiosk_feed + " keygen -p" + arg(pub) + " -s" + arg(sec), dir / "log"),
              "kiosk-feed keygen");
    struct stat info {};
    CHECK_EQUAL(0, ::stat(sec.c_str(), &info));
    CHECK_EQUAL(0600U, info.st_mode & 0777U);

    write_file(dir / "feed.json", demo_feed());
    check_ran(run_command(kiosk_feed + " sign -s" + arg(sec) + " -m" + arg(dir / "feed.json") +
                              " -t 'sequence=1'",
                          dir / "log"),
              "kiosk-feed sign");
    Run verified =
        run_command(tool + " -V -p" + arg(pub) + " -m" + arg(dir / "feed.json"), dir / "log");
    check_ran(verified, "minisign -V");
    STRCMP_CONTAINS("Trusted comment: sequence=1", verified.output.c_str());
    std::string sig_line = split_lines(read_file(dir / "feed.json.minisig")).at(1);
    CHECK_TRUE(decode_base64(sig_line).starts_with("ED"));  // prehashed
}

TEST(Minisign, KioskFeedKeygenNeverOverwritesAKey) {
    const std::string kiosk_feed = kiosk_feed_command();
    const fs::path pub = dir / "office.pub";
    const fs::path sec = dir / "office.key";
    write_file(sec, "precious\n");
    Run result = run_command(kiosk_feed + " keygen -p" + arg(pub) + " -s" + arg(sec), dir / "log");
    CHECK_EQUAL(2, result.exit_code);
    STRCMP_CONTAINS("already exists", result.output.c_str());
    STRCMP_EQUAL("precious\n", read_file(sec).c_str());
    CHECK_FALSE(fs::exists(pub));
}

TEST(Minisign, KioskFeedSignRefusesAPasswordProtectedKey) {
    const std::string kiosk_feed = kiosk_feed_command();
    write_file(dir / "feed.json", demo_feed());
    Run result = run_command(kiosk_feed + " sign -s" +
                                 arg(AFF_TEST_DATADIR "/minisign/encrypted.key") + " -m" +
                                 arg(dir / "feed.json"),
                             dir / "log");
    CHECK_EQUAL(2, result.exit_code);
    STRCMP_CONTAINS("encrypted with a password", result.output.c_str());
    CHECK_FALSE(fs::exists(dir / "feed.json.minisig"));
}

// ---- kiosk-feed validate and sign, against the kiosks' own limits ----

TEST_GROUP(KioskFeedCommand) {
    fs::path dir;

    void setup() override {
        dir = fs::path(AFF_TEST_TMPDIR) / "kiosk-feed";
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void teardown() override { fs::remove_all(dir); }
};

TEST(KioskFeedCommand, AFeedLargerThanTheKiosksTakeFailsValidationAndIsNotSigned) {
    // The demo feed, padded past the kiosks' 16 MiB with trailing spaces: valid JSON otherwise.
    const std::string limit = std::to_string(ParseLimits{}.max_bytes);
    STRCMP_EQUAL("16777216", limit.c_str());
    const fs::path feed = dir / "feed.json";
    std::string bytes = demo_feed();
    bytes.append(ParseLimits{}.max_bytes + 1 - bytes.size(), ' ');
    write_file(feed, bytes);
    const Run validated = run_command(kiosk_feed_command() + " validate" + arg(feed), dir / "log");
    CHECK_EQUAL(1, validated.exit_code);
    STRCMP_CONTAINS(("error: the document is 16777217 bytes, more than the limit of " + limit)
                        .c_str(),
                    validated.output.c_str());

    const Run signed_ = run_command(
        kiosk_feed_command() + " sign -s" +
            arg(AFF_SOURCE_DATADIR "/demo/keys/demo-NOT-FOR-PRODUCTION.key") + " -m" + arg(feed),
        dir / "log");
    CHECK_EQUAL(1, signed_.exit_code);
    STRCMP_EQUAL(("kiosk-feed: " + feed.string() +
                  " is 16777217 bytes, more than the kiosks' limit of " + limit + ": not signed\n")
                     .c_str(),
                 signed_.output.c_str());
    CHECK_FALSE(fs::exists(dir / "feed.json.minisig"));
}

TEST(KioskFeedCommand, AnAssetLargerThanTheKiosksFetchIsAWarning) {
    auto feed = nlohmann::json::parse(demo_feed());
    feed["assets"][0]["size"] = ParseLimits{}.max_asset_bytes + 1;
    write_file(dir / "feed.json", feed.dump());
    const Run validated =
        run_command(kiosk_feed_command() + " validate" + arg(dir / "feed.json"), dir / "log");
    CHECK_EQUAL(0, validated.exit_code);
    STRCMP_CONTAINS("warning: assets[0].size: 33554433 bytes, more than the limit of 33554432: "
                    "no kiosk fetches it",
                    validated.output.c_str());
}

TEST(KioskFeedCommand, ADirectoryIsNamedAsOneNotReadAsAnEmptyFeed) {
    const Run validated = run_command(kiosk_feed_command() + " validate" + arg(dir), dir / "log");
    CHECK_EQUAL(2, validated.exit_code);
    STRCMP_EQUAL(("kiosk-feed: cannot read " + dir.string() + ": it is a directory\n").c_str(),
                 validated.output.c_str());
}
