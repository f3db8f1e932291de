// How the film page draws its model (film_screen.hpp): the poster, the titles, the facts, the
// synopsis and the screenings, paged by whole rows.
#pragma once

#include "kiosk/film_screen.hpp"
#include "kiosk/ui.hpp"
#include "platform/canvas.hpp"

#include <cstddef>
#include <optional>

namespace aff {

// What a frame of the film page learnt of its list of screenings, for scrolling the next one.
struct FilmFrame {
    std::size_t first_row = 0;       // the first screening shown
    std::size_t last_first_row = 0;  // the latest first row that still fills the list
    int row_step = 0;                // a row's height
};

// Draws the page of `model`; `first_row` is the first screening to show, or nothing to let the
// page choose (the first one not yet over).
FilmFrame paint_film(Canvas& canvas, const Ui& ui, Lang lang, const UiStatus& status,
                     const FilmModel& model, Hotspots& spots, int min_touch,
                     std::optional<std::size_t> first_row);

}  // namespace aff
