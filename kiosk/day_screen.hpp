// The day programme: every screening of one festival day, at this venue or at all of them, as a
// list a finger scrolls, with chips above it that choose the day, the scope, the hall and the
// section. A tap on a row opens the film's page.
#pragma once

#include "kiosk/painter.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/screen_kit.hpp"
#include "kiosk/scroll_view.hpp"
#include "kiosk/ui.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace aff {

class DayScreen final : public Screen {
public:
    // `day` is the festival day to show; nothing means today (the first festival day when today
    // is outside the festival). `ui` must outlive the screen.
    DayScreen(Ui& ui, std::optional<Date> day);

    // A tap on a chip changes the filter, a tap on a row opens its film, a drag scrolls the list.
    bool input(const InputEvent& event) override;
    // Reads the status and the list at first, when the minute turns and after new data.
    bool update(Instant now, std::chrono::milliseconds ticks) override;
    void render(Canvas& canvas) override;
    std::chrono::milliseconds next_update(Instant now,
                                          std::chrono::milliseconds ticks) const override {
        return kit_.next_update(now, ticks);
    }
    void notice_new_data() override { kit_.notice_new_data(); }

    // The list as it stands: the day's screenings that pass the filters, by effective start.
    const std::vector<ScreeningView>& rows() const { return rows_; }
    // The day shown; nothing before the first update() (or while the cache is empty).
    const std::optional<Date>& day() const { return day_; }
    Lang language() const { return kit_.lang(); }
    // What a tap can hit, as last drawn.
    const Hotspots& hotspots() const { return kit_.spots(); }

private:
    enum class Scope : std::uint8_t { venue, all };
    enum ChipRowId : std::uint8_t { row_days, row_scope, row_halls, row_sections, row_count };

    // A filter chip: its label in each language (so its width does not change as they rotate),
    // a section's colour, and what a tap on it does.
    struct Chip {
        std::array<std::string, 3> label;  // in the order of all_langs
        std::optional<Color> swatch;
        bool selected = false;
        TapTarget target;
    };

    struct RowColumns;  // where the columns of the list's rows are, for one frame

    Ui& ui_;
    std::optional<Date> day_;
    ScreenKit kit_;
    Scope scope_ = Scope::venue;
    std::optional<std::string> hall_;     // nothing: every hall
    std::optional<std::string> section_;  // nothing: every section
    std::optional<VenueInfo> venue_;      // nothing when ui.venue_id is not in the feed
    std::vector<Section> sections_;
    std::vector<ScreeningView> rows_;

    ScrollView scroll_;  // the list, in pixels
    bool scroll_to_now_ = false;  // on the first frame: start at the first screening not ended
    std::array<std::size_t, row_count> first_chip_{};  // the first chip of each row's page
    bool loaded_ = false;  // the status was read at least once

    void reload();
    void filter_changed();

    // The drawing, in order from the top; each takes its slice of `area`.
    void filters(Painter& p, Rect& area);
    void chip_row(Painter& p, Rect row, ChipRowId id, const std::vector<Chip>& paged,
                  const std::vector<Chip>& fixed);
    int chip_width(Painter& p, const Chip& chip) const;
    void draw_chip(Painter& p, const Rect& box, const Chip& chip);
    void list(Painter& p, Rect area);
    void list_row(Painter& p, const Rect& row, const Rect& view, const ScreeningView& s,
                  const RowColumns& cols);
    std::vector<Chip> day_chips() const;
    std::vector<Chip> scope_chips() const;
    std::vector<Chip> hall_chips() const;
    std::vector<Chip> section_chips() const;
};

}  // namespace aff
