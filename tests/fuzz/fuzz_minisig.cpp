// libFuzzer target for the signature reader (sync/minisign.hpp): no input may crash it, leak or
// read out of bounds, and none may verify by accident.
//
// The input is up to three parts separated by NUL bytes (which none of the texts may contain):
//   public key text \0 .minisig text \0 message
// When the public key does not parse, the signature is checked against the demo key instead, so
// the signature reader sees every input. Seeds: the demo key, feed and signature, as three parts.
#include "sync/minisign.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view demo_public_key =
    "RWQ8OCVYEnieCJod+xHT5V8ea9gzlnXfGde5dAS0Kk2s12IrSirhmcOX";

std::string_view next_part(std::string_view& rest) {
    std::size_t end = rest.find('\0');
    std::string_view part = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return part;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    std::string_view key_text = next_part(rest);
    std::string_view minisig = next_part(rest);
    std::string_view message = rest;

    std::string error;
    auto key = aff::minisign::parse_public_key(key_text, error);
    if (!key) {
        if (error.empty() || error.find('\n') != std::string::npos) std::abort();
        key = aff::minisign::parse_public_key(demo_public_key, error);
        if (!key) std::abort();
    }
    (void)aff::minisign::parse_secret_key(key_text, error);

    error.clear();
    auto verified = aff::minisign::verify(message, minisig, *key, error);
    // A refusal always says why, in one line.
    if (!verified && (error.empty() || error.find('\n') != std::string::npos)) std::abort();
    return 0;
}
