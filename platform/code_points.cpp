#include "platform/code_points.hpp"

#include "platform/error.hpp"

#include <SDL.h>

#include <cstdint>
#include <string>

namespace aff {
namespace {

// UTF-32 with its byte order spelled out, so it is the same on every machine. Not "UCS-4": glibc
// reads that as up to U+7FFFFFFF and takes F4 90 80 80 for U+110000; nor "UCS-4-INTERNAL"
// (SDL_iconv_utf8_ucs4), which glibc's iconv, the one SDL uses on Debian, does not know.
constexpr const char* target = "UTF-32BE";

// How many bytes UTF-8 spends on `c` (a code point the converter produced, so one it allows).
std::size_t encoded_length(char32_t c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

}  // namespace

CodePointReader::CodePointReader() : converter_(SDL_iconv_open(target, "UTF-8")) {
    if (converter_ == reinterpret_cast<SDL_iconv_t>(-1)) {
        throw PlatformError(std::string("SDL cannot convert UTF-8 to ") + target + ": " +
                            SDL_GetError());
    }
}

CodePointReader::~CodePointReader() { SDL_iconv_close(converter_); }

bool CodePointReader::read(std::string_view utf8, std::vector<CodePoint>& out) {
    out.clear();
    if (utf8.empty()) {
        return true;
    }
    buffer_.resize(utf8.size() * 4);  // at most one code point, four bytes, per byte read
    const char* in = utf8.data();
    std::size_t in_left = utf8.size();
    char* to = buffer_.data();
    std::size_t out_left = buffer_.size();
    const std::size_t result = SDL_iconv(converter_, &in, &in_left, &to, &out_left);
    // SDL_ICONV_EILSEQ for a bad byte, SDL_ICONV_EINVAL for a sequence cut short by the end.
    if (result == SDL_ICONV_ERROR || result == SDL_ICONV_E2BIG || result == SDL_ICONV_EILSEQ ||
        result == SDL_ICONV_EINVAL || in_left != 0) {
        return false;
    }
    std::size_t pos = 0;
    const std::size_t produced = buffer_.size() - out_left;
    for (std::size_t i = 0; i + 4 <= produced; i += 4) {
        const auto byte = [&](std::size_t k) {
            return static_cast<char32_t>(static_cast<std::uint8_t>(buffer_[i + k]));
        };
        const char32_t c = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
        const std::size_t end = pos + encoded_length(c);
        out.push_back({c, pos, end});
        pos = end;
    }
    // SDL's own converter (a build without iconv) puts in U+FFFD for a bad sequence instead of
    // refusing it; where the bytes then do not add up the offsets would be wrong: refused too.
    if (pos != utf8.size()) {
        out.clear();
        return false;
    }
    return true;
}

}  // namespace aff
