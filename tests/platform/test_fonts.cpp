#include "platform/error.hpp"
#include "platform/font_set.hpp"
#include "platform/fonts.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>
#include <SDL_ttf.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace aff;

TEST_GROUP(Fonts){};

TEST(Fonts, FindsTheRegularAndBoldFilesOfNotoSans) {
    const auto files = find_font_files("Noto Sans");
    CHECK_TRUE(files.has_value());
    CHECK_TRUE(std::filesystem::exists(files->regular));
    CHECK_TRUE(std::filesystem::exists(files->bold));
    STRCMP_CONTAINS("NotoSans-Regular", files->regular.c_str());
    STRCMP_CONTAINS("NotoSans-Bold", files->bold.c_str());
}

TEST(Fonts, RefusesAFamilyThatDoesNotExistRatherThanASubstitute) {
    CHECK_FALSE(find_font_files("No Such Font Family 123").has_value());
}

TEST(Fonts, RefusesAnEmptyFamilyName) { CHECK_FALSE(find_font_files("").has_value()); }

TEST(Fonts, NotoSansHasEveryKazakhLetterInBothWeights) {
    // Ә Ғ Қ Ң Ө Ұ Ү Һ І and their lowercase: the letters Kazakh adds to Russian Cyrillic.
    const char32_t letters[] = {U'Ә', U'Ғ', U'Қ', U'Ң', U'Ө', U'Ұ', U'Ү', U'Һ', U'І',
                                U'ә', U'ғ', U'қ', U'ң', U'ө', U'ұ', U'ү', U'һ', U'і'};
    FontSet fonts(test::noto_sans());
    for (const Weight weight : {Weight::regular, Weight::bold}) {
        TTF_Font* face = fonts.get(Font{32, weight});
        CHECK_TRUE(face != nullptr);
        for (const char32_t letter : letters) {
            const SimpleString missing =
                StringFromFormat("U+%04X is missing", static_cast<unsigned>(letter));
            CHECK_TEXT(TTF_GlyphIsProvided32(face, static_cast<Uint32>(letter)) != 0,
                       missing.asCharString());
        }
    }
}

TEST(Fonts, LineHeightIsTheRequestedPixelSize) {
    FontSet fonts(test::noto_sans());
    for (const int px : {10, 16, 23, 40, 72, 150}) {
        for (const Weight weight : {Weight::regular, Weight::bold}) {
            TTF_Font* face = fonts.get(Font{px, weight});
            CHECK_TRUE(face != nullptr);
            CHECK_TEXT(std::abs(TTF_FontHeight(face) - px) <= 1,
                       StringFromFormat("%d px gave a line of %d", px, TTF_FontHeight(face))
                           .asCharString());
        }
    }
}

TEST(Fonts, GivesTheSameFaceForTheSameFontAgain) {
    FontSet fonts(test::noto_sans());
    TTF_Font* first = fonts.get(Font{20, Weight::bold});
    fonts.get(Font{20, Weight::regular});
    POINTERS_EQUAL(first, fonts.get(Font{20, Weight::bold}));
    LONGS_EQUAL(2, fonts.open_count());
}

TEST(Fonts, KeepsOnlyAHandfulOfSizesOpen) {
    FontSet fonts(test::noto_sans());
    for (int px = 8; px < 8 + 3 * static_cast<int>(FontSet::max_open); ++px) {
        CHECK_TRUE(fonts.get(Font{px, Weight::regular}) != nullptr);
    }
    LONGS_EQUAL(FontSet::max_open, fonts.open_count());
}

TEST(Fonts, SizesOutsideTheSupportedRangeGiveNoFace) {
    FontSet fonts(test::noto_sans());
    POINTERS_EQUAL(nullptr, fonts.get(Font{0, Weight::regular}));
    POINTERS_EQUAL(nullptr, fonts.get(Font{-12, Weight::bold}));
    POINTERS_EQUAL(nullptr, fonts.get(Font{FontSet::max_px + 1, Weight::regular}));
    CHECK_TRUE(fonts.get(Font{FontSet::max_px, Weight::regular}) != nullptr);
}

