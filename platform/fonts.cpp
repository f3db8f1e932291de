#include "platform/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace aff {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

const FcChar8* fc_str(const std::string& s) {
    return reinterpret_cast<const FcChar8*>(s.c_str());
}

// fontconfig always answers with its best guess, which for an unknown family is some other
// family; only an exact (case-insensitive) family name counts as found.
bool has_family(const FcPattern& pattern, const std::string& family) {
    FcChar8* value = nullptr;
    for (int i = 0; FcPatternGetString(&pattern, FC_FAMILY, i, &value) == FcResultMatch; ++i) {
        if (FcStrCmpIgnoreCase(value, fc_str(family)) == 0) {
            return true;
        }
    }
    return false;
}

struct Face {
    std::string file;
    int weight = FC_WEIGHT_REGULAR;
};

std::optional<Face> match_face(const std::string& family, int weight) {
    PatternPtr pattern{FcPatternCreate()};
    if (!pattern) {
        return std::nullopt;
    }
    FcPatternAddString(pattern.get(), FC_FAMILY, fc_str(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    if (FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern) == FcFalse) {
        return std::nullopt;
    }
    FcDefaultSubstitute(pattern.get());

    FcResult result = FcResultNoMatch;
    PatternPtr found{FcFontMatch(nullptr, pattern.get(), &result)};
    if (!found || result != FcResultMatch || !has_family(*found, family)) {
        return std::nullopt;
    }
    // Text is drawn at any pixel size, which a bitmap font cannot do.
    FcBool scalable = FcFalse;
    if (FcPatternGetBool(found.get(), FC_SCALABLE, 0, &scalable) != FcResultMatch ||
        scalable == FcFalse) {
        return std::nullopt;
    }
    FcChar8* file = nullptr;
    if (FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch || file == nullptr) {
        return std::nullopt;
    }
    Face face;
    face.file = reinterpret_cast<const char*>(file);
    FcPatternGetInteger(found.get(), FC_WEIGHT, 0, &face.weight);
    return face;
}

}  // namespace

std::optional<FontFiles> find_font_files(const std::string& family) {
    if (family.empty() || family.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    const auto regular = match_face(family, FC_WEIGHT_REGULAR);
    if (!regular) {
        return std::nullopt;
    }
    FontFiles files;
    files.regular = regular->file;
    // For a family without a bold face fontconfig answers with the regular one again.
    const auto bold = match_face(family, FC_WEIGHT_BOLD);
    if (bold && bold->weight >= FC_WEIGHT_DEMIBOLD) {
        files.bold = bold->file;
    }
    return files;
}

}  // namespace aff
