// The arrows between the wings go one way, and the sync library stays free of SDL:
// - sync/ includes nothing from platform/ or kiosk/, and no SDL header; its data side must build
//   and run on a machine (or in a service) with no video stack at all;
// - sync/time/ (aff_time) is a leaf: it includes nothing from the rest of sync/;
// - platform/ includes nothing from sync/ or kiosk/.
// The include checks read the source tree (AFF_SOURCE_DIR); the link check looks at what this
// runner loaded.
#include <link.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

// CppUTest last: its leak detector redefines `new`, which the standard headers must not see.
#include <CppUTest/TestHarness.h>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> loaded_objects() {
    std::vector<std::string> names;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            static_cast<std::vector<std::string>*>(data)->emplace_back(info->dlpi_name);
            return 0;
        },
        &names);
    return names;
}

struct Include {
    std::string where;  // "sync/store.cpp:12"
    std::string path;   // what it includes: "platform/clock.hpp", "SDL2/SDL.h"
};

// Every #include of every C++ file under one wing of the source tree, e.g. "sync".
std::vector<Include> includes_under(const std::string& wing) {
    const std::regex include_line(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    const fs::path root(AFF_SOURCE_DIR);
    std::vector<Include> found;
    for (const auto& entry : fs::recursive_directory_iterator(root / wing)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        std::smatch match;
        while (std::getline(in, line)) {
            ++number;
            if (std::regex_search(line, match, include_line)) {
                found.push_back({fs::relative(entry.path(), root).string() + ":" +
                                     std::to_string(number),
                                 match[1].str()});
            }
        }
    }
    return found;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// SDL.h, SDL_ttf.h, SDL2/SDL.h, SDL2/SDL_image.h ...
bool is_sdl_header(const std::string& path) {
    return starts_with(path, "SDL") || path.find("/SDL") != std::string::npos;
}

void check_none(const std::vector<Include>& includes, bool (*forbidden)(const std::string&),
                const char* rule) {
    CHECK_TEXT(includes.size() > 20, "found too few includes: is AFF_SOURCE_DIR right?");
    for (const Include& include : includes) {
        CHECK_TEXT(!forbidden(include.path),
                   (include.where + " includes " + include.path + ": " + rule).c_str());
    }
}

}  // namespace

TEST_GROUP(SyncBoundary){};

// This runner links aff_sync and everything it links, with --no-as-needed: any SDL library that
// creeps into aff_sync's link interface is loaded here.
TEST(SyncBoundary, TheSyncLibraryLoadsNoSdlLibrary) {
    for (const auto& name : loaded_objects()) {
        CHECK_TEXT(name.find("libSDL") == std::string::npos, ("loaded " + name).c_str());
    }
}

TEST(SyncBoundary, SyncIncludesNothingFromPlatformOrKioskAndNoSdlHeader) {
    check_none(
        includes_under("sync"),
        [](const std::string& path) {
            return starts_with(path, "platform/") || starts_with(path, "kiosk/") ||
                   is_sdl_header(path);
        },
        "sync/ may not include platform/, kiosk/ or SDL");
}

TEST(SyncBoundary, TimeIncludesNothingFromTheRestOfSync) {
    const auto includes = includes_under("sync/time");
    CHECK_TEXT(!includes.empty(), "sync/time has no includes: is AFF_SOURCE_DIR right?");
    for (const Include& include : includes) {
        const bool outside_time =
            starts_with(include.path, "sync/") && !starts_with(include.path, "sync/time/");
        CHECK_TEXT(!outside_time, (include.where + " includes " + include.path +
                                   ": sync/time/ is a leaf, it includes only sync/time/")
                                      .c_str());
    }
}

TEST(SyncBoundary, PlatformIncludesNothingFromSyncOrKiosk) {
    check_none(
        includes_under("platform"),
        [](const std::string& path) {
            return starts_with(path, "sync/") || starts_with(path, "kiosk/");
        },
        "platform/ may not include sync/ or kiosk/");
}
