#include "kiosk/hall_view.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/painter.hpp"
#include "kiosk/theme.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::minutes;

class HallPainter : public Painter {
public:
    HallPainter(Canvas& canvas, const Ui& ui, Lang lang, const UiStatus& status,
                const HallModel& model, Hotspots& spots, int min_touch)
        : Painter(canvas, ui.i18n, lang, ui.settings.type_scales), s_(status), m_(model),
          spots_(spots), min_touch_(min_touch) {}

    void paint();

private:
    const UiStatus& s_;
    const HallModel& m_;
    Hotspots& spots_;
    int min_touch_;

    int margin() const { return t_.grid(6); }
    int bar_height() const { return t_.unit; }
    int line_gap() const { return t_.unit; }
    std::string meta(const ScreeningView& s) const;
    std::string original_title(const ScreeningView& s) const {
        return Painter::original_title(s.original_title, s.title);
    }
    std::string note_of(const ScreeningView& s) const { return notice_of(s, m_.hall_id); }
    // Whether the audience comes to this hall for it (sync/now_next.hpp).
    bool held(const ScreeningView& s) const { return at_hall(s, m_.hall_id) == AtHall::held; }
    Color time_color(const ScreeningView& s) const {
        if (s.status == Status::delayed) {
            return p_.delayed;
        }
        return held(s) ? p_.text : p_.text_secondary;
    }
    std::string range(const ScreeningView& s) const {
        return s_.hh_mm(s.effective_start()) + std::string(en_dash) +
               s_.hh_mm(s.effective_end());
    }

    Font hall_font(int width);
    Font title_font(const ScreeningView& s, int width, bool primary);
    void header(Rect band);
    void footer(Rect area);
    void heading(Rect& area, std::string_view text);
    void tags_row(Rect row, std::string_view label, const std::vector<Tag>& tags);
    int title_height(const ScreeningView& s, const Font& font, int width, int max_lines);
    int title(Rect& area, const ScreeningView& s, const Font& font, int max_lines);
    int note_height(const ScreeningView& s, int width);
    void note(Rect& area, const ScreeningView& s);

    // The blocks of the sign. `primary` is the big one; each height is what its drawing takes.
    int now_height(int width, bool primary);
    void now_block(Rect box, bool primary);
    int next_height(int width, bool primary);
    void next_block(Rect box, bool primary);
    int end_height(int width, bool primary);
    void end_block(Rect box, bool primary);
    int time_width(const std::vector<ScreeningView>& items, bool with_range);
    int row_indent(int time_w) const;
    int row_height(const ScreeningView& s, int width, int time_w, int note_lines);
    void row(Rect box, const ScreeningView& s, int time_w, bool with_range, int note_lines);
    int upcoming_height(int width, bool primary);
    void upcoming(Rect box, bool primary);
    // Screenings as rows with their times, statuses and notes, as many as fit, then how many
    // more there are.
    void list(Rect area, const std::vector<ScreeningView>& items, bool with_range);
    void trusted_body(Rect body);
    void untrusted_body(Rect body);
    void message(Rect body, std::string_view text);
};

Font HallPainter::hall_font(int width) {
    // The largest size at which the hall's name fits in every language, so the header does not
    // jump as the languages rotate.
    for (const Font& font : {t_.type.clock, t_.type.venue}) {
        bool fits = true;
        for (Lang lang : all_langs) {
            fits = fits && this->width(m_.hall_name.get(lang), font) <= width;
        }
        if (fits) {
            return font;
        }
    }
    return t_.type.venue;
}

// The big block's title as large as the clock when it takes at most three lines in every
// language, else a size smaller, so a long title is read whole; the other blocks a size smaller.
Font HallPainter::title_font(const ScreeningView& s, int width, bool primary) {
    if (!primary) {
        return t_.type.venue;
    }
    for (Lang lang : all_langs) {
        if (lines_of(s.title.get(lang), t_.type.clock, width, 4) > 3) {
            return t_.type.venue;
        }
    }
    return t_.type.clock;
}

