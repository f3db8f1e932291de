// The layout test the signage issue asks for: every screen, in every language, at every listed
// size, with the demo festival and with a feed of the longest realistic titles, measured with
// the real fonts. It fails on any text off screen, any two text boxes that overlap, and any text
// drawn outside its clip.
#include "kiosk/config.hpp"
#include "kiosk/shell.hpp"

#include "platform/fonts.hpp"
#include "platform/metrics_canvas.hpp"
#include "recording_canvas.hpp"
#include "tests/kiosk/canvas_checks.hpp"
#include "tests/kiosk/ui_fixture.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>
// CppUTest last: its leak-detecting operator new macro breaks standard headers after it.
#include <CppUTest/TestHarness.h>

using namespace aff;
using aff::test::at;
using aff::test::RecordingCanvas;
using aff::test::describe;
using aff::test::intersection;

namespace {

const Size sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {800, 480}, {3840, 2160}};

// Titles, names and notes as long as a real programme has them, in each language.
Feed longest_titles_feed() {
    Feed feed = test::demo_feed();
    const Text long_title{{"Қарлы тауларының арғы бетіндегі ұмытылған ауылдың соңғы мұғалімі туралы "
                           "аңыз",
                           "Легенда о последнем учителе забытого аула по ту сторону снежных гор "
                           "Заилийского Алатау",
                           "The Legend of the Last Schoolteacher of a Forgotten Village Beyond "
                           "the Snow Mountains of the Trans-Ili Alatau"}};
    const Text long_name{{"Әл-Фараби атындағы Қазақ ұлттық университетінің үлкен мәжіліс залы",
                          "Большой конференц-зал Казахского национального университета имени "
                          "аль-Фараби",
                          "Grand Conference Hall of the al-Farabi Kazakh National University"}};
    const Text long_note{{"Техникалық себептерге байланысты сеанс Жасыл залдан Үлкен залға "
                          "ауыстырылды",
                          "По техническим причинам сеанс перенесён из Зелёного зала в Большой "
                          "зал",
                          "For technical reasons this screening has moved from the Green Hall "
                          "to the Grand Hall"}};
    for (std::size_t i = 0; i < feed.films.size(); ++i) {
        Film& film = feed.films[i];
        film.title = long_title;
        film.original_title = i % 2 == 0 ? "제주의 달과 바람이 부는 언덕 위의 작은 집"
                                         : "Die Legende vom letzten Lehrer des vergessenen "
                                           "Dorfes jenseits der Schneeberge";
        film.director = Text{{"Ғалымжан Нұрсұлтанұлы Сейітқұлов-Ысқақов",
                              "Галымжан Нурсултанулы Сейиткулов-Искаков",
                              "Galymzhan Nursultanuly Seitkulov-Iskakov"}};
    }
    for (auto& venue : feed.venues) {
        venue.name = long_name;
        for (auto& hall : venue.halls) {
            hall.name = long_name;
        }
    }
    for (std::size_t i = 0; i < feed.screenings.size(); ++i) {
        Screening& s = feed.screenings[i];
        switch (i % 5) {
        case 0: s.status = Status::delayed; s.delay_min = 125; break;
        case 1: s.status = Status::moved; s.note = long_note; break;
        case 2: s.status = Status::cancelled; s.note = long_note; break;
        case 3: s.status = Status::sold_out; s.qa = true; break;
        default: break;
        }
    }
    return feed;
}

}  // namespace

