// A Canvas with the real fonts' measurements and no pixels, for layout tests of every screen in
// every language at every size: measure() is FontSet::measure, the same call SdlCanvas's text
// cache answers with (fallback fonts included), and drawing does nothing. Tests wrap it to record
// where things went.
#pragma once

#include "platform/canvas.hpp"
#include "platform/fonts.hpp"

#include <memory>

namespace aff {

class MetricsCanvas : public Canvas {
public:
    // Opens the fonts; throws PlatformError as FontSet does. Needs no display.
    static std::unique_ptr<MetricsCanvas> create(Size size, const FontFiles& fonts);
    ~MetricsCanvas() override;

    // Another screen size, keeping the fonts and the measurements made so far.
    virtual void resize(Size size) = 0;
};

}  // namespace aff