void HallPainter::header(Rect band) {
    c_.fill_rect(band, p_.band);
    c_.fill_rect(Rect{band.x, band.bottom() - hairline(), band.w, hairline()}, p_.accent);
    Rect inner = inset(band, Insets{margin(), t_.grid(4), margin(), t_.grid(4)});
    const auto& type = t_.type;

    if (s_.clock_trusted) {
        const std::string clock = s_.hh_mm(s_.now);
        int right_w = width(clock, type.clock);
        for (Lang lang : all_langs) {
            right_w = std::max(right_w, width(i18n_.date(lang, s_.today), type.body));
        }
        Rect right = take_right(inner, std::min(right_w, inner.w * 2 / 5), t_.grid(6));
        right.h = type.clock.px + t_.unit + type.body.px;
        right.y = centre_y(inner, right.h);
        text_right(take_top(right, type.clock.px, t_.unit), clock, type.clock, p_.text);
        text_right(take_top(right, type.body.px), i18n_.date(lang_, s_.today), type.body,
                   p_.text_secondary);
    }

    const Font name_font = hall_font(inner.w);
    Rect left = inner;
    left.h = name_font.px + t_.unit + type.body.px;
    left.y = centre_y(inner, left.h);
    text_left(take_top(left, name_font.px, t_.unit), m_.hall_name.get(lang_), name_font, p_.text);
    text_left(take_top(left, type.body.px), m_.venue_name.get(lang_), type.body,
              p_.text_secondary);
}

void HallPainter::footer(Rect area) {
    // The language switch on the left, the data's age (and any notice) on the right of one row.
    rule(Rect{area.x, area.y, area.w, hairline()});
    Rect row = area;
    row.y = area.bottom() - t_.type.caption.px;
    row.h = t_.type.caption.px;
    Rect rest = area;
    const Rect langs =
        take_left(rest, std::min(language_switch_width(min_touch_), area.w / 3), t_.grid(4));
    language_switch(Rect{langs.x, row.y, langs.w, row.h}, spots_, min_touch_);
    status_line(rest, s_);
}

void HallPainter::heading(Rect& area, std::string_view text) {
    text_left(take_top(area, t_.type.label.px, t_.grid(2)), text, t_.type.label, p_.accent);
}

// A section label on the left of a row and the status tags on its right, never over it.
void HallPainter::tags_row(Rect row, std::string_view label, const std::vector<Tag>& tags) {
    const int label_w = text_left(row, label, t_.type.label, p_.accent);
    Rect rest = row;
    take_left(rest, label_w, t_.grid(3));
    const auto fitted = fit_tags(tags, t_.type.label, rest.w);
    tags_right(rest, fitted, t_.type.label);
}

// The title (a font's line height already holds its leading, so big lines need no gap), the
// original title when it differs, and a line of what the audience may want to know at the door:
// the section, the running time and the age rating.
int HallPainter::title_height(const ScreeningView& s, const Font& font, int width,
                              int max_lines) {
    const int lines = lines_of(s.title.get(lang_), font, width, max_lines);
    int h = lines * font.px;
    if (!original_title(s).empty()) {
        h += t_.unit + t_.type.body.px;
    }
    if (!meta(s).empty()) {
        h += t_.unit + t_.type.body.px;
    }
    return h;
}

std::string HallPainter::meta(const ScreeningView& s) const {
    std::string out = s.section_name.get(lang_);
    const auto add = [&](const std::string& part) {
        if (!part.empty()) {
            out += (out.empty() ? "" : "  " + std::string(middle_dot) + "  ") + part;
        }
    };
    if (s.runtime_min > 0) {
        add(tr("film.minutes", {{"n", std::to_string(s.runtime_min)}}));
    }
    add(s.age_rating);
    return out;
}

int HallPainter::title(Rect& area, const ScreeningView& s, const Font& font, int max_lines) {
    const int used = paragraph(area, s.title.get(lang_), font,
                               held(s) ? p_.text : p_.text_secondary, max_lines, 0);
    take_top(area, used);
    int h = used;
    for (const std::string& line : {original_title(s), meta(s)}) {
        if (!line.empty()) {
            take_top(area, t_.unit);
            text_left(take_top(area, t_.type.body.px), line, t_.type.body, p_.text_secondary);
            h += t_.unit + t_.type.body.px;
        }
    }
    return h;
}

int HallPainter::note_height(const ScreeningView& s, int width) {
    const int lines = lines_of(note_of(s), t_.type.body, width, 2);
    return lines > 0 ? t_.grid(2) + text_block(lines, t_.type.body) : 0;
}

void HallPainter::note(Rect& area, const ScreeningView& s) {
    const std::string text = note_of(s);
    if (text.empty()) {
        return;
    }
    take_top(area, t_.grid(2));
    take_top(area, paragraph(area, text, t_.type.body, p_.text_secondary, 2, line_gap()));
}

