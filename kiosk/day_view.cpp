// How the day programme draws: the filter chips in their rows (paged when they do not fit), the
// list of screenings scrolled within its view, and the frame around them.
#include "kiosk/day_screen.hpp"

#include "kiosk/layout.hpp"
#include "kiosk/theme.hpp"
#include "sync/now_next.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::minutes;

constexpr std::string_view page_back = "\xE2\x80\xB9";     // U+2039 "‹"
constexpr std::string_view page_forward = "\xE2\x80\xBA";  // U+203A "›"

// The part of `r` inside `view` (empty when they do not meet).
Rect intersection(const Rect& r, const Rect& view) {
    const int x = std::max(r.x, view.x);
    const int y = std::max(r.y, view.y);
    const int right = std::min(r.right(), view.right());
    const int bottom = std::min(r.bottom(), view.bottom());
    return Rect{x, y, std::max(0, right - x), std::max(0, bottom - y)};
}

// Fills the part of `r` inside `view`, if any. A row's fills are cut to the list by hand, so
// none of them can stray over the chips whatever a canvas makes of its clip.
void fill_within(Canvas& canvas, const Rect& r, const Rect& view, Color color) {
    const Rect part = intersection(r, view);
    if (part.w > 0 && part.h > 0) {
        canvas.fill_rect(part, color);
    }
}

Font chip_font(const Theme& t, bool selected) {
    return Font{t.type.label.px, selected ? Weight::bold : Weight::regular};
}

}  // namespace

struct DayScreen::RowColumns {
    bool stacked = false;     // the place on a second line under the title (narrow screens)
    bool two_places = false;  // venue over hall in the place column (every venue, wide screens)
    int row_h = 0;
    int chip_w = 0;
    int time_x = 0, time_w = 0;
    int title_x = 0, title_w = 0;
    int place_x = 0, place_w = 0;
    Font time_font;
};

int DayScreen::chip_width(Painter& p, const Chip& chip) const {
    const Theme& t = p.theme();
    const Font font = chip_font(t, true);
    int label_w = 0;
    for (const auto& label : chip.label) {
        label_w = std::max(label_w, p.width(label, font));
    }
    const int swatch_w = chip.swatch ? font.px * 2 / 3 + t.unit : 0;
    return std::max(kit_.min_touch(), label_w + swatch_w + t.grid(4));
}

void DayScreen::draw_chip(Painter& p, const Rect& box, const Chip& chip) {
    const Theme& t = p.theme();
    const Palette& pal = t.palette;
    Canvas& c = p.canvas();
    // Chosen: filled with the accent, dark bold text. Otherwise an outlined dark chip.
    if (chip.selected) {
        c.fill_rect(box, pal.accent);
    } else {
        c.fill_rect(box, pal.rule);
        c.fill_rect(inset(box, p.hairline()), pal.band);
    }
    const Font font = chip_font(t, chip.selected);
    const std::string& label = chip.label[static_cast<std::size_t>(p.lang())];
    const int swatch = chip.swatch ? font.px * 2 / 3 : 0;
    const int swatch_w = chip.swatch ? swatch + t.unit : 0;
    const std::string fitted =
        fit_text(c, label, font, std::max(0, box.w - t.grid(4) - swatch_w));
    const int group_w = swatch_w + p.width(fitted, font);
    int x = box.x + (box.w - group_w) / 2;
    if (chip.swatch) {
        c.fill_rect(Rect{x, centre_y(box, swatch), swatch, swatch}, *chip.swatch);
        x += swatch_w;
    }
    p.text_left(Rect{x, box.y, box.right() - x, box.h}, fitted, font,
                chip.selected ? pal.badge_text : pal.text);
    kit_.spots().add(box, chip.target);
}

