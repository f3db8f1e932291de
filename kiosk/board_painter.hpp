// The painter of the venue board (board_view.hpp), shared by the files that draw its parts:
// board_view.cpp the frame (the header, the banner, the ticker, the footer and the later list),
// board_halls.cpp the now column (each hall's row, their density and their pages).
//
// Every size the layout depends on is measured in every language and the largest kept (`most`):
// the rotation and the language switch may bring any of the three on screen at any moment, and
// the board keeps its shape while they turn; only the words change.
#pragma once

#include "kiosk/board_model.hpp"
#include "kiosk/board_view.hpp"
#include "kiosk/painter.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace aff::board {

// How much room a hall gets in the now column, from most to least.
enum class Density : std::uint8_t { full, compact, single_line };

// How the now column lays its halls out: each hall's density, the pages of rows (when even one
// line each does not fit them all at once) and the tallest page's height.
struct HallPlan {
    std::vector<Density> density;         // one per hall
    std::vector<std::size_t> page_start;  // the first hall of each page
    std::size_t with_rows = 0;            // halls that get a row; the rest are only counted
    int height = 0;                       // of the tallest page's rows (and the count)
};

// Where the later list's columns are: a section chip, the time, the title, the hall.
struct LaterColumns {
    int chip_w = 0;
    int time_x = 0;
    int time_w = 0;
    int title_x = 0;
    int title_w = 0;
    int hall_x = 0;
    int hall_w = 0;
};

class BoardPainter : public Painter {
public:
    BoardPainter(Canvas& canvas, const BoardModel& model, const UiStatus& status, const I18n& i18n,
                 Lang lang, const BoardView& view, Hotspots& spots);

    BoardLayout paint();

private:
    const BoardModel& m_;
    const UiStatus& st_;
    const BoardView& v_;
    Hotspots& spots_;
    BoardLayout out_;
    HallPlan plan_;
    std::vector<const ScreeningView*> later_;  // the later list, with what the halls leave out
    bool notes_ = true;                        // the later rows have their notes

    // The most `measure` gives in any language.
    template <class Measure>
    int most(Measure measure) {
        const Lang shown = lang_;
        int largest = 0;
        for (Lang lang : all_langs) {
            lang_ = lang;
            largest = std::max(largest, measure());
        }
        lang_ = shown;
        return largest;
    }
    Text catalog(std::string_view key) const;

    // board_view.cpp: the frame.
    std::vector<const Announcement*> announcements(Level level) const;
    // A band with a bold label (a catalog key, or none) and `shown`, as high as the longest of
    // `texts` needs in any language (up to max_band_lines), taken off the top or bottom of `area`.
    void notice_band(Rect& area, bool top, std::string_view label_key,
                     const std::vector<const Text*>& texts, const Text& shown, Color fill,
                     Color ink, Color label_ink);
    int label_width(std::string_view label);
    void qr_code(Rect box);
    bool any_qa() const;
    int header_height(int& venue_lines, int& qr_side);
    void header(Rect band, int venue_lines, int qr_side);
    int clock_width();
    void footer(Rect area);
    int footer_row_height() const;
    int footer_rows(int row_width);
    int programme_button_width();
    std::string updated_text() const;
    void page_indicator(Rect heading, std::string_view title, std::size_t page,
                        std::size_t pages);
    int later_row_height(const ScreeningView& s) const;
    int later_needed(const std::vector<const ScreeningView*>& later) const;
    LaterColumns later_columns(const Rect& area);
    void later_column(Rect area);
    void later_row(Rect row, const ScreeningView& s, bool last, const LaterColumns& cols);

    // board_halls.cpp: the now column.
    int heading_height() const { return t_.type.label.px + t_.grid(2); }
    // Between two halls, with a hairline in its middle.
    int hall_gap() const { return t_.grid(2) + t_.unit; }
    int hall_height(const HallNowNext& hall, Density density) const;
    int content_height(const HallNowNext& hall, Density density) const;
    int rows_height(std::size_t first, std::size_t last,
                    const std::vector<Density>& density) const;
    bool fit_densities(std::size_t first, std::size_t last, int height,
                       std::vector<Density>& density) const;
    HallPlan plan_halls(int height) const;
    void now_column(Rect area);
    void hall_block(Rect box, const HallNowNext& hall, Density density, int name_column);
    void single_line(Rect row, const HallNowNext& hall, int name_column);
    void away_rows(Rect& row, Rect& box, const ScreeningView& s, const std::string& hall_id);
    void next_row(Rect row, const ScreeningView& next, const Font& font, Color color);
};

}  // namespace aff::board
