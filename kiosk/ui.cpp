#include "kiosk/ui.hpp"

#include "sync/asset_store.hpp"

#include <cmath>
#include <cstdio>

namespace aff {

int touch_target_px(double dpi) {
    constexpr double mm_per_inch = 25.4;
    constexpr double target_mm = 9.0;
    return static_cast<int>(std::ceil(target_mm * dpi / mm_per_inch));
}

std::chrono::milliseconds until_next_minute(Instant now) {
    return std::chrono::floor<std::chrono::minutes>(now) + std::chrono::minutes{1} - now;
}

std::string format_hh_mm(const std::optional<TimeZone>& zone, Instant t) {
    if (!zone) {
        return {};
    }
    const LocalTime local = zone->to_local(t);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", local.hour % 100, local.minute % 100);
    return text;
}

std::string UiStatus::hh_mm(Instant t) const {
    return format_hh_mm(zone, t);
}

Date UiStatus::calendar_day(Instant t) const {
    return zone ? zone->to_local(t).date : today;
}

std::string updated_text(const I18n& i18n, Lang lang, const UiStatus& status) {
    using std::chrono::duration_cast;
    using std::chrono::hours;
    const Instant at = status.last_success.value_or(status.info.applied_at);
    const std::string time = status.hh_mm(at);
    // An untrusted clock cannot say what "today" or "ago" is.
    if (!status.clock_trusted) {
        return i18n.text(lang, "updated.today", {{"time", time}});
    }
    const Date day = status.calendar_day(at);
    std::string text = day == status.calendar_day(status.now)
                           ? i18n.text(lang, "updated.today", {{"time", time}})
                           : i18n.text(lang, "updated.on_day",
                                       {{"date", i18n.day_and_month(lang, day)}, {"time", time}});
    if (!status.outdated || status.now <= at) {
        return text;
    }
    const auto age = status.now - at;
    const auto mins = duration_cast<std::chrono::minutes>(age).count();
    const auto hrs = duration_cast<hours>(age).count();
    std::string ago = mins < 60  ? i18n.plural(lang, "updated.minutes_ago", mins)
                      : hrs < 48 ? i18n.plural(lang, "updated.hours_ago", hrs)
                                 : i18n.plural(lang, "updated.days_ago", hrs / 24);
    return i18n.text(lang, "updated.with_age", {{"updated", text}, {"age", ago}});
}

std::optional<int> UiStatus::day_number() const {
    if (today < info.first_day || today > info.last_day) {
        return std::nullopt;
    }
    return days_between(info.first_day, today) + 1;
}

int UiStatus::day_count() const {
    return days_between(info.first_day, info.last_day) + 1;
}

const Announcement* UiStatus::emergency() const {
    for (const auto& a : announcements) {
        if (a.level == Level::emergency) {
            return &a;
        }
    }
    return nullptr;
}

std::optional<UiStatus> load_status(const ScheduleQueries& store, const std::string& venue_id,
                                    Instant now, const UiSettings& settings) {
    auto info = store.info();
    auto zone = store.timezone();
    if (!info || !zone) {
        return std::nullopt;
    }
    UiStatus status;
    status.now = now;
    const bool synchronised = settings.clock_sync != nullptr && settings.clock_sync->synchronised();
    status.clock_trusted = synchronised || now >= info->generated_at - settings.clock_tolerance;
    // With a clock that cannot be trusted the best guess of the day is the one the feed was made.
    const Instant day_of = status.clock_trusted ? now : info->generated_at;
    status.today = festival_day(*zone, day_of, info->day_starts_at_min);
    const SyncState sync = store.sync_state();
    status.last_success = sync.last_success;
    if (!status.last_success || *status.last_success < info->applied_at) {
        status.last_success = info->applied_at;
    }
    if (status.clock_trusted) {
        const bool stale =
            settings.syncing && now - *status.last_success > settings.outdated_after;
        const bool expired = info->expires_at && now >= *info->expires_at;
        status.outdated = stale || expired;
        status.announcements = store.active_announcements(venue_id, now);
    } else {
        // Without a clock, announcement windows say nothing, except for an emergency: one
        // active when the feed was made is shown rather than risk hiding it.
        for (auto& a : store.active_announcements(venue_id, info->generated_at)) {
            if (a.level == Level::emergency) {
                status.announcements.push_back(std::move(a));
            }
        }
    }
    status.info = std::move(*info);
    status.zone = std::move(zone);
    return status;
}

std::string Ui::asset_file(const std::string& asset_id) const {
    if (asset_id.empty() || assets_dir.empty()) {
        return {};
    }
    // What the cache says, by its SHA-256, whatever the run's options: a file that is missing
    // or cannot be decoded is the image cache's to log ("image: ... not shown: ...").
    const auto asset = store.asset(asset_id);
    if (!asset || !is_sha256_name(asset->sha256)) {
        return {};
    }
    return AssetStore(assets_dir).path_of(asset->sha256);
}

bool Refresh::due(Instant now) {
    const auto minute = std::chrono::floor<std::chrono::minutes>(now);
    if (minute_ == minute && !forced_) {
        return false;
    }
    minute_ = minute;
    forced_ = false;
    return true;
}

const std::optional<UiStatus>& SharedStatus::at(const ScheduleQueries& store,
                                                const std::string& venue_id,
                                                const UiSettings& settings, Instant now) {
    if (refresh_.due(now)) {
        status_ = load_status(store, venue_id, now, settings);
        ++version_;
    }
    return status_;
}

bool follow_language(const LanguageCycle& languages, std::chrono::milliseconds ticks, Lang& lang) {
    const Lang now = languages.current(ticks);
    const bool changed = now != lang;
    lang = now;
    return changed;
}

namespace {

template <typename... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

std::string describe(const TapTarget& target) {
    return std::visit(
        Overloaded{
            [](const tap::Back&) { return std::string("back"); },
            [](const tap::Programme&) { return std::string("programme"); },
            [](const tap::PinLanguage& t) { return "language " + std::string(lang_code(t.lang)); },
            [](const tap::OpenFilm& t) { return "open film " + t.film_id; },
            [](const tap::PickDay& t) { return "day " + format_date(t.day); },
            [](const tap::PickScope& t) {
                return std::string(t.every_venue ? "every venue" : "this venue");
            },
            [](const tap::PickHall& t) { return "hall " + t.hall_id.value_or("(every)"); },
            [](const tap::PickSection& t) {
                return "section " + t.section_id.value_or("(every)");
            },
            [](const tap::TurnChips& t) {
                return "chip row " + std::to_string(t.row) + " from " + std::to_string(t.first);
            },
        },
        target);
}

void Hotspots::add(const Rect& rect, TapTarget target) {
    spots_.push_back({rect, std::move(target)});
}

const Hotspots::Spot* Hotspots::hit(int x, int y) const {
    for (auto it = spots_.rbegin(); it != spots_.rend(); ++it) {
        const Rect& r = it->rect;
        if (x >= r.x && x < r.right() && y >= r.y && y < r.bottom()) {
            return &*it;
        }
    }
    return nullptr;
}

}  // namespace aff
