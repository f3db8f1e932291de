// The film page, opened by a tap on a film: its title and original title, the poster, the facts
// (director, countries, year, runtime, age rating, languages and subtitles), the synopsis and
// every screening of it at every venue, with the back button and language switch on top.
#pragma once

#include "kiosk/screen.hpp"
#include "kiosk/screen_kit.hpp"
#include "kiosk/scroll_view.hpp"
#include "kiosk/ui.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

// What the page shows, read from the cache in one go.
struct FilmModel {
    std::optional<Film> film;  // nothing when the id is not in the feed
    Text section_name;
    std::string section_color;  // "#RRGGBB" or empty
    // Names from the catalogs' [country] and [language_name] tables, joined, in each language;
    // a code the catalogs do not know shows as itself.
    Text countries;
    Text spoken_languages;
    Text subtitles;
    std::vector<ScreeningView> screenings;  // every venue, by start
    std::string poster_file;                // empty when the poster is not on this kiosk
};

// The name of a BCP 47 language tag ("kk", "zh-Hans") or an ISO 3166 country code ("KZ") in
// `lang`: the whole tag, else its primary language subtag; an unknown one as the code itself.
std::string language_name(const I18n& i18n, Lang lang, std::string_view tag);
std::string country_name(const I18n& i18n, Lang lang, std::string_view code);

FilmModel load_film(const Ui& ui, const std::string& film_id);

class FilmScreen final : public Screen {
public:
    FilmScreen(Ui& ui, std::string film_id);

    // Back and the language switch in the top bar; a vertical drag scrolls the screenings.
    bool input(const InputEvent& event) override;
    bool update(Instant now, std::chrono::milliseconds ticks) override;
    void render(Canvas& canvas) override;
    std::chrono::milliseconds next_update(Instant now,
                                          std::chrono::milliseconds ticks) const override {
        return kit_.next_update(now, ticks);
    }
    void notice_new_data() override { kit_.notice_new_data(); }

    const std::optional<FilmModel>& model() const { return model_; }
    const Hotspots& hotspots() const { return kit_.spots(); }

private:
    Ui& ui_;
    std::string film_id_;
    ScreenKit kit_;
    std::optional<FilmModel> model_;
    // The screenings list's scroll, in pixels, shown by whole rows. Until the visitor scrolls,
    // the page chooses (the first screening not yet over).
    ScrollView scroll_;
    bool scrolled_ = false;
    int row_step_ = 0;  // a row's height, as last drawn

    std::size_t first_row() const;
};

}  // namespace aff