// One row of chips: `fixed` at its right end, always there; `paged` from the left, and when
// they do not all fit, a page at a time with back and forward buttons beside them.
void DayScreen::chip_row(Painter& p, Rect row, ChipRowId id, const std::vector<Chip>& paged,
                         const std::vector<Chip>& fixed) {
    const Theme& t = p.theme();
    const int gap = t.grid(2);
    Rect rest = row;
    for (auto it = fixed.rbegin(); it != fixed.rend(); ++it) {
        const int w = std::min(chip_width(p, *it), rest.w);
        draw_chip(p, take_right(rest, w, gap), *it);
    }
    if (!fixed.empty()) {
        take_right(rest, gap);  // a wider gap between the two groups
    }
    if (paged.empty()) {
        return;
    }
    std::vector<int> widths;
    int total = 0;
    for (const auto& chip : paged) {
        widths.push_back(chip_width(p, chip));
        total += widths.back() + (widths.size() > 1 ? gap : 0);
    }
    std::size_t& first = first_chip_[id];
    if (total <= rest.w) {
        first = 0;
        for (std::size_t i = 0; i < paged.size(); ++i) {
            draw_chip(p, take_left(rest, widths[i], gap), paged[i]);
        }
        return;
    }

    const int button_w = std::max(kit_.min_touch(), row.h);
    const Rect forward = take_right(rest, button_w, t.unit);
    const Rect back = take_right(rest, button_w, gap);
    first = std::min(first, paged.size() - 1);
    std::size_t end = first;  // one past the last chip shown
    Rect chips = rest;
    while (end < paged.size() && (widths[end] <= chips.w || end == first)) {
        draw_chip(p, take_left(chips, std::min(widths[end], chips.w), gap), paged[end]);
        ++end;
    }
    // The page before: as many chips before `first` as fit, like this one.
    std::size_t before = first;
    for (int room = rest.w; before > 0 && widths[before - 1] <= room;) {
        room -= widths[before - 1] + gap;
        --before;
    }
    if (before == first && first > 0) {
        before = first - 1;
    }
    const Palette& pal = t.palette;
    const auto button = [&](const Rect& box, std::string_view glyph, bool live, std::size_t to) {
        const Font font = chip_font(t, true);
        if (live) {
            p.canvas().fill_rect(box, pal.rule);
            p.canvas().fill_rect(inset(box, p.hairline()), pal.band);
            kit_.spots().add(box, tap::TurnChips{id, to});
        }
        p.text_centre(box, glyph, font, live ? pal.text : pal.neutral_chip);
    };
    button(back, page_back, first > 0, before);
    button(forward, page_forward, end < paged.size(), end);
}

void DayScreen::filters(Painter& p, Rect& area) {
    const Theme& t = p.theme();
    const int chip_h = std::max(kit_.min_touch(), chip_font(t, true).px + t.grid(3));
    const int gap = t.grid(2);
    const auto days = day_chips();
    const auto scope = scope_chips();
    const auto halls = hall_chips();
    const auto sections = section_chips();

    const auto row_width = [&](const std::vector<Chip>& chips) {
        int w = 0;
        for (const auto& chip : chips) {
            w += chip_width(p, chip) + gap;
        }
        return w;
    };
    // The scope sits at the end of the days when both fit whole (landscape), else on a row of
    // its own, so the halls keep the whole width of theirs.
    const bool scope_with_days = row_width(days) + gap + row_width(scope) <= area.w;
    const std::vector<Chip> none;
    chip_row(p, take_top(area, chip_h, gap), row_days, days, scope_with_days ? scope : none);
    if (!scope_with_days) {
        chip_row(p, take_top(area, chip_h, gap), row_scope, scope, none);
    }
    if (!halls.empty()) {
        chip_row(p, take_top(area, chip_h, gap), row_halls, halls, none);
    }
    if (!sections.empty()) {
        chip_row(p, take_top(area, chip_h, gap), row_sections, sections, none);
    }
    take_top(area, t.unit);
}

// --- The list --------------------------------------------------------------------------------

