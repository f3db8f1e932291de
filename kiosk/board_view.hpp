// How the venue board draws its model (board_model.hpp): the header with the festival, the venue,
// the date and a large clock; each hall now and next; the rest of the day, paged; the banner,
// the ticker and the footer.
#pragma once

#include "kiosk/board_model.hpp"
#include "kiosk/i18n.hpp"
#include "kiosk/qr.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/ui.hpp"
#include "platform/canvas.hpp"

#include <cstddef>
#include <vector>

namespace aff {

// What a frame of the board shows besides the model: which page of the halls and of the later
// list and which announcement (counters, each taken modulo its count), the QR code and the
// touch size.
struct BoardView {
    std::size_t page = 0;
    std::size_t ticker = 0;
    const Modules* qr = nullptr;  // of the festival's url; none: no code
    int min_touch = 34;
    TypeScales type_scales;
};
// What the frame came to: how many pages and announcements there are to rotate through, and
// where its parts went (the same in every language: only the words change with it).
struct BoardLayout {
    std::size_t pages = 1;          // of the later list
    std::size_t hall_pages = 1;     // of the halls' rows in the now column
    std::size_t halls_counted = 0;  // halls without a row, only counted (none at a usable size)
    std::size_t tickers = 0;        // info announcements in the ticker
    std::size_t banners = 0;        // urgent ones in the banner
    // The header, the banner, the ticker, the columns and the footer, as far as they are drawn.
    std::vector<Rect> parts;
    // The rows of this page: the halls', then the later list's.
    std::vector<Rect> rows;

    // Whether the frame changes as the page and announcement counters turn.
    bool turns() const { return pages > 1 || hall_pages > 1 || tickers > 1 || banners > 1; }
    bool operator==(const BoardLayout&) const = default;
};

// Draws one frame of the board in `lang`, sized to the canvas (landscape or portrait), and
// collects its touch targets in `spots`.
BoardLayout render_board(Canvas& canvas, const BoardModel& model, const UiStatus& status,
                         const I18n& i18n, Lang lang, const BoardView& view, Hotspots& spots);

}  // namespace aff
