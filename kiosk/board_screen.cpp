#include "kiosk/board_screen.hpp"

#include "kiosk/board_view.hpp"
#include "kiosk/qr.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

constexpr milliseconds data_check_period = minutes{1};
}  // namespace

BoardScreen::BoardScreen(Ui& ui) : ui_(ui), kit_(ui) {}

milliseconds BoardScreen::period() const {
    return std::max(milliseconds{1000}, milliseconds(ui_.settings.page_period));
}

bool BoardScreen::input(const InputEvent& event) {
    if (event.type == InputEvent::Type::redraw) {
        return true;
    }
    if (event.type != InputEvent::Type::tap) {
        return false;
    }
    bool handled = false;
    (void)kit_.tap(event.x, event.y, handled);
    return handled;
}

void BoardScreen::reload(Instant now) {
    const UiStatus* status = kit_.status();
    if (status == nullptr) {
        return;
    }
    if (auto model = load_board(ui_.store, ui_.venue_id, now, *status)) {
        model_ = std::move(model);
    }
    if (status->info.url != qr_text_) {
        qr_text_ = status->info.url;
        qr_ = make_qr(qr_text_);
    }
}

bool BoardScreen::update(Instant now, milliseconds ticks) {
    // Another process (kiosk-sync) may apply a feed without telling: look now and then.
    if (ticks >= next_data_check_) {
        next_data_check_ = ticks + data_check_period;
        const auto info = ui_.store.info();
        if (model_ && info && info->sequence != model_->sequence) {
            kit_.notice_new_data();
        }
    }
    bool changed = kit_.update(now, ticks);
    if (kit_.stale()) {
        reload(now);
    }
    if (!turn_origin_) {
        turn_origin_ = ticks;  // the first page and announcement get a full period
    }
    const auto turn = static_cast<std::size_t>(std::max(milliseconds{0}, ticks - *turn_origin_) /
                                               period());
    if (turn != turn_) {
        turn_ = turn;
        // Only a board with something to turn is drawn again.
        changed = changed || layout_.turns();
    }
    return changed;
}

void BoardScreen::render(Canvas& canvas) {
    if (!kit_.begin_render(canvas, model_.has_value())) {
        return;
    }
    BoardView view;
    view.page = turn_;
    view.ticker = turn_;
    view.qr = qr_ ? &*qr_ : nullptr;
    view.min_touch = kit_.min_touch();
    view.type_scales = ui_.settings.type_scales;
    layout_ = render_board(canvas, *model_, *kit_.status(), ui_.i18n, kit_.lang(), view,
                           kit_.spots());
}

milliseconds BoardScreen::next_update(Instant now, milliseconds ticks) const {
    const milliseconds to_check = std::max(milliseconds{0}, next_data_check_ - ticks);
    milliseconds wait = std::min(kit_.next_update(now, ticks), to_check);
    if (layout_.turns()) {
        const milliseconds since = std::max(milliseconds{0}, ticks - turn_origin_.value_or(ticks));
        const milliseconds to_turn = period() - since % period();
        wait = std::min(wait, to_turn);
    }
    return wait;
}

}  // namespace aff
