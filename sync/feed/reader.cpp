// The readers, one per kind of object: header, festival, venues and halls, sections, films,
// screenings, announcements, assets (maps are in read_maps.cpp).
#include "sync/feed/reader.hpp"

#include "sync/grammar.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

namespace aff::feed_detail {
namespace {

constexpr std::string_view feed_format = "aff-kiosk-feed";
constexpr int supported_version = 1;

constexpr std::string_view status_choices = "scheduled, delayed, cancelled, sold_out, moved";
constexpr std::string_view level_choices = "info, urgent, emergency";

}  // namespace

Feed FeedReader::read(const json& document) {
    const Fields top(document, "", report_);
    if (!read_header(top)) {
        return feed_;
    }
    read_festival(top);
    read_venues(top);
    read_sections(top);
    read_films(top);
    read_screenings(top);
    read_announcements(top);
    read_maps(top);
    read_assets(top);

    check_films();
    check_screenings();
    check_announcements();
    check_maps();
    check_halls();
    check_overlaps();
    check_festival_days();
    return std::move(feed_);
}

// format and version first: a document that is not a v1 feed gets no further reading.
bool FeedReader::read_header(const Fields& top) {
    bool readable = true;
    if (const auto format = top.get("format", Need::required)) {
        if (!format->is_string() || format->get_ref<const std::string&>() != feed_format) {
            report_.error("format", "expected \"aff-kiosk-feed\", got " + describe(*format));
            readable = false;
        }
    }
    if (const auto version = top.get("version", Need::required)) {
        const auto n = exact_integer(*version);
        if (!n) {
            report_.error("version", "expected an integer, got " + describe(*version));
        } else if (*n != supported_version) {
            report_.error("version", "unsupported version " + std::to_string(*n) +
                                         " (this kiosk reads " +
                                         std::to_string(supported_version) + ")");
            readable = false;
        }
    }
    if (!readable) {
        return false;
    }
    feed_.version = supported_version;
    feed_.sequence = top.integer("sequence", Need::required, 1,
                                 std::numeric_limits<std::int64_t>::max(), "an integer >= 1")
                         .value_or(0);
    const auto generated_at = top.time("generated_at", Need::required);
    feed_.generated_at = generated_at.value_or(Instant{});
    feed_.expires_at = top.time("expires_at", Need::optional);
    if (feed_.expires_at && generated_at && *feed_.expires_at <= *generated_at) {
        report_.warning("expires_at", "is not after generated_at: the feed is born stale");
    }
    return true;
}

void FeedReader::read_festival(const Fields& top) {
    const json* value = top.get("festival", Need::required);
    if (value == nullptr) {
        return;
    }
    if (!value->is_object()) {
        report_.error("festival", "expected an object, got " + describe(*value));
        return;
    }
    const Fields fields(*value, "festival", report_);
    Festival& festival = feed_.festival;
    festival.id = fields.id("id", Need::required, "an id");
    festival.name = fields.text("name", Need::required);
    if (const auto name = fields.string("timezone", Need::required)) {
        festival.timezone = *name;
        zone_ = TimeZone::load(*name);
        if (!zone_) {
            report_.error(fields.at("timezone"),
                          "unknown time zone " + quote(*name) +
                              " (expected an IANA name such as \"Asia/Almaty\")");
        }
    }
    first_day_ = read_date(fields, "first_day");
    last_day_ = read_date(fields, "last_day");
    if (first_day_) {
        festival.first_day = format_date(*first_day_);
    }
    if (last_day_) {
        festival.last_day = format_date(*last_day_);
    }
    if (first_day_ && last_day_ && *last_day_ < *first_day_) {
        report_.error(fields.at("last_day"), "is before first_day (" +
                                                 festival.first_day + ")");
    }
    if (const auto text = fields.string("day_starts_at", Need::optional)) {
        if (const auto minutes = parse_hh_mm(*text)) {
            festival.day_starts_at_min = *minutes;
        } else {
            report_.error(fields.at("day_starts_at"),
                          "expected a local time \"HH:MM\", got " + quote(*text));
        }
    }
    if (const auto url = fields.string("url", Need::optional)) {
        festival.url = *url;
        if (!url->starts_with("https://") && !url->starts_with("http://")) {
            report_.warning(fields.at("url"),
                            "is not an http(s) URL, so a phone will not open its QR code");
        }
    }
}

std::optional<Date> FeedReader::read_date(const Fields& fields, std::string_view key) {
    const auto text = fields.string(key, Need::required);
    if (!text) {
        return std::nullopt;
    }
    const auto date = parse_date(*text);
    if (!date) {
        report_.error(fields.at(key), "expected a date \"YYYY-MM-DD\", got " + quote(*text));
    }
    return date;
}

void FeedReader::read_venues(const Fields& top) {
    for_each_object(top, "venues", Need::required, [&](const Fields& fields) {
        Venue venue;
        venue.id = fields.id("id", Need::required, "an id");
        venue_ids_.claim(venue.id, feed_.venues.size(), fields.at("id"), report_);
        venue.name = fields.text("name", Need::required);
        venue.address = fields.text("address", Need::optional);
        venue.location = read_location(fields);
        for_each_object(fields, "halls", Need::required, [&](const Fields& hall_fields) {
            venue.halls.push_back(read_hall(hall_fields));
        });
        if (fields.array("halls", Need::optional) != nullptr && venue.halls.empty()) {
            report_.error(fields.at("halls"), "expected at least one hall");
        }
        feed_.venues.push_back(std::move(venue));
    });
    if (top.array("venues", Need::optional) != nullptr && feed_.venues.empty()) {
        report_.error("venues", "expected at least one venue");
    }
}

std::optional<LatLon> FeedReader::read_location(const Fields& venue) {
    const json* value = venue.get("location", Need::optional);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        report_.error(venue.at("location"),
                      "expected an object {\"lat\": .., \"lon\": ..}, got " + describe(*value));
        return std::nullopt;
    }
    const Fields fields(*value, venue.at("location"), report_);
    const auto lat = fields.number("lat", Need::required, "a latitude from -90 to 90",
                                   [](double d) { return d >= -90 && d <= 90; });
    const auto lon = fields.number("lon", Need::required, "a longitude from -180 to 180",
                                   [](double d) { return d >= -180 && d <= 180; });
    if (!lat || !lon) {
        return std::nullopt;
    }
    return LatLon{*lat, *lon};
}

