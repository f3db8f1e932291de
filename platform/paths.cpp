#include "platform/paths.hpp"

#include "platform/error.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

namespace aff {
namespace {

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

std::filesystem::path state_base() {
    if (auto dir = env("AFF_STATE_DIR")) {
        return *dir;
    }
    // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
    if (auto xdg = env("XDG_STATE_HOME"); xdg && std::filesystem::path(*xdg).is_absolute()) {
        return std::filesystem::path(*xdg) / "aff-kiosk";
    }
    if (auto home = env("HOME")) {
        return std::filesystem::path(*home) / ".local" / "state" / "aff-kiosk";
    }
    throw PlatformError("no state directory: none of AFF_STATE_DIR, XDG_STATE_HOME, HOME is set");
}

}  // namespace

std::string data_dir() {
    if (auto dir = env("AFF_DATADIR")) {
        return *dir;
    }
    std::error_code error;
    if (std::filesystem::is_directory(AFF_INSTALL_DATADIR, error)) {
        return AFF_INSTALL_DATADIR;
    }
    return AFF_SOURCE_DATADIR;
}

std::string state_dir() {
    const std::filesystem::path dir = state_base();
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw PlatformError("cannot create the state directory '" + dir.string() +
                            "': " + error.message());
    }
    if (!std::filesystem::is_directory(dir, error)) {
        throw PlatformError("the state directory '" + dir.string() + "' is not a directory");
    }
    return dir.string();
}

}  // namespace aff
