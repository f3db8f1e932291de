#include "kiosk/screen_kit.hpp"

#include "kiosk/painter.hpp"

#include <algorithm>
#include <variant>

namespace aff {
namespace {

// Handles a tap on what every screen shares (back, the programme, a language, a film): true if
// it was one of those.
bool handle_shared_tap(const TapTarget& target, Ui& ui) {
    if (std::holds_alternative<tap::Back>(target)) {
        ui.nav.back();
    } else if (std::holds_alternative<tap::Programme>(target)) {
        ui.nav.open_day();
    } else if (const auto* pin = std::get_if<tap::PinLanguage>(&target)) {
        ui.languages.pin(pin->lang);
    } else if (const auto* film = std::get_if<tap::OpenFilm>(&target)) {
        ui.nav.open_film(film->film_id);
    } else {
        return false;
    }
    return true;
}

}  // namespace

bool ScreenKit::update(Instant now, std::chrono::milliseconds ticks) {
    bool changed = !drawn_once_;
    const auto& shared = ui_.status_at(now);
    stale_ = ui_.status.version() != seen_version_;
    if (stale_) {
        seen_version_ = ui_.status.version();
        status_ = shared;
        changed = true;
    }
    return follow_language(ui_.languages, ticks, lang_) || changed;
}

bool ScreenKit::begin_render(Canvas& canvas, bool ready) {
    drawn_once_ = true;
    spots_.clear();
    if (!status_ || !ready) {
        render_waiting(canvas, ui_.i18n, lang_);
        return false;
    }
    return true;
}

std::chrono::milliseconds ScreenKit::next_update(Instant now,
                                                 std::chrono::milliseconds ticks) const {
    return std::min(until_next_minute(now), ui_.languages.until_next(ticks));
}

const TapTarget* ScreenKit::tap(int x, int y, bool& handled) {
    handled = false;
    const Hotspots::Spot* spot = spots_.hit(x, y);
    if (spot == nullptr) {
        return nullptr;
    }
    handled = handle_shared_tap(spot->target, ui_);
    return &spot->target;
}

}  // namespace aff