Hall FeedReader::read_hall(const Fields& fields) {
    Hall hall;
    hall.id = fields.id("id", Need::required, "an id");
    hall_ids_.claim(hall.id, feed_.venues.size(), fields.at("id"), report_);
    hall.name = fields.text("name", Need::required);
    hall.seats = fields.small_integer("seats", Need::optional, 1, 1000000,
                                      "a number of seats from 1 to 1000000");
    hall.map_node = fields.id("map_node", Need::optional, "a node id");
    return hall;
}

void FeedReader::read_sections(const Fields& top) {
    for_each_object(top, "sections", Need::optional, [&](const Fields& fields) {
        Section section;
        section.id = fields.id("id", Need::required, "an id");
        section_ids_.claim(section.id, feed_.sections.size(), fields.at("id"), report_);
        section.name = fields.text("name", Need::required);
        if (const auto color = fields.string("color", Need::optional)) {
            if (is_color(*color)) {
                section.color = *color;
            } else {
                report_.error(fields.at("color"),
                              "expected a colour \"#RRGGBB\", got " + quote(*color));
            }
        }
        feed_.sections.push_back(std::move(section));
    });
}

void FeedReader::read_films(const Fields& top) {
    for_each_object(top, "films", Need::required, [&](const Fields& fields) {
        Film film;
        film.id = fields.id("id", Need::required, "an id");
        film_ids_.claim(film.id, feed_.films.size(), fields.at("id"), report_);
        film.title = fields.text("title", Need::required);
        film.original_title = fields.string("original_title", Need::optional).value_or("");
        film.year = fields.small_integer("year", Need::required, 1870, 2100,
                                         "a year from 1870 to 2100").value_or(0);
        film.countries = string_list(fields, "countries", Need::required,
                                     "an ISO 3166-1 alpha-2 code (two capital letters)",
                                     is_country_code);
        film.runtime_min = fields.small_integer("runtime_min", Need::required, 1, 10000,
                                                "an integer > 0 (minutes, at most 10000)")
                               .value_or(0);
        film.age_rating = fields.string("age_rating", Need::optional).value_or("");
        film.section = fields.id("section", Need::optional, "a section id");
        film.director = fields.text("director", Need::optional);
        film.synopsis = fields.text("synopsis", Need::optional, Lines::many);
        film.spoken_languages =
            string_list(fields, "spoken_languages", Need::optional,
                        "a BCP 47 language tag (e.g. \"kk\", \"en-GB\")", is_language_tag);
        film.subtitles = string_list(fields, "subtitles", Need::optional,
                                     "a BCP 47 language tag (e.g. \"kk\", \"en-GB\")",
                                     is_language_tag);
        film.poster = fields.id("poster", Need::optional, "an asset id");
        feed_.films.push_back(std::move(film));
    });
}

