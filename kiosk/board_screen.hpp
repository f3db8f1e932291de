// The venue board: the festival and venue, the date and a large clock; what is on in each hall
// now and next; the rest of today's screenings; the language indicator and the data's age.
#pragma once

#include "kiosk/board_model.hpp"
#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/screen_kit.hpp"
#include "kiosk/ui.hpp"
#include "sync/store.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace aff {

// What a frame of the board shows besides the model: which page of the later list and which
// announcement (both counters, taken modulo their counts), the QR code and the touch size.
struct BoardView {
    std::size_t page = 0;
    std::size_t ticker = 0;
    const Modules* qr = nullptr;  // of the festival's url; none: no code
    int min_touch = 34;
    TypeScales type_scales;
};
// What the frame came to: how many pages and announcements there are to rotate through.
struct BoardLayout {
    std::size_t pages = 1;
    std::size_t tickers = 0;  // info announcements in the ticker
    std::size_t banners = 0;  // urgent ones in the banner
};

// Draws one frame of the board in `lang`, sized to the canvas (landscape or portrait), and
// collects its touch targets in `spots`.
BoardLayout render_board(Canvas& canvas, const BoardModel& model, const UiStatus& status,
                         const I18n& i18n, Lang lang, const BoardView& view, Hotspots& spots);

// The attract screen. Languages rotate; the later list pages and the announcements take turns
// every settings.page_period. A tap on a hall or a row opens the film; the footer has the
// language switch and the way into the day programme.
class BoardScreen final : public Screen {
public:
    explicit BoardScreen(Ui& ui);

    bool input(const InputEvent& event) override;
    // Redraw when the minute turns, the language rotates, a page or announcement turns, or the
    // cache holds a newer feed (after notice_new_data, or seen by a check once a minute).
    bool update(Instant now, std::chrono::milliseconds ticks) override;
    void render(Canvas& canvas) override;
    std::chrono::milliseconds next_update(Instant now,
                                          std::chrono::milliseconds ticks) const override;
    void notice_new_data() override { kit_.notice_new_data(); }

    Lang language() const { return kit_.lang(); }
    const std::optional<BoardModel>& model() const { return model_; }
    const Hotspots& hotspots() const { return kit_.spots(); }

private:
    Ui& ui_;
    ScreenKit kit_;
    std::optional<BoardModel> model_;
    std::optional<Modules> qr_;
    std::string qr_text_;
    BoardLayout layout_;
    std::size_t turn_ = 0;  // page and ticker counter: periods since turn_origin_
    std::optional<std::chrono::milliseconds> turn_origin_;  // the ticks of the first update
    std::chrono::milliseconds next_data_check_{0};

    void reload(Instant now);
    std::chrono::milliseconds period() const;
};

}  // namespace aff
