#include "kiosk/i18n.hpp"

#include <optional>
#include <string>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;

TEST_GROUP(I18n) {
    std::optional<I18n> loaded;

    void setup() override { loaded = I18n::load(std::string(AFF_SOURCE_DATADIR) + "/i18n"); }
    void teardown() override { loaded.reset(); }

    const I18n& catalogs() const { return *loaded; }
    std::string minutes_left(Lang lang, long long n) const {
        return catalogs().plural(lang, "board.minutes_left", n);
    }
};

TEST(I18n, EveryCatalogHasExactlyTheKeysOfTheEnglishOne) {
    const auto english = catalogs().message_ids(Lang::en);
    CHECK_TRUE(english.size() > 40);
    for (Lang lang : {Lang::kk, Lang::ru}) {
        const auto ids = catalogs().message_ids(lang);
        for (const auto& id : english) {
            CHECK_TEXT(ids.contains(id), (std::string(lang_code(lang)) + " lacks " + id).c_str());
        }
        for (const auto& id : ids) {
            CHECK_TEXT(english.contains(id),
                       (std::string(lang_code(lang)) + " has extra " + id).c_str());
        }
    }
}

TEST(I18n, EveryPluralMessageSpellsOutTheFormsItsLanguageUses) {
    for (Lang lang : all_langs) {
        for (const char* key : {"board.minutes_left", "board.starts_in"}) {
            const auto forms = catalogs().plural_forms(lang, key);
            const auto needed = plural_categories(lang);
            LONGS_EQUAL(needed.size(), forms.size());
            for (Plural category : needed) {
                CHECK_TEXT(forms.contains(category), key);
            }
        }
    }
}

TEST(I18n, RussianPluralsFollowCldr) {
    STRCMP_EQUAL("ещё 0 минут", minutes_left(Lang::ru, 0).c_str());
    STRCMP_EQUAL("ещё 1 минута", minutes_left(Lang::ru, 1).c_str());
    STRCMP_EQUAL("ещё 2 минуты", minutes_left(Lang::ru, 2).c_str());
    STRCMP_EQUAL("ещё 5 минут", minutes_left(Lang::ru, 5).c_str());
    STRCMP_EQUAL("ещё 11 минут", minutes_left(Lang::ru, 11).c_str());
    STRCMP_EQUAL("ещё 21 минута", minutes_left(Lang::ru, 21).c_str());
    STRCMP_EQUAL("ещё 22 минуты", minutes_left(Lang::ru, 22).c_str());
    STRCMP_EQUAL("ещё 25 минут", minutes_left(Lang::ru, 25).c_str());
    STRCMP_EQUAL("ещё 101 минута", minutes_left(Lang::ru, 101).c_str());
    STRCMP_EQUAL("ещё 112 минут", minutes_left(Lang::ru, 112).c_str());
    STRCMP_EQUAL("ещё 114 минут", minutes_left(Lang::ru, 114).c_str());
}

TEST(I18n, KazakhKeepsTheNounSingularAfterAnyNumber) {
    STRCMP_EQUAL("0 минут қалды", minutes_left(Lang::kk, 0).c_str());
    STRCMP_EQUAL("1 минут қалды", minutes_left(Lang::kk, 1).c_str());
    STRCMP_EQUAL("2 минут қалды", minutes_left(Lang::kk, 2).c_str());
    STRCMP_EQUAL("5 минут қалды", minutes_left(Lang::kk, 5).c_str());
    STRCMP_EQUAL("11 минут қалды", minutes_left(Lang::kk, 11).c_str());
    STRCMP_EQUAL("21 минут қалды", minutes_left(Lang::kk, 21).c_str());
    STRCMP_EQUAL("22 минут қалды", minutes_left(Lang::kk, 22).c_str());
    STRCMP_EQUAL("25 минут қалды", minutes_left(Lang::kk, 25).c_str());
    STRCMP_EQUAL("101 минут қалды", minutes_left(Lang::kk, 101).c_str());
}

TEST(I18n, EnglishPluralsFollowCldr) {
    STRCMP_EQUAL("0 minutes left", minutes_left(Lang::en, 0).c_str());
    STRCMP_EQUAL("1 minute left", minutes_left(Lang::en, 1).c_str());
    STRCMP_EQUAL("2 minutes left", minutes_left(Lang::en, 2).c_str());
    STRCMP_EQUAL("5 minutes left", minutes_left(Lang::en, 5).c_str());
    STRCMP_EQUAL("11 minutes left", minutes_left(Lang::en, 11).c_str());
    STRCMP_EQUAL("21 minutes left", minutes_left(Lang::en, 21).c_str());
    STRCMP_EQUAL("22 minutes left", minutes_left(Lang::en, 22).c_str());
    STRCMP_EQUAL("25 minutes left", minutes_left(Lang::en, 25).c_str());
    STRCMP_EQUAL("101 minutes left", minutes_left(Lang::en, 101).c_str());
}

