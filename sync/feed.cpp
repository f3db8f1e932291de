#include "sync/feed.hpp"

#include <cstddef>

namespace aff {
namespace {

// The codes are the feed's spelling; the order of each table is the order of its enum.
constexpr std::array<std::string_view, 3> lang_codes{"kk", "ru", "en"};
constexpr std::array<std::string_view, 5> status_codes{
    "scheduled", "delayed", "cancelled", "sold_out", "moved"};
constexpr std::array<std::string_view, 3> level_codes{"info", "urgent", "emergency"};
constexpr std::array<std::string_view, 15> node_kind_codes{
    "kiosk", "entrance", "exit", "hall", "corridor", "stairs", "elevator", "escalator", "toilet",
    "accessible_toilet", "cafe", "tickets", "info", "cloakroom", "first_aid"};

constexpr std::array<std::string_view, 12> area_kind_codes{
    "hall", "room", "foyer", "corridor", "toilet", "stairs", "elevator", "cafe", "shop",
    "outside", "obstacle", "nonpublic"};

constexpr std::array<std::string_view, 5> edge_kind_codes{"walk", "stairs", "ramp", "elevator",
                                                          "escalator"};

template <typename Enum, std::size_t N>
std::string_view code_of(const std::array<std::string_view, N>& codes, Enum value) {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? codes[index] : std::string_view{};
}

template <typename Enum, std::size_t N>
std::optional<Enum> enum_of(const std::array<std::string_view, N>& codes, std::string_view code) {
    for (std::size_t i = 0; i < N; ++i) {
        if (codes[i] == code) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view lang_code(Lang lang) { return code_of(lang_codes, lang); }
std::optional<Lang> lang_from_code(std::string_view code) {
    return enum_of<Lang>(lang_codes, code);
}

std::string_view status_code(Status status) { return code_of(status_codes, status); }
std::optional<Status> status_from_code(std::string_view code) {
    return enum_of<Status>(status_codes, code);
}

std::string_view level_code(Level level) { return code_of(level_codes, level); }
std::optional<Level> level_from_code(std::string_view code) {
    return enum_of<Level>(level_codes, code);
}

std::string_view node_kind_code(NodeKind kind) { return code_of(node_kind_codes, kind); }
std::optional<NodeKind> node_kind_from_code(std::string_view code) {
    return enum_of<NodeKind>(node_kind_codes, code);
}

std::string_view area_kind_code(AreaKind kind) { return code_of(area_kind_codes, kind); }
AreaKind area_kind_from_code(std::string_view code) {
    return enum_of<AreaKind>(area_kind_codes, code).value_or(AreaKind::room);
}

std::string_view edge_kind_code(EdgeKind kind) { return code_of(edge_kind_codes, kind); }
std::optional<EdgeKind> edge_kind_from_code(std::string_view code) {
    return enum_of<EdgeKind>(edge_kind_codes, code);
}

const std::string& Text::get(Lang lang) const {
    if (!raw(lang).empty()) {
        return raw(lang);
    }
    for (const Lang fallback : {Lang::ru, Lang::en, Lang::kk}) {
        if (!raw(fallback).empty()) {
            return raw(fallback);
        }
    }
    return raw(lang);
}

}  // namespace aff
