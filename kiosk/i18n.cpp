#include "kiosk/i18n.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace aff {
namespace {

constexpr std::array<std::string_view, 6> plural_names{"zero", "one", "two", "few",
                                                       "many", "other"};
constexpr std::array<std::string_view, 12> month_keys{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> weekday_keys{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::optional<Plural> plural_from_name(std::string_view name) {
    for (std::size_t i = 0; i < plural_names.size(); ++i) {
        if (plural_names[i] == name) {
            return static_cast<Plural>(i);
        }
    }
    return std::nullopt;
}

bool is_plural_table(const toml::table& table) {
    return !table.empty() && std::all_of(table.begin(), table.end(), [](const auto& entry) {
        return plural_from_name(entry.first.str()).has_value() && entry.second.is_string();
    });
}

std::string format_args(std::string_view pattern, const std::vector<MessageArg>& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                auto name = pattern.substr(i + 1, close - i - 1);
                auto arg = std::find_if(args.begin(), args.end(),
                                        [&](const MessageArg& a) { return a.first == name; });
                if (arg != args.end()) {
                    out += arg->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i];
        ++i;
    }
    return out;
}

}  // namespace

std::string_view plural_name(Plural category) {
    return plural_names[static_cast<std::size_t>(category)];
}

Plural plural_category(Lang lang, long long n) {
    const unsigned long long i = static_cast<unsigned long long>(n < 0 ? -n : n);
    switch (lang) {
    case Lang::ru: {
        // CLDR ru, integers: one = i%10=1 and i%100!=11; few = i%10=2..4 and i%100!=12..14;
        // many = everything else.
        const auto mod10 = i % 10;
        const auto mod100 = i % 100;
        if (mod10 == 1 && mod100 != 11) {
            return Plural::one;
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
            return Plural::few;
        }
        return Plural::many;
    }
    case Lang::kk:  // CLDR kk: one = n=1 (the noun after a numeral is singular in both forms)
    case Lang::en:  // CLDR en: one = i=1 and v=0
        return i == 1 ? Plural::one : Plural::other;
    }
    return Plural::other;
}

std::vector<Plural> plural_categories(Lang lang) {
    switch (lang) {
    case Lang::ru: return {Plural::one, Plural::few, Plural::many};
    case Lang::kk:
    case Lang::en: return {Plural::one, Plural::other};
    }
    return {Plural::other};
}

std::string format_message(std::string_view pattern, std::initializer_list<MessageArg> args) {
    return format_args(pattern, std::vector<MessageArg>(args));
}

namespace {

void flatten(const toml::table& table, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& messages,
             std::set<std::string, std::less<>>& plural_keys, const std::string& where) {
    for (const auto& [key, node] : table) {
        std::string full = prefix.empty() ? std::string(key.str())
                                          : prefix + "." + std::string(key.str());
        if (const auto* value = node.as_string()) {
            messages[full] = value->get();
        } else if (const auto* sub = node.as_table()) {
            if (is_plural_table(*sub)) {
                plural_keys.insert(full);
            }
            flatten(*sub, full, messages, plural_keys, where);
        } else {
            throw I18nError(where + ": " + full + ": a message must be a string");
        }
    }
}

}  // namespace

I18n I18n::from_toml(const std::array<std::string, 3>& documents) {
    I18n i18n;
    for (Lang lang : all_langs) {
        const auto index = static_cast<std::size_t>(lang);
        const std::string where = std::string(lang_code(lang)) + ".toml";
        toml::table table;
        try {
            table = toml::parse(documents[index], where);
        } catch (const toml::parse_error& e) {
            throw I18nError(where + ":" + std::to_string(e.source().begin.line) + ": " +
                            std::string(e.description()));
        }
        auto& catalog = i18n.catalogs_[index];
        flatten(table, "", catalog.messages, catalog.plural_keys, where);
    }
    return i18n;
}

I18n I18n::load(const std::string& dir) {
    std::array<std::string, 3> documents;
    for (Lang lang : all_langs) {
        const std::string path = dir + "/" + std::string(lang_code(lang)) + ".toml";
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            throw I18nError("cannot read the message catalog '" + path + "'");
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        documents[static_cast<std::size_t>(lang)] = bytes.str();
    }
    return from_toml(documents);
}

const std::string* I18n::find(Lang lang, std::string_view key) const {
    const auto& messages = catalogs_[static_cast<std::size_t>(lang)].messages;
    auto it = messages.find(key);
    return it == messages.end() ? nullptr : &it->second;
}

std::string I18n::missing(Lang lang, std::string_view key) const {
    std::string id = std::string(lang_code(lang)) + ":" + std::string(key);
    if (reported_.insert(id).second) {
        std::cerr << "kiosk: no message '" << key << "' in the " << lang_code(lang)
                  << " catalog\n";
    }
    return std::string(key);
}

std::string I18n::text(Lang lang, std::string_view key,
                       std::initializer_list<MessageArg> args) const {
    const std::string* pattern = find(lang, key);
    if (pattern == nullptr) {
        return missing(lang, key);
    }
    return format_args(*pattern, std::vector<MessageArg>(args));
}

std::string I18n::plural(Lang lang, std::string_view key, long long n,
                         std::initializer_list<MessageArg> args) const {
    std::string base(key);
    const std::string form(plural_name(plural_category(lang, n)));
    const std::string* pattern = find(lang, base + "." + form);
    if (pattern == nullptr) {
        pattern = find(lang, base + ".other");
    }
    if (pattern == nullptr) {
        return missing(lang, key);
    }
    std::vector<MessageArg> all(args);
    all.emplace_back("n", std::to_string(n));
    return format_args(*pattern, all);
}

std::string I18n::date(Lang lang, Date date) const {
    const auto month = static_cast<std::size_t>(std::clamp(date.month, 1, 12) - 1);
    const auto day_of_week = static_cast<std::size_t>(weekday(date));
    return text(lang, "date.pattern",
                {{"day", std::to_string(date.day)},
                 {"month", text(lang, "month." + std::string(month_keys[month]))},
                 {"weekday", text(lang, "weekday." + std::string(weekday_keys[day_of_week]))}});
}

std::string I18n::day_and_month(Lang lang, Date date) const {
    const auto month = static_cast<std::size_t>(std::clamp(date.month, 1, 12) - 1);
    return text(lang, "date.day_month",
                {{"day", std::to_string(date.day)},
                 {"month", text(lang, "month." + std::string(month_keys[month]))}});
}

std::string I18n::screening_day(Lang lang, Date festival_day, Date calendar) const {
    if (calendar == festival_day) {
        return date(lang, festival_day);
    }
    const auto month_of = [&](Date d) {
        const auto index = static_cast<std::size_t>(std::clamp(d.month, 1, 12) - 1);
        return text(lang, "month." + std::string(month_keys[index]));
    };
    const bool one_month = calendar.month == festival_day.month;
    return text(lang, one_month ? "date.night" : "date.night_across_months",
                {{"day", std::to_string(festival_day.day)},
                 {"month", month_of(festival_day)},
                 {"next_day", std::to_string(calendar.day)},
                 {"next_month", month_of(calendar)}});
}

std::set<std::string> I18n::message_ids(Lang lang) const {
    const auto& catalog = catalogs_[static_cast<std::size_t>(lang)];
    std::set<std::string> ids(catalog.plural_keys.begin(), catalog.plural_keys.end());
    for (const auto& [key, value] : catalog.messages) {
        auto dot = key.rfind('.');
        const bool in_plural =
            dot != std::string::npos && catalog.plural_keys.contains(key.substr(0, dot));
        if (!in_plural) {
            ids.insert(key);
        }
    }
    return ids;
}

std::set<Plural> I18n::plural_forms(Lang lang, std::string_view key) const {
    const auto& catalog = catalogs_[static_cast<std::size_t>(lang)];
    std::set<Plural> forms;
    if (!catalog.plural_keys.contains(key)) {
        return forms;
    }
    for (std::size_t i = 0; i < plural_names.size(); ++i) {
        if (find(lang, std::string(key) + "." + std::string(plural_names[i])) != nullptr) {
            forms.insert(static_cast<Plural>(i));
        }
    }
    return forms;
}

std::vector<std::string> I18n::all_texts(Lang lang) const {
    std::vector<std::string> texts;
    for (const auto& [key, text] : catalogs_[static_cast<std::size_t>(lang)].messages) {
        texts.push_back(text);
    }
    return texts;
}

}  // namespace aff