TEST(I18n, PluralRulesGiveTheCldrCategories) {
    CHECK_TRUE(plural_category(Lang::ru, 1) == Plural::one);
    CHECK_TRUE(plural_category(Lang::ru, 11) == Plural::many);
    CHECK_TRUE(plural_category(Lang::ru, 3) == Plural::few);
    CHECK_TRUE(plural_category(Lang::ru, 13) == Plural::many);
    CHECK_TRUE(plural_category(Lang::ru, 1001) == Plural::one);
    CHECK_TRUE(plural_category(Lang::kk, 1) == Plural::one);
    CHECK_TRUE(plural_category(Lang::kk, 2) == Plural::other);
    CHECK_TRUE(plural_category(Lang::en, 0) == Plural::other);
}

TEST(I18n, DatePatternsSpellTheFifteenthOfSeptember2018InEachLanguage) {
    const Date day{2018, 9, 15};
    STRCMP_EQUAL("15 қыркүйек, сенбі", catalogs().date(Lang::kk, day).c_str());
    STRCMP_EQUAL("15 сентября, суббота", catalogs().date(Lang::ru, day).c_str());
    STRCMP_EQUAL("Saturday 15 September", catalogs().date(Lang::en, day).c_str());
}

TEST(I18n, AScreeningAfterMidnightIsListedUnderTheNightItBelongsTo) {
    const I18n i18n = catalogs();
    const Date evening{2018, 9, 15};
    const Date after_midnight{2018, 9, 16};
    STRCMP_EQUAL("night of 15/16 September",
                 i18n.screening_day(Lang::en, evening, after_midnight).c_str());
    STRCMP_EQUAL("ночь с 15 на 16 сентября",
                 i18n.screening_day(Lang::ru, evening, after_midnight).c_str());
    STRCMP_EQUAL("15/16 қыркүйек түні",
                 i18n.screening_day(Lang::kk, evening, after_midnight).c_str());
    // Across a month's end, each day with its month.
    STRCMP_EQUAL("night of 30 September/1 October",
                 i18n.screening_day(Lang::en, Date{2018, 9, 30}, Date{2018, 10, 1}).c_str());
    STRCMP_EQUAL("ночь с 30 сентября на 1 октября",
                 i18n.screening_day(Lang::ru, Date{2018, 9, 30}, Date{2018, 10, 1}).c_str());
    STRCMP_EQUAL("30 қыркүйек/1 қазан түні",
                 i18n.screening_day(Lang::kk, Date{2018, 9, 30}, Date{2018, 10, 1}).c_str());
    // Before midnight it is the date.
    STRCMP_EQUAL("Saturday 15 September", i18n.screening_day(Lang::en, evening, evening).c_str());
}

TEST(I18n, PlaceholdersAreFilled) {
    STRCMP_EQUAL("Day 1 of 5",
                 catalogs().text(Lang::en, "board.day_of", {{"n", "1"}, {"total", "5"}}).c_str());
    STRCMP_EQUAL("День 2 из 5",
                 catalogs().text(Lang::ru, "board.day_of", {{"n", "2"}, {"total", "5"}}).c_str());
    STRCMP_EQUAL("Кешігу +15 мин",
                 catalogs().text(Lang::kk, "status.delayed", {{"n", "15"}}).c_str());
}

TEST(I18n, TheBoardSpeaksRealKazakh) {
    STRCMP_EQUAL("Қазір көрсетілуде", catalogs().text(Lang::kk, "board.now_showing").c_str());
    STRCMP_EQUAL("Сейчас на экране", catalogs().text(Lang::ru, "board.now_showing").c_str());
    STRCMP_EQUAL("Сұрақ-жауап", catalogs().text(Lang::kk, "qa.short").c_str());
    CHECK_TRUE(catalogs().text(Lang::kk, "qa.long").ends_with("сұрақ-жауап"));
    CHECK_TRUE(catalogs().text(Lang::ru, "qa.long").starts_with("Вопросы и ответы"));
    STRCMP_EQUAL("ҚАЗ", catalogs().text(Lang::kk, "language.short").c_str());
}

TEST(I18n, AMissingKeyGivesTheKeyItself) {
    STRCMP_EQUAL("board.no_such_key", catalogs().text(Lang::ru, "board.no_such_key").c_str());
    STRCMP_EQUAL("board.no_such_key", catalogs().text(Lang::ru, "board.no_such_key").c_str());
    STRCMP_EQUAL("no.plural", catalogs().plural(Lang::kk, "no.plural", 3).c_str());
}

TEST(I18n, AnUnknownPlaceholderStaysAsWritten) {
    STRCMP_EQUAL("at {time} in 5", format_message("at {time} in {n}", {{"n", "5"}}).c_str());
    STRCMP_EQUAL("broken {n", format_message("broken {n", {{"n", "5"}}).c_str());
}

TEST(I18n, ACatalogThatIsNotTomlIsAnError) {
    CHECK_THROWS(I18nError, I18n::from_toml({"a = 1 = 2", "", ""}));
    CHECK_THROWS(I18nError, I18n::from_toml({"a = 1", "", ""}));  // a message must be text
}

TEST(I18n, AMissingCatalogDirectoryIsAnError) {
    CHECK_THROWS(I18nError, I18n::load("/nonexistent/i18n"));
}