int HallPainter::now_height(int width, bool primary) {
    const auto& type = t_.type;
    const Font font = title_font(*m_.now, width, primary);
    const Font& times = primary ? type.title : type.row;
    return type.label.px + t_.grid(2) + title_height(*m_.now, font, width, 3) + t_.grid(4) +
           times.px + t_.grid(2) + bar_height() + note_height(*m_.now, width);
}

void HallPainter::now_block(Rect box, bool primary) {
    const auto& type = t_.type;
    const ScreeningView& s = *m_.now;
    spots_.add(box, tap::OpenFilm{s.film_id});
    tags_row(take_top(box, type.label.px, t_.grid(2)), tr("board.now_showing"), tags_of(s));
    title(box, s, title_font(s, box.w, primary), 3);
    take_top(box, t_.grid(4));

    const Font& font = primary ? type.title : type.row;
    Rect times = take_top(box, font.px, t_.grid(2));
    const auto left = std::chrono::ceil<minutes>(s.effective_end() - s_.now);
    Font regular = font;
    regular.weight = Weight::regular;
    take_right(times, text_right(times, plural("board.minutes_left", left.count()), regular,
                                 p_.text_secondary),
               t_.grid(3));
    text_left(times, range(s), bold(font), time_color(s));

    progress_bar(take_top(box, bar_height()), s, s_.now);
    note(box, s);
}

int HallPainter::next_height(int width, bool primary) {
    const auto& type = t_.type;
    const Font font = title_font(*m_.next, width, primary);
    const int top = m_.doors_open ? type.venue.px + t_.grid(3) : type.label.px;
    const Font& time = primary ? type.clock : type.venue;
    return top + t_.grid(2) + time.px + t_.grid(1) + title_height(*m_.next, font, width, 3) +
           note_height(*m_.next, width);
}

void HallPainter::next_block(Rect box, bool primary) {
    const auto& type = t_.type;
    const ScreeningView& s = *m_.next;
    spots_.add(box, tap::OpenFilm{s.film_id});

    std::vector<Tag> tags = tags_of(s);
    if (m_.doors_open) {
        // The strongest state on the sign: an accent band across the block with the words.
        Rect band = take_top(box, type.venue.px + t_.grid(3), t_.grid(2));
        c_.fill_rect(band, p_.accent);
        Rect inner = inset(band, Insets{t_.grid(2), 0, t_.grid(2), 0});
        const std::string countdown = starts_in(s.effective_start(), s_.now);
        const int w = text_left(inner, tr("hall.doors_open"), type.venue, p_.badge_text);
        take_left(inner, w, t_.grid(3));
        text_right(inner, countdown, bold(type.body), p_.badge_text);
    } else {
        tags_row(take_top(box, type.label.px, t_.grid(2)), tr("board.next"), tags);
        tags.clear();
    }

    // The start time large, with how long until it (within the hour and a half: beyond, the
    // time alone says it better), and the tags when the band took their place.
    const Font& time_font = primary ? type.clock : type.venue;
    Rect when = take_top(box, time_font.px, t_.grid(1));
    const int time_w = text_left(when, s_.hh_mm(s.effective_start()), time_font, time_color(s));
    take_left(when, time_w, t_.grid(3));
    if (!tags.empty()) {
        tags = fit_tags(tags, type.label, when.w / 2);
        take_right(when, tags_right(when, tags, type.label), t_.grid(3));
    }
    if (!m_.doors_open) {
        text_left(when, starts_in(s.effective_start(), s_.now), primary ? type.title : type.row,
                  p_.accent);
    }
    title(box, s, title_font(s, box.w, primary), 3);
    note(box, s);
}

int HallPainter::end_height(int width, bool primary) {
    const auto& type = t_.type;
    const Font& font = primary ? type.venue : type.title;
    int h = text_block(lines_of(tr("board.no_more_today"), font, width, 2), font);
    if (m_.next_day_first) {
        h += t_.grid(5) + type.label.px + t_.grid(2) + type.row.px + t_.grid(2) +
             title_height(*m_.next_day_first, type.title, width, 2);
    }
    return h;
}

