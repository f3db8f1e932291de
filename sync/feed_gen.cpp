// The synthetic feed put together: sizes from the screening count, then venues and maps, films,
// screenings and announcements (sync/feed_gen/).
#include "sync/feed_gen.hpp"

#include "sync/feed_gen/parts.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace aff {

using namespace gen_detail;

namespace {

Sizes derive_sizes(const GenOptions& options) {
    Sizes sizes;
    sizes.screenings = options.screenings;
    sizes.halls = std::max<std::size_t>(10, (options.screenings + 199) / 200);
    sizes.venues = options.venues != 0 ? options.venues : std::max<std::size_t>(3, sizes.halls / 5);
    // Two halls per venue at least, so that a screening can always move to another hall.
    sizes.halls = std::max(sizes.halls, 2 * sizes.venues);
    sizes.films = std::max<std::size_t>(40, options.screenings / 20);
    const std::size_t per_day = sizes.halls * max_per_hall_day;
    sizes.days = std::max<std::size_t>(1, (options.screenings + per_day - 1) / per_day);
    const std::size_t slots = sizes.halls * sizes.days;
    sizes.per_hall_day = (options.screenings + slots - 1) / slots;
    return sizes;
}

}  // namespace

json generate_feed(const GenOptions& options) {
    const Sizes sizes = derive_sizes(options);
    Rng rng(options.seed);

    const std::vector<HallRef> halls = make_hall_refs(sizes);
    std::vector<std::size_t> venue_hall_counts(sizes.venues, 0);
    for (const HallRef& hall : halls) {
        ++venue_hall_counts[hall.venue];
    }
    json maps = json::array();
    json venues = make_venues(sizes, halls, rng, maps);

    json films = json::array();
    std::vector<int> runtimes;
    runtimes.reserve(sizes.films);
    for (std::size_t i = 0; i < sizes.films; ++i) {
        films.push_back(make_film(i, rng, runtimes));
    }
    json screenings = make_screenings(sizes, halls, venue_hall_counts, runtimes, rng);

    json feed = json::object();
    feed["_comment"] = "SYNTHETIC DATA for tests, made by generate_feed (seed " +
                       std::to_string(options.seed) + ", " + num(sizes.screenings) +
                       " screenings). Not a real festival.";
    feed["format"] = "aff-kiosk-feed";
    feed["version"] = 1;
    feed["sequence"] = 1;
    feed["generated_at"] = "2018-09-14T12:00:00+06:00";
    feed["expires_at"] = stamp(sizes.days, 5 * 60);
    feed["festival"] = {
        {"id", "synthetic-" + std::to_string(options.seed)},
        {"name", text("Синтетикалық кинофестиваль", "Синтетический кинофестиваль",
                      "Synthetic Film Festival")},
        {"timezone", "Asia/Almaty"},
        {"first_day", date_text(first_day)},
        {"last_day", date_text(first_day + static_cast<long>(sizes.days) - 1)},
        {"day_starts_at", "05:00"},
        {"url", "https://example.org/synthetic/programme"},
    };
    feed["venues"] = std::move(venues);
    feed["sections"] = make_sections();
    feed["films"] = std::move(films);
    feed["screenings"] = std::move(screenings);
    feed["announcements"] = make_announcements(sizes);
    feed["maps"] = std::move(maps);
    return feed;
}

}  // namespace aff
