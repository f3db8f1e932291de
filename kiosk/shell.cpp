#include "kiosk/shell.hpp"

#include "kiosk/board_screen.hpp"
#include "kiosk/day_screen.hpp"
#include "kiosk/film_screen.hpp"
#include "kiosk/hall_screen.hpp"
#include "kiosk/painter.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::milliseconds;

// Home, the day programme, a film: a visitor never goes deeper; the bound only guards the stack.
constexpr std::size_t max_depth = 8;

}  // namespace

Shell::Shell(const ScheduleQueries& store, const I18n& i18n, LanguageCycle& languages,
             Options options)
    : ui_{store,
          i18n,
          languages,
          options.venue_id,
          options.settings,
          *this,
          options.assets_dir},
      options_(std::move(options)) {
    stack_.push(make(options_.home));
    if (options_.start && *options_.start != options_.home) {
        stack_.push(make(*options_.start));
    }
}

std::unique_ptr<Screen> Shell::make(const ScreenRequest& request) {
    switch (request.kind) {
    case ScreenKind::board: return std::make_unique<BoardScreen>(ui_);
    case ScreenKind::hall: return std::make_unique<HallScreen>(ui_, request.id);
    case ScreenKind::day: return std::make_unique<DayScreen>(ui_, std::nullopt);
    case ScreenKind::film: return std::make_unique<FilmScreen>(ui_, request.id);
    }
    return std::make_unique<BoardScreen>(ui_);
}

void Shell::open_day() {
    to_open_.push_back(ScreenRequest{ScreenKind::day, {}});
}

void Shell::open_film(const std::string& film_id) {
    to_open_.push_back(ScreenRequest{ScreenKind::film, film_id});
}

void Shell::back() { to_back_ = true; }

bool Shell::navigate() {
    bool changed = false;
    if (to_back_) {
        to_back_ = false;
        changed = stack_.size() > 1;
        stack_.pop();
    }
    for (const auto& request : to_open_) {
        if (stack_.size() >= max_depth) {
            stack_.pop();  // the page on top makes way; home stays
        }
        stack_.push(make(request));
        changed = true;
    }
    to_open_.clear();
    return changed;
}

bool Shell::away_from_home() const {
    return stack_.size() > 1 || ui_.languages.is_pinned();
}

bool Shell::input(const InputEvent& event, milliseconds ticks) {
    if (event.type == InputEvent::Type::redraw) {
        return true;
    }
    if (emergency_) {
        return false;  // nothing to browse while everyone must read one message
    }
    last_input_ = ticks;
    touched_ = true;
    // A visitor reads in the language they saw when they touched it: the rotation holds while
    // they browse, and resumes when the kiosk is left alone.
    if (!ui_.languages.is_pinned()) {
        ui_.languages.pin(ui_.languages.current(ticks));
    }
    const bool changed = stack_.input(event);
    return navigate() || changed;
}

bool Shell::follow_emergency(Instant now) {
    const auto& status = ui_.status_at(now);
    if (ui_.status.version() == status_seen_) {
        return false;
    }
    status_seen_ = ui_.status.version();
    std::optional<Announcement> emergency;
    if (status) {
        if (const Announcement* a = status->emergency()) {
            emergency = *a;
        }
    }
    bool changed = false;
    if (emergency.has_value() != emergency_.has_value() ||
        (emergency && emergency_ && emergency->id != emergency_->id)) {
        changed = true;
        if (emergency) {
            stack_.pop_to_bottom();  // when it is over, the kiosk is back on its home screen
        }
    }
    emergency_ = std::move(emergency);
    return changed;
}

bool Shell::update(Instant now, milliseconds ticks) {
    bool changed = navigate();
    if (ui_.venue_id.empty()) {
        // A kiosk that started on an empty cache with no --venue takes the first venue of its
        // first feed, so it never shows another venue's emergency or programme.
        if (const auto venues = ui_.store.venues(); !venues.empty()) {
            ui_.venue_id = venues.front().id;
        }
    }
    // The status every screen shares, read here first in each minute.
    changed = follow_emergency(now) || changed;
    // Left alone: back to the home screen and the rotation.
    if (touched_ && ticks - last_input_ >= ui_.settings.idle_timeout) {
        touched_ = false;
        if (away_from_home()) {
            stack_.pop_to_bottom();
            ui_.languages.resume(ticks);
            changed = true;
        }
    }
    const bool screen_changed = stack_.update(now, ticks);
    // A screen may have read the status again (the board found a newer feed in the cache).
    changed = follow_emergency(now) || changed;
    return changed || screen_changed;
}

void Shell::render(Canvas& canvas) {
    if (emergency_) {
        // All three languages at once: which one the painter speaks does not matter.
        Painter(canvas, ui_.i18n, Lang::kk, ui_.settings.type_scales).emergency(*emergency_);
        return;
    }
    stack_.render(canvas);
}

milliseconds Shell::next_update(Instant now, milliseconds ticks) const {
    const milliseconds to_minute = until_next_minute(now);
    milliseconds wait = std::min(stack_.next_update(now, ticks), to_minute);
    if (touched_) {
        const milliseconds idle_at = last_input_ + ui_.settings.idle_timeout;
        wait = std::min(wait, std::max(milliseconds{0}, idle_at - ticks));
    }
    return wait;
}

void Shell::notice_new_data() {
    ui_.status.notice();
    stack_.notice_new_data();
}

}  // namespace aff
