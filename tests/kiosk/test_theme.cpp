#include "kiosk/theme.hpp"

#include <array>
#include <string>
#include <utility>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

// A palette colour with its name, so a failing check says which one failed.
struct Named {
    const char* name;
    Color colour;
};

}  // namespace

TEST_GROUP(Theme) {
    Palette p = festival_palette();

    std::array<Named, 5> statuses() const {
        return {Named{"delayed", p.delayed}, Named{"cancelled", p.cancelled},
                Named{"sold_out", p.sold_out}, Named{"moved", p.moved}, Named{"qa", p.qa}};
    }

    static void check_contrast(const Named& text, const Named& background, double at_least) {
        const double ratio = contrast_ratio(text.colour, background.colour);
        const std::string what = std::string(text.name) + " on " + background.name + ": " +
                                 std::to_string(ratio) + ":1";
        CHECK_TEXT(ratio >= at_least, what.c_str());
    }
};

TEST(Theme, ContrastRatioFollowsWcag) {
    DOUBLES_EQUAL(21.0, contrast_ratio(Color{0, 0, 0}, Color{255, 255, 255}), 0.01);
    DOUBLES_EQUAL(1.0, contrast_ratio(Color{90, 90, 90}, Color{90, 90, 90}), 0.001);
    // WCAG's own example figures: #777777 on white is 4.48:1, #595959 on white 7.0:1.
    DOUBLES_EQUAL(4.48, contrast_ratio(Color{0x77, 0x77, 0x77}, Color{255, 255, 255}), 0.01);
    DOUBLES_EQUAL(7.0, contrast_ratio(Color{0x59, 0x59, 0x59}, Color{255, 255, 255}), 0.01);
    DOUBLES_EQUAL(contrast_ratio(Color{10, 20, 30}, Color{200, 100, 50}),
                  contrast_ratio(Color{200, 100, 50}, Color{10, 20, 30}), 1e-9);
}

TEST(Theme, ScheduleTextHasAtLeastSevenToOneContrast) {
    for (const Named& background : {Named{"background", p.background}, Named{"band", p.band}}) {
        for (const Named& text : {Named{"text", p.text}, Named{"text_secondary", p.text_secondary},
                                  Named{"accent", p.accent}, Named{"delayed", p.delayed}}) {
            check_contrast(text, background, 7.0);
        }
    }
}

TEST(Theme, BadgeWordsHaveAtLeastSevenToOneContrastOnTheirChips) {
    for (const Named& chip : statuses()) {
        check_contrast(Named{"badge_text", p.badge_text}, chip, 7.0);
    }
}

TEST(Theme, BannersAndTheEmergencyAreReadableAtSevenToOne) {
    check_contrast(Named{"badge_text", p.badge_text}, Named{"urgent", p.urgent}, 7.0);
    check_contrast(Named{"emergency_text", p.emergency_text}, Named{"emergency", p.emergency},
                   7.0);
    // The QR code's light square.
    check_contrast(Named{"badge_text", p.badge_text}, Named{"text", p.text}, 7.0);
}

TEST(Theme, StatusColoursStayApartForEveryKindOfColourVision) {
    const auto colours = statuses();
    for (const auto& [vision, name] : {std::pair{Vision::typical, "typical"},
                                       std::pair{Vision::protan, "protan"},
                                       std::pair{Vision::deutan, "deutan"},
                                       std::pair{Vision::tritan, "tritan"}}) {
        for (std::size_t i = 0; i < colours.size(); ++i) {
            for (std::size_t j = i + 1; j < colours.size(); ++j) {
                const double difference =
                    colour_difference(simulate_vision(colours[i].colour, vision),
                                      simulate_vision(colours[j].colour, vision));
                const std::string what = std::string(colours[i].name) + " and " +
                                         colours[j].name + " for " + name + " vision: ΔE " +
                                         std::to_string(difference);
                CHECK_TEXT(difference >= 12.0, what.c_str());
            }
        }
    }
}

TEST(Theme, TheVisionSimulationConfusesRedAndGreenForADeuteranope) {
    const Color red{200, 60, 40};
    const Color green{110, 140, 40};
    CHECK_TRUE(colour_difference(red, green) > 40.0);
    CHECK_TRUE(colour_difference(simulate_vision(red, Vision::deutan),
                                 simulate_vision(green, Vision::deutan)) < 15.0);
    CHECK_TRUE(simulate_vision(red, Vision::typical) == red);
}

TEST(Theme, TheTypeScaleGrowsTheTypeButNotTheGrid) {
    const Theme normal = Theme::for_screen(Size{800, 480});
    const Theme larger = Theme::for_screen(Size{800, 480}, 125);
    CHECK_TRUE(larger.type.title.px > normal.type.title.px);
    CHECK_TRUE(larger.type.caption.px > normal.type.caption.px);
    LONGS_EQUAL(normal.unit, larger.unit);
}

TEST(Theme, TheBackgroundIsDarkAndTheTextNearWhite) {
    CHECK_TRUE(relative_luminance(p.background) < 0.02);
    CHECK_TRUE(relative_luminance(p.text) > 0.8);
}

TEST(Theme, TypeScalesWithTheShortSide) {
    const Theme hd = Theme::for_screen(Size{1920, 1080});
    const Theme portrait = Theme::for_screen(Size{1080, 1920});
    const Theme uhd = Theme::for_screen(Size{3840, 2160});
    const Theme small = Theme::for_screen(Size{800, 480});
    CHECK_FALSE(hd.portrait);
    CHECK_TRUE(portrait.portrait);
    LONGS_EQUAL(8, hd.unit);
    LONGS_EQUAL(96, hd.type.clock.px);
    CHECK_TRUE(hd.type.title.px >= 40 && hd.type.title.px <= 48);
    CHECK_TRUE(hd.type == portrait.type);
    LONGS_EQUAL(2 * hd.type.title.px, uhd.type.title.px);
    LONGS_EQUAL(2 * hd.unit, uhd.unit);
    CHECK_TRUE(small.type.title.px < hd.type.title.px);
    CHECK_TRUE(small.type.caption.px >= 10);
}

TEST(Theme, TheTypeScaleDescends) {
    const auto t = Theme::for_screen(Size{1920, 1080}).type;
    CHECK_TRUE(t.clock.px > t.venue.px);
    CHECK_TRUE(t.venue.px >= t.title.px);
    CHECK_TRUE(t.title.px > t.row.px);
    CHECK_TRUE(t.row.px > t.body.px);
    CHECK_TRUE(t.body.px > t.label.px);
    CHECK_TRUE(t.label.px >= t.caption.px);
}

TEST(Theme, SectionColoursAreReadFromHex) {
    CHECK_TRUE((parse_hex_color("#E94F37") == Color{0xE9, 0x4F, 0x37, 255}));
    CHECK_TRUE((parse_hex_color("#ffffff") == Color{255, 255, 255, 255}));
    CHECK_FALSE(parse_hex_color("E94F37").has_value());
    CHECK_FALSE(parse_hex_color("#E94F3").has_value());
    CHECK_FALSE(parse_hex_color("#E94G37").has_value());
    CHECK_FALSE(parse_hex_color("").has_value());
}
