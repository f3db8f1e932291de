// The UI font must draw every word the kiosk can show: each catalog string and each text of the
// demo festival. (A feed with other scripts is drawn through a fallback font, logged once.)
#include "kiosk/i18n.hpp"

#include "platform/fonts.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <cstdio>
#include <string>
#include <vector>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

void add(std::vector<std::string>& out, const Text& text) {
    for (const auto& s : text.by_lang) {
        out.push_back(s);
    }
}

// Every text of a feed a screen may show.
std::vector<std::string> feed_texts(const Feed& feed) {
    std::vector<std::string> out;
    add(out, feed.festival.name);
    for (const auto& venue : feed.venues) {
        add(out, venue.name);
        add(out, venue.address);
        for (const auto& hall : venue.halls) {
            add(out, hall.name);
        }
    }
    for (const auto& section : feed.sections) {
        add(out, section.name);
    }
    for (const auto& film : feed.films) {
        add(out, film.title);
        add(out, film.director);
        add(out, film.synopsis);
        out.push_back(film.original_title);
        out.push_back(film.age_rating);
    }
    for (const auto& s : feed.screenings) {
        add(out, s.note);
    }
    for (const auto& a : feed.announcements) {
        add(out, a.text);
    }
    return out;
}

std::string describe(const std::vector<char32_t>& missing, const std::string& where) {
    std::string out = where + ": no glyph for";
    for (char32_t c : missing) {
        char hex[16];
        std::snprintf(hex, sizeof hex, " U+%04X", static_cast<unsigned>(c));
        out += hex;
    }
    return out;
}

}  // namespace

TEST_GROUP(Glyphs) {
    FontFiles fonts;
    void setup() override {
        auto found = find_font_files("Noto Sans");
        CHECK_TRUE(found.has_value());
        fonts = *found;
    }
};

TEST(Glyphs, TheUiFontDrawsEveryCatalogString) {
    const I18n i18n = test::catalogs();
    for (Lang lang : all_langs) {
        const auto texts = i18n.all_texts(lang);
        CHECK_TRUE(texts.size() > 50);
        for (const auto& text : texts) {
            const auto missing = missing_glyphs(fonts, text);
            CHECK_TEXT(missing.empty(), describe(missing, text).c_str());
        }
    }
}

TEST(Glyphs, TheUiFontDrawsEveryTextOfTheDemoFestival) {
    const auto texts = feed_texts(test::demo_feed());
    CHECK_TRUE(texts.size() > 300);
    for (const auto& text : texts) {
        const auto missing = missing_glyphs(fonts, text);
        CHECK_TEXT(missing.empty(), describe(missing, text).c_str());
    }
}

TEST(Glyphs, TheCheckFindsALetterTheFontLacks) {
    // Hangul is not in Noto Sans: the coverage check is not vacuous.
    LONGS_EQUAL(1, missing_glyphs(fonts, "Jeju \xEB\x8B\xAC").size());  // U+B2EC
}