void HallPainter::end_block(Rect box, bool primary) {
    const auto& type = t_.type;
    const Font& font = primary ? type.venue : type.title;
    take_top(box, paragraph(box, tr("board.no_more_today"), font, p_.text_secondary, 2,
                            line_gap()));
    if (!m_.next_day_first) {
        return;
    }
    const ScreeningView& s = *m_.next_day_first;
    take_top(box, t_.grid(5));
    Rect block = box;
    block.h = std::min(box.h, type.label.px + t_.grid(2) + type.row.px + t_.grid(2) +
                                  title_height(s, type.title, box.w, 2));
    spots_.add(block, tap::OpenFilm{s.film_id});
    heading(box, tr("hall.next_day"));
    Rect when = take_top(box, type.row.px, t_.grid(2));
    const int time_w = text_left(when, s_.hh_mm(s.effective_start()), bold(type.row),
                                 time_color(s));
    take_left(when, time_w, t_.grid(3));
    text_left(when, i18n_.date(lang_, s.festival_day), type.row, p_.text_secondary);
    title(box, s, type.title, 2);
}

int HallPainter::time_width(const std::vector<ScreeningView>& items, bool with_range) {
    int w = 0;
    for (const auto& s : items) {
        w = std::max(w, width(with_range ? range(s) : s_.hh_mm(s.effective_start()),
                              bold(t_.type.row)));
    }
    return w;
}

int HallPainter::row_indent(int time_w) const {
    return std::max(3, t_.unit / 2) + t_.grid(2) + time_w + t_.grid(3);
}

// A row: the time, the title and tags; the note below it in at most `note_lines` lines.
int HallPainter::row_height(const ScreeningView& s, int width, int time_w, int note_lines) {
    const int lines =
        lines_of(note_of(s), t_.type.body, width - row_indent(time_w), note_lines);
    const int h = t_.type.row.px + t_.grid(3);
    return lines > 0 ? h + t_.unit + text_block(lines, t_.type.body) : h;
}

void HallPainter::row(Rect box, const ScreeningView& s, int time_w, bool with_range,
                      int note_lines) {
    const auto& type = t_.type;
    const int chip_w = std::max(3, t_.unit / 2);
    const int text_x = box.x + row_indent(time_w);
    box = inset(box, Insets{0, t_.grid(1), 0, t_.grid(2)});
    Rect line = take_top(box, type.row.px, t_.unit);
    c_.fill_rect(Rect{line.x, line.y, chip_w, line.h}, chip_color(s));
    text_left(Rect{line.x + chip_w + t_.grid(2), line.y, time_w, line.h},
              with_range ? range(s) : s_.hh_mm(s.effective_start()), bold(type.row),
              time_color(s));
    Rect rest{text_x, line.y, std::max(0, line.right() - text_x), line.h};
    const auto tags = fit_tags(tags_of(s), type.label, rest.w / 2);
    if (!tags.empty()) {
        take_right(rest, tags_right(rest, tags, type.label), t_.grid(3));
    }
    text_left(rest, s.title.get(lang_), type.row, held(s) ? p_.text : p_.text_secondary);
    if (const std::string note = note_of(s); !note.empty()) {
        paragraph(Rect{text_x, box.y, std::max(0, box.right() - text_x), box.h}, note, type.body,
                  p_.text_secondary, note_lines, line_gap());
    }
}

void HallPainter::list(Rect area, const std::vector<ScreeningView>& items, bool with_range) {
    const auto& type = t_.type;
    const int time_w = time_width(items, with_range);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& s = items[i];
        const int h = row_height(s, area.w, time_w, 1);
        const bool last = i + 1 == items.size();
        // Keep room for the line that says how many more there are.
        const int reserve = last ? 0 : type.body.px + t_.grid(2);
        if (h + reserve > area.h) {
            const auto hidden = static_cast<long long>(items.size() - i);
            text_left(take_top(area, type.body.px), plural("hall.more", hidden), type.body,
                      p_.text_secondary);
            return;
        }
        const Rect box = take_top(area, h);
        if (!last) {
            rule(Rect{box.x, box.bottom() - hairline(), box.w, hairline()});
        }
        row(box, s, time_w, with_range, 1);
    }
}

// What comes next at this door: first any screening called off or moved away before the next
// one held here (with its note in full: people are arriving for it), then the next one, or the
// end of the day.
int HallPainter::upcoming_height(int width, bool primary) {
    const int time_w = time_width(m_.skipped, false);
    int h = 0;
    for (const auto& s : m_.skipped) {
        h += row_height(s, width, time_w, 2) + t_.grid(4);
    }
    return h + (m_.next ? next_height(width, primary) : end_height(width, primary));
}