void DayScreen::list(Painter& p, Rect area) {
    const Theme& t = p.theme();
    const Palette& pal = t.palette;
    const auto& type = t.type;
    Canvas& c = p.canvas();

    // The heading: which day, and how many screenings the filters leave.
    Rect head = take_top(area, type.label.px, t.unit);
    const std::string count = p.plural("day.count", static_cast<long long>(rows_.size()));
    take_right(head, p.text_right(head, count, type.label, pal.text_secondary), t.grid(4));
    p.text_left(head, ui_.i18n.date(kit_.lang(), *day_), type.label, pal.accent);
    p.rule(take_top(area, p.hairline()));

    if (rows_.empty()) {
        scroll_.set_extent(0, area.h);
        const bool filtered = hall_ || section_;
        p.paragraph(inset(area, Insets{0, t.grid(3), 0, 0}),
                    p.tr(filtered ? "day.no_matches" : "day.no_screenings"), type.body,
                    pal.text_secondary, 2, t.unit);
        return;
    }

    // A thin scroll bar in a gutter of its own, always kept so the columns never move.
    Rect view = area;
    const Rect bar = take_right(view, std::max(3, t.unit / 2), t.grid(2));

    const UiStatus& st = *kit_.status();
    RowColumns cols;
    cols.stacked = view.w < 30 * type.row.px;
    cols.two_places = !cols.stacked && scope_ == Scope::all;
    cols.time_font = Painter::bold(type.row);
    cols.chip_w = std::max(3, t.unit / 2);
    cols.time_w = p.width("00:00", cols.time_font);
    for (const auto& s : rows_) {
        cols.time_w = std::max(cols.time_w, p.width(st.hh_mm(s.effective_start()), cols.time_font));
    }
    cols.time_x = view.x + cols.chip_w + t.grid(2);
    cols.title_x = cols.time_x + cols.time_w + t.grid(3);
    if (cols.stacked) {
        cols.title_w = std::max(0, view.right() - cols.title_x);
        cols.row_h = std::max(kit_.min_touch(), type.row.px + t.unit + type.body.px + t.grid(3));
    } else {
        // Measured over every language, so the column stays put while the languages rotate.
        for (const auto& s : rows_) {
            for (Lang lang : all_langs) {
                cols.place_w = std::max(cols.place_w, p.width(s.hall_name.get(lang), type.body));
                if (cols.two_places) {
                    cols.place_w =
                        std::max(cols.place_w, p.width(s.venue_name.get(lang), type.body));
                }
            }
        }
        cols.place_w = std::min(cols.place_w, view.w * 3 / 10);
        cols.place_x = view.right() - cols.place_w;
        cols.title_w = std::max(0, cols.place_x - t.grid(3) - cols.title_x);
        cols.row_h = cols.two_places
                         ? std::max(kit_.min_touch(), type.body.px + type.caption.px + t.grid(3))
                         : std::max(kit_.min_touch(), type.row.px + t.grid(3));
    }

    scroll_.set_extent(static_cast<int>(rows_.size()) * cols.row_h, view.h, cols.row_h);
    if (scroll_to_now_) {
        scroll_to_now_ = false;
        const auto running = std::find_if(rows_.begin(), rows_.end(), [&](const auto& s) {
            return s.effective_end() > st.now;
        });
        scroll_.scroll_to(static_cast<int>(running - rows_.begin()) * cols.row_h);
    }
    const int scrolled = scroll_.offset();

    // Rows are drawn at their scrolled places, cut to the list; only what shows is drawn.
    c.set_clip(view);
    std::vector<std::pair<Rect, const ScreeningView*>> shown;
    for (std::size_t i = static_cast<std::size_t>(scrolled / cols.row_h); i < rows_.size();
         ++i) {
        const Rect row{view.x, view.y + static_cast<int>(i) * cols.row_h - scrolled, view.w,
                       cols.row_h};
        if (row.y >= view.bottom()) {
            break;
        }
        list_row(p, row, view, rows_[i], cols);
        shown.emplace_back(intersection(row, view), &rows_[i]);
    }
    c.set_clip(std::nullopt);
    // A sliver of a row at an edge is too small to aim at; it is tapped once scrolled in.
    for (const auto& [visible, s] : shown) {
        if (visible.h >= kit_.min_touch()) {
            kit_.spots().add(visible, tap::OpenFilm{s->film_id});
        }
    }

    if (scroll_.scrollable()) {
        c.fill_rect(bar, pal.track);
        const auto thumb = scroll_.thumb(bar.h, kit_.min_touch() / 2);
        c.fill_rect(Rect{bar.x, bar.y + thumb.start, bar.w, thumb.length}, pal.text_secondary);
    }
}

