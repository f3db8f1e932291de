#include "kiosk/board_screen.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/theme.hpp"

#include <algorithm>
#include <array>

namespace aff {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

constexpr milliseconds data_check_period = minutes{1};
constexpr std::string_view en_dash = "\xE2\x80\x93";       // U+2013, between two times
constexpr std::string_view middle_dot = "\xC2\xB7";        // U+00B7, between languages

// A word on a filled chip: a status, or the Q&A mark.
struct Tag {
    std::string text;
    Color fill;
};

// How much room a hall gets in the now column, from most to least.
enum class Density : std::uint8_t { full, compact, single_line };

class BoardPainter {
public:
    BoardPainter(Canvas& canvas, const BoardModel& model, const I18n& i18n, Lang lang)
        : c_(canvas),
          m_(model),
          i18n_(i18n),
          lang_(lang),
          t_(Theme::for_screen(canvas.size())),
          p_(t_.palette) {}

    void paint();

private:
    Canvas& c_;
    const BoardModel& m_;
    const I18n& i18n_;
    Lang lang_;
    Theme t_;
    const Palette& p_;

    std::string tr(std::string_view key, std::initializer_list<MessageArg> args = {}) const {
        return i18n_.text(lang_, key, args);
    }
    int width(std::string_view text, const Font& font) { return text_width(c_, text, font); }
    int hairline() const { return std::max(1, t_.unit / 4); }
    int hall_gap() const { return t_.grid(3); }  // between two halls, a hairline in its middle

    // Text fitted into `box`, vertically centred in it; returns the width drawn.
    int text_left(const Rect& box, std::string_view text, const Font& font, Color color);
    int text_right(const Rect& box, std::string_view text, const Font& font, Color color);
    int tags_width(const std::vector<Tag>& tags, const Font& font);
    // Drops the least important tags (the Q&A mark goes before a status) until they fit
    // `max_width`; a lone status too long for it is cut short, never dropped.
    std::vector<Tag> fit_tags(std::vector<Tag> tags, const Font& font, int max_width);
    // Draws `tags` right-aligned in `box`; returns the width they took.
    int tags_right(const Rect& box, const std::vector<Tag>& tags, const Font& font);
    std::vector<Tag> tags_of(const ScreeningView& s) const;
    bool any_qa() const;
    Color chip_color(const ScreeningView& s) const;

