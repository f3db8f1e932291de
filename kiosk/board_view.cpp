#include "kiosk/board_view.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/painter.hpp"
#include "kiosk/theme.hpp"

#include <algorithm>
#include <array>

namespace aff {
namespace {

using std::chrono::minutes;

// How much room a hall gets in the now column, from most to least.
enum class Density : std::uint8_t { full, compact, single_line };

class BoardPainter : public Painter {
public:
    BoardPainter(Canvas& canvas, const BoardModel& model, const UiStatus& status, const I18n& i18n,
                 Lang lang, const BoardView& view, Hotspots& spots)
        : Painter(canvas, i18n, lang, view.type_scales), m_(model), st_(status), v_(view),
          spots_(spots), later_(later_with_next(model, {})) {}

    BoardLayout paint();

private:
    const BoardModel& m_;
    const UiStatus& st_;
    const BoardView& v_;
    Hotspots& spots_;
    BoardLayout out_;
    std::vector<const ScreeningView*> later_;  // the later list, with the nexts halls leave out

    std::vector<const Announcement*> announcements(Level level) const;
    // A band with a bold label and the text of one announcement (or notice), as high as the
    // text needs up to max_band_lines, taken off the top or bottom of `area`.
    void notice_band(Rect& area, bool top, std::string_view label, std::string_view text,
                     Color fill, Color ink, Color label_ink);
    int label_width(std::string_view label);
    void qr_code(Rect box);

    // Between two halls, with a hairline in its middle.
    int hall_gap() const { return t_.grid(2) + t_.unit; }
    bool any_qa() const;

