// The kiosk's screens as a whole: the home screen (the board, or a hall's door sign) at the
// bottom of a ScreenStack, the touch screens a visitor opens above it, the way back home when
// the kiosk is left alone, and the emergency that takes over every screen while it is active.
#pragma once

#include "kiosk/config.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aff {

class Shell final : public Navigator {
public:
    struct Options {
        std::string venue_id;
        UiSettings settings;
        std::string assets_dir;  // the asset store: see Ui
        ScreenRequest home;  // the attract screen
        std::optional<ScreenRequest> start;  // opened above it at first, e.g. for a screenshot
    };
    // `store`, `i18n` and `languages` must outlive the shell.
    Shell(const ScheduleQueries& store, const I18n& i18n, LanguageCycle& languages,
          Options options);

    // `ticks` is the monotonic time of the event: the idle timeout counts from it.
    bool input(const InputEvent& event, std::chrono::milliseconds ticks);
    bool update(Instant now, std::chrono::milliseconds ticks);
    void render(Canvas& canvas);
    std::chrono::milliseconds next_update(Instant now, std::chrono::milliseconds ticks) const;
    void notice_new_data();

    void open_day() override;
    void open_film(const std::string& film_id) override;
    void back() override;

    std::size_t depth() const { return stack_.size(); }
    bool emergency_shown() const { return emergency_.has_value(); }
    const Ui& ui() const { return ui_; }

private:
    Ui ui_;
    Options options_;
    ScreenStack stack_;
    // Navigation asked for during input(), done once the screen that asked has returned.
    std::vector<ScreenRequest> to_open_;
    bool to_back_ = false;
    std::optional<Announcement> emergency_;
    std::uint64_t status_seen_ = 0;  // the version of the status the emergency was read from
    std::chrono::milliseconds last_input_{0};
    bool touched_ = false;  // a visitor has used the kiosk since it was last idle

    std::unique_ptr<Screen> make(const ScreenRequest& request);
    bool navigate();
    // Takes the emergency from the shared status when it was read again; true if that changed.
    bool follow_emergency(Instant now);
    bool away_from_home() const;
};

}  // namespace aff
