// UTF-8 in one place (sync/utf8.hpp): what is well-formed, how bad bytes read, counting, and
// cutting on a character boundary.
#include "sync/utf8.hpp"

#include <string>
#include <string_view>
#include <vector>

// CppUTest last: its leak detector redefines `new`, which the standard headers must not see.
#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

// Every character of `text` as utf8::decode reads it.
std::vector<char32_t> decode_all(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) {
        out.push_back(utf8::decode(text, pos));
    }
    return out;
}

void check_invalid_at(std::string_view text, std::size_t at) {
    const auto bad = utf8::first_invalid(text);
    std::string hex;
    for (const char c : text) {
        hex += " " + std::to_string(static_cast<unsigned char>(c));
    }
    CHECK_TEXT(bad.has_value(), ("not refused:" + hex).c_str());
    LONGS_EQUAL_TEXT(at, bad.value_or(999), ("wrong offset:" + hex).c_str());
    CHECK_FALSE(utf8::is_valid(text));
}

const char32_t fffd = utf8::replacement_character;

}  // namespace

TEST_GROUP(Utf8){};

TEST(Utf8, WellFormedTextOfEveryLengthIsValid) {
    for (const char* text : {"", "Almaty", "Қазақ тілі", "19:30\xE2\x80\x93" "21:00",
                             "\xEB\x8B\xAC", "\xF0\x9F\x98\x80", "\x7F", "\xC2\x80", "\xDF\xBF",
                             "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                             "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
        CHECK_TEXT(utf8::is_valid(text), text);
    }
}

TEST(Utf8, OverlongFormsAreInvalid) {
    check_invalid_at("a\xC0\x80", 1);              // U+0000 in two bytes
    check_invalid_at("\xC1\xBF", 0);               // U+007F in two bytes
    check_invalid_at("ab\xE0\x80\x80", 2);         // U+0000 in three
    check_invalid_at("\xE0\x9F\xBF", 0);           // U+07FF in three
    check_invalid_at("\xF0\x80\x80\x80", 0);       // U+0000 in four
    check_invalid_at("\xF0\x8F\xBF\xBF", 0);       // U+FFFF in four
}

TEST(Utf8, SurrogatesAreInvalid) {
    check_invalid_at("\xED\xA0\x80", 0);  // U+D800
    check_invalid_at("x\xED\xBF\xBF", 1);  // U+DFFF
}

TEST(Utf8, NothingPastU10FFFFIsValid) {
    check_invalid_at("\xF4\x90\x80\x80", 0);  // U+110000
    check_invalid_at("\xF5\x80\x80\x80", 0);
    check_invalid_at("\xFF", 0);
    check_invalid_at("\xFE\xFF", 0);
}

TEST(Utf8, SequencesCutShortAreInvalid) {
    check_invalid_at("\xD0", 0);                 // two bytes, one there
    check_invalid_at("ok\xE2\x82", 2);           // three bytes, two there
    check_invalid_at("\xF0\x9F\x98", 0);         // four bytes, three there
    check_invalid_at("\xD0 ", 0);                // ... or followed by something else
    check_invalid_at("\xE2\x82" "A", 0);
    check_invalid_at("\xF0\x9F\x98\xF0\x9F\x98\x80", 0);
}

TEST(Utf8, AStrayContinuationByteIsInvalid) {
    check_invalid_at("abc\x80", 3);
    check_invalid_at("\xD0\x96\xBF", 2);  // "Ж" and one byte too many
}

TEST(Utf8, DecodeReadsEachCharacterAndMovesPastIt) {
    const std::string_view text = "A\xD0\x96\xE2\x82\xAC\xF0\x9F\x98\x80";  // A Ж € 😀
    std::size_t pos = 0;
    const std::vector<std::pair<char32_t, std::size_t>> want{
        {U'A', 1}, {U'\u0416', 3}, {U'\u20AC', 6}, {U'\U0001F600', 10}};
    for (const auto& [code_point, end] : want) {
        CHECK_TRUE(utf8::decode(text, pos) == code_point);
        LONGS_EQUAL(end, pos);
    }
}

TEST(Utf8, ABadSequenceReadsAsOneReplacementCharacterPerMaximalSubpart) {
    // A lead byte and the continuation bytes that could still have completed it: one U+FFFD.
    CHECK_TRUE((decode_all("\xE2\x82" "A") == std::vector<char32_t>{fffd, U'A'}));
    CHECK_TRUE((decode_all("\xF0\x9F\x98") == std::vector<char32_t>{fffd}));
    CHECK_TRUE((decode_all("\xF0\x9F\x98\xD0\x96") == std::vector<char32_t>{fffd, U'\u0416'}));
    // Bytes that could never start or continue a character: one U+FFFD each.
    CHECK_TRUE((decode_all("\xC0\x80") == std::vector<char32_t>{fffd, fffd}));
    CHECK_TRUE((decode_all("\xED\xA0\x80") == std::vector<char32_t>{fffd, fffd, fffd}));
    CHECK_TRUE((decode_all("\xF4\x90\x80\x80") == std::vector<char32_t>{fffd, fffd, fffd, fffd}));
    CHECK_TRUE((decode_all("\xFFz") == std::vector<char32_t>{fffd, U'z'}));
}

TEST(Utf8, CountsCharactersNotBytes) {
    LONGS_EQUAL(5, utf8::count("Қазір"));
    LONGS_EQUAL(10, std::string("Қазір").size());
    LONGS_EQUAL(0, utf8::count(""));
    LONGS_EQUAL(2, utf8::count("\xF0\x9F\x98\x80!"));
    LONGS_EQUAL(3, utf8::count("a\xE2\x82" "b"));  // a bad sequence counts once
}

TEST(Utf8, OffsetIsWhereTheFirstCharactersEnd) {
    LONGS_EQUAL(0, utf8::offset("Қазір", 0));
    LONGS_EQUAL(4, utf8::offset("Қазір", 2));
    LONGS_EQUAL(10, utf8::offset("Қазір", 5));
    LONGS_EQUAL(10, utf8::offset("Қазір", 9));
    LONGS_EQUAL(5, utf8::offset("\xF0\x9F\x98\x80!", 2));
}

TEST(Utf8, ACutNeverEndsInsideATwoThreeOrFourByteCharacter) {
    const std::string_view two = "\xD0\x96\xD0\x96";                      // ЖЖ
    const std::string_view three = "\xE2\x82\xAC\xE2\x82\xAC";            // €€
    const std::string_view four = "\xF0\x9F\x98\x80\xF0\x9F\x98\x80";     // 😀😀
    LONGS_EQUAL(2, utf8::cut(two, 3).size());
    LONGS_EQUAL(4, utf8::cut(two, 4).size());
    LONGS_EQUAL(3, utf8::cut(three, 4).size());
    LONGS_EQUAL(3, utf8::cut(three, 5).size());
    LONGS_EQUAL(6, utf8::cut(three, 6).size());
    LONGS_EQUAL(0, utf8::cut(four, 3).size());
    LONGS_EQUAL(4, utf8::cut(four, 5).size());
    LONGS_EQUAL(4, utf8::cut(four, 7).size());
    LONGS_EQUAL(8, utf8::cut(four, 100).size());
    // At every length, the longest valid prefix that fits.
    const std::string_view mixed = "A\xD0\x96\xE2\x82\xAC\xF0\x9F\x98\x80z";
    const std::size_t ends[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 11};
    for (std::size_t max = 0; max <= mixed.size(); ++max) {
        const std::string_view kept = utf8::cut(mixed, max);
        LONGS_EQUAL_TEXT(ends[max], kept.size(), std::to_string(max).c_str());
        CHECK_TRUE(utf8::is_valid(kept));
    }
}

TEST(Utf8, InvalidBytesAreReplacedOneByOne) {
    STRCMP_EQUAL("a?b??", utf8::replace_invalid("a\xFF" "b\xE2\x82").c_str());
    STRCMP_EQUAL("Қазір", utf8::replace_invalid("Қазір").c_str());
    STRCMP_EQUAL("???", utf8::replace_invalid("\xED\xA0\x80").c_str());
}
