#include "kiosk/film_view.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/painter.hpp"
#include "kiosk/theme.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::minutes;

// `a` moved towards `b` by `percent`.
Color mix(Color a, Color b, int percent) {
    const auto channel = [&](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>((x * (100 - percent) + y * percent) / 100);
    };
    return Color{channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b), 255};
}

struct Fact {
    std::string label_key;
    std::string value;
};

class FilmPainter : public Painter {
public:
    // `first_row`: the first screening shown; nothing lets the page choose (the first one
    // not yet over, if they do not all fit).
    FilmPainter(Canvas& canvas, const Ui& ui, Lang lang, const UiStatus& status,
                const FilmModel& model, Hotspots& spots, int min_touch,
                std::optional<std::size_t> first_row)
        : Painter(canvas, ui.i18n, lang, ui.settings.type_scales), s_(status), m_(model),
          spots_(spots), min_touch_(min_touch), first_row_(first_row) {}

    void paint();

    // What the frame learnt about the list, for scrolling it.
    int row_step = 0;
    std::size_t first_row = 0;
    std::size_t last_first_row = 0;  // the latest first row that still fills the list

private:
    // The screenings as a grid: `columns` side by side, filled down then across.
    struct Grid {
        int columns = 1;
        int column_w = 0;
        int gutter = 0;
    };

    const UiStatus& s_;
    const FilmModel& m_;
    Hotspots& spots_;
    int min_touch_;
    std::optional<std::size_t> first_row_;

    const Film& film() const { return *m_.film; }
    int line_gap() const { return t_.unit; }
    int pad() const { return t_.grid(3) / 2; }  // above and below a screening's lines
    std::string original_title() const {
        return Painter::original_title(film().original_title, film().title);
    }
    bool past(const ScreeningView& s) const {
        return s_.clock_trusted && s.effective_end() <= s_.now;
    }

    std::vector<Fact> facts() const;
    int label_width(const std::vector<Fact>& facts, int width);
    int facts_height(int width);
    void draw_facts(Rect area);
    void poster(const Rect& box);
    Font title_font(int width);
    void titles(Rect& area);
    int screening_height(const ScreeningView& s) const;
    Grid grid_for(int width) const;
    // The height `count` screenings from `first` take in the grid (the tallest column).
    int grid_height(const Grid& grid, std::size_t first, std::size_t count) const;
    // How many screenings from `first` fit `height`, with the lines saying what is above or
    // below them.
    std::size_t fitting(const Grid& grid, std::size_t first, int height) const;
    int screenings_height(int width) const;
    void screening(Rect box, const ScreeningView& s, int time_w);
    void screenings(Rect area);
    int synopsis(Rect area, int max_lines);
    Size poster_size(int width, int room) const;
    void synopsis_and_screenings(Rect area, int most_lines);
    void landscape(Rect body);
    void portrait(Rect body);
};

std::vector<Fact> FilmPainter::facts() const {
    const Film& f = film();
    std::vector<Fact> list;
    const auto add = [&](const char* key, std::string value) {
        if (!value.empty()) {
            list.push_back({key, std::move(value)});
        }
    };
    add("film.director", f.director.get(lang_));
    add("film.country", m_.countries.get(lang_));
    add("film.year", f.year > 0 ? std::to_string(f.year) : std::string());
    add("film.runtime",
        f.runtime_min > 0 ? tr("film.minutes", {{"n", std::to_string(f.runtime_min)}})
                          : std::string());
    add("film.age", f.age_rating);
    add("film.language", m_.spoken_languages.get(lang_));
    add("film.subtitles", m_.subtitles.get(lang_));
    return list;
}

// The labels' column, as wide as its longest label in any language, so values do not shift as
// the languages rotate.
int FilmPainter::label_width(const std::vector<Fact>& list, int width) {
    int w = 0;
    for (const auto& fact : list) {
        for (Lang lang : all_langs) {
            w = std::max(w, this->width(i18n_.text(lang, fact.label_key), t_.type.label));
        }
    }
    return std::min(w, width * 2 / 5);
}

int FilmPainter::facts_height(int width) {
    const auto list = facts();
    const int value_w = width - label_width(list, width) - t_.grid(3);
    int h = 0;
    for (const auto& fact : list) {
        h += text_block(std::max(1, lines_of(fact.value, t_.type.body, value_w, 2)),
                        t_.type.body) +
             t_.grid(2);
    }
    return std::max(0, h - t_.grid(2));
}

