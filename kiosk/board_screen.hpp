// The venue board: the festival and venue, the date and a large clock; what is on in each hall
// now and next; the rest of today's screenings; the language indicator and the data's age.
#pragma once

#include "kiosk/board_model.hpp"
#include "kiosk/board_view.hpp"
#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/screen_kit.hpp"
#include "kiosk/ui.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace aff {

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
