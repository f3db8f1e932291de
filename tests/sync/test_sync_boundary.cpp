// The sync library stays free of SDL: the kiosk's data side must build and run on a machine (or in
// a service) with no video stack at all.
#include <CppUTest/TestHarness.h>

#include <link.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

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

}  // namespace

TEST_GROUP(SyncBoundary){};

// This runner links aff_sync and everything it links, with --no-as-needed: any SDL library that
// creeps into aff_sync's link interface is loaded here.
TEST(SyncBoundary, TheSyncLibraryLoadsNoSdlLibrary) {
    for (const auto& name : loaded_objects()) {
        CHECK_TEXT(name.find("libSDL") == std::string::npos, ("loaded " + name).c_str());
    }
}

TEST(SyncBoundary, NoSyncSourceIncludesAnSdlHeader) {
    namespace fs = std::filesystem;
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(AFF_SYNC_SOURCE_DIR)) {
        auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            bool includes_sdl = line.find("#include") != std::string::npos &&
                                line.find("SDL") != std::string::npos;
            CHECK_TEXT(!includes_sdl, (entry.path().string() + ": " + line).c_str());
        }
    }
    CHECK(files > 5);
}
