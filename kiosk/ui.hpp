// What every screen shares: the settings, the cache and the words, where a tap can take the
// visitor (the Navigator), and the state of the data and the clock at this minute (UiStatus).
#pragma once

#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/theme.hpp"
#include "platform/canvas.hpp"
#include "sync/schedule_queries.hpp"
#include "sync/time/clock.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace aff {

// The kiosk's UI settings (each one an option of the same name; see config.hpp).
struct UiSettings {
    // The notice that the schedule may be out of date shows once the last successful sync (or,
    // without a sync, the last apply) is older than this.
    std::chrono::minutes outdated_after{30};
    // Whether a sync keeps the cache fresh. Without one (the demo, a cache filled by hand) only
    // the feed's expires_at makes the schedule out of date.
    bool syncing = false;
    // A clock the kernel calls synchronised is trusted, whatever the feed says (a publisher's
    // clock may run fast). Otherwise it is not trusted while it reads earlier than the feed's
    // generated_at minus this: a Pi with no RTC that booted offline thinks it is 1970 or last week.
    std::chrono::minutes clock_tolerance{10};
    // Asked at every read of the status; none (a clock set by --at, a test): the generated_at
    // rule alone. It must outlive the screens.
    const ClockSync* clock_sync = nullptr;
    // A touch screen (and a pinned language) goes back to the board after this long untouched.
    std::chrono::seconds idle_timeout{60};
    // How long a page of the board's later list, or one announcement in the ticker, stays.
    std::chrono::seconds page_period{10};
    // The screen's pixels per inch, for 9 mm touch targets.
    double dpi = 96.0;
    // The type size by screen size, in percent of the designed one.
    TypeScales type_scales;
};

// The least size of a touch target, in pixels, at `dpi`: 9 mm.
int touch_target_px(double dpi);

// How long from `now` until the wall-clock minute turns: when every screen's clock must redraw.
std::chrono::milliseconds until_next_minute(Instant now);

// "18:05": an instant's local time in `zone`; empty without a zone.
std::string format_hh_mm(const std::optional<TimeZone>& zone, Instant t);

// The state of the data and the clock at one minute, read once and shared by the screens.
struct UiStatus {
    Instant now{};
    FeedInfo info;
    std::optional<TimeZone> zone;  // always set by load_status
    // The festival day `now` falls in, or (untrusted clock) the day the feed was made on.
    Date today;
    std::optional<Instant> last_success;  // of the sync, else the last apply
    bool clock_trusted = true;
    bool outdated = false;  // the last success is too old, or the feed has expired
    // Active now at this venue, most severe first. While the clock is untrusted, only the
    // emergencies that were active when the feed was made.
    std::vector<Announcement> announcements;

    std::string hh_mm(Instant t) const;  // in the festival's zone
    Date calendar_day(Instant t) const;  // the local date, in the festival's zone
    // The festival day number (1-based) of `today`, when it is within the festival.
    std::optional<int> day_number() const;
    int day_count() const;
    // The emergency in force, if any.
    const Announcement* emergency() const;
};

// When the schedule was last brought up to date, for the status line: "Updated 18:00"; with the
// date when that was not today ("Updated 14 September, 18:00"); and with its age when the
// schedule is out of date (status.outdated): "Updated 14:10, 3 hours ago".
std::string updated_text(const I18n& i18n, Lang lang, const UiStatus& status);

// Reads the status at `now`; nothing while the cache is empty or its zone unknown.
std::optional<UiStatus> load_status(const ScheduleQueries& store, const std::string& venue_id,
                                    Instant now, const UiSettings& settings);

// Where a tap can take the visitor. Requests take effect after the current input() returns, so
// a screen may ask to be closed from its own input().
class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void open_day() = 0;                           // the day programme, on today
    virtual void open_film(const std::string& film_id) = 0;
    virtual void back() = 0;                               // the screen below
};

// When a screen reads the cache again: the first time, when the wall-clock minute turns, and
// after the sync applied new data.
class Refresh {
public:
    // True when the screen must read the cache at `now`; then not again until the next minute
    // or the next notice().
    bool due(Instant now);
    void notice() { forced_ = true; }

private:
    std::optional<std::chrono::sys_time<std::chrono::minutes>> minute_;
    bool forced_ = false;
};

// The UiStatus every screen shares, read from the cache once for all of them: at the first ask
// in each wall-clock minute, and again after new data.
class SharedStatus {
public:
    const std::optional<UiStatus>& at(const ScheduleQueries& store, const std::string& venue_id,
                                      const UiSettings& settings, Instant now);
    // New data: read again at the next ask.
    void notice() { refresh_.notice(); }
    // Grows at every read, so a screen can tell that its model is older than the status.
    std::uint64_t version() const { return version_; }

private:
    Refresh refresh_;
    std::optional<UiStatus> status_;
    std::uint64_t version_ = 0;
};

// Everything a screen is built with; it all outlives the screens.
struct Ui {
    const ScheduleQueries& store;
    const I18n& i18n;
    LanguageCycle& languages;
    std::string venue_id;
    UiSettings settings;
    Navigator& nav;
    // The asset store (sync/asset_store.hpp): the feed's files, named by SHA-256. The sync
    // fills it, and so does seeding the demo.
    std::string assets_dir;

    // The status of this minute, shared by the Shell and every screen.
    SharedStatus status{};

    // The file of an asset (a poster) in the asset store, by the SHA-256 the cache gives it;
    // empty when the cache lists no such asset (or there is no store).
    std::string asset_file(const std::string& asset_id) const;
    // The shared status at `now`.
    const std::optional<UiStatus>& status_at(Instant now) {
        return status.at(store, venue_id, settings, now);
    }
};

// Sets `lang` to the language the kiosk speaks at `ticks`; true if that changed it.
bool follow_language(const LanguageCycle& languages, std::chrono::milliseconds ticks, Lang& lang);

// What a tap on a spot does, one type for each kind of target.
namespace tap {
struct Back {};                // the screen below
struct Programme {};           // the day programme, on today
struct PinLanguage {           // the language switch
    Lang lang;
};
struct OpenFilm {
    std::string film_id;
};
struct PickDay {  // the day programme's filters
    Date day;
};
struct PickScope {
    bool every_venue = false;
};
struct PickHall {
    std::optional<std::string> hall_id;  // nothing: every hall
};
struct PickSection {
    std::optional<std::string> section_id;  // nothing: every section
};
struct TurnChips {  // a row of chips to another page
    int row = 0;
    std::size_t first = 0;  // the first chip of the page
};
}  // namespace tap
using TapTarget = std::variant<tap::Back, tap::Programme, tap::PinLanguage, tap::OpenFilm,
                               tap::PickDay, tap::PickScope, tap::PickHall, tap::PickSection,
                               tap::TurnChips>;
// "open film salt-road", for test messages and logs.
std::string describe(const TapTarget& target);

// Rectangles a tap can hit, collected while a screen draws, with what each one does.
class Hotspots {
public:
    struct Spot {
        Rect rect;
        TapTarget target;
    };
    void clear() { spots_.clear(); }
    void add(const Rect& rect, TapTarget target);
    // The last added spot containing (x, y): what is drawn last is on top.
    const Spot* hit(int x, int y) const;
    const std::vector<Spot>& spots() const { return spots_; }

private:
    std::vector<Spot> spots_;
};

}  // namespace aff
