// The characters of a line as platform/ reads them, through SDL's converter: each with the
// bytes it spans, and text that is not UTF-8 refused whole.
#include "platform/code_points.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <CppUTest/TestHarness.h>

using namespace aff;

TEST_GROUP(CodePoints) {
    CodePointReader reader;
    std::vector<CodePoint> out;
};

TEST(CodePoints, EachCharacterIsReadWithTheBytesItSpans) {
    CHECK_TRUE(reader.read("A\xD0\x96\xE2\x82\xAC\xF0\x9F\x98\x80", out));  // A Ж € 😀
    const std::vector<CodePoint> want{
        {U'A', 0, 1}, {U'\u0416', 1, 3}, {U'\u20AC', 3, 6}, {U'\U0001F600', 6, 10}};
    LONGS_EQUAL(want.size(), out.size());
    for (std::size_t i = 0; i < want.size() && i < out.size(); ++i) {
        CHECK_TRUE(out[i].value == want[i].value);
        LONGS_EQUAL(want[i].begin, out[i].begin);
        LONGS_EQUAL(want[i].end, out[i].end);
    }
}

TEST(CodePoints, EmptyTextHasNoCharacters) {
    CHECK_TRUE(reader.read("", out));
    CHECK_TRUE(out.empty());
}

TEST(CodePoints, TextThatIsNotUtf8IsRefusedWhole) {
    const std::vector<std::string_view> bad{
        "a\xC0\x80z",            // overlong
        "a\xE0\x80\x80z",        // overlong, three bytes
        "a\xF0\x8F\xBF\xBFz",    // overlong, four bytes
        "a\xED\xA0\x80z",        // a surrogate
        "a\xF4\x90\x80\x80z",    // past U+10FFFF
        "x\xD0y",                // cut inside a two-byte character
        "x\xE2\x82y",            // inside a three-byte one
        "x\xF0\x9F\x98y",        // inside a four-byte one
        "abc\xF0\x9F\x98",       // ... at the end
        "abc\x80",               // a stray continuation byte
        "\xFF\xFE",
    };
    for (const std::string_view text : bad) {
        out.push_back({});  // refusing clears it too
        CHECK_FALSE_TEXT(reader.read(text, out), std::string(text).c_str());
        CHECK_TRUE(out.empty());
    }
}

TEST(CodePoints, AfterARefusalTheNextLineReadsAsUsual) {
    CHECK_FALSE(reader.read("\xE2\x82", out));
    CHECK_TRUE(reader.read("\xE2\x82\xAC", out));
    LONGS_EQUAL(1, out.size());
    CHECK_TRUE(out[0].value == U'\u20AC');
}