void FilmPainter::draw_facts(Rect area) {
    const auto list = facts();
    const int label_w = label_width(list, area.w);
    for (const auto& fact : list) {
        const int lines = std::max(1, lines_of(fact.value, t_.type.body,
                                               area.w - label_w - t_.grid(3), 2));
        const int h = text_block(lines, t_.type.body);
        if (h > area.h) {
            return;
        }
        Rect row = take_top(area, h, t_.grid(2));
        const Rect label = take_left(row, label_w, t_.grid(3));
        text_left(Rect{label.x, label.y, label.w, t_.type.body.px}, tr(fact.label_key),
                  t_.type.label, p_.text_secondary);
        paragraph(row, fact.value, t_.type.body, p_.text, lines, line_gap());
    }
}

// The poster in its 2:3 box; while it decodes a quiet fill holds its place, and without one a
// card in the section's colour with the title set in type stands in, so every page keeps the
// same shape.
void FilmPainter::poster(const Rect& box) {
    c_.fill_rect(box, p_.band);
    if (!m_.poster_file.empty()) {
        const ImageState state = c_.draw_image(m_.poster_file, box);
        if (state != ImageState::failed) {
            return;
        }
    }
    const Color fill = parse_hex_color(m_.section_color).value_or(p_.neutral_chip);
    c_.fill_rect(box, fill);
    const Color ink =
        contrast_ratio(p_.text, fill) >= contrast_ratio(p_.badge_text, fill) ? p_.text
                                                                             : p_.badge_text;
    Rect inner = inset(box, t_.grid(3));
    const std::string section = m_.section_name.get(lang_);
    if (!section.empty()) {
        const int lines = lines_of(section, t_.type.label, inner.w, 2);
        const Rect foot = take_bottom(inner, text_block(lines, t_.type.label), t_.grid(3));
        paragraph(foot, section, t_.type.label, ink, 2, line_gap());
    }
    paragraph(inner, film().title.get(lang_), t_.type.title, ink,
              std::max(1, (inner.h + line_gap()) / (t_.type.title.px + line_gap())),
              line_gap());
}

// The title as large as the clock when it takes at most two lines in every language, else a
// size smaller; the same in every language so the page does not jump.
Font FilmPainter::title_font(int width) {
    for (Lang lang : all_langs) {
        if (lines_of(film().title.get(lang), t_.type.clock, width, 3) > 2) {
            return t_.type.venue;
        }
    }
    return t_.type.clock;
}

void FilmPainter::titles(Rect& area) {
    const Font font = title_font(area.w);
    // A font's line height already holds its leading: big lines need no gap.
    take_top(area, paragraph(area, film().title.get(lang_), font, p_.text, 3, 0));
    if (const std::string original = original_title(); !original.empty()) {
        take_top(area, t_.unit);
        text_left(take_top(area, t_.type.row.px), original, t_.type.row, p_.text_secondary);
    }
}

// A screening in two lines: the time, the day and the tags; the venue and hall below, and its
// note under them when it has one.
int FilmPainter::screening_height(const ScreeningView& s) const {
    int h = t_.type.body.px + t_.grid(1) + t_.type.caption.px + 2 * pad();
    if (s.status != Status::scheduled && !s.note.get(lang_).empty()) {
        h += t_.grid(1) + t_.type.caption.px;
    }
    return h;
}

FilmPainter::Grid FilmPainter::grid_for(int width) const {
    Grid grid;
    grid.gutter = t_.grid(6);
    // Two columns when each is still wide enough for a day's name, its time and a status.
    grid.columns = width >= 2 * t_.grid(68) + grid.gutter ? 2 : 1;
    grid.column_w = (width - (grid.columns - 1) * grid.gutter) / grid.columns;
    return grid;
}

int FilmPainter::grid_height(const Grid& grid, std::size_t first, std::size_t count) const {
    const auto per_column = (count + static_cast<std::size_t>(grid.columns) - 1) /
                            static_cast<std::size_t>(grid.columns);
    int tallest = 0;
    int h = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (i % std::max<std::size_t>(1, per_column) == 0) {
            h = 0;
        }
        h += screening_height(m_.screenings[first + i]);
        tallest = std::max(tallest, h);
    }
    return tallest;
}

std::size_t FilmPainter::fitting(const Grid& grid, std::size_t first, int height) const {
    const std::size_t total = m_.screenings.size();
    const int more_h = t_.type.caption.px + t_.grid(3);
    const int above = first > 0 ? more_h : 0;
    for (std::size_t count = total - first; count > 0; --count) {
        const int below = first + count < total ? more_h : 0;
        if (above + grid_height(grid, first, count) + below <= height) {
            return count;
        }
    }
    return 0;
}

int FilmPainter::screenings_height(int width) const {
    const int head = t_.type.label.px + t_.grid(2) + hairline();
    if (m_.screenings.empty()) {
        return head + t_.grid(2) + t_.type.body.px;
    }
    return head + grid_height(grid_for(width), 0, m_.screenings.size());
}

