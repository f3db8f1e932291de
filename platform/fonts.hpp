// Finding the font files of a family through fontconfig, so the kiosk uses whatever the system
// package installed (fonts-noto-core) instead of shipping its own copies.
#pragma once

#include <optional>
#include <string>

namespace aff {

struct FontFiles {
    std::string regular;
    std::string bold;  // empty when the family has no bold face: the regular one is emboldened
};

// Finds the files of a family through fontconfig ("Noto Sans"); nothing if fontconfig has no
// font whose family matches exactly (a substitute family is not accepted).
std::optional<FontFiles> find_font_files(const std::string& family);

}  // namespace aff
