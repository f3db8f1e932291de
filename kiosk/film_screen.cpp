#include "kiosk/film_screen.hpp"

#include "kiosk/film_view.hpp"

#include <algorithm>
#include <cctype>

namespace aff {
namespace {

using std::chrono::milliseconds;

// A catalog entry of `table` for `code` when the catalogs have one (they all hold the same keys).
std::optional<std::string> catalog_entry(const I18n& i18n, Lang lang, std::string_view table,
                                         std::string_view code) {
    std::string key = std::string(table) + "." + std::string(code);
    if (code.empty() || code.find('.') != std::string_view::npos ||
        !i18n.message_ids(lang).contains(key)) {
        return std::nullopt;
    }
    return i18n.text(lang, key);
}

std::string ascii_case(std::string_view text, bool upper) {
    std::string out(text);
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        c = static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
    }
    return out;
}

// The names of `codes` in every language, joined with commas.
template <typename Name>
Text joined_names(const std::vector<std::string>& codes, Name name) {
    Text text;
    for (Lang lang : all_langs) {
        std::string& out = text.raw(lang);
        for (const auto& code : codes) {
            out += (out.empty() ? "" : ", ") + name(lang, code);
        }
    }
    return text;
}

}  // namespace

std::string language_name(const I18n& i18n, Lang lang, std::string_view tag) {
    if (auto name = catalog_entry(i18n, lang, "language_name", tag)) {
        return *name;
    }
    const std::string primary = ascii_case(tag.substr(0, tag.find('-')), false);
    if (auto name = catalog_entry(i18n, lang, "language_name", primary)) {
        return *name;
    }
    return std::string(tag);
}

std::string country_name(const I18n& i18n, Lang lang, std::string_view code) {
    if (auto name = catalog_entry(i18n, lang, "country", ascii_case(code, true))) {
        return *name;
    }
    return std::string(code);
}

FilmModel load_film(const Ui& ui, const std::string& film_id) {
    FilmModel m;
    m.film = ui.store.film(film_id);
    if (!m.film) {
        return m;
    }
    for (const auto& section : ui.store.sections()) {
        if (section.id == m.film->section) {
            m.section_name = section.name;
            m.section_color = section.color;
        }
    }
    m.countries = joined_names(m.film->countries, [&](Lang lang, const std::string& code) {
        return country_name(ui.i18n, lang, code);
    });
    const auto language = [&](Lang lang, const std::string& tag) {
        return language_name(ui.i18n, lang, tag);
    };
    m.spoken_languages = joined_names(m.film->spoken_languages, language);
    m.subtitles = joined_names(m.film->subtitles, language);
    m.screenings = ui.store.film_screenings(film_id);
    m.poster_file = ui.asset_file(m.film->poster);
    return m;
}

FilmScreen::FilmScreen(Ui& ui, std::string film_id)
    : ui_(ui), film_id_(std::move(film_id)), kit_(ui) {}

bool FilmScreen::input(const InputEvent& event) {
    switch (event.type) {
    case InputEvent::Type::redraw: return true;  // e.g. the poster has been decoded
    case InputEvent::Type::tap: {
        bool handled = false;
        (void)kit_.tap(event.x, event.y, handled);
        return handled;
    }
    case InputEvent::Type::drag: {
        // A finger moving up shows later screenings, by whole rows: the list moves a row for
        // each row's height of travel (halfway there, it snaps to the nearer row).
        if (row_step_ <= 0) {
            return false;
        }
        const std::size_t before = first_row();
        scroll_.drag(event.dy);
        scrolled_ = true;
        return first_row() != before;
    }
    default: return false;
    }
}

bool FilmScreen::update(Instant now, milliseconds ticks) {
    const bool changed = kit_.update(now, ticks);
    if (kit_.stale()) {
        model_ = load_film(ui_, film_id_);
    }
    return changed;
}

std::size_t FilmScreen::first_row() const {
    return row_step_ > 0 ? static_cast<std::size_t>((scroll_.offset() + row_step_ / 2) / row_step_)
                         : 0;
}

void FilmScreen::render(Canvas& canvas) {
    if (!kit_.begin_render(canvas, model_.has_value())) {
        return;
    }
    const FilmFrame frame =
        paint_film(canvas, ui_, kit_.lang(), *kit_.status(), *model_, kit_.spots(),
                   kit_.min_touch(), scrolled_ ? std::optional(first_row()) : std::nullopt);
    // The list's scroll in pixels, shown a row at a time: its limit is the latest first row that
    // still fills the list. A visitor's drag keeps its pixels (snapping them to the row shown
    // would make the next half row of travel turn a whole row); the page's own choice, or rows
    // of another height, start it at the row shown.
    const int step_before = row_step_;
    row_step_ = frame.row_step;
    scroll_.set_extent(static_cast<int>(frame.last_first_row + 1) * row_step_, row_step_);
    if (!scrolled_ || row_step_ != step_before) {
        scroll_.scroll_to(static_cast<int>(frame.first_row) * row_step_);
    }
}

}  // namespace aff
