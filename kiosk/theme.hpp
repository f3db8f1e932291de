// The look: one palette, one type scale and one spacing grid, all relative to the screen's short
// side so the same board reads the same from an 800x480 panel to a 3840x2160 one.
#pragma once

#include "platform/canvas.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace aff {

// WCAG 2.x relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21).
double relative_luminance(Color color);
double contrast_ratio(Color a, Color b);

// How a colour looks with typical vision or one of the three kinds of dichromacy.
enum class Vision : std::uint8_t { typical, protan, deutan, tritan };
Color simulate_vision(Color color, Vision vision);
// The CIE76 colour difference (delta E) of two colours: about 2 is just noticeable, 10 and
// more is plainly another colour.
double colour_difference(Color a, Color b);

// "#RRGGBB" to a colour.
std::optional<Color> parse_hex_color(std::string_view text);

struct Palette {
    Color background;      // the screen
    Color band;            // the header band and cards, a step lighter
    Color rule;            // hairlines between rows
    Color text;            // titles and times: near-white
    Color text_secondary;  // hall names and labels: still >= 7:1 on the background
    Color accent;          // section headings, the current language, the clock's colon
    Color track;           // progress bar background
    Color progress;        // progress bar fill
    Color delayed;         // status colours carry a word too, never colour alone
    Color cancelled;
    Color sold_out;
    Color moved;
    Color badge_text;      // text on a filled badge
    Color qa;              // the Q&A badge
    Color neutral_chip;    // a section without a colour of its own
    Color urgent;          // the banner of an urgent announcement (dark text on it)
    Color emergency;       // the background of an emergency takeover
    Color emergency_text;  // its text: >= 7:1 on it
};

// The type scale: line heights in pixels for this screen.
struct TypeScale {
    Font clock;    // the big HH:MM
    Font venue;    // the venue name in the header
    Font title;    // film titles in the now column
    Font row;      // film titles and times in the later list
    Font body;     // time ranges, next lines, the date
    Font label;    // hall names, section headings, column heads
    Font caption;  // the footer

    bool operator==(const TypeScale&) const = default;
};

// The type size, in percent of the designed one, by screen size: one config file can serve a
// 7-inch door sign and a 55-inch board (read from the option by parse_type_scales, config.hpp).
struct TypeScales {
    static constexpr int min_percent = 50;
    static constexpr int max_percent = 140;
    std::vector<std::pair<Size, int>> by_size;
    int fallback = 100;

    int percent_for(Size size) const;
};

struct Theme {
    Size screen;
    bool portrait = false;
    int unit = 8;  // the grid: every gap and inset is a multiple of it
    Palette palette;
    TypeScale type;

    int grid(int units) const { return unit * units; }

    // The theme for a screen of `size`: 8 px units and a ~44 px title line on a 1080 px short side.
    // `type_percent` scales the type (not the grid): see TypeScales.
    static Theme for_screen(Size size, int type_percent = 100);
};

// The palette alone (it does not depend on the screen).
Palette festival_palette();

}  // namespace aff
