// The venue board: the festival and venue, the date and a large clock; what is on in each hall
// now and next; the rest of today's screenings; the language indicator and the data's age.
#pragma once

#include "kiosk/board_model.hpp"
#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/screen.hpp"
#include "sync/store.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace aff {

// Draws one frame of the board in `lang`, sized to the canvas (landscape or portrait).
void render_board(Canvas& canvas, const BoardModel& model, const I18n& i18n, Lang lang);
// What a kiosk shows before its first feed has arrived: never a blank screen.
void render_waiting(Canvas& canvas, const I18n& i18n, Lang lang);

class BoardScreen final : public Screen {
public:
    // Reads through `store`, words from `i18n`, the language from `languages`; all three must
    // outlive the screen.
    BoardScreen(const Store& store, const I18n& i18n, LanguageCycle& languages,
                std::string venue_id);

    // A tap moves on to the next language.
    bool input(const InputEvent& event) override;
    // Redraw when the minute turns, the language rotates, a tap asked for another language, or
    // (checked once a minute) the cache holds a newer feed.
    bool update(Instant now, std::chrono::milliseconds ticks) override;
    void render(Canvas& canvas) override;
    std::chrono::milliseconds next_update(Instant now,
                                          std::chrono::milliseconds ticks) const override;

    // The sync applied a feed: look at the cache on the next update instead of within a minute.
    void notice_new_data() { next_data_check_ = std::chrono::milliseconds{0}; }
    Lang language() const { return lang_; }
    const std::optional<BoardModel>& model() const { return model_; }

private:
    const Store& store_;
    const I18n& i18n_;
    LanguageCycle& languages_;
    std::string venue_id_;
    std::optional<BoardModel> model_;
    Lang lang_ = Lang::kk;
    bool drawn_once_ = false;
    bool advance_language_ = false;
    std::chrono::sys_time<std::chrono::minutes> minute_{};
    std::chrono::milliseconds next_data_check_{0};

    void reload(Instant now);
};

}  // namespace aff
