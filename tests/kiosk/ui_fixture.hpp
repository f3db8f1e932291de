// A kiosk UI over the demo festival for screen tests: a scratch cache holding the demo feed (its
// posters in an asset store), the real catalogs, a language cycle and a Navigator that records
// where taps asked to go.
#pragma once

#include "kiosk/i18n.hpp"
#include "kiosk/language_cycle.hpp"
#include "kiosk/ui.hpp"
#include "sync/store.hpp"
#include "tests/kiosk/demo_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aff::test {

class RecordingNavigator final : public Navigator {
public:
    void open_day() override { calls.push_back("day"); }
    void open_film(const std::string& film_id) override { calls.push_back("film:" + film_id); }
    void back() override { calls.push_back("back"); }

    std::vector<std::string> calls;
};

inline I18n catalogs() {
    return I18n::load(std::string(AFF_SOURCE_DATADIR) + "/i18n");
}

// The demo festival at the Palace, applied at its generation time; `languages` rotates kk, ru,
// en every 8 s from tick 0.
struct UiFixture {
    Store store;
    I18n i18n = catalogs();
    LanguageCycle languages{{Lang::kk, Lang::ru, Lang::en}, std::chrono::seconds{8},
                            std::chrono::milliseconds{0}};
    RecordingNavigator nav;
    Ui ui;

    explicit UiFixture(const Feed& feed = demo_feed(), std::string venue = "palace")
        : store(Store::open(":memory:")),
          ui{store, i18n, languages, std::move(venue), UiSettings{}, nav, demo_assets_dir} {
        store.apply(feed, feed.generated_at);
    }
};

}  // namespace aff::test