void FilmPainter::screening(Rect box, const ScreeningView& s, int time_w) {
    const auto& type = t_.type;
    const int chip_w = std::max(3, t_.unit / 2);
    const int text_x = box.x + chip_w + t_.grid(2) + time_w + t_.grid(3);
    const int text_w = std::max(0, box.right() - text_x);
    const bool gone = past(s);
    // Past screenings recede but stay legible: a visitor may be checking one they saw.
    const Color dim = mix(p_.text_secondary, p_.background, 35);
    const Color main = gone ? dim
                            : (s.status == Status::cancelled ? p_.text_secondary : p_.text);
    const Color secondary = gone ? dim : p_.text_secondary;

    rule(Rect{box.x, box.bottom() - hairline(), box.w, hairline()});
    Rect row = inset(box, Insets{0, pad(), 0, pad()});
    Rect line = take_top(row, type.body.px, t_.grid(1));
    c_.fill_rect(Rect{line.x, line.y, chip_w, row.bottom() - line.y},
                 gone ? p_.rule : chip_color(s));
    const Color time_color = s.status == Status::delayed && !gone ? p_.delayed : main;
    text_left(Rect{line.x + chip_w + t_.grid(2), line.y, time_w, line.h},
              s_.hh_mm(s.effective_start()), bold(type.body), time_color);
    Rect rest{text_x, line.y, text_w, line.h};
    const auto tags = fit_tags(tags_of(s), type.label, rest.w / 2);
    if (!tags.empty()) {
        take_right(rest, tags_right(rest, tags, type.label), t_.grid(2));
    }
    text_left(rest,
              i18n_.screening_day(lang_, s.festival_day, s_.calendar_day(s.effective_start())),
              type.body, main);

    const std::string place = s.venue_name.get(lang_) + " " + std::string(middle_dot) + " " +
                              s.hall_name.get(lang_);
    text_left(Rect{text_x, row.y, text_w, type.caption.px}, place, type.caption, secondary);
    take_top(row, type.caption.px, t_.grid(1));
    if (s.status != Status::scheduled) {
        if (const std::string& note = s.note.get(lang_); !note.empty()) {
            text_left(Rect{text_x, row.y, text_w, type.caption.px}, note, type.caption,
                      secondary);
        }
    }
}

void FilmPainter::screenings(Rect area) {
    const auto& type = t_.type;
    text_left(take_top(area, type.label.px, t_.grid(2)), tr("film.screenings"), type.label,
              p_.accent);
    rule(take_top(area, hairline()));
    if (m_.screenings.empty()) {
        take_top(area, t_.grid(2));
        text_left(take_top(area, type.body.px), tr("film.no_screenings"), type.body,
                  p_.text_secondary);
        return;
    }
    const Grid grid = grid_for(area.w);
    const std::size_t total = m_.screenings.size();
    row_step = screening_height(m_.screenings.front());
    if (first_row_) {
        first_row = std::min(*first_row_, total - 1);
    } else if (fitting(grid, 0, area.h) < total) {
        // Not all fit: start at the first not yet over, or as late as still fills the area.
        std::size_t upcoming = 0;
        while (upcoming < total && past(m_.screenings[upcoming])) {
            ++upcoming;
        }
        first_row = std::min(upcoming, total - 1);
        while (first_row > 0 && first_row + fitting(grid, first_row - 1, area.h) >= total + 1) {
            --first_row;
        }
    }
    last_first_row = total - 1;
    while (last_first_row > 0 &&
           last_first_row - 1 + fitting(grid, last_first_row - 1, area.h) >= total) {
        --last_first_row;
    }
    const std::size_t shown = std::max<std::size_t>(1, fitting(grid, first_row, area.h));
    const bool more_below = first_row + shown < total;

    if (first_row > 0) {
        take_top(area, t_.grid(2));
        more_mark(take_top(area, type.caption.px, t_.grid(1)), true,
                  plural("film.more", static_cast<long long>(first_row)), type.caption,
                  p_.text_secondary);
    }
    int time_w = width("00:00", bold(type.body));
    for (const auto& s : m_.screenings) {
        time_w = std::max(time_w, width(s_.hh_mm(s.effective_start()), bold(type.body)));
    }
    const auto per_column = (shown + static_cast<std::size_t>(grid.columns) - 1) /
                            static_cast<std::size_t>(grid.columns);
    Rect column{};
    for (std::size_t i = 0; i < shown; ++i) {
        if (i % per_column == 0) {
            const int c = static_cast<int>(i / per_column);
            column = Rect{area.x + c * (grid.column_w + grid.gutter), area.y, grid.column_w,
                          area.h};
        }
        const ScreeningView& s = m_.screenings[first_row + i];
        screening(take_top(column, screening_height(s)), s, time_w);
    }
    if (more_below) {
        take_top(area, grid_height(grid, first_row, shown) + t_.grid(3));
        more_mark(take_top(area, type.caption.px), false,
                  plural("film.more", static_cast<long long>(total - first_row - shown)),
                  type.caption, p_.text_secondary);
    }
}

