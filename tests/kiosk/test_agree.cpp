// The board, the hall sign and the day programme answer "what is on in this hall now" with one
// rule (sync/now_next.hpp), so a moved or cancelled screening reads the same on all three.
// The demo festival: Paper Cranes at 15:00 on the 16th moved from the Palace's Chamber Hall to
// its Blue Hall; Nine Days in Tbilisi at 13:20 on the 17th in the Blue Hall is cancelled.
#include "kiosk/board_screen.hpp"
#include "kiosk/day_screen.hpp"
#include "kiosk/hall_screen.hpp"

#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <algorithm>
#include <optional>
#include <string>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;
using aff::test::drawn;
using aff::test::drawn_or_ellipsised;
using aff::test::RecordingCanvas;
using aff::test::shown;
using std::chrono::milliseconds;

namespace {

constexpr Size full_hd{1920, 1080};
const char* const during_move = "2018-09-16T15:20:00+06:00";
const char* const during_cancellation = "2018-09-17T13:30:00+06:00";
const std::string moved_notice =
    "Moved to Blue Hall. Because of high demand. The Blue Hall is on level 2. The start time is "
    "unchanged.";

std::size_t count_of(const std::vector<ScreeningView>& rows, const std::string& film_id) {
    return static_cast<std::size_t>(std::count_if(
        rows.begin(), rows.end(), [&](const ScreeningView& s) { return s.film_id == film_id; }));
}

const HallNowNext& hall_of(const BoardModel& board, const std::string& hall_id) {
    const auto it = std::find_if(board.halls.begin(), board.halls.end(),
                                 [&](const HallNowNext& h) { return h.hall_id == hall_id; });
    CHECK_TEXT(it != board.halls.end(), hall_id.c_str());
    return *it;
}

}  // namespace

TEST_GROUP(ScreensAgree) {
    std::optional<test::UiFixture> fx;

    void setup() override {
        fx.emplace();
        fx->languages.pin(Lang::en);
    }
    void teardown() override { fx.reset(); }

    BoardModel board(const char* when) {
        const auto status = load_status(fx->store, "palace", at(when), UiSettings{});
        auto model = load_board(fx->store, "palace", at(when), *status);
        CHECK_TRUE(model.has_value());
        return *model;
    }

    template <typename S, typename... Args>
    RecordingCanvas draw(const char* when, Args&&... args) {
        S screen(fx->ui, std::forward<Args>(args)...);
        screen.update(at(when), milliseconds{0});
        RecordingCanvas canvas(full_hd);
        screen.render(canvas);
        return canvas;
    }

    HallModel hall(const std::string& hall_id, const char* when) {
        const auto status = load_status(fx->store, "palace", at(when), UiSettings{});
        return load_hall(fx->store, *status, "palace", hall_id);
    }

    std::vector<ScreeningView> day_rows(const char* when) {
        DayScreen screen(fx->ui, std::nullopt);
        screen.update(at(when), milliseconds{0});
        return screen.rows();
    }
};

TEST(ScreensAgree, AMovedScreeningIsOnInItsNewHallOnTheBoardTheSignAndTheProgramme) {
    const BoardModel b = board(during_move);
    CHECK_TRUE(hall_of(b, "palace-blue").now.has_value());
    STRCMP_EQUAL("paper-cranes", hall_of(b, "palace-blue").now->film_id.c_str());
    const HallModel blue = hall("palace-blue", during_move);
    CHECK_TRUE(blue.now.has_value());
    STRCMP_EQUAL("paper-cranes", blue.now->film_id.c_str());
    // Its new door says where it came from, with the note.
    CHECK_TRUE(shown(draw<HallScreen>(during_move, std::string("palace-blue")),
                     "Moved from Chamber Hall. Because of high demand. The Blue Hall is on "
                     "level 2. The start time is unchanged."));
    // Listed once, at its new hall, marked as moved.
    const auto rows = day_rows(during_move);
    LONGS_EQUAL(1, count_of(rows, "paper-cranes"));
    const auto it = std::find_if(rows.begin(), rows.end(),
                                 [](const ScreeningView& s) { return s.film_id == "paper-cranes"; });
    STRCMP_EQUAL("palace-blue", it->hall_id.c_str());
    CHECK_TRUE(it->status == Status::moved);
    CHECK_TRUE(drawn(draw<DayScreen>(during_move, std::nullopt), "Moved"));
}

TEST(ScreensAgree, AtItsOldHallTheBoardAndTheSignSayWhereItWentForAsLongAsItWouldHaveRun) {
    const BoardModel b = board(during_move);
    const HallNowNext& chamber = hall_of(b, "palace-chamber");
    CHECK_FALSE(chamber.now.has_value());
    CHECK_TRUE(chamber.away_now(b.now) != nullptr);
    STRCMP_EQUAL("paper-cranes", chamber.away_now(b.now)->film_id.c_str());
    CHECK_TRUE(drawn_or_ellipsised(draw<BoardScreen>(during_move), moved_notice));

    const HallModel sign = hall("palace-chamber", during_move);
    CHECK_FALSE(sign.now.has_value());
    LONGS_EQUAL(1, sign.skipped.size());
    STRCMP_EQUAL("paper-cranes", sign.skipped[0].film_id.c_str());
    CHECK_TRUE(shown(draw<HallScreen>(during_move, std::string("palace-chamber")), moved_notice));

    // Once it would have ended, neither says so any more.
    const char* const after = "2018-09-16T18:00:00+06:00";
    CHECK_TRUE(hall_of(board(after), "palace-chamber").away_now(at(after)) == nullptr);
    CHECK_TRUE(hall("palace-chamber", after).skipped.empty());
}

TEST(ScreensAgree, ACancelledScreeningIsNotOnAnywhereAndEveryScreenSaysItIsCancelled) {
    const BoardModel b = board(during_cancellation);
    const HallNowNext& blue = hall_of(b, "palace-blue");
    CHECK_FALSE(blue.now.has_value());
    STRCMP_EQUAL("nine-days-tbilisi", blue.away_now(b.now)->film_id.c_str());
    const RecordingCanvas on_board = draw<BoardScreen>(during_cancellation);
    CHECK_TRUE(drawn(on_board, "Cancelled"));
    CHECK_TRUE(drawn_or_ellipsised(on_board, "Nine Days in Tbilisi"));

    const HallModel sign = hall("palace-blue", during_cancellation);
    CHECK_FALSE(sign.now.has_value());
    STRCMP_EQUAL("nine-days-tbilisi", sign.skipped.at(0).film_id.c_str());
    CHECK_TRUE(drawn(draw<HallScreen>(during_cancellation, std::string("palace-blue")),
                     "Cancelled"));

    const auto rows = day_rows(during_cancellation);
    LONGS_EQUAL(1, count_of(rows, "nine-days-tbilisi"));
    CHECK_TRUE(drawn(draw<DayScreen>(during_cancellation, std::nullopt), "Cancelled"));
}