void HallPainter::upcoming(Rect box, bool primary) {
    const int time_w = time_width(m_.skipped, false);
    for (const auto& s : m_.skipped) {
        const Rect r = take_top(box, row_height(s, box.w, time_w, 2), t_.grid(4));
        rule(Rect{r.x, r.bottom() - hairline(), r.w, hairline()});
        row(r, s, time_w, false, 2);
    }
    if (m_.next) {
        next_block(box, primary);
    } else {
        end_block(box, primary);
    }
}

void HallPainter::trusted_body(Rect body) {
    const bool has_later = !m_.later.empty();
    if (!t_.portrait && (m_.now || has_later)) {
        // Two columns: the big block on the left, what follows it on the right.
        const int gutter = t_.grid(8);
        auto cols = columns(body, {56, 44}, gutter);
        rule(Rect{cols[0].right() + gutter / 2, body.y, hairline(), body.h});
        Rect left = cols[0];
        Rect right = cols[1];
        if (m_.now) {
            now_block(take_top(left, now_height(left.w, true)), true);
            upcoming(take_top(right, upcoming_height(right.w, false), t_.grid(6)), false);
        } else {
            upcoming(take_top(left, upcoming_height(left.w, true)), true);
        }
        if (has_later && right.h > t_.type.label.px + t_.grid(2)) {
            heading(right, tr("board.later_today"));
            list(right, m_.later, false);
        }
        return;
    }

    // One column: landscape with a single block, or portrait with the blocks stacked.
    const int gap = t_.grid(6);
    bool drawn = false;
    if (m_.now) {
        now_block(take_top(body, now_height(body.w, true), gap), true);
        drawn = true;
    }
    // As big as the block above when that leaves room for a few rows of the list.
    const int reserve = has_later ? t_.grid(30) : 0;
    const bool big = !drawn || upcoming_height(body.w, true) + gap + reserve <= body.h;
    const int h = upcoming_height(body.w, big);
    if (h + (drawn ? hairline() + gap : 0) <= body.h) {
        if (drawn) {
            rule(take_top(body, hairline(), gap));
        }
        upcoming(take_top(body, h, gap), big);
    }
    if (has_later && body.h > t_.type.label.px + t_.grid(2) + t_.type.row.px + t_.grid(3)) {
        rule(take_top(body, hairline(), gap));
        heading(body, tr("board.later_today"));
        list(body, m_.later, false);
    }
}

void HallPainter::untrusted_body(Rect body) {
    // No "now": the clock may be days off. The hall's whole day, and why.
    take_top(body, paragraph(body, tr("trust.notice"), t_.type.body, p_.delayed, 2, line_gap()),
             t_.grid(4));
    heading(body, tr("hall.programme"));
    if (m_.today.empty()) {
        text_left(take_top(body, t_.type.body.px), tr("board.no_more_today"), t_.type.body,
                  p_.text_secondary);
        return;
    }
    list(body, m_.today, true);
}

void HallPainter::message(Rect body, std::string_view text) {
    Rect line = body;
    line.h = t_.type.venue.px * 2 + line_gap();
    line.y = centre_y(body, line.h);
    paragraph(line, text, t_.type.venue, p_.text_secondary, 2, line_gap());
}

void HallPainter::paint() {
    c_.clear(p_.background);
    const Size size = c_.size();
    Rect screen{0, 0, size.w, size.h};
    const auto& type = t_.type;

    const int content = type.clock.px + t_.unit + type.body.px;
    header(take_top(screen, content + t_.grid(8)));

    Rect body = inset(screen, Insets{margin(), t_.grid(5), margin(), t_.grid(3)});
    footer(take_bottom(body, hairline() + t_.grid(2) + type.caption.px, t_.grid(4)));

    if (!m_.found) {
        message(body, tr("hall.unknown"));
    } else if (!s_.clock_trusted) {
        untrusted_body(body);
    } else {
        trusted_body(body);
    }
}

}  // namespace

void paint_hall(Canvas& canvas, const Ui& ui, Lang lang, const UiStatus& status,
                const HallModel& model, Hotspots& spots, int min_touch) {
    HallPainter(canvas, ui, lang, status, model, spots, min_touch).paint();
}

}  // namespace aff
