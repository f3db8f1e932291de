// "What is on in this hall now, and next": the one rule, over five-line fixtures.
#include "sync/now_next.hpp"

#include <CppUTest/TestHarness.h>

#include <string>
#include <vector>

namespace aff {
namespace {

using std::chrono::minutes;

Instant at(int hh, int mm = 0) {
    return Instant{} + std::chrono::hours(hh) + minutes(mm);
}

// A screening in `hall` from hh:00 for 90 minutes.
ScreeningView screening(const std::string& id, const std::string& hall, int hh,
                        Status status = Status::scheduled) {
    ScreeningView s;
    s.id = id;
    s.hall_id = hall;
    s.starts_at = at(hh);
    s.ends_at = at(hh) + minutes(90);
    s.status = status;
    return s;
}

// Moved from `from` to `to` (the feed's moved_to): the store gives its new hall as its hall.
ScreeningView moved(const std::string& id, const std::string& from, const std::string& to,
                    int hh) {
    ScreeningView s = screening(id, to, hh, Status::moved);
    s.moved_from_hall_id = from;
    return s;
}

std::string id_of(const std::optional<ScreeningView>& s) { return s ? s->id : "-"; }

std::string ids(const std::vector<ScreeningView>& list) {
    std::string out;
    for (const auto& s : list) {
        out += (out.empty() ? "" : " ") + s.id;
    }
    return out.empty() ? "-" : out;
}

}  // namespace

TEST_GROUP(NowNext) {};

TEST(NowNext, AScreeningIsNowFromItsStartUpToButExcludingItsEnd) {
    const std::vector<ScreeningView> day{screening("a", "h1", 10), screening("b", "h1", 12)};
    STRCMP_EQUAL("a", id_of(hall_now_next("h1", {}, day, at(10)).now).c_str());
    STRCMP_EQUAL("a", id_of(hall_now_next("h1", {}, day, at(11, 29)).now).c_str());
    STRCMP_EQUAL("-", id_of(hall_now_next("h1", {}, day, at(11, 30)).now).c_str());
    STRCMP_EQUAL("b", id_of(hall_now_next("h1", {}, day, at(11, 30)).next).c_str());
}

TEST(NowNext, ADelayShiftsBothEnds) {
    std::vector<ScreeningView> day{screening("a", "h1", 10)};
    day[0].delay_min = 20;
    STRCMP_EQUAL("a", id_of(hall_now_next("h1", {}, day, at(10, 10)).next).c_str());
    STRCMP_EQUAL("a", id_of(hall_now_next("h1", {}, day, at(11, 40)).now).c_str());
}

TEST(NowNext, OfTwoThatOverlapTheOneThatStartedLastIsNow) {
    std::vector<ScreeningView> day{screening("a", "h1", 10), screening("b", "h1", 11)};
    STRCMP_EQUAL("b", id_of(hall_now_next("h1", {}, day, at(11, 15)).now).c_str());
}

TEST(NowNext, ScreeningsOfOtherHallsAreIgnored) {
    const std::vector<ScreeningView> day{screening("a", "h2", 10), screening("b", "h2", 12)};
    const HallNowNext h1 = hall_now_next("h1", {}, day, at(10, 30));
    STRCMP_EQUAL("-", id_of(h1.now).c_str());
    STRCMP_EQUAL("-", id_of(h1.next).c_str());
    STRCMP_EQUAL("-", ids(h1.away).c_str());
}

TEST(NowNext, ACancelledScreeningIsNeitherNowNorNextButTheDoorSaysSoUntilItsEnd) {
    const std::vector<ScreeningView> day{screening("a", "h1", 10, Status::cancelled),
                                         screening("b", "h1", 14)};
    const HallNowNext before = hall_now_next("h1", {}, day, at(9));
    STRCMP_EQUAL("b", id_of(before.next).c_str());
    STRCMP_EQUAL("a", ids(before.away).c_str());
    CHECK_TRUE(before.away_now(at(9)) == nullptr);  // not yet in its slot
    const HallNowNext during = hall_now_next("h1", {}, day, at(11));
    STRCMP_EQUAL("-", id_of(during.now).c_str());
    STRCMP_EQUAL("a", during.away_now(at(11))->id.c_str());
    STRCMP_EQUAL("-", ids(hall_now_next("h1", {}, day, at(11, 30)).away).c_str());
}

TEST(NowNext, AMovedScreeningIsNowInItsNewHallAndAwayInItsOldOne) {
    const std::vector<ScreeningView> day{moved("m", "h1", "h3", 10)};
    const HallNowNext old_hall = hall_now_next("h1", {}, day, at(10, 30));
    const HallNowNext new_hall = hall_now_next("h3", {}, day, at(10, 30));
    STRCMP_EQUAL("-", id_of(old_hall.now).c_str());
    STRCMP_EQUAL("m", old_hall.away_now(at(10, 30))->id.c_str());
    STRCMP_EQUAL("m", id_of(new_hall.now).c_str());
    STRCMP_EQUAL("-", ids(new_hall.away).c_str());
}

TEST(NowNext, AMovedScreeningIsNextInItsNewHall) {
    const std::vector<ScreeningView> day{moved("m", "h1", "h3", 12), screening("b", "h3", 14)};
    STRCMP_EQUAL("m", id_of(hall_now_next("h3", {}, day, at(10)).next).c_str());
    STRCMP_EQUAL("-", id_of(hall_now_next("h1", {}, day, at(10)).next).c_str());
}

TEST(NowNext, AMovedScreeningWithoutANewHallKeepsItsHall) {
    const std::vector<ScreeningView> day{screening("m", "h1", 10, Status::moved)};
    const HallNowNext h1 = hall_now_next("h1", {}, day, at(10, 30));
    STRCMP_EQUAL("m", id_of(h1.now).c_str());
    STRCMP_EQUAL("-", ids(h1.away).c_str());
}

TEST(NowNext, TheDoorListsWhatWasCalledOffOnlyBeforeTheNextScreeningHeldThere) {
    const std::vector<ScreeningView> day{screening("a", "h1", 10), moved("m", "h1", "h2", 12),
                                         screening("c", "h1", 14, Status::cancelled)};
    const HallNowNext h1 = hall_now_next("h1", {}, day, at(9));
    STRCMP_EQUAL("a", id_of(h1.next).c_str());
    STRCMP_EQUAL("-", ids(h1.away).c_str());
    STRCMP_EQUAL("m c", ids(hall_now_next("h1", {}, day, at(10, 30)).away).c_str());
}

TEST(NowNext, HowAScreeningConcernsAHall) {
    CHECK_TRUE(at_hall(screening("a", "h1", 10), "h1") == AtHall::held);
    CHECK_TRUE(at_hall(screening("a", "h1", 10, Status::cancelled), "h1") == AtHall::called_off);
    CHECK_TRUE(at_hall(moved("m", "h1", "h2", 10), "h1") == AtHall::moved_away);
    CHECK_TRUE(at_hall(moved("m", "h1", "h2", 10), "h2") == AtHall::held);
    CHECK_TRUE(at_hall(screening("a", "h1", 10), "h2") == AtHall::elsewhere);
}

}  // namespace aff