    void header(Rect band);
    void footer(Rect area);
    void section_heading(Rect& area, std::string_view text);
    int hall_height(const HallNowNext& hall, Density density) const;
    void hall_block(Rect box, const HallNowNext& hall, Density density, int name_column);
    void now_column(Rect area);
    int now_column_height(Density density) const;
    Density choose_density(int height) const;
    void later_column(Rect area);
    void progress_bar(Rect box, const ScreeningView& s);
    void next_row(Rect row, const ScreeningView& next, const Font& font, Color color);
};

int BoardPainter::text_left(const Rect& box, std::string_view text, const Font& font,
                            Color color) {
    const std::string fitted = fit_text(c_, text, font, box.w);
    if (fitted.empty()) {
        return 0;
    }
    c_.draw_text(fitted, box.x, centre_y(box, font.px), font, color);
    return width(fitted, font);
}

int BoardPainter::text_right(const Rect& box, std::string_view text, const Font& font,
                             Color color) {
    const std::string fitted = fit_text(c_, text, font, box.w);
    if (fitted.empty()) {
        return 0;
    }
    const int w = width(fitted, font);
    c_.draw_text(fitted, box.right() - w, centre_y(box, font.px), font, color);
    return w;
}

int BoardPainter::tags_width(const std::vector<Tag>& tags, const Font& font) {
    int total = 0;
    for (const auto& tag : tags) {
        total += width(tag.text, font) + t_.grid(2) + (total > 0 ? t_.grid(1) : 0);
    }
    return total;
}

std::vector<Tag> BoardPainter::fit_tags(std::vector<Tag> tags, const Font& font, int max_width) {
    while (tags.size() > 1 && tags_width(tags, font) > max_width) {
        tags.pop_back();
    }
    if (tags.size() == 1 && tags_width(tags, font) > max_width) {
        tags.front().text = fit_text(c_, tags.front().text, font, max_width - t_.grid(2));
        if (tags.front().text.empty()) {
            tags.clear();
        }
    }
    return tags;
}

int BoardPainter::tags_right(const Rect& box, const std::vector<Tag>& tags, const Font& font) {
    const int total = tags_width(tags, font);
    if (tags.empty() || total > box.w) {
        return 0;
    }
    const int pad_v = std::max(1, t_.unit / 4);
    int x = box.right() - total;
    for (const auto& tag : tags) {
        const int w = width(tag.text, font);
        const int y = centre_y(box, font.px);
        c_.fill_rect(Rect{x, y - pad_v, w + t_.grid(2), font.px + 2 * pad_v}, tag.fill);
        c_.draw_text(tag.text, x + t_.unit, y, font, p_.badge_text);
        x += w + t_.grid(3);
    }
    return total;
}

// Badges always use the short forms, so one mark means one thing all over the board; the footer
// spells the Q&A mark out.
std::vector<Tag> BoardPainter::tags_of(const ScreeningView& s) const {
    std::vector<Tag> tags;
    switch (s.status) {
    case Status::scheduled: break;
    case Status::delayed:
        tags.push_back({tr("status.delayed", {{"n", std::to_string(s.delay_min)}}), p_.delayed});
        break;
    case Status::cancelled: tags.push_back({tr("status.cancelled"), p_.cancelled}); break;
    case Status::sold_out: tags.push_back({tr("status.sold_out"), p_.sold_out}); break;
    case Status::moved: tags.push_back({tr("status.moved"), p_.moved}); break;
    }
    if (s.qa) {
        tags.push_back({tr("qa.short"), p_.qa});
    }
    return tags;
}

bool BoardPainter::any_qa() const {
    const auto qa = [](const std::optional<ScreeningView>& s) { return s && s->qa; };
    return std::any_of(m_.halls.begin(), m_.halls.end(),
                       [&](const HallNowNext& h) { return qa(h.now) || qa(h.next); }) ||
           std::any_of(m_.later.begin(), m_.later.end(),
                       [](const ScreeningView& s) { return s.qa; });
}

Color BoardPainter::chip_color(const ScreeningView& s) const {
    return parse_hex_color(s.section_color).value_or(p_.neutral_chip);
}

void BoardPainter::paint() {
    c_.clear(p_.background);
    const Size size = c_.size();
    Rect screen{0, 0, size.w, size.h};
    const int margin = t_.grid(6);

    const int header_content = std::max(
        t_.type.clock.px, t_.type.label.px + t_.type.venue.px + t_.type.body.px + t_.grid(2));
    header(take_top(screen, header_content + t_.grid(8)));

    Rect body = inset(screen, Insets{margin, t_.grid(4), margin, 0});
    footer(take_bottom(body, t_.type.caption.px + t_.grid(4), t_.grid(3)));

    if (t_.portrait) {
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
}

void BoardPainter::header(Rect band) {
    c_.fill_rect(band, p_.band);
    c_.fill_rect(Rect{band.x, band.bottom() - hairline(), band.w, hairline()}, p_.accent);
    Rect inner = inset(band, Insets{t_.grid(6), t_.grid(4), t_.grid(6), t_.grid(4)});

    const std::string clock = m_.hh_mm(m_.now);
    const Rect clock_box = take_right(inner, width(clock, t_.type.clock), t_.grid(6));
    text_right(clock_box, clock, t_.type.clock, p_.text);

    Rect left = inner;
    left.h = t_.type.label.px + t_.type.venue.px + t_.type.body.px + t_.grid(2);
    left.y = centre_y(inner, left.h);
    text_left(take_top(left, t_.type.label.px, t_.unit), m_.festival_name.get(lang_),
              t_.type.label, p_.accent);
    text_left(take_top(left, t_.type.venue.px, t_.unit), m_.venue_name.get(lang_), t_.type.venue,
              p_.text);

    Rect date_row = take_top(left, t_.type.body.px);
    const int date_w = text_left(date_row, i18n_.date(lang_, m_.today), t_.type.body, p_.text);
    if (auto day = m_.day_number()) {
        const std::string day_text =
            tr("board.day_of",
               {{"n", std::to_string(*day)}, {"total", std::to_string(m_.day_count())}});
        Rect rest = date_row;
        take_left(rest, date_w + t_.grid(2));
        const int dot_w = text_left(rest, middle_dot, t_.type.body, p_.text_secondary);
        take_left(rest, dot_w + t_.grid(2));
        text_left(rest, day_text, t_.type.body, p_.text_secondary);
    }
}

void BoardPainter::footer(Rect area) {
    c_.fill_rect(take_top(area, hairline(), t_.grid(2)), p_.rule);
    Rect row = take_top(area, t_.type.caption.px);

    Font current = t_.type.caption;
    current.weight = Weight::bold;
    Rect langs = row;
    for (std::size_t i = 0; i < all_langs.size(); ++i) {
        const Lang lang = all_langs[i];
        if (i > 0) {
            take_left(langs, text_left(langs, middle_dot, t_.type.caption, p_.text_secondary) +
                                 t_.grid(2));
        }
        const std::string name = i18n_.text(lang, "language.short");
        const bool is_current = lang == lang_;
        const int w = text_left(langs, name, is_current ? current : t_.type.caption,
                                is_current ? p_.accent : p_.text_secondary);
        take_left(langs, w + t_.grid(2));
    }

    Rect status = langs;
    const std::string updated = tr("board.updated", {{"time", m_.hh_mm(m_.applied_at)}});
    const int updated_w = text_right(status, updated, t_.type.caption, p_.text_secondary);
    take_right(status, updated_w + t_.grid(4));
    if (m_.outdated()) {
        const int w = text_right(status, tr("board.outdated"), t_.type.caption, p_.delayed);
        take_right(status, w + t_.grid(4));
    }

    // The legend of the Q&A mark, between the languages and the status, when it is on the board.
    take_left(status, t_.grid(4));
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
        return type.row.px + t_.grid(1);
    }
    if (!hall.now) {  // the hall's name and its next screening, or the word that there is none
        return label + t_.unit + type.body.px;
    }
    const int bar = std::max(3, t_.unit * 3 / 4);
    int h = label + t_.unit + type.title.px + t_.grid(2) + bar;
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

void BoardPainter::progress_bar(Rect box, const ScreeningView& s) {
    c_.fill_rect(box, p_.track);
    const auto total = (s.effective_end() - s.effective_start()).count();
    const auto done = (m_.now - s.effective_start()).count();
    if (total > 0 && done > 0) {
        const auto filled = static_cast<int>(std::min<long long>(box.w, box.w * done / total));
        c_.fill_rect(Rect{box.x, box.y, filled, box.h}, p_.progress);
    }
}

void BoardPainter::next_row(Rect row, const ScreeningView& next, const Font& font, Color color) {
    Font label = t_.type.label;
    take_left(row, text_left(row, tr("board.next"), label, p_.accent) + t_.grid(2));
    Font time_font = font;
    time_font.weight = Weight::bold;
    const Color time_color = next.status == Status::delayed ? p_.delayed : color;
    take_left(row, text_left(row, m_.hh_mm(next.effective_start()), time_font, time_color) +
                       t_.grid(2));
    const auto tags = fit_tags(tags_of(next), t_.type.label, row.w * 3 / 4);
    if (!tags.empty()) {
        take_right(row, tags_right(row, tags, t_.type.label), t_.grid(2));
    }
    text_left(row, next.title.get(lang_), font, color);
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
            const std::string until = tr("board.until", {{"time", m_.hh_mm(s.effective_end())}});
            take_right(row, text_right(row, until, type.body, p_.text_secondary), t_.grid(3));
            text_left(row, s.title.get(lang_), type.row, p_.text);
        } else if (hall.next) {
            next_row(row, *hall.next, type.body, p_.text_secondary);
        } else {
            text_left(row, tr("board.no_more_today"), type.body, p_.text_secondary);
        }
        return;
    }

