// What every schedule screen keeps between frames, and the steps each of them takes at the start
// of update(), render() and next_update(): one small piece a screen holds, not a base class.
#pragma once

#include "kiosk/ui.hpp"

#include <chrono>
#include <cstdint>

namespace aff {

class ScreenKit {
public:
    explicit ScreenKit(Ui& ui) : ui_(ui), min_touch_(touch_target_px(ui.settings.dpi)) {}

    // Reads the status every screen shares (sync/ once a minute, and after new data) and
    // follows the language at `ticks`. True when the screen must be drawn again; stale() then
    // says whether the screen's own model is older than the status and must be read again.
    bool update(Instant now, std::chrono::milliseconds ticks);
    bool stale() const { return stale_; }
    // The sync applied new data: the shared status (and so every screen's model) is read again
    // at the next update.
    void notice_new_data() { ui_.status.notice(); }

    // The start of render(): the frame counts as drawn and the touch spots start afresh. False,
    // with the waiting screen drawn, while there is no status or no model (`ready`) to show.
    bool begin_render(Canvas& canvas, bool ready);

    // Until the wall-clock minute turns or the language rotates.
    std::chrono::milliseconds next_update(Instant now, std::chrono::milliseconds ticks) const;

    // The status of this minute; nothing while the cache is empty.
    const UiStatus* status() const { return status_ ? &*status_ : nullptr; }
    Lang lang() const { return lang_; }
    Hotspots& spots() { return spots_; }
    const Hotspots& spots() const { return spots_; }
    // The least size of a touch target on this screen, in pixels.
    int min_touch() const { return min_touch_; }
    // The shared target a tap at (x, y) hit, handled (back, programme, a language, a film); or
    // the screen's own target, for the screen to handle; or nothing.
    const TapTarget* tap(int x, int y, bool& handled);

private:
    Ui& ui_;
    int min_touch_;
    std::optional<UiStatus> status_;
    std::uint64_t seen_version_ = 0;
    Lang lang_ = Lang::kk;
    Hotspots spots_;
    bool drawn_once_ = false;
    bool stale_ = false;
};

}  // namespace aff
