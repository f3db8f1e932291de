// Characters Noto Sans lacks, drawn from another installed font. Georgian is the example: its
// Noto companion, Noto Sans Georgian, comes with fonts-noto-core like Noto Sans itself.
#include <cstring>
#include <string>

#include "platform/font_set.hpp"
#include "platform/text_cache.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

const Font body{40, Weight::regular};
const Color black{0, 0, 0, 255};
const char* const tbilisi = "თბილისი";   // Georgian
const char* const mixed = "Зал 1 — თბილისი 19:30";

// Whether two rendered lines are the same picture.
bool same_pixels(SDL_Surface& a, SDL_Surface& b) {
    if (a.w != b.w || a.h != b.h) {
        return false;
    }
    const SurfacePtr x = test::as_argb(a);
    const SurfacePtr y = test::as_argb(b);
    for (int row = 0; row < x->h; ++row) {
        if (std::memcmp(static_cast<Uint8*>(x->pixels) + row * x->pitch,
                        static_cast<Uint8*>(y->pixels) + row * y->pitch,
                        static_cast<std::size_t>(x->w) * 4) != 0) {
            return false;
        }
    }
    return true;
}

// The column of the topmost inked pixel.
int column_of_top_ink(SDL_Surface& line) {
    const SurfacePtr argb = test::as_argb(line);
    for (int y = 0; y < argb->h; ++y) {
        for (int x = 0; x < argb->w; ++x) {
            if (test::pixel_at(*argb, x, y).a > 128) {
                return x;
            }
        }
    }
    return -1;
}

}  // namespace

TEST_GROUP(FallbackFonts) {
    test::SoftwareTarget target{64, 64};
};

TEST(FallbackFonts, GeorgianLettersAreDrawnAsThemselvesNotAsTheMissingGlyphBox) {
    FontSet fonts(test::noto_sans());
    FontSet without(test::noto_sans(), FallbackFonts::none);
    // Without a fallback every letter is the same box; with one, two letters differ.
    const SurfacePtr tan = fonts.render("თ", body, black);
    const SurfacePtr ban = fonts.render("ბ", body, black);
    const SurfacePtr box_tan = without.render("თ", body, black);
    const SurfacePtr box_ban = without.render("ბ", body, black);
    CHECK_TRUE(tan && ban && box_tan && box_ban);
    CHECK_TRUE(same_pixels(*box_tan, *box_ban));
    CHECK_FALSE(same_pixels(*tan, *ban));
    CHECK_FALSE(same_pixels(*tan, *box_tan));
    CHECK_TRUE(fonts.fallback_count() > 0);
    LONGS_EQUAL(0, without.fallback_count());
}

TEST(FallbackFonts, MeasureIsTheWidthOfTheDrawnLine) {
    FontSet fonts(test::noto_sans());
    TextCache cache(*target.renderer, fonts);
    for (const char* text : {tbilisi, mixed, "სორი", "فيلم عربي", "Кино: فيلم 2"}) {
        for (const Font font : {body, Font{23, Weight::bold}}) {
            const TextSize size = cache.measure(text, font);
            const TextCache::Line line = cache.line(text, font, black);
            CHECK_TEXT(line.texture != nullptr, text);
            LONGS_EQUAL(size.w, line.w);
            LONGS_EQUAL(size.h, line.h);
        }
    }
}

TEST(FallbackFonts, ALineWithAFallbackIsAsHighAsAnyOtherLine) {
    FontSet fonts(test::noto_sans());
    LONGS_EQUAL(fonts.measure("Кино", body).h, fonts.measure(mixed, body).h);
    LONGS_EQUAL(fonts.measure("Кино", body).h, fonts.measure(tbilisi, body).h);
}

