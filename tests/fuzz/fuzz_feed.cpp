// libFuzzer target for the feed parser and validator (sync/feed_parse.hpp): no input may crash it,
// leak, read out of bounds or hang, and every refusal must say why in one line per diagnostic.
// Seeds: tests/data/feeds/minimal.json and assets/demo/feed.json.
#include "sync/feed_parse.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const aff::ParseResult result = aff::parse_feed(bytes);
    if (!result.ok() && result.error_count() == 0) std::abort();  // refused without a reason
    for (const auto& d : result.diagnostics) {
        if (d.message.empty() || d.to_string().find('\n') != std::string::npos) std::abort();
    }
    return 0;
}
