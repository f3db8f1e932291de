// Screens over a schedule held in memory (tests/kiosk/fake_schedule.hpp): each case sets up the
// few screenings it needs in a line each, with no SQLite and no demo feed.
#include "kiosk/board_screen.hpp"
#include "kiosk/hall_screen.hpp"

#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/fake_schedule.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <optional>
#include <string>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::drawn;
using aff::test::FakeSchedule;
using aff::test::RecordingCanvas;
using std::chrono::milliseconds;

TEST_GROUP(InMemorySchedule) {
    FakeSchedule schedule;
    I18n i18n = test::catalogs();
    LanguageCycle languages = LanguageCycle::pinned(Lang::en);
    test::RecordingNavigator nav;
    std::optional<Ui> ui;

    void setup() override {
        ui.emplace(Ui{schedule, i18n, languages, "v", UiSettings{}, nav, ""});
    }

    template <typename S, typename... Args>
    RecordingCanvas draw(const char* when, Args&&... args) {
        S screen(*ui, std::forward<Args>(args)...);
        screen.update(FakeSchedule::instant(when), milliseconds{0});
        RecordingCanvas canvas(Size{1920, 1080});
        screen.render(canvas);
        return canvas;
    }
};

TEST(InMemorySchedule, TheDoorsOpenAQuarterOfAnHourBeforeTheNextScreening) {
    schedule.add("Salt Road", "h1", "2018-09-15T18:00:00+06:00");
    CHECK_FALSE(drawn(draw<HallScreen>("2018-09-15T17:44:00+06:00", std::string("h1")),
                      "Doors open"));
    CHECK_TRUE(drawn(draw<HallScreen>("2018-09-15T17:45:00+06:00", std::string("h1")),
                     "Doors open"));
}

TEST(InMemorySchedule, TheBoardShowsWhatIsOnInEachHallAndThatTheOtherHasNoMoreToday) {
    schedule.add("Salt Road", "h1", "2018-09-15T18:00:00+06:00");
    schedule.add("Paper Cranes", "h2", "2018-09-15T12:00:00+06:00");
    const RecordingCanvas canvas = draw<BoardScreen>("2018-09-15T18:30:00+06:00");
    CHECK_TRUE(drawn(canvas, "Salt Road"));
    CHECK_TRUE(drawn(canvas, "No more screenings today"));
    CHECK_FALSE(drawn(canvas, "Paper Cranes"));
}

TEST(InMemorySchedule, ACancelledScreeningAtTheDoorIsNotNext) {
    schedule.add("Salt Road", "h1", "2018-09-15T18:00:00+06:00", 90, Status::cancelled);
    schedule.add("Paper Cranes", "h1", "2018-09-15T20:00:00+06:00");
    HallScreen hall(*ui, "h1");
    hall.update(FakeSchedule::instant("2018-09-15T17:50:00+06:00"), milliseconds{0});
    STRCMP_EQUAL("Paper Cranes", hall.model()->next->film_id.c_str());
    STRCMP_EQUAL("Salt Road", hall.model()->skipped.at(0).film_id.c_str());
}
