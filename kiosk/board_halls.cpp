// The board's now column: a row for every hall, as full as the room allows, in pages of rows when
// even one line each does not hold them all (turning with the later list's pages), and only as
// a count ("+2 halls: see the programme") when not one row fits. A hall is never left out.
#include "kiosk/board_painter.hpp"

#include <algorithm>

namespace aff::board {

using std::chrono::minutes;

// Each hall is a touch target: never lower than a thumb.
int BoardPainter::hall_height(const HallNowNext& hall, Density density) const {
    return std::max(v_.min_touch, content_height(hall, density));
}

int BoardPainter::content_height(const HallNowNext& hall, Density density) const {
    const auto& type = t_.type;
    const int label = type.label.px;
    if (density == Density::single_line) {
        return type.row.px + t_.grid(1);
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

int BoardPainter::rows_height(std::size_t first, std::size_t last,
                              const std::vector<Density>& density) const {
    int h = 0;
    for (std::size_t i = first; i < last; ++i) {
        h += hall_height(m_.halls[i], density[i]) + (i > first ? hall_gap() : 0);
    }
    return h;
}

// Every hall of [first, last) as full as `height` allows: the lowest give way first, from the
// full form to the compact one, then from compact to one line, until the rows fit. Nothing is
// dropped while there is room for it. False when one line each is still too tall.
bool BoardPainter::fit_densities(std::size_t first, std::size_t last, int height,
                                 std::vector<Density>& density) const {
    std::fill(density.begin() + static_cast<std::ptrdiff_t>(first),
              density.begin() + static_cast<std::ptrdiff_t>(last), Density::full);
    for (Density less : {Density::compact, Density::single_line}) {
        for (std::size_t i = last; i > first; --i) {
            if (rows_height(first, last, density) <= height) {
                return true;
            }
            density[i - 1] = std::max(density[i - 1], less);
        }
    }
    return rows_height(first, last, density) <= height;
}

HallPlan BoardPainter::plan_halls(int height) const {
    HallPlan plan;
    const std::size_t n = m_.halls.size();
    plan.density.assign(n, Density::full);
    plan.page_start = {0};
    if (n == 0) {
        return plan;
    }
    if (fit_densities(0, n, height, plan.density)) {
        plan.with_rows = n;
        plan.height = rows_height(0, n, plan.density);
        return plan;
    }
    // Pages of as many one-line rows as fit, as even as they can be.
    const int line = hall_height(m_.halls[0], Density::single_line);
    const auto fit = static_cast<std::size_t>(std::max(0, (height + hall_gap()) /
                                                             (line + hall_gap())));
    if (fit == 0) {
        plan.density.assign(n, Density::single_line);
        plan.height = std::min(height, t_.type.body.px);  // the count alone
        return plan;
    }
    const std::size_t pages = (n + fit - 1) / fit;
    const std::size_t per_page = (n + pages - 1) / pages;
    plan.page_start.clear();
    for (std::size_t first = 0; first < n; first += per_page) {
        const std::size_t last = std::min(n, first + per_page);
        plan.page_start.push_back(first);
        fit_densities(first, last, height, plan.density);
        plan.height = std::max(plan.height, rows_height(first, last, plan.density));
    }
    plan.with_rows = n;
    return plan;
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
// its status, then what became of it ("Moved to Hall 3") and its note. `row` moves down past
// both.
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

// One line: the hall's name, then what is on, or what became of what would be, or what is next.
void BoardPainter::single_line(Rect row, const HallNowNext& hall, int name_column) {
    const auto& type = t_.type;
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
            const std::string where = tr("status.moved_to", {{"hall", away->hall_name.get(lang_)}});
            take_right(row, text_right(row, where, type.body, p_.moved), t_.grid(3));
        } else {
            take_right(row,
                       tags_right(row, fit_tags(tags_of(*away), type.label, row.w / 2), type.label),
                       t_.grid(3));
        }
        text_left(row, away->title.get(lang_), type.row, p_.text_secondary);
    } else if (hall.next) {
        next_row(row, *hall.next, type.body, p_.text_secondary);
    } else {
        text_left(row, tr("board.no_more_today"), type.body, p_.text_secondary);
    }
}

void BoardPainter::hall_block(Rect box, const HallNowNext& hall, Density density,
                              int name_column) {
    const auto& type = t_.type;
    if (density == Density::single_line) {
        single_line(box, hall, name_column);
        return;
    }

    Rect row_a = take_top(box, type.label.px, t_.unit);
    if (!hall.now) {
        Rect row = take_top(box, type.body.px);
        if (hall.next) {
            // A countdown only as near as the hall sign gives one; further off, the time below.
            const std::string starts = starts_in(hall.next->effective_start(), m_.now);
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

// `area` below the heading; plan_ sized it (the tallest page fits).
void BoardPainter::now_column(Rect area) {
    Rect heading = take_top(area, t_.type.label.px, t_.grid(2));
    const std::size_t pages = plan_.page_start.size();
    const std::size_t page = v_.page % pages;
    out_.hall_pages = pages;
    page_indicator(heading, "board.now_showing", page, pages);
    if (m_.halls.empty()) {
        text_left(take_top(area, t_.type.body.px), tr("board.no_more_today"), t_.type.body,
                  p_.text_secondary);
        later_ = later_list(m_, {});
        return;
    }
    int name_column = 0;
    for (const auto& hall : m_.halls) {
        for (Lang lang : all_langs) {
            name_column = std::max(name_column, width(hall.hall_name.get(lang), t_.type.label));
        }
    }
    name_column = std::min(name_column, area.w / 4);

    // What each row shows, on every page: the later list holds the rest.
    std::vector<RowShows> shows(m_.halls.size());
    for (std::size_t i = 0; i < plan_.with_rows; ++i) {
        const HallNowNext& hall = m_.halls[i];
        const bool one_line = plan_.density[i] == Density::single_line;
        // One line holds what is on, or what became of it, before what follows; and no note.
        shows[i].next = !one_line || (!hall.now && hall.away_now(m_.now) == nullptr);
        shows[i].away = one_line || hall.now ? nullptr : hall.away_now(m_.now);
    }
    later_ = later_list(m_, shows);

    out_.halls_counted = m_.halls.size() - plan_.with_rows;
    if (out_.halls_counted > 0) {
        const std::string count = plural("board.more_halls",
                                         static_cast<long long>(out_.halls_counted));
        text_left(take_top(area, t_.type.body.px), count, t_.type.body, p_.text_secondary);
        return;
    }
    const std::size_t first = plan_.page_start[page];
    const std::size_t last = page + 1 < pages ? plan_.page_start[page + 1] : m_.halls.size();
    for (std::size_t i = first; i < last; ++i) {
        const int h = hall_height(m_.halls[i], plan_.density[i]);
        if (i > first) {
            c_.fill_rect(Rect{area.x, area.y + hall_gap() / 2, area.w, hairline()}, p_.rule);
            take_top(area, hall_gap());
        }
        const Rect block = take_top(area, h);
        out_.rows.push_back(block);
        hall_block(block, m_.halls[i], plan_.density[i], name_column);
        const auto& shown = m_.halls[i].now ? m_.halls[i].now : m_.halls[i].next;
        if (shown) {
            spots_.add(touch_rect(block, v_.min_touch), tap::OpenFilm{shown->film_id});
        }
    }
}

}  // namespace aff::board
