// The UI's words: one TOML catalog per language (assets/i18n/kk.toml, ru.toml, en.toml), keys
// only in code. Tables nest ("board.now_showing"); a table whose keys are all CLDR plural
// categories (zero, one, two, few, many, other) is one plural message.
#pragma once

#include "sync/feed.hpp"
#include "sync/time/time.hpp"

#include <array>
#include <initializer_list>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aff {

class I18nError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The CLDR plural categories.
enum class Plural : std::uint8_t { zero, one, two, few, many, other };
std::string_view plural_name(Plural category);
// The CLDR cardinal rule of each language for an integer count.
Plural plural_category(Lang lang, long long n);
// The categories the rule of `lang` yields for integers: what its catalog must spell out.
std::vector<Plural> plural_categories(Lang lang);

// A placeholder and its value: {"n", "5"} fills "{n}".
using MessageArg = std::pair<std::string_view, std::string>;

class I18n {
public:
    // Loads kk.toml, ru.toml and en.toml from `dir`. Throws I18nError with a one-line reason.
    static I18n load(const std::string& dir);
    // From catalog texts already in memory, one TOML document per language (for tests and tools).
    static I18n from_toml(const std::array<std::string, 3>& documents);

    // The message, its placeholders filled. A missing key gives the key itself, reported once.
    std::string text(Lang lang, std::string_view key,
                     std::initializer_list<MessageArg> args = {}) const;
    // The plural message `key` in the form for `n`; {n} is the number.
    std::string plural(Lang lang, std::string_view key, long long n,
                       std::initializer_list<MessageArg> args = {}) const;
    // A date as the catalog's date.pattern spells it: "15 қыркүйек, сенбі".
    std::string date(Lang lang, Date date) const;
    // The day a screening is listed under, as festival programmes say it: its date, or for one
    // that starts after midnight (its `calendar` date is the day after its festival day) the
    // night it belongs to: "night of 15/16 September".
    std::string screening_day(Lang lang, Date festival_day, Date calendar) const;
    // The day and month alone: "14 September", "14 сентября", "14 қыркүйек".
    std::string day_and_month(Lang lang, Date date) const;

    // The message ids of a catalog: plain keys, and plural messages as their base key.
    std::set<std::string> message_ids(Lang lang) const;
    // Every text of a catalog, plural forms included (for the glyph coverage test).
    std::vector<std::string> all_texts(Lang lang) const;
    // The categories a plural message spells out; empty when `key` is not a plural message.
    std::set<Plural> plural_forms(Lang lang, std::string_view key) const;

private:
    struct Catalog {
        std::map<std::string, std::string, std::less<>> messages;    // flat "a.b.c" keys
        std::set<std::string, std::less<>> plural_keys;               // base keys of plurals
    };
    std::array<Catalog, 3> catalogs_;
    mutable std::set<std::string, std::less<>> reported_;  // missing keys already logged

    const std::string* find(Lang lang, std::string_view key) const;
    std::string missing(Lang lang, std::string_view key) const;
};

// Fills {name} placeholders; an unknown placeholder stays as it is.
std::string format_message(std::string_view pattern, std::initializer_list<MessageArg> args);

}  // namespace aff