    void header(Rect band);
    void footer(Rect area);
    int footer_row_height() const;
    int footer_rows(int row_width);
    int programme_button_width();
    std::string updated_text() const;
    void section_heading(Rect& area, std::string_view text);
    int hall_height(const HallNowNext& hall, Density density) const;
    void away_rows(Rect& row, Rect& box, const ScreeningView& s, const std::string& hall_id);
    void hall_block(Rect box, const HallNowNext& hall, Density density, int name_column);
    void now_column(Rect area);
    int now_column_height(Density density) const;
    Density choose_density(int height) const;
    void later_column(Rect area);
    void next_row(Rect row, const ScreeningView& next, const Font& font, Color color);
};

bool BoardPainter::any_qa() const {
    const auto qa = [](const std::optional<ScreeningView>& s) { return s && s->qa; };
    return std::any_of(m_.halls.begin(), m_.halls.end(),
                       [&](const HallNowNext& h) { return qa(h.now) || qa(h.next); }) ||
           std::any_of(m_.later.begin(), m_.later.end(),
                       [](const ScreeningView& s) { return s.qa; });
}

std::vector<const Announcement*> BoardPainter::announcements(Level level) const {
    std::vector<const Announcement*> list;
    for (const auto& a : st_.announcements) {
        if (a.level == level) {
            list.push_back(&a);
        }
    }
    return list;
}

int BoardPainter::label_width(std::string_view label) {
    return label.empty() ? 0 : width(label, bold(t_.type.body)) + t_.grid(3);
}

void BoardPainter::notice_band(Rect& area, bool top, std::string_view label,
                               std::string_view text, Color fill, Color ink, Color label_ink) {
    constexpr int max_band_lines = 3;
    const Insets pad{t_.grid(6), t_.grid(2), t_.grid(6), t_.grid(2)};
    const int inner_w = std::max(0, area.w - pad.left - pad.right);
    // The label takes at most a quarter of the band (cut short beyond that).
    const int label_w = std::min(label_width(label), inner_w / 4);
    const int text_w = inner_w - label_w;
    const auto lines = static_cast<int>(
        std::max<std::size_t>(1, wrap_text(c_, text, t_.type.body, text_w, max_band_lines).size()));
    const int h = lines * t_.type.body.px + (lines - 1) * t_.unit + pad.top + pad.bottom;
    const Rect band = top ? take_top(area, h) : take_bottom(area, h, t_.grid(3));
    c_.fill_rect(band, fill);
    Rect inner = inset(band, pad);
    if (label_w > 0) {
        const Font label_font = bold(t_.type.body);
        text_left(Rect{inner.x, inner.y, label_w - t_.grid(3), label_font.px}, label, label_font,
                  label_ink);
        take_left(inner, label_w);
    }
    paragraph(inner, text, t_.type.body, ink, max_band_lines, t_.unit);
}

void BoardPainter::qr_code(Rect box) {
    if (v_.qr == nullptr || v_.qr->side <= 0) {
        return;
    }
    // A light square with the code inside and the quiet zone of four modules QR readers need.
    const int side = std::min(box.w, box.h);
    const int scale = side / (v_.qr->side + 8);
    if (scale < 1) {
        return;
    }
    const int extent = (v_.qr->side + 8) * scale;
    const Rect square{box.right() - extent, centre_y(box, extent), extent, extent};
    c_.fill_rect(square, p_.text);
    // Keyed by the URL, so a feed with another url gets its own code.
    c_.draw_modules(st_.info.url, *v_.qr, inset(square, 4 * scale), p_.background, p_.text);
}

BoardLayout BoardPainter::paint() {
    c_.clear(p_.background);
    const Size size = c_.size();
    Rect screen{0, 0, size.w, size.h};
    const int margin = t_.grid(6);

    const int header_content = std::max(
        t_.type.clock.px, t_.type.label.px + t_.type.venue.px + t_.type.body.px + t_.grid(2));
    header(take_top(screen, header_content + t_.grid(6)));

    // Urgent announcements in a band under the header, one at a time; while the clock cannot
    // be trusted, the notice that it is being set takes that place.
    if (!st_.clock_trusted) {
        notice_band(screen, true, {}, tr("trust.notice"), p_.band, p_.text, p_.accent);
    } else if (const auto urgent = announcements(Level::urgent); !urgent.empty()) {
        out_.banners = urgent.size();
        const Announcement& a = *urgent[v_.ticker % urgent.size()];
        notice_band(screen, true, tr("announce.urgent"), a.text.get(lang_), p_.urgent,
                    p_.badge_text, p_.badge_text);
    }

    Rect body = inset(screen, Insets{margin, t_.grid(4), margin, 0});
    const int footer_h = footer_rows(body.w) * (footer_row_height() + t_.grid(1)) - t_.grid(1);
    footer(take_bottom(body, footer_h + t_.grid(3), t_.grid(3)));
    if (const auto info = announcements(Level::info); !info.empty()) {
        out_.tickers = info.size();
        const Announcement& a = *info[v_.ticker % info.size()];
        // Full width: the band runs under the body's margins.
        Rect wide{body.x - margin, body.y, body.w + 2 * margin, body.h};
        notice_band(wide, false, tr("announce.info"), a.text.get(lang_), p_.band, p_.text,
                    p_.accent);
        body.h = wide.h;
    }

    if (!st_.clock_trusted) {
        later_column(body);  // the whole day, without a "now"
    } else if (t_.portrait) {
        const Density density = choose_density(body.h * 11 / 20);
        const int now_h = std::min(now_column_height(density), body.h * 11 / 20);
        now_column(take_top(body, now_h, t_.grid(3)));
        c_.fill_rect(take_top(body, hairline(), t_.grid(3)), p_.rule);
        later_column(body);
    } else {
        const int gutter = t_.grid(6);
        auto cols = columns(body, {55, 45}, gutter);
        now_column(cols[0]);
        c_.fill_rect(Rect{cols[0].right() + gutter / 2, body.y, hairline(), body.h}, p_.rule);
        later_column(cols[1]);
    }
    return out_;
}

void BoardPainter::header(Rect band) {
    c_.fill_rect(band, p_.band);
    c_.fill_rect(Rect{band.x, band.bottom() - hairline(), band.w, hairline()}, p_.accent);
    Rect inner = inset(band, Insets{t_.grid(6), t_.grid(3), t_.grid(6), t_.grid(3)});

    if (v_.qr != nullptr) {
        Rect qr_box = band;
        qr_box.w = inner.right() - band.x;
        qr_box = inset(qr_box, Insets{0, t_.grid(2), 0, t_.grid(2)});
        const int side = qr_box.h;
        qr_code(Rect{qr_box.right() - side, qr_box.y, side, side});
        take_right(inner, side, t_.grid(6));
    }
    if (st_.clock_trusted) {
        const std::string clock = st_.hh_mm(m_.now);
        const Rect clock_box = take_right(inner, width(clock, t_.type.clock), t_.grid(6));
        text_right(clock_box, clock, t_.type.clock, p_.text);
    }

    Rect left = inner;
    left.h = t_.type.label.px + t_.type.venue.px + t_.type.body.px + t_.grid(2);
    left.y = centre_y(inner, left.h);
    text_left(take_top(left, t_.type.label.px, t_.unit), st_.info.festival_name.get(lang_),
              t_.type.label, p_.accent);
    text_left(take_top(left, t_.type.venue.px, t_.unit), m_.venue_name.get(lang_), t_.type.venue,
              p_.text);

    Rect date_row = take_top(left, t_.type.body.px);
    const int date_w = text_left(date_row, i18n_.date(lang_, st_.today), t_.type.body, p_.text);
    if (auto day = st_.day_number()) {
        const std::string day_text =
            tr("board.day_of",
               {{"n", std::to_string(*day)}, {"total", std::to_string(st_.day_count())}});
        Rect rest = date_row;
        take_left(rest, date_w + t_.grid(2));
        const int dot_w = text_left(rest, middle_dot, t_.type.body, p_.text_secondary);
        take_left(rest, dot_w + t_.grid(2));
        text_left(rest, day_text, t_.type.body, p_.text_secondary);
    }
}

int BoardPainter::footer_row_height() const {
    return std::max(t_.type.caption.px, v_.min_touch);
}

std::string BoardPainter::updated_text() const {
    return aff::updated_text(i18n_, lang_, st_);
}

int BoardPainter::programme_button_width() {
    const int label = width(tr("common.programme"), bold(t_.type.caption));
    return std::max(v_.min_touch, label + t_.grid(4));
}

// One row when the language switch, the Programme button and "Updated HH:MM" fit side by side;
// else two (a small panel, large type, or a high dpi).
int BoardPainter::footer_rows(int row_width) {
    const int one_row = language_switch_width(v_.min_touch) + t_.grid(2) +
                        programme_button_width() + t_.grid(4) +
                        width(updated_text(), t_.type.caption);
    return one_row <= row_width ? 1 : 2;
}

void BoardPainter::footer(Rect area) {
    const int rows = footer_rows(area.w);
    c_.fill_rect(take_top(area, hairline(), t_.grid(2)), p_.rule);
    Rect row = take_top(area, footer_row_height(), t_.grid(1));

    const Font current = bold(t_.type.caption);
    Rect status = row;
    take_left(status, language_switch(status, spots_, v_.min_touch) + t_.grid(2));
    Rect buttons = status;
    if (rows == 2) {
        status = take_top(area, footer_row_height());
    }

    // "Updated HH:MM" is always on screen, and the way into the touch screens too: a button
    // wide and tall enough for a thumb. The notice and the Q&A legend take what is left.
    const int updated_w = text_right(status, updated_text(), t_.type.caption, p_.text_secondary);
    take_right(status, updated_w + t_.grid(4));
    if (rows == 1) {
        buttons = status;
    }

    const std::string programme = tr("common.programme");
    const int button_w = programme_button_width();
    if (button_w <= buttons.w) {
        const Rect button = take_left(buttons, button_w, t_.grid(4));
        if (rows == 1) {
            status = buttons;
        }
        c_.fill_rect(button, p_.band);
        c_.fill_rect(Rect{button.x, button.bottom() - hairline(), button.w, hairline()},
                     p_.accent);
        text_centre(button, programme, current, p_.text);
        spots_.add(button, tap::Programme{});
    }

    if (!st_.clock_trusted) {
        const int w = text_right(status, tr("trust.setting_time"), t_.type.caption, p_.delayed);
        take_right(status, w + t_.grid(4));
    } else if (st_.outdated) {
        const int w = text_right(status, tr("board.outdated"), t_.type.caption, p_.delayed);
        take_right(status, w + t_.grid(4));
    }

    // The legend of the Q&A mark, between the languages and the status, when it is on the board.
    const std::vector<Tag> mark{{tr("qa.short"), p_.qa}};
    const std::string meaning = tr("qa.long");
    const int mark_w = tags_width(mark, current);
    if (any_qa() && mark_w + t_.grid(2) + width(meaning, t_.type.caption) <= status.w) {
        Rect legend = status;
        legend.w = mark_w;
        tags_right(legend, mark, current);
        take_left(status, mark_w + t_.grid(2));
        text_left(status, meaning, t_.type.caption, p_.text_secondary);
    }
}

void BoardPainter::section_heading(Rect& area, std::string_view text) {
    text_left(take_top(area, t_.type.label.px, t_.grid(2)), text, t_.type.label, p_.accent);
}

int BoardPainter::hall_height(const HallNowNext& hall, Density density) const {
    const auto& type = t_.type;
    const int label = type.label.px;
    if (density == Density::single_line) {
        // Each hall is a touch target: never lower than a thumb.
        return std::max(type.row.px + t_.grid(1), v_.min_touch);
    }
    if (!hall.now) {  // the hall's name and its next screening, or the word that there is none
        // Called off or moved away while it would have run: its title, and what became of it.
        const int away = hall.away_now(m_.now) != nullptr ? 2 * (type.body.px + t_.grid(2)) : 0;
        return label + t_.unit + away + type.body.px;
    }
    const int bar = std::max(3, t_.unit * 3 / 4);
    int h = label + t_.unit + type.title.px + t_.unit + bar;
    if (density == Density::full) {
        h += t_.unit + type.body.px;
    }
    if (hall.next) {
        h += t_.grid(2) + type.body.px;
    }
    return h;
}

int BoardPainter::now_column_height(Density density) const {
    int h = t_.type.label.px + t_.grid(2);
    for (std::size_t i = 0; i < m_.halls.size(); ++i) {
        h += hall_height(m_.halls[i], density) + (i > 0 ? hall_gap() : 0);
    }
    return h;
}

Density BoardPainter::choose_density(int height) const {
    for (Density d : {Density::full, Density::compact}) {
        if (now_column_height(d) <= height) {
            return d;
        }
    }
    return Density::single_line;
}

void BoardPainter::next_row(Rect row, const ScreeningView& next, const Font& font, Color color) {
    take_left(row, text_left(row, tr("board.next"), t_.type.label, p_.accent) + t_.grid(2));
    const Font time_font = bold(font);
    const Color time_color = next.status == Status::delayed ? p_.delayed : color;
    take_left(row, text_left(row, st_.hh_mm(next.effective_start()), time_font, time_color) +
                       t_.grid(2));
    const auto tags = fit_tags_beside_title(tags_of(next), t_.type.label, row.w);
    if (!tags.empty()) {
        take_right(row, tags_right(row, tags, t_.type.label), t_.grid(2));
    }
    text_left(row, next.title.get(lang_), font, color);
}

// A screening called off or moved away from this hall, while it would have run: its title with
// its status, then what became of it ("Moved to Hall 3"). `row` moves down past both.
void BoardPainter::away_rows(Rect& row, Rect& box, const ScreeningView& s,
                             const std::string& hall_id) {
    const auto& type = t_.type;
    Rect title = row;
    const auto tags = fit_tags_beside_title(tags_of(s), type.label, title.w);
    if (!tags.empty()) {
        take_right(title, tags_right(title, tags, type.label), t_.grid(2));
    }
    text_left(title, s.title.get(lang_), type.body, p_.text_secondary);
    take_top(box, t_.grid(2));
    text_left(take_top(box, type.body.px), notice_of(s, hall_id), type.body, p_.text);
    take_top(box, t_.grid(2));
    row = take_top(box, type.body.px);
}

void BoardPainter::hall_block(Rect box, const HallNowNext& hall, Density density,
                              int name_column) {
    const auto& type = t_.type;
    if (density == Density::single_line) {
        Rect row = box;
        text_left(take_left(row, name_column, t_.grid(3)), hall.hall_name.get(lang_), type.label,
                  p_.text_secondary);
        if (hall.now) {
            const auto& s = *hall.now;
            const std::string until = tr("board.until", {{"time", st_.hh_mm(s.effective_end())}});
            take_right(row, text_right(row, until, type.body, p_.text_secondary), t_.grid(3));
            text_left(row, s.title.get(lang_), type.row, p_.text);
        } else if (const ScreeningView* away = hall.away_now(m_.now)) {
            // Its title, and the word for what became of it: where it went, or its status.
            if (at_hall(*away, hall.hall_id) == AtHall::moved_away) {
                const std::string where =
                    tr("status.moved_to", {{"hall", away->hall_name.get(lang_)}});
                take_right(row, text_right(row, where, type.body, p_.moved), t_.grid(3));
            } else {
                take_right(row, tags_right(row, fit_tags(tags_of(*away), type.label, row.w / 2),
                                           type.label),
                           t_.grid(3));
            }
            text_left(row, away->title.get(lang_), type.row, p_.text_secondary);
        } else if (hall.next) {
            next_row(row, *hall.next, type.body, p_.text_secondary);
        } else {
            text_left(row, tr("board.no_more_today"), type.body, p_.text_secondary);
        }
        return;
    }

    Rect row_a = take_top(box, type.label.px, t_.unit);
    if (!hall.now) {
        Rect row = take_top(box, type.body.px);
        if (hall.next) {
            const auto in = std::chrono::ceil<minutes>(hall.next->effective_start() - m_.now);
            const std::string starts = i18n_.plural(lang_, "board.starts_in", in.count());
            take_right(row_a, text_right(row_a, starts, type.label, p_.text_secondary),
                       t_.grid(2));
        }
        text_left(row_a, hall.hall_name.get(lang_), type.label, p_.text_secondary);
        if (const ScreeningView* away = hall.away_now(m_.now)) {
            away_rows(row, box, *away, hall.hall_id);
        }
        if (hall.next) {
            next_row(row, *hall.next, type.body, p_.text_secondary);
        } else {
            text_left(row, tr("board.no_more_today"), type.body, p_.text_secondary);
        }
        return;
    }

    const auto& s = *hall.now;
    const auto tags = fit_tags(tags_of(s), type.label, row_a.w * 3 / 4);
    const int tags_w = tags_right(row_a, tags, type.label);
    if (tags_w > 0) {
        take_right(row_a, tags_w, t_.grid(2));
    }
    const std::string range =
        st_.hh_mm(s.effective_start()) + std::string(en_dash) + st_.hh_mm(s.effective_end());
    const auto left = std::chrono::ceil<minutes>(s.effective_end() - m_.now);
    const std::string remaining = i18n_.plural(lang_, "board.minutes_left", left.count());
    if (density == Density::compact) {
        const int w = text_right(row_a, range, type.label, p_.text_secondary);
        take_right(row_a, w, t_.grid(2));
    }
    text_left(row_a, hall.hall_name.get(lang_), type.label, p_.text_secondary);

    text_left(take_top(box, type.title.px, t_.unit), s.title.get(lang_), type.title, p_.text);
    if (density == Density::full) {
        Rect row_c = take_top(box, type.body.px, t_.unit);
        const int w = text_right(row_c, remaining, type.body, p_.text_secondary);
        take_right(row_c, w, t_.grid(2));
        text_left(row_c, range, bold(type.body),
                  s.status == Status::delayed ? p_.delayed : p_.text);
    }
    progress_bar(take_top(box, std::max(3, t_.unit * 3 / 4), t_.grid(2)), s, m_.now);
    if (hall.next) {
        next_row(take_top(box, type.body.px), *hall.next, type.body, p_.text_secondary);
    }
}

void BoardPainter::now_column(Rect area) {
    section_heading(area, tr("board.now_showing"));
    if (m_.halls.empty()) {
        text_left(take_top(area, t_.type.body.px), tr("board.no_more_today"), t_.type.body,
                  p_.text_secondary);
        return;
    }
    const Density density = choose_density(area.h + t_.type.label.px + t_.grid(2));
    int name_column = 0;
    for (const auto& hall : m_.halls) {
        for (Lang lang : all_langs) {
            name_column = std::max(name_column, width(hall.hall_name.get(lang), t_.type.label));
        }
    }
    name_column = std::min(name_column, area.w / 4);

    std::vector<bool> next_left_out(m_.halls.size(), true);  // until its row is drawn
    for (std::size_t i = 0; i < m_.halls.size(); ++i) {
        const int h = hall_height(m_.halls[i], density);
        const int gap = i > 0 ? hall_gap() : 0;
        if (gap + h > area.h) {
            break;  // as many halls as fit; never a half-drawn one
        }
        if (i > 0) {
            c_.fill_rect(Rect{area.x, area.y + gap / 2, area.w, hairline()}, p_.rule);
            take_top(area, gap);
        }
        const Rect block = take_top(area, h);
        hall_block(block, m_.halls[i], density, name_column);
        const auto& shown = m_.halls[i].now ? m_.halls[i].now : m_.halls[i].next;
        if (shown) {
            spots_.add(touch_rect(block, v_.min_touch), tap::OpenFilm{shown->film_id});
        }
        // One line holds what is on, or what became of it, before what follows.
        next_left_out[i] = density == Density::single_line &&
                           (m_.halls[i].now || m_.halls[i].away_now(m_.now) != nullptr);
    }
    later_ = later_with_next(m_, next_left_out);
}

void BoardPainter::later_column(Rect area) {
    // The heading, with the page indicator on its right when the list takes several pages.
    Rect heading = take_top(area, t_.type.label.px, t_.grid(2));
    Rect page_box = heading;
    text_left(heading, tr(st_.clock_trusted ? "board.later_today" : "board.programme_today"),
              t_.type.label, p_.accent);
    if (later_.empty()) {
        text_left(take_top(area, t_.type.body.px), tr("board.no_more_today"), t_.type.body,
                  p_.text_secondary);
        return;
    }
    const auto& type = t_.type;
    const Font time_font = bold(type.row);

    // The columns: a section chip, the time, the title with its tags, the hall.
    const int chip_w = std::max(3, t_.unit / 2);
    int time_w = width("00:00", time_font);
    int hall_w = 0;
    // Measured over every language, so the columns stay put while the languages rotate.
    for (const ScreeningView* s : later_) {
        time_w = std::max(time_w, width(st_.hh_mm(s->effective_start()), time_font));
        for (Lang lang : all_langs) {
            hall_w = std::max(hall_w, width(s->hall_name.get(lang), type.body));
        }
    }
    for (Lang lang : all_langs) {
        hall_w = std::max(hall_w, width(i18n_.text(lang, "board.column_hall"), type.label));
    }
    hall_w = std::min(hall_w, area.w * 3 / 10);
    const int gap = t_.grid(3);
    const int time_x = area.x + chip_w + t_.grid(2);
    const int title_x = time_x + time_w + gap;
    const int hall_x = area.right() - hall_w;
    const int title_w = std::max(0, hall_x - gap - title_x);

    Rect heads = take_top(area, type.label.px, t_.unit);
    text_left(Rect{time_x, heads.y, time_w, heads.h}, tr("board.column_time"), type.label,
              p_.text_secondary);
    text_left(Rect{title_x, heads.y, title_w, heads.h}, tr("board.column_film"), type.label,
              p_.text_secondary);
    text_left(Rect{hall_x, heads.y, hall_w, heads.h}, tr("board.column_hall"), type.label,
              p_.text_secondary);
    c_.fill_rect(take_top(area, hairline()), p_.rule);

    // Rows are touch targets (a tap opens the film), so never lower than a thumb.
    const int row_h = std::max(type.row.px + t_.grid(3), v_.min_touch);
    const auto capacity = static_cast<std::size_t>(std::max(1, area.h / row_h));
    out_.pages = (later_.size() + capacity - 1) / capacity;
    const std::size_t page = v_.page % out_.pages;
    if (out_.pages > 1) {
        const std::string indicator =
            tr("board.page", {{"n", std::to_string(page + 1)},
                              {"total", std::to_string(out_.pages)}});
        const int w = width(indicator, t_.type.label);
        // Drawn only where the heading leaves room for it.
        if (w + width(tr(st_.clock_trusted ? "board.later_today" : "board.programme_today"),
                      t_.type.label) + t_.grid(4) <= page_box.w) {
            text_right(page_box, indicator, t_.type.label, p_.text_secondary);
        }
    }
    const std::size_t first = page * capacity;
    const std::size_t last = std::min(later_.size(), first + capacity);

    for (std::size_t i = first; i < last; ++i) {
        const ScreeningView& s = *later_[i];
        Rect row = take_top(area, row_h);
        spots_.add(row, tap::OpenFilm{s.film_id});
        if (i + 1 < last) {
            c_.fill_rect(Rect{row.x, row.bottom() - hairline(), row.w, hairline()}, p_.rule);
        }
        row = inset(row, Insets{0, 0, 0, hairline()});
        const bool cancelled = s.status == Status::cancelled;
        const Color text_color = cancelled ? p_.text_secondary : p_.text;

        c_.fill_rect(Rect{row.x, centre_y(row, type.row.px), chip_w, type.row.px}, chip_color(s));
        text_left(Rect{time_x, row.y, time_w, row.h}, st_.hh_mm(s.effective_start()), time_font,
                  s.status == Status::delayed ? p_.delayed : text_color);

        Rect title{title_x, row.y, title_w, row.h};
        const auto tags = fit_tags_beside_title(tags_of(s), type.label, title.w);
        if (!tags.empty()) {
            take_right(title, tags_right(title, tags, type.label), t_.grid(2));
        }
        const int title_drawn = text_left(title, s.title.get(lang_), type.row, text_color);
        // A changed screening's note ("now in Hall 1") follows the title where there is room.
        const std::string note = s.note.get(lang_);
        if (!note.empty() && s.status != Status::scheduled) {
            Rect rest = title;
            take_left(rest, title_drawn + t_.grid(2));
            if (rest.w >= width(note, type.body) / 2) {
                text_left(rest, note, type.body, p_.text_secondary);
            }
        }
        text_left(Rect{hall_x, row.y, hall_w, row.h}, s.hall_name.get(lang_), type.body,
                  p_.text_secondary);
    }
}

}  // namespace

BoardLayout render_board(Canvas& canvas, const BoardModel& model, const UiStatus& status,
                         const I18n& i18n, Lang lang, const BoardView& view, Hotspots& spots) {
    return BoardPainter(canvas, model, status, i18n, lang, view, spots).paint();
}

}  // namespace aff
