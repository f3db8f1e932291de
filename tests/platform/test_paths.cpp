#include "platform/error.hpp"
#include "platform/paths.hpp"
#include "support.hpp"

#include <CppUTest/TestHarness.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace aff;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the scratch dir for one test.
fs::path fresh(const char* name) {
    const fs::path dir = test::scratch_dir() / "paths" / name;
    fs::remove_all(dir);
    return dir;
}

}  // namespace

TEST_GROUP(Paths){};

TEST(Paths, DataDirIsAffDatadirWhenSet) {
    const test::ScopedEnv env("AFF_DATADIR", "/srv/aff/assets");
    STRCMP_EQUAL("/srv/aff/assets", data_dir().c_str());
}

TEST(Paths, DataDirIsTheInstalledOneIfPresentElseTheSourceAssets) {
    const test::ScopedEnv env("AFF_DATADIR", std::nullopt);
    const char* expected =
        fs::is_directory(AFF_INSTALL_DATADIR) ? AFF_INSTALL_DATADIR : AFF_SOURCE_DATADIR;
    STRCMP_EQUAL(expected, data_dir().c_str());
}

TEST(Paths, AnEmptyAffDatadirCountsAsUnset) {
    const test::ScopedEnv env("AFF_DATADIR", "");
    CHECK_TRUE(data_dir() != "");
}

TEST(Paths, StateDirIsAffStateDirAndIsCreated) {
    const fs::path dir = fresh("explicit") / "nested" / "state";
    const test::ScopedEnv env("AFF_STATE_DIR", dir.string());
    STRCMP_EQUAL(dir.string().c_str(), state_dir().c_str());
    CHECK_TRUE(fs::is_directory(dir));
}

TEST(Paths, StateDirFallsBackToXdgStateHome) {
    const fs::path xdg = fresh("xdg");
    const test::ScopedEnv unset("AFF_STATE_DIR", std::nullopt);
    const test::ScopedEnv env("XDG_STATE_HOME", xdg.string());
    STRCMP_EQUAL((xdg / "aff-kiosk").string().c_str(), state_dir().c_str());
    CHECK_TRUE(fs::is_directory(xdg / "aff-kiosk"));
}

TEST(Paths, StateDirFallsBackToHomeAndIgnoresARelativeXdgStateHome) {
    const fs::path home = fresh("home");
    const test::ScopedEnv unset("AFF_STATE_DIR", std::nullopt);
    const test::ScopedEnv relative("XDG_STATE_HOME", "relative/state");
    const test::ScopedEnv env("HOME", home.string());
    STRCMP_EQUAL((home / ".local/state/aff-kiosk").string().c_str(), state_dir().c_str());
    CHECK_TRUE(fs::is_directory(home / ".local/state/aff-kiosk"));
}

TEST(Paths, StateDirThatIsAFileIsAPlatformError) {
    const fs::path dir = fresh("file");
    fs::create_directories(dir);
    std::ofstream(dir / "state") << "not a directory\n";
    const test::ScopedEnv env("AFF_STATE_DIR", (dir / "state").string());
    CHECK_THROWS(PlatformError, state_dir());
}

TEST(Paths, StateDirWithNothingToGoOnIsAPlatformError) {
    const test::ScopedEnv a("AFF_STATE_DIR", std::nullopt);
    const test::ScopedEnv b("XDG_STATE_HOME", std::nullopt);
    const test::ScopedEnv c("HOME", std::nullopt);
    CHECK_THROWS(PlatformError, state_dir());
}