// The synopsis: as many lines as fit `area`, at most `max_lines`, then "…". Returns the height.
int FilmPainter::synopsis(Rect area, int max_lines) {
    const std::string& text = film().synopsis.get(lang_);
    if (text.empty() || max_lines <= 0) {
        return 0;
    }
    return paragraph(area, text, t_.type.body, p_.text, max_lines, line_gap());
}

// The poster's box: 2:3, as wide as `width` unless that leaves less than `room` high.
Size FilmPainter::poster_size(int width, int room) const {
    Size size{width, width * 3 / 2};
    if (size.h > room) {
        size.h = std::max(0, room);
        size.w = size.h * 2 / 3;
    }
    return size;
}

// The synopsis and the screenings below it share `area`: the synopsis takes what the screenings
// leave, from three lines to `most_lines`; the screenings take the rest and scroll when even that
// is not enough.
void FilmPainter::synopsis_and_screenings(Rect area, int most_lines) {
    const int line = t_.type.body.px + line_gap();
    const int gap = t_.grid(5);
    const int wanted = (area.h - screenings_height(area.w) - gap + line_gap()) / line;
    const int one_row = t_.type.label.px + t_.grid(2) + hairline() +
                        (m_.screenings.empty() ? t_.grid(2) + t_.type.body.px
                                               : screening_height(m_.screenings.front()));
    const int most = (area.h - one_row - gap + line_gap()) / line;
    const int used = synopsis(area, std::min(std::clamp(wanted, 3, most_lines), most));
    if (used > 0) {
        take_top(area, used, gap);
    }
    screenings(area);
}

// Two columns: the poster and the facts; the title, the synopsis and the screenings.
void FilmPainter::landscape(Rect body) {
    const int gutter = t_.grid(8);
    auto cols = columns(body, {3, 7}, gutter);
    rule(Rect{cols[0].right() + gutter / 2, body.y, hairline(), body.h});
    Rect left = cols[0];
    const Size box = poster_size(left.w, left.h - facts_height(left.w) - t_.grid(5));
    if (box.h >= t_.grid(12)) {
        poster(Rect{left.x, left.y, box.w, box.h});
        take_top(left, box.h, t_.grid(5));
    }
    draw_facts(left);

    Rect right = cols[1];
    titles(right);
    take_top(right, t_.grid(5));
    synopsis_and_screenings(right, 6);
}

// Stacked: the title; the poster beside the facts; the synopsis; the screenings.
void FilmPainter::portrait(Rect body) {
    titles(body);
    take_top(body, t_.grid(5));
    const int gutter = t_.grid(5);
    const Size box = poster_size(body.w * 2 / 5, body.h * 2 / 5);
    const int facts_w = body.w - box.w - gutter;
    Rect row = take_top(body, std::max(box.h, facts_height(facts_w)), t_.grid(5));
    poster(Rect{row.x, row.y, box.w, box.h});
    take_left(row, box.w, gutter);
    draw_facts(row);
    synopsis_and_screenings(body, 8);
}

void FilmPainter::paint() {
    c_.clear(p_.background);
    const Size size = c_.size();
    const Rect screen{0, 0, size.w, size.h};
    std::string heading = m_.film ? m_.section_name.get(lang_) : std::string();
    if (heading.empty()) {
        heading = tr("film.heading");
    }
    Rect body = touch_header(screen, s_, heading, spots_, min_touch_);
    body = status_line(inset(body, Insets{0, t_.grid(2), 0, t_.grid(3)}), s_);
    take_bottom(body, 0, t_.grid(2));
    if (!m_.film) {
        Rect line = body;
        line.h = t_.type.venue.px;
        line.y = centre_y(body, line.h);
        text_centre(line, tr("film.unknown"), t_.type.venue, p_.text_secondary);
        return;
    }
    if (t_.portrait) {
        portrait(body);
    } else {
        landscape(body);
    }
}

}  // namespace

FilmFrame paint_film(Canvas& canvas, const Ui& ui, Lang lang, const UiStatus& status,
                     const FilmModel& model, Hotspots& spots, int min_touch,
                     std::optional<std::size_t> first_row) {
    FilmPainter painter(canvas, ui, lang, status, model, spots, min_touch, first_row);
    painter.paint();
    return FilmFrame{painter.first_row, painter.last_first_row, painter.row_step};
}

}  // namespace aff
