// The synthetic feed generator (benchmarks and large-feed tests rely on it), and the example in
// docs/feed-format.md, which must stay a valid feed.
#include "sync/feed_gen.hpp"
#include "sync/feed_parse.hpp"
#include "sync/time/time.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "tests/support/preload_tz.hpp"

using namespace aff;

namespace {

ParseResult parse_generated(std::size_t screenings, std::uint64_t seed) {
    return parse_feed(generate_feed({.screenings = screenings, .seed = seed}).dump());
}

std::string first_problem(const ParseResult& result) {
    return result.diagnostics.empty() ? std::string("(none)")
                                      : result.diagnostics.front().to_string();
}

}  // namespace

TEST_GROUP(FeedGen) {
    void setup() override { test::preload_time_zones(); }
};

TEST(FeedGen, TheSameSeedGivesTheSameBytes) {
    auto a = generate_feed({.screenings = 500, .seed = 42}).dump();
    auto b = generate_feed({.screenings = 500, .seed = 42}).dump();
    CHECK(a == b);
}

TEST(FeedGen, AnotherSeedGivesAnotherFeed) {
    auto a = generate_feed({.screenings = 500, .seed = 1}).dump();
    auto b = generate_feed({.screenings = 500, .seed = 2}).dump();
    CHECK(a != b);
}

TEST(FeedGen, AGeneratedFeedValidatesWithNoErrorsOrWarnings) {
    auto result = parse_generated(2000, 7);
    CHECK_TEXT(result.ok(), first_problem(result).c_str());
    LONGS_EQUAL_TEXT(0, result.warning_count(), first_problem(result).c_str());
}

TEST(FeedGen, ItHasExactlyTheScreeningsAskedFor) {
    for (std::size_t n : {1u, 5u, 999u, 2500u}) {
        auto result = parse_generated(n, 3);
        CHECK_TEXT(result.ok(), first_problem(result).c_str());
        LONGS_EQUAL(n, result.feed->screenings.size());
    }
}

TEST(FeedGen, EveryStatusAppears) {
    auto result = parse_generated(100, 5);
    CHECK(result.ok());
    std::set<Status> seen;
    for (const auto& s : result.feed->screenings) seen.insert(s.status);
    LONGS_EQUAL(5, seen.size());
}

TEST(FeedGen, MovedScreeningsNameTheHallTheyMovedTo) {
    auto result = parse_generated(2000, 7);
    CHECK(result.ok());
    std::size_t moved = 0;
    for (const auto& s : result.feed->screenings) {
        if (s.status != Status::moved) continue;
        ++moved;
        CHECK_FALSE_TEXT(s.moved_to.empty(), s.id.c_str());
        CHECK_TEXT(s.moved_to != s.hall, s.id.c_str());
    }
    CHECK(moved > 1);
}

TEST(FeedGen, HallsAndFilmsGrowWithTheFeed) {
    auto small = parse_generated(1000, 1);
    auto large = parse_generated(5000, 1);
    CHECK(small.ok() && large.ok());
    std::size_t small_halls = 0, large_halls = 0;
    for (const auto& v : small.feed->venues) small_halls += v.halls.size();
    for (const auto& v : large.feed->venues) large_halls += v.halls.size();
    CHECK(large_halls > small_halls);
    CHECK(large.feed->films.size() > small.feed->films.size());
}

TEST_GROUP(FeedDocs) {
    void setup() override { test::preload_time_zones(); }
};

TEST(FeedDocs, TheExampleInTheFormatDocumentIsAValidFeed) {
    std::ifstream in(AFF_DOCS_DIR "/feed-format.md");
    std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::smatch match;
    CHECK_TEXT(std::regex_search(doc, match, std::regex("```json\\n([^`]*)```")),
               "docs/feed-format.md has no ```json block");
    auto result = parse_feed(match[1].str());
    CHECK_TEXT(result.ok(), first_problem(result).c_str());
    LONGS_EQUAL_TEXT(0, result.warning_count(), first_problem(result).c_str());
}