TEST_GROUP(ScreenLayout) {
    std::unique_ptr<MetricsCanvas> metrics;
    std::string context;
    int frames = 0;

    void setup() override {
        const auto fonts = find_font_files("Noto Sans");
        CHECK_TRUE(fonts.has_value());
        metrics = MetricsCanvas::create(Size{1920, 1080}, *fonts);
    }
    void teardown() override { metrics.reset(); }

    // What a visitor sees of each text: its box, cut by the clip it was drawn under.
    void check_frame(const RecordingCanvas& canvas, Size size) {
        ++frames;
        const Rect screen{0, 0, size.w, size.h};
        std::vector<std::pair<Rect, const RecordingCanvas::TextOp*>> visible;
        for (const auto& op : canvas.texts) {
            CHECK_TEXT(op.box.w > 0, (context + " empty text: " + describe(op)).c_str());
            Rect seen = op.box;
            if (op.clip) {
                CHECK_TEXT(screen.contains(*op.clip), (context + " clip off screen").c_str());
                seen = intersection(op.box, *op.clip);
                if (seen.w == 0 || seen.h == 0) {
                    continue;  // scrolled out of its list
                }
            } else {
                CHECK_TEXT(screen.contains(op.box),
                           (context + " off screen: " + describe(op)).c_str());
            }
            visible.emplace_back(seen, &op);
        }
        for (std::size_t i = 0; i < visible.size(); ++i) {
            for (std::size_t j = i + 1; j < visible.size(); ++j) {
                CHECK_TEXT(!visible[i].first.intersects(visible[j].first),
                           (context + " overlap: " + describe(*visible[i].second) + " and " +
                            describe(*visible[j].second))
                               .c_str());
            }
        }
        for (const auto& image : canvas.images) {
            CHECK_TEXT(screen.contains(image.box), (context + " image off screen").c_str());
        }
    }

    void check_screens(const Feed& feed, const char* when, const std::vector<std::string>& screens,
                       const TypeScales& type = {}) {
        test::UiFixture kiosk(feed);
        for (const auto& name : screens) {
            const auto request = parse_screen(name);
            CHECK_TRUE(request.has_value());
            for (Size size : sizes) {
                metrics->resize(size);
                for (Lang lang : all_langs) {
                    kiosk.languages = LanguageCycle::pinned(lang);
                    Shell::Options options;
                    options.venue_id = "palace";
                    options.assets_dir = kiosk.ui.assets_dir;
                    options.settings.type_scales = type;
                    options.home = request->kind == ScreenKind::hall ? *request : ScreenRequest{};
                    options.start = *request;
                    Shell shell(kiosk.store, kiosk.i18n, kiosk.languages, options);
                    RecordingCanvas canvas(size, *metrics);
                    shell.update(at(when), std::chrono::milliseconds{0});
                    shell.render(canvas);
                    context = name + " " + std::to_string(size.w) + "x" + std::to_string(size.h) +
                              " " + std::string(lang_code(lang)) + " at " + when + ":";
                    CHECK_TEXT(canvas.texts.size() > 3, (context + " nearly empty").c_str());
                    check_frame(canvas, size);
                }
            }
        }
    }
};

TEST(ScreenLayout, EveryScreenOfTheDemoFitsEveryLanguageAndSize) {
    const std::vector<std::string> screens{"board", "day", "hall:palace-grand", "film:salt-road",
                                           "film:paper-cranes"};
    check_screens(test::demo_feed(), "2018-09-15T18:10:00+06:00", screens);
    check_screens(test::demo_feed(), "2018-09-17T14:05:00+06:00", screens);
}

TEST(ScreenLayout, EveryScreenFitsTheLongestRealisticTitles) {
    check_screens(longest_titles_feed(), "2018-09-17T14:05:00+06:00",
                  {"board", "day", "hall:palace-grand", "film:salt-road"});
}

TEST(ScreenLayout, LargerTypeOnSmallPanelsAndSmallerOnLargeOnesStillFits) {
    check_screens(test::demo_feed(), "2018-09-17T14:05:00+06:00",
                  {"board", "day", "hall:palace-grand", "film:salt-road"},
                  *parse_type_scales("800x480:130,1280x720:120,3840x2160:80,110"));
}

TEST(ScreenLayout, TheEmergencyAndTheUntrustedClockFitToo) {
    check_screens(test::demo_feed(), "2018-09-18T16:01:00+06:00", {"board", "hall:palace-grand"});
    check_screens(test::demo_feed(), "1970-01-01T00:01:00Z", {"board", "day", "hall:palace-grand"});
}