void DayScreen::list_row(Painter& p, const Rect& row, const Rect& view, const ScreeningView& s,
                         const RowColumns& cols) {
    const Theme& t = p.theme();
    const Palette& pal = t.palette;
    const auto& type = t.type;
    Canvas& c = p.canvas();
    const UiStatus& st = *kit_.status();

    // Only a trusted clock says what has ended and what is on now.
    const bool trusted = st.clock_trusted;
    const bool cancelled = s.status == Status::cancelled;
    const bool past = trusted && s.effective_end() <= st.now;
    const bool running = trusted && on_at(s, st.now);
    const bool dim = past || cancelled;

    if (running) {
        fill_within(c, row, view, pal.band);
    }
    fill_within(c, Rect{row.x, row.bottom() - p.hairline(), row.w, p.hairline()}, view, pal.rule);
    const Rect inner = inset(row, Insets{0, 0, 0, p.hairline()});

    const int block_h = cols.stacked ? type.row.px + t.unit + type.body.px : type.row.px;
    const int block_y = centre_y(inner, block_h);
    fill_within(c, Rect{row.x, block_y, cols.chip_w, block_h}, view,
                dim ? pal.rule : p.chip_color(s));

    const Rect line{row.x, cols.stacked ? block_y : inner.y, row.w,
                    cols.stacked ? type.row.px : inner.h};
    const Color text_color = dim ? pal.text_secondary : pal.text;
    const Color time_color = !dim && s.status == Status::delayed ? pal.delayed : text_color;
    p.text_left(Rect{cols.time_x, line.y, cols.time_w, line.h}, st.hh_mm(s.effective_start()),
                cols.time_font, time_color);

    Rect title{cols.title_x, line.y, cols.title_w, line.h};
    std::vector<Tag> tags = p.tags_of(s);
    if (running) {
        // After the status (it matters more), before the Q&A mark.
        const auto at = tags.begin() + (s.status == Status::scheduled ? 0 : 1);
        // Near-white, so it never reads as the amber of a delay.
        tags.insert(at, Tag{p.tr("day.now"), pal.text});
    }
    tags = p.fit_tags(std::move(tags), type.label, title.w * 3 / 4);
    if (!tags.empty()) {
        take_right(title, p.tags_right(title, tags, type.label), t.grid(2));
    }
    p.text_left(title, s.title.get(kit_.lang()), type.row, text_color);

    const std::string hall = s.hall_name.get(kit_.lang());
    if (cols.stacked) {
        const std::string dot = " " + std::string(middle_dot) + " ";
        std::string place =
            scope_ == Scope::all ? s.venue_name.get(kit_.lang()) + dot + hall : hall;
        if (const std::string note = s.note.get(kit_.lang()); !note.empty()) {
            place += dot + note;
        }
        p.text_left(Rect{cols.title_x, line.bottom() + t.unit, cols.title_w, type.body.px}, place,
                    type.body, pal.text_secondary);
    } else if (cols.two_places) {
        Rect place{cols.place_x, centre_y(inner, type.body.px + type.caption.px), cols.place_w,
                   type.body.px + type.caption.px};
        p.text_left(take_top(place, type.body.px), s.venue_name.get(kit_.lang()), type.body,
                    pal.text_secondary);
        p.text_left(place, hall, type.caption, pal.text_secondary);
    } else {
        p.text_left(Rect{cols.place_x, inner.y, cols.place_w, inner.h}, hall, type.body,
                    pal.text_secondary);
    }
}

// --- The frame -------------------------------------------------------------------------------

void DayScreen::render(Canvas& canvas) {
    if (!kit_.begin_render(canvas, day_.has_value())) {
        return;
    }
    Painter p(canvas, ui_.i18n, kit_.lang(), ui_.settings.type_scales);
    const Theme& t = p.theme();
    canvas.clear(t.palette.background);
    const Size size = canvas.size();
    Rect area = p.touch_header(Rect{0, 0, size.w, size.h}, *kit_.status(), p.tr("common.programme"),
                               kit_.spots(), kit_.min_touch());
    take_bottom(area, t.grid(2));  // the status line's descenders stay on the glass
    area = p.status_line(area, *kit_.status());
    filters(p, area);
    if (!kit_.status()->clock_trusted) {
        // Said in full, on up to two lines: the visitor must know why nothing is marked "now".
        const std::string notice = p.tr("trust.notice");
        const auto lines = wrap_text(canvas, notice, t.type.body, area.w, 2);
        const int h = static_cast<int>(lines.size()) * (t.type.body.px + t.unit) - t.unit;
        p.paragraph(take_top(area, h, t.grid(2)), notice, t.type.body, t.palette.delayed, 2,
                    t.unit);
    }
    list(p, area);
}

}  // namespace aff
