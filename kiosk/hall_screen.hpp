// The hall sign: the screen by one hall's door, read from a few metres away. The hall and its
// venue, the clock, what is on now with its progress and time left, what comes next with a
// countdown (and "Doors open" for the last quarter of an hour before it), the rest of the day's
// screenings here, and, once the day is over, the first screening of the next festival day.
#pragma once

#include "kiosk/screen.hpp"
#include "kiosk/screen_kit.hpp"
#include "kiosk/ui.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace aff {

// Doors open this long before a screening starts.
inline constexpr std::chrono::minutes doors_open_before{15};

// What the sign shows at one minute, read from the cache in one go.
struct HallModel {
    bool found = false;  // the hall is in the schedule
    std::string venue_id;
    std::string hall_id;
    Text hall_name;
    Text venue_name;
    // The hall's screenings of the festival day, every status, by (effective) start.
    std::vector<ScreeningView> today;
    // Only with a trusted clock, as hall_now_next answers them (sync/now_next.hpp): on now.
    std::optional<ScreeningView> now;
    // The first screening held here that has not started, on the same festival day.
    std::optional<ScreeningView> next;
    // Called off or moved away, not yet over, and due before `next` (without one: at all):
    // shown above it with their notes and where they went, since people are arriving for them.
    std::vector<ScreeningView> skipped;
    // The rest of the day not yet over, cancelled and moved ones included.
    std::vector<ScreeningView> later;
    // When nothing more is held here today: the first screening of the next festival day that
    // has one.
    std::optional<ScreeningView> next_day_first;
    bool doors_open = false;  // `next` starts within doors_open_before
};

// Reads the sign of `hall_id` for `status`; an unknown hall gives a model with found = false.
HallModel load_hall(const ScheduleQueries& store, const UiStatus& status,
                    const std::string& venue_id, const std::string& hall_id);

class HallScreen final : public Screen {
public:
    HallScreen(Ui& ui, std::string hall_id);

    // A tap on what is on now, or on what comes next, opens that film's page.
    bool input(const InputEvent& event) override;
    bool update(Instant now, std::chrono::milliseconds ticks) override;
    void render(Canvas& canvas) override;
    std::chrono::milliseconds next_update(Instant now,
                                          std::chrono::milliseconds ticks) const override {
        return kit_.next_update(now, ticks);
    }
    void notice_new_data() override { kit_.notice_new_data(); }

    const std::optional<HallModel>& model() const { return model_; }
    const Hotspots& hotspots() const { return kit_.spots(); }

private:
    Ui& ui_;
    std::string hall_id_;
    ScreenKit kit_;
    std::optional<HallModel> model_;
};

}  // namespace aff
