// The status line's "Updated …": the time alone today, the date on another day, and how long
// ago once the schedule is out of date; one text for the board and the other screens.
#include "kiosk/ui.hpp"

#include "tests/kiosk/ui_fixture.hpp"
#include "tests/support/fake_clock.hpp"
#include "tests/support/preload_tz.hpp"

#include <string>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;

TEST_GROUP(UpdatedText) {
    I18n i18n = test::catalogs();
    UiStatus status;

    void setup() override {
        test::preload_time_zones();
        status.zone = TimeZone::load("Asia/Almaty");
        status.now = at("2018-09-15T18:30:00+06:00");
        status.last_success = at("2018-09-15T18:00:00+06:00");
    }
    std::string text(Lang lang = Lang::en) const { return updated_text(i18n, lang, status); }
};

TEST(UpdatedText, AnUpdateFromTodayGivesItsTime) {
    STRCMP_EQUAL("Updated 18:00", text().c_str());
    STRCMP_EQUAL("Обновлено 18:00", text(Lang::ru).c_str());
    STRCMP_EQUAL("Жаңартылды 18:00", text(Lang::kk).c_str());
}

TEST(UpdatedText, AnUpdateFromAnotherDayGivesItsDateSoItNeverReadsAsATimeToCome) {
    status.last_success = at("2018-09-14T23:50:00+06:00");
    status.now = at("2018-09-15T00:10:00+06:00");
    STRCMP_EQUAL("Updated 14 September, 23:50", text().c_str());
    STRCMP_EQUAL("Обновлено 14 сентября, 23:50", text(Lang::ru).c_str());
    STRCMP_EQUAL("Жаңартылды 14 қыркүйек, 23:50", text(Lang::kk).c_str());
}

TEST(UpdatedText, AnOutOfDateScheduleSaysHowLongAgo) {
    status.outdated = true;
    status.last_success = at("2018-09-15T17:45:00+06:00");
    STRCMP_EQUAL("Updated 17:45, 45 minutes ago", text().c_str());
    status.last_success = at("2018-09-15T15:10:00+06:00");
    STRCMP_EQUAL("Updated 15:10, 3 hours ago", text().c_str());
    STRCMP_EQUAL("Обновлено 15:10, 3 часа назад", text(Lang::ru).c_str());
    STRCMP_EQUAL("Жаңартылды 15:10, 3 сағат бұрын", text(Lang::kk).c_str());
    status.last_success = at("2018-09-12T18:00:00+06:00");
    STRCMP_EQUAL("Updated 12 September, 18:00, 3 days ago", text().c_str());
    STRCMP_EQUAL("Обновлено 12 сентября, 18:00, 3 дня назад", text(Lang::ru).c_str());
}

TEST(UpdatedText, WithoutASyncTheLastApplyCounts) {
    status.last_success.reset();
    status.info.applied_at = at("2018-09-15T09:05:00+06:00");
    STRCMP_EQUAL("Updated 09:05", text().c_str());
}

TEST(UpdatedText, AnUntrustedClockGivesTheTimeAloneForItKnowsNoTodayAndNoAge) {
    status.clock_trusted = false;
    status.outdated = true;
    status.now = at("1970-01-01T06:00:00+06:00");
    STRCMP_EQUAL("Updated 18:00", text().c_str());
}