TEST(Fonts, AFontFileThatDoesNotOpenIsAPlatformError) {
    CHECK_THROWS(PlatformError, FontSet(FontFiles{"/nonexistent/NoSuchFont.ttf", ""}));
}

TEST(Fonts, AFileThatIsNotAFontIsAPlatformError) {
    const std::string path = (test::scratch_dir() / "not_a_font.ttf").string();
    std::ofstream(path) << "this is not a font\n";
    CHECK_THROWS(PlatformError, FontSet(FontFiles{path, ""}));
}

TEST(Fonts, NoRegularFileIsAPlatformError) {
    CHECK_THROWS(PlatformError, FontSet(FontFiles{"", test::noto_sans().bold}));
}

TEST(Fonts, WithoutABoldFileTheRegularFaceIsEmboldened) {
    FontSet fonts(FontFiles{test::noto_sans().regular, ""});
    CHECK_TRUE((TTF_GetFontStyle(fonts.get(Font{24, Weight::bold})) & TTF_STYLE_BOLD) != 0);
    CHECK_TRUE((TTF_GetFontStyle(fonts.get(Font{24, Weight::regular})) & TTF_STYLE_BOLD) == 0);
}

TEST(Fonts, SdlTtfIsShutDownWithTheLastFontSet) {
    {
        FontSet outer(test::noto_sans());
        {
            FontSet inner(test::noto_sans());
            LONGS_EQUAL(2, TTF_WasInit());
        }
        LONGS_EQUAL(1, TTF_WasInit());
        CHECK_TRUE(outer.get(Font{18, Weight::regular}) != nullptr);
    }
    LONGS_EQUAL(0, TTF_WasInit());
}

TEST(Fonts, MissingGlyphsFindsHangulMissingFromNotoSans) {
    const std::vector<char32_t> missing = missing_glyphs(test::noto_sans(), "Зал \uAC00 1");
    LONGS_EQUAL(1, missing.size());
    LONGS_EQUAL(0xAC00, missing[0]);
}

TEST(Fonts, MissingGlyphsFindsNothingMissingInKazakh) {
    CHECK_TRUE(missing_glyphs(test::noto_sans(), "Қазақ тілі").empty());
    CHECK_TRUE(missing_glyphs(test::noto_sans(), "Әзірге сеанс жоқ · Сейчас · Now 19:30").empty());
    CHECK_TRUE(missing_glyphs(test::noto_sans(), "").empty());
}

TEST(Fonts, MissingGlyphsNamesEachCharacterOnceInOrder) {
    const std::vector<char32_t> missing =
        missing_glyphs(test::noto_sans(), "\u10D7\uAC00\u10D7 \uAC00");
    LONGS_EQUAL(2, missing.size());
    LONGS_EQUAL(0x10D7, missing[0]);
    LONGS_EQUAL(0xAC00, missing[1]);
}

TEST(Fonts, MissingGlyphsOfAFileThatIsNotAFontIsAPlatformError) {
    CHECK_THROWS(PlatformError, missing_glyphs(FontFiles{"/nonexistent/font.ttf", ""}, "a"));
    LONGS_EQUAL(0, TTF_WasInit());
}

TEST(Fonts, MissingGlyphsOfTextThatIsNotUtf8IsAPlatformError) {
    CHECK_THROWS(PlatformError, missing_glyphs(test::noto_sans(), "Зал \xE2\x82"));
    LONGS_EQUAL(0, TTF_WasInit());
}

TEST(Fonts, AFallbackForGeorgianIsTheNotoCompanionNotAnotherFamily) {
    const auto regular = find_fallback_font(U'\u10D7', "Noto Sans", false);
    const auto bold = find_fallback_font(U'\u10D7', "Noto Sans", true);
    CHECK_TRUE(regular.has_value() && bold.has_value());
    STRCMP_EQUAL("Noto Sans Georgian", regular->family.c_str());
    CHECK_FALSE(regular->bold);
    STRCMP_CONTAINS("NotoSansGeorgian-Bold", bold->file.c_str());
    CHECK_TRUE(bold->bold);
}

TEST(Fonts, NoFallbackForACharacterNoFontHas) {
    CHECK_FALSE(find_fallback_font(U'\u0378', "Noto Sans", false).has_value());
}
