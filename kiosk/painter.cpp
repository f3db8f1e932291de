#include "kiosk/painter.hpp"

#include <algorithm>
#include <array>

namespace aff {
Rect touch_rect(const Rect& drawn, int min_touch) {
    Rect r = drawn;
    if (r.w < min_touch) {
        r.x -= (min_touch - r.w) / 2;
        r.w = min_touch;
    }
    if (r.h < min_touch) {
        r.y -= (min_touch - r.h) / 2;
        r.h = min_touch;
    }
    return r;
}

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

int Painter::text_left(const Rect& box, std::string_view text, const Font& font, Color color) {
    const std::string fitted = fit_text(c_, text, font, box.w);
    if (fitted.empty() || box.h < font.px) {
        return 0;
    }
    c_.draw_text(fitted, box.x, centre_y(box, font.px), font, color);
    return width(fitted, font);
}

int Painter::text_right(const Rect& box, std::string_view text, const Font& font, Color color) {
    const std::string fitted = fit_text(c_, text, font, box.w);
    if (fitted.empty() || box.h < font.px) {
        return 0;
    }
    const int w = width(fitted, font);
    c_.draw_text(fitted, box.right() - w, centre_y(box, font.px), font, color);
    return w;
}

int Painter::text_centre(const Rect& box, std::string_view text, const Font& font, Color color) {
    const std::string fitted = fit_text(c_, text, font, box.w);
    if (fitted.empty() || box.h < font.px) {
        return 0;
    }
    const int w = width(fitted, font);
    c_.draw_text(fitted, box.x + (box.w - w) / 2, centre_y(box, font.px), font, color);
    return w;
}

int Painter::paragraph(const Rect& box, std::string_view text, const Font& font, Color color,
                       int max_lines, int line_gap) {
    const int fit_lines = (box.h + line_gap) / std::max(1, font.px + line_gap);
    const int lines_allowed = std::min(max_lines, fit_lines);
    if (lines_allowed <= 0) {
        return 0;
    }
    const auto lines = wrap_text(c_, text, font, box.w, lines_allowed);
    int y = box.y;
    for (const auto& line : lines) {
        c_.draw_text(line, box.x, y, font, color);
        y += font.px + line_gap;
    }
    return lines.empty() ? 0 : y - line_gap - box.y;
}

int Painter::tags_width(const std::vector<Tag>& tags, const Font& font) {
    int total = 0;
    for (const auto& tag : tags) {
        total += width(tag.text, font) + t_.grid(2) + (total > 0 ? t_.grid(1) : 0);
    }
    return total;
}

std::vector<Tag> Painter::fit_tags(std::vector<Tag> tags, const Font& font, int max_width) {
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

std::vector<Tag> Painter::fit_tags_beside_title(std::vector<Tag> tags, const Font& font,
                                                int width) {
    auto fitted = fit_tags(tags, font, width / 2);
    if (!tags.empty() && (fitted.empty() || fitted.front().text != tags.front().text)) {
        fitted = fit_tags({tags.front()}, font, width * 3 / 4);
    }
    return fitted;
}

int Painter::tags_right(const Rect& box, const std::vector<Tag>& tags, const Font& font) {
    const int total = tags_width(tags, font);
    if (tags.empty() || total > box.w || box.h < font.px) {
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

// Badges always use the short forms, so one mark means one thing all over the kiosk.
std::vector<Tag> Painter::tags_of(const ScreeningView& s) const {
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

std::string Painter::notice_of(const ScreeningView& s, std::string_view hall_id) const {
    const std::string note = s.status == Status::scheduled ? std::string() : s.note.get(lang_);
    std::string where;
    if (at_hall(s, hall_id) == AtHall::moved_away) {
        where = tr("status.moved_to", {{"hall", s.hall_name.get(lang_)}});
    } else if (!s.moved_from_hall_id.empty()) {
        where = tr("status.moved_from", {{"hall", s.moved_from_hall_name.get(lang_)}});
    }
    if (where.empty() || note.empty()) {
        return where.empty() ? note : where;
    }
    return where + ". " + note;
}

Color Painter::chip_color(const ScreeningView& s) const {
    return parse_hex_color(s.section_color).value_or(p_.neutral_chip);
}

std::string Painter::starts_in(Instant start, Instant now) const {
    const auto wait = std::chrono::ceil<std::chrono::minutes>(start - now);
    return wait <= countdown_limit ? plural("board.starts_in", wait.count()) : std::string();
}

void Painter::more_mark(const Rect& row, bool above, std::string_view text, const Font& font,
                        Color color) {
    // A solid triangle as wide as the text is high, at least a grid unit and a half tall.
    const int h = std::max(t_.grid(1) * 3 / 2, font.px * 3 / 5);
    const int w = h * 2;
    const auto x = static_cast<float>(row.x);
    const auto top = static_cast<float>(centre_y(row, h));
    const auto bottom = top + static_cast<float>(h);
    const float right = x + static_cast<float>(w);
    const float tip_x = x + static_cast<float>(w) / 2;
    const std::array<Point, 3> arrow =
        above ? std::array<Point, 3>{Point{x, bottom}, Point{tip_x, top}, Point{right, bottom}}
              : std::array<Point, 3>{Point{x, top}, Point{right, top}, Point{tip_x, bottom}};
    c_.fill_polygon(arrow, color);
    Rect rest = row;
    take_left(rest, w, t_.grid(2));
    text_left(rest, text, font, color);
}

void Painter::progress_bar(const Rect& box, const ScreeningView& s, Instant now) {
    c_.fill_rect(box, p_.track);
    const auto total = (s.effective_end() - s.effective_start()).count();
    const auto done = (now - s.effective_start()).count();
    if (total > 0 && done > 0) {
        const auto filled = static_cast<int>(std::min<long long>(box.w, box.w * done / total));
        c_.fill_rect(Rect{box.x, box.y, filled, box.h}, p_.progress);
    }
}

int Painter::lines_of(std::string_view text, const Font& font, int width, int max_lines) {
    return text.empty() ? 0
                        : static_cast<int>(wrap_text(c_, text, font, width, max_lines).size());
}

int Painter::language_slot(Lang lang, int min_touch) {
    return std::max(width(i18n_.text(lang, "language.short"), bold(t_.type.caption)), min_touch);
}

int Painter::dot_slot() {
    return width(middle_dot, t_.type.caption) + t_.grid(3);
}

int Painter::language_switch_width(int min_touch) {
    int total = 0;
    for (std::size_t i = 0; i < all_langs.size(); ++i) {
        if (i > 0) {
            total += dot_slot();
        }
        total += language_slot(all_langs[i], min_touch);
    }
    return total;
}

int Painter::language_switch(const Rect& row, Hotspots& spots, int min_touch) {
    const Font current = bold(t_.type.caption);
    Rect rest = row;
    for (std::size_t i = 0; i < all_langs.size(); ++i) {
        const Lang lang = all_langs[i];
        if (i > 0) {
            const Rect dot = take_left(rest, dot_slot());
            text_centre(dot, middle_dot, t_.type.caption, p_.text_secondary);
        }
        // Each name sits in a slot at least a thumb wide (and the row is at least a thumb
        // high), so the targets never overlap however small the type.
        const Rect slot = take_left(rest, language_slot(lang, min_touch));
        const bool is_current = lang == lang_;
        if (text_centre(slot, i18n_.text(lang, "language.short"),
                        is_current ? current : t_.type.caption,
                        is_current ? p_.accent : p_.text_secondary) > 0) {
            spots.add(touch_rect(slot, min_touch), tap::PinLanguage{all_langs[i]});
        }
    }
    return rest.x - row.x;
}

Rect Painter::touch_header(Rect screen, const UiStatus& status, std::string_view title,
                           Hotspots& spots, int min_touch) {
    const auto& type = t_.type;
    const int bar_h = std::max(min_touch, type.venue.px + t_.grid(4));
    Rect bar = take_top(screen, bar_h);
    c_.fill_rect(bar, p_.band);
    c_.fill_rect(Rect{bar.x, bar.bottom() - hairline(), bar.w, hairline()}, p_.accent);
    Rect inner = inset(bar, Insets{t_.grid(4), 0, t_.grid(4), 0});

    // Back: an arrow and the word, as wide as a thumb at least.
    const std::string back = tr("common.back");
    const int back_w = std::max(min_touch, width(back, type.body) + t_.grid(2));
    const Rect back_box = take_left(inner, back_w, t_.grid(4));
    text_left(back_box, back, type.body, p_.text);
    spots.add(Rect{bar.x, bar.y, back_box.right() - bar.x, bar.h}, tap::Back{});

    if (status.clock_trusted) {
        const std::string clock = status.hh_mm(status.now);
        Font clock_font = type.venue;
        take_right(inner, text_right(inner, clock, clock_font, p_.text), t_.grid(4));
    }
    // The switch is measured in every language's bold, so it does not move as they change.
    Rect langs =
        take_right(inner, std::min(language_switch_width(min_touch), inner.w / 3), t_.grid(4));
    language_switch(langs, spots, min_touch);
    text_left(inner, title, type.venue, p_.text);
    return inset(screen, Insets{t_.grid(6), t_.grid(3), t_.grid(6), 0});
}

Rect Painter::status_line(Rect area, const UiStatus& status) {
    Rect row = take_bottom(area, t_.type.caption.px, t_.grid(2));
    c_.fill_rect(take_bottom(area, hairline(), t_.grid(2)), p_.rule);
    const std::string updated = updated_text(i18n_, lang_, status);
    take_right(row, text_right(row, updated, t_.type.caption, p_.text_secondary), t_.grid(4));
    if (!status.clock_trusted) {
        text_right(row, tr("trust.setting_time"), t_.type.caption, p_.delayed);
    } else if (status.outdated) {
        text_right(row, tr("board.outdated"), t_.type.caption, p_.delayed);
    }
    return area;
}

void Painter::emergency(const Announcement& a) {
    c_.clear(p_.emergency);
    const Size size = c_.size();
    Rect area = inset(Rect{0, 0, size.w, size.h}, t_.grid(8));
    const int count = static_cast<int>(all_langs.size());
    const int gap = t_.grid(4);
    const int block_h = std::max(0, (area.h - gap * (count - 1)) / count);
    constexpr int as_many_lines_as_it_takes = 1000;

    // Every language at once, each whole: the largest type at which all three texts fit their
    // third of the screen. An emergency is never cut short while any size fits.
    const auto heading_of = [&](const Font& body) {
        return Font{std::min(t_.type.clock.px, body.px * 2), Weight::bold};
    };
    const auto height_of = [&](Lang lang, const Font& body) {
        const auto lines = static_cast<int>(
            wrap_text(c_, a.text.get(lang), body, area.w, as_many_lines_as_it_takes).size());
        return heading_of(body).px + t_.grid(2) + lines * (body.px + t_.unit);
    };
    // From three quarters of the clock's size down to the caption's, a tenth at a time.
    Font body{t_.type.caption.px, Weight::bold};
    for (int px = t_.type.clock.px * 3 / 4; px > t_.type.caption.px; px -= std::max(1, px / 10)) {
        const Font candidate{px, Weight::bold};
        const bool fits = std::all_of(all_langs.begin(), all_langs.end(), [&](Lang lang) {
            return height_of(lang, candidate) <= block_h;
        });
        if (fits) {
            body = candidate;
            break;
        }
    }
    // The headings as large as the body allows, and smaller where one would not fit the width.
    Font heading = heading_of(body);
    while (heading.px > body.px &&
           std::any_of(all_langs.begin(), all_langs.end(), [&](Lang lang) {
               return width(i18n_.text(lang, "emergency.heading"), heading) > area.w;
           })) {
        heading.px -= std::max(1, heading.px / 10);
    }
    heading.px = std::max(heading.px, body.px);
    for (Lang lang : all_langs) {
        Rect block = take_top(area, block_h, gap);
        const std::string head = i18n_.text(lang, "emergency.heading");
        text_left(take_top(block, heading.px, t_.grid(2)), head, heading, p_.emergency_text);
        paragraph(block, a.text.get(lang), body, p_.emergency_text, as_many_lines_as_it_takes,
                  t_.unit);
    }
}

}  // namespace aff