TEST(FallbackFonts, LatinAndCyrillicNeedNoOtherFont) {
    FontSet fonts(test::noto_sans());
    FontSet without(test::noto_sans(), FallbackFonts::none);
    const char* text = "Қазақ тілі · Русский · English 19:30–21:00";
    LONGS_EQUAL(without.measure(text, body).w, fonts.measure(text, body).w);
    const SurfacePtr drawn = fonts.render(text, body, black);
    const SurfacePtr plain = without.render(text, body, black);
    CHECK_TRUE(same_pixels(*drawn, *plain));
    LONGS_EQUAL(0, fonts.fallback_count());
}

TEST(FallbackFonts, TheFallbackFontChosenIsLoggedOnce) {
    const test::LogCapture log;
    FontSet fonts(test::noto_sans());
    fonts.measure(tbilisi, body);
    fonts.render(tbilisi, body, black);
    fonts.measure(mixed, Font{20, Weight::regular});
    LONGS_EQUAL(1, log.count("font: U+10D7 is not in Noto Sans; using Noto Sans Georgian"));
    LONGS_EQUAL(1, log.lines.size());
}

TEST(FallbackFonts, ACharacterNoFontHasIsTheMissingGlyphBoxAndIsLoggedOnce) {
    const char* unassigned = "\xCD\xB8";  // U+0378, assigned to nothing
    const test::LogCapture log;
    FontSet fonts(test::noto_sans());
    FontSet without(test::noto_sans(), FallbackFonts::none);
    LONGS_EQUAL(without.measure(unassigned, body).w, fonts.measure(unassigned, body).w);
    fonts.measure(unassigned, Font{20, Weight::bold});
    fonts.render(unassigned, body, black);
    LONGS_EQUAL(1, log.count("U+0378 is in no installed font"));
    LONGS_EQUAL(0, fonts.fallback_count());
}

TEST(FallbackFonts, ALineThatIsNotUtf8IsDrawnByTheFamilyAlone) {
    // The bad byte makes the whole line unreadable to the converter: no fallback is looked for.
    const std::string broken = std::string(tbilisi) + "\xFF";
    FontSet fonts(test::noto_sans());
    FontSet without(test::noto_sans(), FallbackFonts::none);
    LONGS_EQUAL(without.measure(broken, body).w, fonts.measure(broken, body).w);
    const SurfacePtr drawn = fonts.render(broken, body, black);
    const SurfacePtr plain = without.render(broken, body, black);
    CHECK_TRUE(drawn != nullptr && plain != nullptr && same_pixels(*drawn, *plain));
    LONGS_EQUAL(0, fonts.fallback_count());
}

TEST(FallbackFonts, BoldLinesTakeABoldFallback) {
    FontSet fonts(test::noto_sans());
    const TextSize regular = fonts.measure(tbilisi, body);
    const TextSize bold = fonts.measure(tbilisi, Font{body.px, Weight::bold});
    CHECK_TRUE(bold.w > regular.w);
    LONGS_EQUAL(2, fonts.fallback_count());  // Noto Sans Georgian, regular and bold
}

TEST(FallbackFonts, AnArabicWordIsDrawnRightToLeft) {
    // Alef then beh: written right to left the tall alef stands at the right.
    FontSet fonts(test::noto_sans());
    const SurfacePtr line = fonts.render("اب", Font{80, Weight::regular}, black);
    CHECK_TRUE(line != nullptr);
    CHECK_TRUE(column_of_top_ink(*line) > line->w / 2);
}

TEST(FallbackFonts, TwoArabicWordsKeepTheirOrderRightToLeft) {
    // The space between them stays in their run, so HarfBuzz lays out the whole phrase right to
    // left: the first word, with its tall alef, ends up on the right.
    FontSet fonts(test::noto_sans());
    const Font font{60, Weight::regular};
    const SurfacePtr words = fonts.render("اب بب", font, black);
    const SurfacePtr first = fonts.render("اب", font, black);
    CHECK_TRUE(words && first);
    CHECK_TRUE(column_of_top_ink(*words) > words->w - first->w);
}
