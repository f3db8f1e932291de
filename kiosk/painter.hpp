// The drawing vocabulary every screen shares: text fitted into boxes, status and Q&A tags, the
// language switch, the top bar of a touch screen, the status line and the emergency takeover.
// Everything goes through Canvas and the Theme, so it is the same on SDL and in layout tests.
#pragma once

#include "kiosk/i18n.hpp"
#include "kiosk/layout.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/ui.hpp"
#include "platform/canvas.hpp"

#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

inline constexpr std::string_view en_dash = "\xE2\x80\x93";     // U+2013, between two times
inline constexpr std::string_view middle_dot = "\xC2\xB7";      // U+00B7, between items

// A countdown ("in N minutes") says how long until a start up to this far ahead; further off the
// start time says it better. The board's rows and the hall sign both go by it (Painter::starts_in).
inline constexpr std::chrono::minutes countdown_limit{90};

// A touch target around `drawn`: at least `min_touch` each way, centred on it.
Rect touch_rect(const Rect& drawn, int min_touch);

// What a screen shows before its first feed has arrived (or with nothing to read yet): never a
// blank screen.
void render_waiting(Canvas& canvas, const I18n& i18n, Lang lang);

// A word on a filled chip: a status, or the Q&A mark.
struct Tag {
    std::string text;
    Color fill;
};

class Painter {
public:
    // `type` sizes the text for this canvas (UiSettings::type_scales).
    Painter(Canvas& canvas, const I18n& i18n, Lang lang, const TypeScales& type)
        : c_(canvas), i18n_(i18n), lang_(lang),
          t_(Theme::for_screen(canvas.size(), type.percent_for(canvas.size()))), p_(t_.palette) {}

    Canvas& canvas() { return c_; }
    const Theme& theme() const { return t_; }
    Lang lang() const { return lang_; }

    std::string tr(std::string_view key, std::initializer_list<MessageArg> args = {}) const {
        return i18n_.text(lang_, key, args);
    }
    std::string plural(std::string_view key, long long n) const {
        return i18n_.plural(lang_, key, n);
    }
    int width(std::string_view text, const Font& font) { return text_width(c_, text, font); }
    int hairline() const { return std::max(1, t_.unit / 4); }
    void rule(const Rect& r) { c_.fill_rect(r, p_.rule); }

    // Text fitted into `box`, vertically centred in it; returns the width drawn.
    int text_left(const Rect& box, std::string_view text, const Font& font, Color color);
    int text_right(const Rect& box, std::string_view text, const Font& font, Color color);
    int text_centre(const Rect& box, std::string_view text, const Font& font, Color color);
    // Wrapped into at most `max_lines` lines from the top of `box` (never below it); returns
    // the height used.
    int paragraph(const Rect& box, std::string_view text, const Font& font, Color color,
                  int max_lines, int line_gap = 0);

    int tags_width(const std::vector<Tag>& tags, const Font& font);
    // Drops the least important tags (the Q&A mark goes before a status) until they fit
    // `max_width`; a lone status too long for it is cut short, never dropped.
    std::vector<Tag> fit_tags(std::vector<Tag> tags, const Font& font, int max_width);
    // The tags beside a title in a row `width` wide: half of it at most, so the title keeps
    // the rest; a status that does not fit half may take three quarters, alone.
    std::vector<Tag> fit_tags_beside_title(std::vector<Tag> tags, const Font& font, int width);
    // Draws `tags` right-aligned in `box`; returns the width they took.
    int tags_right(const Rect& box, const std::vector<Tag>& tags, const Font& font);
    // The status (a word on a chip, never colour alone) and the Q&A mark of a screening.
    std::vector<Tag> tags_of(const ScreeningView& s) const;
    // `font` in bold.
    static Font bold(Font font) {
        font.weight = Weight::bold;
        return font;
    }
    // How many lines `text` wraps to in `width`, at most `max_lines`; none for no text.
    int lines_of(std::string_view text, const Font& font, int width, int max_lines);
    // How high `lines` lines of `font` stand, a unit apart.
    int text_block(int lines, const Font& font) const {
        return lines > 0 ? lines * font.px + (lines - 1) * t_.unit : 0;
    }
    // A film's original title, when it is not the same as its title in this language.
    std::string original_title(const std::string& original, const Text& title) const {
        return original != title.get(lang_) ? original : std::string();
    }
    // What a hall's door and the board's row say of `s` beside its title, seen from `hall_id`:
    // where it went when it moved away from there ("Moved to Hall 3", then its note), where it
    // came from when it moved there ("Moved from Hall 1", then its note), otherwise its note
    // when its status is not plain "scheduled".
    std::string notice_of(const ScreeningView& s, std::string_view hall_id) const;
    Color chip_color(const ScreeningView& s) const;
    // "in N minutes" from `now` until `start` within countdown_limit; empty further off.
    std::string starts_in(Instant start, Instant now) const;
    // "N more screenings" above or below a list that goes on: an arrowhead (drawn, not a glyph,
    // so that it reads at any size) and `text`, left-aligned in `row`.
    void more_mark(const Rect& row, bool above, std::string_view text, const Font& font,
                   Color color);
    // How much of a running screening has gone by at `now`, as a bar across `box`.
    void progress_bar(const Rect& box, const ScreeningView& s, Instant now);

    // The language switch: each language's short name, the current one highlighted, each a
    // touch target that pins it. Drawn left-aligned in `row`; returns the width used.
    int language_switch(const Rect& row, Hotspots& spots, int min_touch);
    // Its width, the same whichever language is current.
    int language_switch_width(int min_touch);
    // The top bar of a touch screen: back, `title`, the language switch and (when the clock is
    // trusted) the time. Returns the area below it.
    Rect touch_header(Rect screen, const UiStatus& status, std::string_view title,
                      Hotspots& spots, int min_touch);
    // One line at the bottom: "Updated HH:MM", and the out-of-date or time-being-set notice.
    // Returns the area above it.
    Rect status_line(Rect area, const UiStatus& status);
    // An emergency over the whole screen, in all three languages at once.
    void emergency(const Announcement& a);

protected:
    int language_slot(Lang lang, int min_touch);
    int dot_slot();

    Canvas& c_;
    const I18n& i18n_;
    Lang lang_;
    Theme t_;
    const Palette& p_;
};

}  // namespace aff