void FeedReader::read_screenings(const Fields& top) {
    for_each_object(top, "screenings", Need::required, [&](const Fields& fields) {
        Screening screening;
        ScreeningTimes times;
        screening.id = fields.id("id", Need::required, "an id");
        screening_ids_.claim(screening.id, feed_.screenings.size(), fields.at("id"),
                             report_);
        screening.film = fields.id("film", Need::required, "a film id");
        screening.hall = fields.id("hall", Need::required, "a hall id");
        const auto starts_at = fields.time("starts_at", Need::required);
        times.start_ok = starts_at.has_value();
        screening.starts_at = starts_at.value_or(Instant{});
        times.end_given = fields.get("ends_at", Need::optional) != nullptr;
        if (const auto ends_at = fields.time("ends_at", Need::optional)) {
            screening.ends_at = *ends_at;
            times.end_ok = true;
            if (starts_at && *ends_at <= *starts_at) {
                report_.error(fields.at("ends_at"), "is not after starts_at (" +
                                                        format_rfc3339_utc(*starts_at) + ")");
                times.end_ok = false;
            }
        }
        const auto status =
            fields.choice<Status>("status", Need::required, status_from_code, status_choices);
        screening.status = status.value_or(Status::scheduled);
        const bool delayed = status == Status::delayed;
        const Need delay_need = delayed ? Need::required : Need::optional;
        const auto delay = fields.small_integer("delay_min", delay_need, 0, 10000,
                                                "an integer >= 0 (minutes, at most 10000)");
        if (delayed) {
            screening.delay_min = delay.value_or(0);
        } else if (delay && status) {
            report_.warning(fields.at("delay_min"),
                            "is ignored: the status is not \"delayed\"");
        }
        screening.note = fields.text("note", Need::optional, Lines::many);
        screening.qa = fields.boolean("qa").value_or(false);
        // Where a moved screening is now held. With any other status it would say the
        // screening is in two halls at once, and a kiosk cannot tell which one is meant.
        screening.moved_to = fields.id("moved_to", Need::optional, "a hall id");
        if (!screening.moved_to.empty() && status && *status != Status::moved) {
            report_.error(fields.at("moved_to"),
                          "is only allowed with the status \"moved\" (the status is " +
                              quote(status_code(*status)) + ")");
        }
        feed_.screenings.push_back(std::move(screening));
        screening_times_.push_back(times);
    });
}

void FeedReader::read_announcements(const Fields& top) {
    for_each_object(top, "announcements", Need::optional, [&](const Fields& fields) {
        Announcement announcement;
        announcement.id = fields.id("id", Need::required, "an id");
        announcement_ids_.claim(announcement.id, feed_.announcements.size(), fields.at("id"),
                                report_);
        announcement.text = fields.text("text", Need::required);
        announcement.level =
            fields.choice<Level>("level", Need::required, level_from_code, level_choices)
                .value_or(Level::info);
        announcement.from = fields.time("from", Need::optional);
        announcement.until = fields.time("until", Need::optional);
        if (announcement.from && announcement.until &&
            *announcement.until <= *announcement.from) {
            report_.error(fields.at("until"), "is not after from (" +
                                                  format_rfc3339_utc(*announcement.from) +
                                                  ")");
        }
        announcement.venues = string_list(
            fields, "venues", Need::optional, "a venue id (1 to 64 of A-Z a-z 0-9 . _ -)",
            is_valid_id);
        if (const json* venues = fields.array("venues", Need::optional);
            venues != nullptr && venues->empty()) {
            report_.error(fields.at("venues"),
                          "expected at least one venue id (leave the key out for all "
                          "venues)");
        }
        feed_.announcements.push_back(std::move(announcement));
    });
}

void FeedReader::read_assets(const Fields& top) {
    for_each_object(top, "assets", Need::optional, [&](const Fields& fields) {
        Asset asset;
        asset.id = fields.id("id", Need::required, "an id");
        asset_ids_.claim(asset.id, feed_.assets.size(), fields.at("id"), report_);
        if (const auto asset_path = fields.string("path", Need::required)) {
            if (const auto problem = asset_path_problem(*asset_path)) {
                report_.error(fields.at("path"), quote(*asset_path) + " " + *problem);
            } else {
                asset.path = *asset_path;
            }
        }
        if (const auto sha = fields.string("sha256", Need::required)) {
            if (sha->size() == 64 && std::all_of(sha->begin(), sha->end(), is_hex_digit)) {
                asset.sha256 = *sha;
                std::transform(asset.sha256.begin(), asset.sha256.end(),
                               asset.sha256.begin(), [](char c) {
                                   return c >= 'A' && c <= 'F' ? static_cast<char>(c + 32)
                                                               : c;
                               });
            } else {
                report_.error(fields.at("sha256"),
                              "expected 64 hex digits, got " + quote(*sha));
            }
        }
        asset.size = static_cast<std::uint64_t>(
            fields.integer("size", Need::required, 0, std::numeric_limits<std::int64_t>::max(),
                           "a size in bytes (an integer >= 0)")
                .value_or(0));
        if (const auto type = fields.string("type", Need::required)) {
            if (*type == "image/png" || *type == "image/jpeg") {
                asset.type = *type;
            } else {
                report_.error(fields.at("type"),
                              "expected \"image/png\" or \"image/jpeg\", got " +
                                  quote(*type));
            }
        }
        feed_.assets.push_back(std::move(asset));
    });
}

}  // namespace aff::feed_detail