    Rect row_a = take_top(box, type.label.px, t_.unit);
    if (!hall.now) {
        text_left(row_a, hall.hall_name.get(lang_), type.label, p_.text_secondary);
        Rect row = take_top(box, type.body.px);
        if (hall.next) {
            const auto in = std::chrono::ceil<minutes>(hall.next->effective_start() - m_.now);
            const std::string starts = i18n_.plural(lang_, "board.starts_in", in.count());
            take_right(row_a, text_right(row_a, starts, type.label, p_.text_secondary),
                       t_.grid(2));
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
        m_.hh_mm(s.effective_start()) + std::string(en_dash) + m_.hh_mm(s.effective_end());
    const auto left = std::chrono::ceil<minutes>(s.effective_end() - m_.now);
    const std::string remaining = i18n_.plural(lang_, "board.minutes_left", left.count());
    if (density == Density::compact) {
        const int w = text_right(row_a, range, type.label, p_.text_secondary);
        take_right(row_a, w, t_.grid(2));
    }
    text_left(row_a, hall.hall_name.get(lang_), type.label, p_.text_secondary);

    text_left(take_top(box, type.title.px, t_.grid(2)), s.title.get(lang_), type.title, p_.text);
    if (density == Density::full) {
        Rect row_c = take_top(box, type.body.px, t_.unit);
        const int w = text_right(row_c, remaining, type.body, p_.text_secondary);
        take_right(row_c, w, t_.grid(2));
        Font range_font = type.body;
        range_font.weight = Weight::bold;
        text_left(row_c, range, range_font, s.status == Status::delayed ? p_.delayed : p_.text);
    }
    progress_bar(take_top(box, std::max(3, t_.unit * 3 / 4), t_.grid(2)), s);
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
        hall_block(take_top(area, h), m_.halls[i], density, name_column);
    }
}

void BoardPainter::later_column(Rect area) {
    section_heading(area, tr("board.later_today"));
    if (m_.later.empty()) {
        text_left(take_top(area, t_.type.body.px), tr("board.no_more_today"), t_.type.body,
                  p_.text_secondary);
        return;
    }
    const auto& type = t_.type;
    Font time_font = type.row;
    time_font.weight = Weight::bold;

    // The columns: a section chip, the time, the title with its tags, the hall.
    const int chip_w = std::max(3, t_.unit / 2);
    int time_w = width("00:00", time_font);
    int hall_w = 0;
    // Measured over every language, so the columns stay put while the languages rotate.
    for (const auto& s : m_.later) {
        time_w = std::max(time_w, width(m_.hh_mm(s.effective_start()), time_font));
        for (Lang lang : all_langs) {
            hall_w = std::max(hall_w, width(s.hall_name.get(lang), type.body));
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

    const int row_h = type.row.px + t_.grid(3);
    const auto capacity = static_cast<std::size_t>(std::max(0, area.h / row_h));
    const bool overflow = m_.later.size() > capacity;
    const std::size_t shown = overflow ? (capacity > 0 ? capacity - 1 : 0) : m_.later.size();

    for (std::size_t i = 0; i < shown; ++i) {
        const auto& s = m_.later[i];
        Rect row = take_top(area, row_h);
        if (i + 1 < shown || overflow) {
            c_.fill_rect(Rect{row.x, row.bottom() - hairline(), row.w, hairline()}, p_.rule);
        }
        row = inset(row, Insets{0, 0, 0, hairline()});
        const bool cancelled = s.status == Status::cancelled;
        const Color text_color = cancelled ? p_.text_secondary : p_.text;

        c_.fill_rect(Rect{row.x, centre_y(row, type.row.px), chip_w, type.row.px}, chip_color(s));
        text_left(Rect{time_x, row.y, time_w, row.h}, m_.hh_mm(s.effective_start()), time_font,
                  s.status == Status::delayed ? p_.delayed : text_color);

        Rect title{title_x, row.y, title_w, row.h};
        const auto tags = fit_tags(tags_of(s), type.label, title.w * 3 / 4);
        if (!tags.empty()) {
            take_right(title, tags_right(title, tags, type.label), t_.grid(2));
        }
        text_left(title, s.title.get(lang_), type.row, text_color);
        text_left(Rect{hall_x, row.y, hall_w, row.h}, s.hall_name.get(lang_), type.body,
                  p_.text_secondary);
    }
    if (overflow) {
        const auto hidden = static_cast<long long>(m_.later.size() - shown);
        text_left(Rect{time_x, area.y, area.right() - time_x, row_h},
                  i18n_.plural(lang_, "board.more", hidden), type.body, p_.text_secondary);
    }
}

}  // namespace

void render_waiting(Canvas& canvas, const I18n& i18n, Lang lang) {
    const Size size = canvas.size();
    const Theme theme = Theme::for_screen(size);
    canvas.clear(festival_palette().background);
    const Font font = theme.type.venue;
    const std::string text =
        fit_text(canvas, i18n.text(lang, "board.waiting"), font, size.w - theme.grid(12));
    const TextSize box = canvas.measure(text, font);
    canvas.draw_text(text, (size.w - box.w) / 2, (size.h - box.h) / 2, font,
                     festival_palette().text);
}

void render_board(Canvas& canvas, const BoardModel& model, const I18n& i18n, Lang lang) {
    BoardPainter(canvas, model, i18n, lang).paint();
}

BoardScreen::BoardScreen(const Store& store, const I18n& i18n, LanguageCycle& languages,
                         std::string venue_id)
    : store_(store), i18n_(i18n), languages_(languages), venue_id_(std::move(venue_id)) {}

bool BoardScreen::input(const InputEvent& event) {
    if (event.type == InputEvent::Type::tap && languages_.rotates()) {
        advance_language_ = true;
        return true;
    }
    return event.type == InputEvent::Type::redraw;
}

void BoardScreen::reload(Instant now) {
    if (auto model = load_board(store_, venue_id_, now)) {
        model_ = std::move(model);
    }
}

bool BoardScreen::update(Instant now, milliseconds ticks) {
    bool changed = !drawn_once_;
    const auto minute = std::chrono::floor<minutes>(now);
    if (!model_ || minute != minute_) {
        minute_ = minute;
        reload(now);
        next_data_check_ = ticks + data_check_period;
        changed = true;
    } else if (ticks >= next_data_check_) {
        next_data_check_ = ticks + data_check_period;
        auto info = store_.info();
        if (info && info->sequence != model_->sequence) {
            reload(now);
            changed = true;
        }
    }
    if (advance_language_) {
        advance_language_ = false;
        languages_.advance(ticks);
    }
    const Lang lang = languages_.current(ticks);
    if (lang != lang_) {
        lang_ = lang;
        changed = true;
    }
    return changed;
}

void BoardScreen::render(Canvas& canvas) {
    drawn_once_ = true;
    if (model_) {
        render_board(canvas, *model_, i18n_, lang_);
    } else {
        render_waiting(canvas, i18n_, lang_);
    }
}

milliseconds BoardScreen::next_update(Instant now, milliseconds ticks) const {
    const auto next_minute = std::chrono::floor<minutes>(now) + minutes{1};
    const milliseconds to_minute = next_minute - now;
    const milliseconds to_check = std::max(milliseconds{0}, next_data_check_ - ticks);
    return std::min({to_minute, languages_.until_next(ticks), to_check});
}

}  // namespace aff
