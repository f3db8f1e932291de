// The characters of a line of UTF-8 and the bytes each one spans, for finding which font draws
// each. platform/ keeps no UTF-8 decoder of its own (the project's is sync/utf8.hpp, which
// platform/ may not include): SDL's converter, SDL_iconv, reads the text.
//
// Text that is not well-formed UTF-8 (overlong forms, surrogates, past U+10FFFF, a sequence cut
// short) is refused whole: SDL's converter stops at the first bad byte and cannot say what the
// rest holds. Callers draw such a line with the family's own face, and SDL_ttf draws its
// replacement box for the bad bytes.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

// The type SDL_stdinc.h names SDL_iconv_t points to, declared so this header needs no SDL.
struct _SDL_iconv_t;  // NOLINT(bugprone-reserved-identifier)

namespace aff {

struct CodePoint {
    char32_t value = 0;
    std::size_t begin = 0;  // bytes of the line
    std::size_t end = 0;
};

class CodePointReader {
public:
    // Throws PlatformError when SDL cannot convert from UTF-8 at all.
    CodePointReader();
    ~CodePointReader();
    CodePointReader(const CodePointReader&) = delete;
    CodePointReader& operator=(const CodePointReader&) = delete;

    // The characters of `utf8` into `out` (cleared first): true when it is well-formed UTF-8,
    // false, with `out` empty, when it is not. Allocates nothing once its buffers have grown.
    bool read(std::string_view utf8, std::vector<CodePoint>& out);

private:
    _SDL_iconv_t* converter_;
    std::vector<char> buffer_;
};

}  // namespace aff
