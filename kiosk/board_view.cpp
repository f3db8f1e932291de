#include "kiosk/board_view.hpp"

#include "kiosk/board_painter.hpp"
#include "kiosk/layout.hpp"
#include "kiosk/theme.hpp"

#include <algorithm>

namespace aff::board {

BoardPainter::BoardPainter(Canvas& canvas, const BoardModel& model, const UiStatus& status,
                           const I18n& i18n, Lang lang, const BoardView& view, Hotspots& spots)
    : Painter(canvas, i18n, lang, view.type_scales), m_(model), st_(status), v_(view),
      spots_(spots) {}

Text BoardPainter::catalog(std::string_view key) const {
    Text text;
    for (Lang lang : all_langs) {
        text.raw(lang) = i18n_.text(lang, key);
    }
    return text;
}

bool BoardPainter::any_qa() const {
    const auto qa = [](const std::optional<ScreeningView>& s) { return s && s->qa; };
    return std::any_of(m_.halls.begin(), m_.halls.end(),
                       [&](const HallNowNext& h) { return qa(h.now) || qa(h.next); }) ||
           std::any_of(later_.begin(), later_.end(), [](const ScreeningView* s) { return s->qa; });
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

void BoardPainter::notice_band(Rect& area, bool top, std::string_view label_key,
                               const std::vector<const Text*>& texts, const Text& shown,
                               Color fill, Color ink, Color label_ink) {
    constexpr int max_band_lines = 3;
    const Insets pad{t_.grid(6), t_.grid(2), t_.grid(6), t_.grid(2)};
    const int inner_w = std::max(0, area.w - pad.left - pad.right);
    // The label takes at most a quarter of the band (cut short beyond that).
    const auto label_w = [&] {
        return label_key.empty() ? 0 : std::min(label_width(tr(label_key)), inner_w / 4);
    };
    // As high as the longest text of the band needs in any language: it keeps its height while
    // the languages and the announcements turn.
    const int lines = std::max(1, most([&] {
        int most_lines = 0;
        for (const Text* text : texts) {
            most_lines = std::max(most_lines, lines_of(text->get(lang_), t_.type.body,
                                                       inner_w - label_w(), max_band_lines));
        }
        return most_lines;
    }));
    const int h = text_block(lines, t_.type.body) + pad.top + pad.bottom;
    const Rect band = top ? take_top(area, h) : take_bottom(area, h, t_.grid(3));
    out_.parts.push_back(band);
    c_.fill_rect(band, fill);
    Rect inner = inset(band, pad);
    if (const int w = label_w(); w > 0) {
        const Font label_font = bold(t_.type.body);
        text_left(Rect{inner.x, inner.y, w - t_.grid(3), label_font.px}, tr(label_key),
                  label_font, label_ink);
        take_left(inner, w);
    }
    paragraph(inner, shown.get(lang_), t_.type.body, ink, max_band_lines, t_.unit);
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

    int venue_lines = 1;
    int qr_side = 0;
    const Rect head = take_top(screen, header_height(venue_lines, qr_side));
    out_.parts.push_back(head);
    header(head, venue_lines, qr_side);

    // Urgent announcements in a band under the header, one at a time; while the clock cannot
    // be trusted, the notice that it is being set takes that place.
    const auto texts_of = [](const std::vector<const Announcement*>& list) {
        std::vector<const Text*> texts;
        for (const Announcement* a : list) {
            texts.push_back(&a->text);
        }
        return texts;
    };
    if (!st_.clock_trusted) {
        const Text notice = catalog("trust.notice");
        notice_band(screen, true, {}, {&notice}, notice, p_.band, p_.text, p_.accent);
    } else if (const auto urgent = announcements(Level::urgent); !urgent.empty()) {
        out_.banners = urgent.size();
        notice_band(screen, true, "announce.urgent", texts_of(urgent),
                    urgent[v_.ticker % urgent.size()]->text, p_.urgent, p_.badge_text,
                    p_.badge_text);
    }

    Rect body = inset(screen, Insets{margin, t_.grid(4), margin, 0});
    const int footer_h = footer_rows(body.w) * (footer_row_height() + t_.grid(1)) - t_.grid(1);
    const Rect foot = take_bottom(body, footer_h + t_.grid(3), t_.grid(3));
    if (const auto info = announcements(Level::info); !info.empty()) {
        out_.tickers = info.size();
        // Full width: the band runs under the body's margins.
        Rect wide{body.x - margin, body.y, body.w + 2 * margin, body.h};
        notice_band(wide, false, "announce.info", texts_of(info),
                    info[v_.ticker % info.size()]->text, p_.band, p_.text, p_.accent);
        body.h = wide.h;
    }

    if (!st_.clock_trusted) {
        later_ = later_list(m_, {});
        later_column(body);  // the whole day, without a "now"
    } else if (t_.portrait) {
        // The halls take what they need, and what the later list leaves unused; the later list
        // keeps at least 9/20 of the body when it needs it.
        const int later_h = std::min(later_needed(later_list(m_, {})), body.h * 9 / 20);
        const int rule_h = hairline() + 2 * t_.grid(3);
        plan_ = plan_halls(std::max(0, body.h - later_h - rule_h - heading_height()));
        const Rect now = take_top(body, heading_height() + plan_.height, t_.grid(3));
        out_.parts.push_back(now);
        now_column(now);
        c_.fill_rect(take_top(body, hairline(), t_.grid(3)), p_.rule);
        later_column(body);
    } else {
        const int gutter = t_.grid(6);
        auto cols = columns(body, {55, 45}, gutter);
        plan_ = plan_halls(cols[0].h - heading_height());
        out_.parts.push_back(cols[0]);
        now_column(cols[0]);
        c_.fill_rect(Rect{cols[0].right() + gutter / 2, body.y, hairline(), body.h}, p_.rule);
        later_column(cols[1]);
    }
    // Last, so that its Q&A legend knows the later list.
    out_.parts.push_back(foot);
    footer(foot);
    return out_;
}

// As high as the venue's name needs in any language: in portrait on up to two lines, then cut
// short.
int BoardPainter::header_height(int& venue_lines, int& qr_side) {
    const auto& type = t_.type;
    const int text_h = type.label.px + type.venue.px + type.body.px + t_.grid(2);
    const int one_line = std::max(type.clock.px, text_h) + t_.grid(6);
    qr_side = v_.qr != nullptr ? one_line - t_.grid(4) : 0;
    int left_w = t_.screen.w - 2 * t_.grid(6);
    if (qr_side > 0) {
        left_w -= qr_side + t_.grid(6);
    }
    if (st_.clock_trusted) {
        left_w -= clock_width() + t_.grid(6);
    }
    // Portrait has the height for a second line; landscape keeps it for the halls.
    const int max_lines = t_.portrait ? 2 : 1;
    venue_lines = std::max(1, most([&] {
        return lines_of(m_.venue_name.get(lang_), type.venue, std::max(0, left_w), max_lines);
    }));
    return std::max(type.clock.px, text_h + (venue_lines - 1) * (type.venue.px + t_.unit)) +
           t_.grid(6);
}

int BoardPainter::clock_width() {
    return std::max(width(st_.hh_mm(m_.now), t_.type.clock), width("00:00", t_.type.clock));
}

void BoardPainter::header(Rect band, int venue_lines, int qr_side) {
    c_.fill_rect(band, p_.band);
    c_.fill_rect(Rect{band.x, band.bottom() - hairline(), band.w, hairline()}, p_.accent);
    Rect inner = inset(band, Insets{t_.grid(6), t_.grid(3), t_.grid(6), t_.grid(3)});

    if (qr_side > 0) {
        qr_code(Rect{inner.right() - qr_side, centre_y(band, qr_side), qr_side, qr_side});
        take_right(inner, qr_side, t_.grid(6));
    }
    if (st_.clock_trusted) {
        const Rect clock_box = take_right(inner, clock_width(), t_.grid(6));
        text_right(clock_box, st_.hh_mm(m_.now), t_.type.clock, p_.text);
    }

    const auto& type = t_.type;
    const int venue_h = text_block(venue_lines, type.venue);
    Rect left = inner;
    left.h = type.label.px + venue_h + type.body.px + t_.grid(2);
    left.y = centre_y(inner, left.h);
    text_left(take_top(left, type.label.px, t_.unit), st_.info.festival_name.get(lang_),
              type.label, p_.accent);
    paragraph(take_top(left, venue_h, t_.unit), m_.venue_name.get(lang_), type.venue, p_.text,
              venue_lines, t_.unit);

    Rect date_row = take_top(left, type.body.px);
    const int date_w = text_left(date_row, i18n_.date(lang_, st_.today), type.body, p_.text);
    if (auto day = st_.day_number()) {
        const std::string day_text =
            tr("board.day_of",
               {{"n", std::to_string(*day)}, {"total", std::to_string(st_.day_count())}});
        Rect rest = date_row;
        take_left(rest, date_w + t_.grid(2));
        const int dot_w = text_left(rest, middle_dot, type.body, p_.text_secondary);
        take_left(rest, dot_w + t_.grid(2));
        text_left(rest, day_text, type.body, p_.text_secondary);
    }
}

int BoardPainter::footer_row_height() const {
    return std::max(t_.type.caption.px, v_.min_touch);
}

std::string BoardPainter::updated_text() const {
    return aff::updated_text(i18n_, lang_, st_);
}

int BoardPainter::programme_button_width() {
    const int label = most([&] { return width(tr("common.programme"), bold(t_.type.caption)); });
    return std::max(v_.min_touch, label + t_.grid(4));
}

// One row when the language switch, the Programme button and "Updated HH:MM" fit side by side
// in every language; else two (a small panel, large type, or a high dpi).
int BoardPainter::footer_rows(int row_width) {
    const int one_row = language_switch_width(v_.min_touch) + t_.grid(2) +
                        programme_button_width() + t_.grid(4) +
                        most([&] { return width(updated_text(), t_.type.caption); });
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
    // wide and tall enough for a thumb. The notice and the Q&A legend take what is left, as
    // wide as the widest language leaves it, so they come and go with the data, not the
    // language.
    text_right(status, updated_text(), t_.type.caption, p_.text_secondary);
    take_right(status, most([&] { return width(updated_text(), t_.type.caption); }) + t_.grid(4));
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

    const char* notice = !st_.clock_trusted ? "trust.setting_time"
                         : st_.outdated     ? "board.outdated"
                                            : nullptr;
    if (notice != nullptr) {
        text_right(status, tr(notice), t_.type.caption, p_.delayed);
        take_right(status, most([&] { return width(tr(notice), t_.type.caption); }) + t_.grid(4));
    }

    // The legend of the Q&A mark, between the languages and the status, when it is on the board.
    const std::vector<Tag> mark{{tr("qa.short"), p_.qa}};
    const int legend_w = most([&] {
        return tags_width({{tr("qa.short"), p_.qa}}, current) + t_.grid(2) +
               width(tr("qa.long"), t_.type.caption);
    });
    if (any_qa() && legend_w <= status.w) {
        const int mark_w = tags_width(mark, current);
        Rect legend = status;
        legend.w = mark_w;
        tags_right(legend, mark, current);
        take_left(status, mark_w + t_.grid(2));
        text_left(status, tr("qa.long"), t_.type.caption, p_.text_secondary);
    }
}

void BoardPainter::page_indicator(Rect heading, std::string_view title, std::size_t page,
                                  std::size_t pages) {
    text_left(heading, tr(title), t_.type.label, p_.accent);
    if (pages <= 1) {
        return;
    }
    const std::string indicator = tr(
        "board.page", {{"n", std::to_string(page + 1)}, {"total", std::to_string(pages)}});
    // Drawn only where the heading leaves room for it.
    if (width(indicator, t_.type.label) + width(tr(title), t_.type.label) + t_.grid(4) <=
        heading.w) {
        text_right(heading, indicator, t_.type.label, p_.text_secondary);
    }
}

// Rows are touch targets (a tap opens the film), so never lower than a thumb. A screening with
// a note (cancelled, moved, delayed…) has it on a second line.
int BoardPainter::later_row_height(const ScreeningView& s) const {
    const int row_h = std::max(t_.type.row.px + t_.grid(3), v_.min_touch);
    return !notes_ || notice_of(s, s.hall_id).empty() ? row_h
                                                     : row_h + t_.type.body.px + t_.grid(2);
}

// How high the later list is with every row of `later` on one page.
int BoardPainter::later_needed(const std::vector<const ScreeningView*>& later) const {
    int h = 2 * t_.type.label.px + t_.grid(2) + t_.unit + hairline();
    for (const ScreeningView* s : later) {
        h += later_row_height(*s);
    }
    return later.empty() ? heading_height() + t_.type.body.px : h;
}

LaterColumns BoardPainter::later_columns(const Rect& area) {
    const auto& type = t_.type;
    const Font time_font = bold(type.row);
    LaterColumns cols;
    cols.chip_w = std::max(3, t_.unit / 2);
    cols.time_w = width("00:00", time_font);
    // Measured over every language, so the columns stay put while the languages rotate.
    for (const ScreeningView* s : later_) {
        cols.time_w = std::max(cols.time_w, width(st_.hh_mm(s->effective_start()), time_font));
        for (Lang lang : all_langs) {
            cols.hall_w = std::max(cols.hall_w, width(s->hall_name.get(lang), type.body));
        }
    }
    cols.hall_w = std::max(cols.hall_w, most([&] {
        return width(tr("board.column_hall"), type.label);
    }));
    cols.hall_w = std::min(cols.hall_w, area.w * 3 / 10);
    const int gap = t_.grid(3);
    cols.time_x = area.x + cols.chip_w + t_.grid(2);
    cols.title_x = cols.time_x + cols.time_w + gap;
    cols.hall_x = area.right() - cols.hall_w;
    cols.title_w = std::max(0, cols.hall_x - gap - cols.title_x);
    return cols;
}

void BoardPainter::later_column(Rect area) {
    out_.parts.push_back(area);
    // The heading, with the page indicator on its right when the list takes several pages.
    Rect heading = take_top(area, t_.type.label.px, t_.grid(2));
    const std::string_view title =
        st_.clock_trusted ? "board.later_today" : "board.programme_today";
    if (later_.empty()) {
        page_indicator(heading, title, 0, 1);
        text_left(take_top(area, t_.type.body.px), tr("board.no_more_today"), t_.type.body,
                  p_.text_secondary);
        return;
    }
    const auto& type = t_.type;
    const LaterColumns cols = later_columns(area);
    Rect heads = take_top(area, type.label.px, t_.unit);
    text_left(Rect{cols.time_x, heads.y, cols.time_w, heads.h}, tr("board.column_time"),
              type.label, p_.text_secondary);
    text_left(Rect{cols.title_x, heads.y, cols.title_w, heads.h}, tr("board.column_film"),
              type.label, p_.text_secondary);
    text_left(Rect{cols.hall_x, heads.y, cols.hall_w, heads.h}, tr("board.column_hall"),
              type.label, p_.text_secondary);
    c_.fill_rect(take_top(area, hairline()), p_.rule);

    // Pages of as many rows as fit: every screening is on one of them. Notes take a second line
    // where a column holds a row with one (not on the smallest panels at the largest type).
    notes_ = area.h >= std::max(t_.type.row.px + t_.grid(3), v_.min_touch) + t_.type.body.px +
                           t_.grid(2);
    std::vector<std::size_t> page_start{0};
    int used = 0;
    for (std::size_t i = 0; i < later_.size(); ++i) {
        const int h = later_row_height(*later_[i]);
        if (used + h > area.h && i > page_start.back()) {
            page_start.push_back(i);
            used = 0;
        }
        used += h;
    }
    out_.pages = page_start.size();
    const std::size_t page = v_.page % out_.pages;
    page_indicator(heading, title, page, out_.pages);
    const std::size_t first = page_start[page];
    const std::size_t last = page + 1 < out_.pages ? page_start[page + 1] : later_.size();
    for (std::size_t i = first; i < last; ++i) {
        const Rect row = take_top(area, later_row_height(*later_[i]));
        out_.rows.push_back(row);
        later_row(row, *later_[i], i + 1 == last, cols);
    }
}

void BoardPainter::later_row(Rect row, const ScreeningView& s, bool last,
                             const LaterColumns& cols) {
    const auto& type = t_.type;
    spots_.add(row, tap::OpenFilm{s.film_id});
    if (!last) {
        c_.fill_rect(Rect{row.x, row.bottom() - hairline(), row.w, hairline()}, p_.rule);
    }
    row = inset(row, Insets{0, 0, 0, hairline()});
    const int row_h = std::max(type.row.px + t_.grid(3), v_.min_touch);
    Rect line = take_top(row, std::min(row.h, row_h));
    const bool cancelled = s.status == Status::cancelled;
    const Color text_color = cancelled ? p_.text_secondary : p_.text;

    c_.fill_rect(Rect{line.x, centre_y(line, type.row.px), cols.chip_w, type.row.px},
                 chip_color(s));
    text_left(Rect{cols.time_x, line.y, cols.time_w, line.h}, st_.hh_mm(s.effective_start()),
              bold(type.row), s.status == Status::delayed ? p_.delayed : text_color);

    Rect title{cols.title_x, line.y, cols.title_w, line.h};
    const auto tags = fit_tags_beside_title(tags_of(s), type.label, title.w);
    if (!tags.empty()) {
        take_right(title, tags_right(title, tags, type.label), t_.grid(2));
    }
    text_left(title, s.title.get(lang_), type.row, text_color);
    text_left(Rect{cols.hall_x, line.y, cols.hall_w, line.h}, s.hall_name.get(lang_), type.body,
              p_.text_secondary);
    // A changed screening's note ("Moved from the Chamber Hall. Because of high demand…") under
    // its title, across the hall's column too.
    const std::string notice = notes_ ? notice_of(s, s.hall_id) : std::string();
    if (!notice.empty()) {
        text_left(Rect{cols.title_x, row.y, row.right() - cols.title_x, type.body.px}, notice,
                  type.body, p_.text_secondary);
    }
}

}  // namespace aff::board

namespace aff {

BoardLayout render_board(Canvas& canvas, const BoardModel& model, const UiStatus& status,
                         const I18n& i18n, Lang lang, const BoardView& view, Hotspots& spots) {
    return board::BoardPainter(canvas, model, status, i18n, lang, view, spots).paint();
}

}  // namespace aff
