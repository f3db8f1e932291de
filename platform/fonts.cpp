#include "platform/fonts.hpp"

#include "platform/code_points.hpp"
#include "platform/error.hpp"
#include "platform/sdl_handles.hpp"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>

namespace aff {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

struct FontSetDeleter {
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
using FcFontSetPtr = std::unique_ptr<FcFontSet, FontSetDeleter>;

struct CharSetDeleter {
    void operator()(FcCharSet* chars) const { FcCharSetDestroy(chars); }
};
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetDeleter>;

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

// The pattern fontconfig matches against: `family` at `weight`, upright, scalable, with the
// configuration's substitutions (sans-serif and the like) applied.
PatternPtr face_pattern(const std::string& family, int weight) {
    PatternPtr pattern{FcPatternCreate()};
    if (!pattern) {
        return nullptr;
    }
    FcPatternAddString(pattern.get(), FC_FAMILY, fc_str(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    if (FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern) == FcFalse) {
        return nullptr;
    }
    FcDefaultSubstitute(pattern.get());
    return pattern;
}

struct Face {
    std::string file;
    int weight = FC_WEIGHT_REGULAR;
};

std::optional<Face> match_face(const std::string& family, int weight) {
    const PatternPtr pattern = face_pattern(family, weight);
    if (!pattern) {
        return std::nullopt;
    }
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

// A font fontconfig listed for a fallback, if SDL_ttf can draw `code_point` with it at any size.
std::optional<FallbackFont> usable_fallback(const FcPattern& font, char32_t code_point) {
    FcCharSet* chars = nullptr;
    FcBool scalable = FcFalse;
    int slant = FC_SLANT_ROMAN;
    FcChar8* file = nullptr;
    FcChar8* family = nullptr;
    if (FcPatternGetCharSet(&font, FC_CHARSET, 0, &chars) != FcResultMatch ||
        FcCharSetHasChar(chars, code_point) == FcFalse ||
        FcPatternGetBool(&font, FC_SCALABLE, 0, &scalable) != FcResultMatch ||
        scalable == FcFalse ||
        (FcPatternGetInteger(&font, FC_SLANT, 0, &slant) == FcResultMatch &&
         slant != FC_SLANT_ROMAN) ||
        FcPatternGetString(&font, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(&font, FC_FAMILY, 0, &family) != FcResultMatch) {
        return std::nullopt;
    }
    int weight = FC_WEIGHT_REGULAR;
    FcPatternGetInteger(&font, FC_WEIGHT, 0, &weight);
    int index = 0;  // the face within a collection (.ttc)
    FcPatternGetInteger(&font, FC_INDEX, 0, &index);
    return FallbackFont{reinterpret_cast<const char*>(family), reinterpret_cast<const char*>(file),
                        index, weight >= FC_WEIGHT_DEMIBOLD};
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

std::optional<FallbackFont> find_fallback_font(char32_t code_point, const std::string& family,
                                               bool bold) {
    if (family.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    const PatternPtr pattern = face_pattern(family, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    const CharSetPtr wanted{FcCharSetCreate()};
    if (!pattern || !wanted || FcCharSetAddChar(wanted.get(), code_point) == FcFalse) {
        return std::nullopt;
    }
    // With the character in the pattern, fonts that have it sort first, each family's faces in
    // order of closeness to the weight asked for.
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
    FcResult result = FcResultNoMatch;
    const FcFontSetPtr sorted{FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result)};
    if (!sorted || result != FcResultMatch) {
        return std::nullopt;
    }
    // fontconfig ranks a family that covers many scripts (DejaVu Sans) above the script's own
    // member of the UI family (Noto Sans Georgian), which looks like the rest of the line.
    const std::string companion = family + " ";
    std::optional<FallbackFont> first;
    for (int i = 0; i < sorted->nfont; ++i) {
        auto found = usable_fallback(*sorted->fonts[i], code_point);
        if (!found) {
            continue;
        }
        if (found->family.starts_with(companion)) {
            return found;
        }
        if (!first) {
            first = std::move(found);
        }
    }
    return first;
}

std::vector<char32_t> missing_glyphs(const FontFiles& files, std::string_view utf8) {
    const TtfSession ttf;
    std::vector<TtfFontPtr> faces;
    for (const std::string* file : {&files.regular, &files.bold}) {
        if (file->empty() && file == &files.bold) {
            continue;  // the regular face is emboldened: the same glyphs
        }
        // The size does not matter: which characters a face has is the same at every size.
        faces.emplace_back(TTF_OpenFont(file->c_str(), 12));
        if (!faces.back()) {
            throw PlatformError("cannot open font '" + *file + "': " + TTF_GetError());
        }
    }
    std::vector<CodePoint> code_points;
    if (!CodePointReader().read(utf8, code_points)) {
        throw PlatformError("the text to check is not valid UTF-8");
    }
    std::vector<char32_t> missing;
    for (const CodePoint& code_point : code_points) {
        const char32_t c = code_point.value;
        const bool in_all = std::all_of(faces.begin(), faces.end(), [&](const TtfFontPtr& face) {
            return TTF_GlyphIsProvided32(face.get(), static_cast<Uint32>(c)) != 0;
        });
        if (!in_all && std::find(missing.begin(), missing.end(), c) == missing.end()) {
            missing.push_back(c);
        }
    }
    return missing;
}

}  // namespace aff
