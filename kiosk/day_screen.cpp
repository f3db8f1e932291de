#include "kiosk/day_screen.hpp"

#include <algorithm>

namespace aff {
namespace {

using std::chrono::milliseconds;

constexpr std::array<std::string_view, 7> weekday_keys{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

DayScreen::DayScreen(Ui& ui, std::optional<Date> day)
    : ui_(ui), day_(day), kit_(ui) {}

bool DayScreen::update(Instant now, milliseconds ticks) {
    const bool changed = kit_.update(now, ticks);
    if (kit_.stale()) {
        if (const UiStatus* status = kit_.status()) {
            const bool first = !loaded_;
            loaded_ = true;
            const Date first_day = status->info.first_day;
            const Date last_day = status->info.last_day;
            if (!day_) {
                const Date today = status->today;
                day_ = today < first_day || today > last_day ? first_day : today;
            }
            day_ = std::clamp(*day_, first_day, last_day);
            if (first) {
                scroll_to_now_ = status->clock_trusted && *day_ == status->today;
            }
            reload();
        }
    }
    return changed;
}

void DayScreen::reload() {
    venue_ = ui_.store.venue(ui_.venue_id);
    if (!venue_) {
        scope_ = Scope::all;  // a kiosk without a venue of its own can only show them all
    }
    sections_ = ui_.store.sections();
    // A new feed may have dropped the hall or section chosen: then show them all again.
    if (hall_ && (!venue_ || std::none_of(venue_->halls.begin(), venue_->halls.end(),
                                          [&](const Hall& h) { return h.id == *hall_; }))) {
        hall_.reset();
    }
    if (section_ && std::none_of(sections_.begin(), sections_.end(),
                                 [&](const Section& s) { return s.id == *section_; })) {
        section_.reset();
    }
    rows_.clear();
    if (!day_) {
        return;
    }
    auto all = ui_.store.day_programme(scope_ == Scope::venue ? ui_.venue_id : std::string{},
                                       *day_);
    for (auto& s : all) {
        if ((hall_ && s.hall_id != *hall_) || (section_ && s.section_id != *section_)) {
            continue;
        }
        rows_.push_back(std::move(s));
    }
    // The cache orders by the published start; a delayed screening moves to when it begins.
    std::stable_sort(rows_.begin(), rows_.end(), starts_earlier);
}

void DayScreen::filter_changed() {
    scroll_.reset();
    scroll_to_now_ = false;
    reload();
}

bool DayScreen::input(const InputEvent& event) {
    if (event.type == InputEvent::Type::redraw) {
        return true;
    }
    if (event.type == InputEvent::Type::drag) {
        // A finger moving up (dy < 0) pulls the later screenings into view.
        return event.dy != 0 && scroll_.drag(event.dy);
    }
    if (event.type != InputEvent::Type::tap) {
        return false;
    }
    bool handled = false;
    const TapTarget* hit = kit_.tap(event.x, event.y, handled);
    if (hit == nullptr || handled) {
        return handled;
    }
    const TapTarget& target = *hit;
    if (const auto* pick = std::get_if<tap::PickDay>(&target)) {
        if (pick->day != day_) {
            day_ = pick->day;
            filter_changed();
        }
    } else if (const auto* pick = std::get_if<tap::PickScope>(&target)) {
        const Scope scope = pick->every_venue ? Scope::all : Scope::venue;
        if (scope != scope_ && (scope == Scope::all || venue_)) {
            scope_ = scope;
            hall_.reset();
            filter_changed();
        }
    } else if (const auto* pick = std::get_if<tap::PickHall>(&target)) {
        if (pick->hall_id != hall_) {
            hall_ = pick->hall_id;
            filter_changed();
        }
    } else if (const auto* pick = std::get_if<tap::PickSection>(&target)) {
        if (pick->section_id != section_) {
            section_ = pick->section_id;
            filter_changed();
        }
    } else if (const auto* turn = std::get_if<tap::TurnChips>(&target)) {
        if (turn->row >= 0 && static_cast<std::size_t>(turn->row) < first_chip_.size()) {
            first_chip_[static_cast<std::size_t>(turn->row)] = turn->first;
        }
    } else {
        return false;
    }
    return true;
}

// --- The chips -------------------------------------------------------------------------------

std::vector<DayScreen::Chip> DayScreen::day_chips() const {
    std::vector<Chip> chips;
    if (!kit_.status() || !day_) {
        return chips;
    }
    const FeedInfo& info = kit_.status()->info;
    for (Date d = info.first_day; d <= info.last_day; d = add_days(d, 1)) {
        Chip chip;
        const std::string weekday_key =
            "day.weekday." + std::string(weekday_keys[static_cast<std::size_t>(weekday(d))]);
        for (std::size_t i = 0; i < all_langs.size(); ++i) {
            const Lang lang = all_langs[i];
            chip.label[i] = ui_.i18n.text(lang, "day.chip",
                                          {{"weekday", ui_.i18n.text(lang, weekday_key)},
                                           {"day", std::to_string(d.day)}});
        }
        chip.selected = d == *day_;
        chip.target = tap::PickDay{d};
        chips.push_back(std::move(chip));
    }
    return chips;
}

std::vector<DayScreen::Chip> DayScreen::scope_chips() const {
    std::vector<Chip> chips;
    if (!venue_) {
        return chips;
    }
    for (const Scope scope : {Scope::venue, Scope::all}) {
        Chip chip;
        for (std::size_t i = 0; i < all_langs.size(); ++i) {
            chip.label[i] = ui_.i18n.text(
                all_langs[i], scope == Scope::venue ? "day.this_venue" : "day.all_venues");
        }
        chip.selected = scope == scope_;
        chip.target = tap::PickScope{scope == Scope::all};
        chips.push_back(std::move(chip));
    }
    return chips;
}

std::vector<DayScreen::Chip> DayScreen::hall_chips() const {
    std::vector<Chip> chips;
    // One hall needs no choosing.
    if (scope_ != Scope::venue || !venue_ || venue_->halls.size() < 2) {
        return chips;
    }
    Chip every;
    for (std::size_t i = 0; i < all_langs.size(); ++i) {
        every.label[i] = ui_.i18n.text(all_langs[i], "day.all_halls");
    }
    every.selected = !hall_;
    every.target = tap::PickHall{};
    chips.push_back(std::move(every));
    for (const auto& hall : venue_->halls) {
        Chip chip;
        for (std::size_t i = 0; i < all_langs.size(); ++i) {
            chip.label[i] = hall.name.get(all_langs[i]);
        }
        chip.selected = hall_ == hall.id;
        chip.target = tap::PickHall{hall.id};
        chips.push_back(std::move(chip));
    }
    return chips;
}

std::vector<DayScreen::Chip> DayScreen::section_chips() const {
    std::vector<Chip> chips;
    if (sections_.empty()) {
        return chips;
    }
    Chip every;
    for (std::size_t i = 0; i < all_langs.size(); ++i) {
        every.label[i] = ui_.i18n.text(all_langs[i], "day.all_sections");
    }
    every.selected = !section_;
    every.target = tap::PickSection{};
    chips.push_back(std::move(every));
    for (const auto& section : sections_) {
        Chip chip;
        for (std::size_t i = 0; i < all_langs.size(); ++i) {
            chip.label[i] = section.name.get(all_langs[i]);
        }
        chip.swatch = parse_hex_color(section.color).value_or(festival_palette().neutral_chip);
        chip.selected = section_ == section.id;
        chip.target = tap::PickSection{section.id};
        chips.push_back(std::move(chip));
    }
    return chips;
}

// As wide as the label in the widest language (bold, as when selected), so neither a rotation
// nor a selection moves a chip.
}  // namespace aff
