// How the hall sign draws its model (hall_screen.hpp): the header with the hall's name large,
// what is on now, what comes next with the countdown and "Doors open", what was called off or
// moved away, the rest of the day and the footer.
#pragma once

#include "kiosk/hall_screen.hpp"
#include "kiosk/ui.hpp"
#include "platform/canvas.hpp"

namespace aff {

// Draws the sign of `model` for `status`, and collects its touch targets in `spots`.
void paint_hall(Canvas& canvas, const Ui& ui, Lang lang, const UiStatus& status,
                const HallModel& model, Hotspots& spots, int min_touch);

}  // namespace aff
