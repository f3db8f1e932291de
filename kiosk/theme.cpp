#include "kiosk/theme.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace aff {
namespace {

constexpr Color rgb(std::uint32_t hex) {
    return Color{static_cast<std::uint8_t>((hex >> 16) & 0xFF),
                 static_cast<std::uint8_t>((hex >> 8) & 0xFF),
                 static_cast<std::uint8_t>(hex & 0xFF), 255};
}

double linear_channel(std::uint8_t value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Sizes as fractions of the short side, designed on 1080 px: the clock 96 px, titles 44 px.
constexpr double clock_size = 96.0 / 1080.0;
constexpr double venue_size = 50.0 / 1080.0;
constexpr double title_size = 46.0 / 1080.0;
constexpr double row_size = 40.0 / 1080.0;
constexpr double body_size = 34.0 / 1080.0;
constexpr double label_size = 28.0 / 1080.0;
constexpr double caption_size = 26.0 / 1080.0;
constexpr double unit_size = 8.0 / 1080.0;
constexpr int min_font_px = 10;  // below this no panel renders legible text

Font scaled(int short_side, double fraction, Weight weight) {
    const int px = static_cast<int>(std::lround(short_side * fraction));
    return Font{std::max(px, min_font_px), weight};
}

}  // namespace

double relative_luminance(Color color) {
    return 0.2126 * linear_channel(color.r) + 0.7152 * linear_channel(color.g) +
           0.0722 * linear_channel(color.b);
}

double contrast_ratio(Color a, Color b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::optional<Color> parse_hex_color(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') {
        return std::nullopt;
    }
    std::uint32_t value = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const int digit = hex_digit(text[i]);
        if (digit < 0) {
            return std::nullopt;
        }
        value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return rgb(value);
}

namespace {

using Linear = std::array<double, 3>;

Linear to_linear(Color c) {
    return {linear_channel(c.r), linear_channel(c.g), linear_channel(c.b)};
}

// CIE L*a*b* (D65) of linear sRGB.
Linear to_lab(const Linear& rgb) {
    const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

}  // namespace

Color simulate_vision(Color color, Vision vision) {
    // Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
    static constexpr std::array<std::array<double, 9>, 3> matrices{{
        {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116,
         1.051998},
        {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940,
         0.968881},
        {1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367,
         0.303900},
    }};
    if (vision == Vision::typical) {
        return color;
    }
    const auto& m = matrices[static_cast<std::size_t>(vision) - 1];
    const Linear in = to_linear(color);
    const auto encode = [](double linear) {
        const double c = std::clamp(linear, 0.0, 1.0);
        const double v = c <= 0.0031308 ? c * 12.92 : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
        return static_cast<std::uint8_t>(std::lround(v * 255.0));
    };
    Color out = color;
    out.r = encode(m[0] * in[0] + m[1] * in[1] + m[2] * in[2]);
    out.g = encode(m[3] * in[0] + m[4] * in[1] + m[5] * in[2]);
    out.b = encode(m[6] * in[0] + m[7] * in[1] + m[8] * in[2]);
    return out;
}

double colour_difference(Color a, Color b) {
    const Linear la = to_lab(to_linear(a));
    const Linear lb = to_lab(to_linear(b));
    return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

Palette festival_palette() {
    Palette p;
    p.background = rgb(0x0D1117);
    p.band = rgb(0x161C25);
    p.rule = rgb(0x2A3340);
    p.text = rgb(0xF5F2EA);
    p.text_secondary = rgb(0xB4BECA);
    p.accent = rgb(0xF2B541);
    p.track = rgb(0x2A3340);
    p.progress = rgb(0xF2B541);
    p.delayed = rgb(0xF5BE4F);
    p.cancelled = rgb(0xFF9B8F);
    p.sold_out = rgb(0xC9B3FF);
    p.moved = rgb(0xB5E3FF);
    p.badge_text = rgb(0x0D1117);
    p.qa = rgb(0x7FDCC0);
    p.neutral_chip = rgb(0x5C6675);
    p.urgent = rgb(0xF5BE4F);
    p.emergency = rgb(0x8A0F14);
    p.emergency_text = rgb(0xFFFFFF);
    return p;
}

int TypeScales::percent_for(Size size) const {
    for (const auto& [screen, percent] : by_size) {
        // A rotated panel has the same type as the upright one.
        if (screen == size || (screen.w == size.h && screen.h == size.w)) {
            return percent;
        }
    }
    return fallback;
}

Theme Theme::for_screen(Size size, int type_percent) {
    Theme theme;
    theme.screen = size;
    theme.portrait = size.h > size.w;
    const int short_side = std::min(size.w, size.h);
    theme.unit = std::max(2, static_cast<int>(std::lround(short_side * unit_size)));
    theme.palette = festival_palette();
    // The type scale follows the configured percentage; the grid does not, so margins stay put.
    const int type_side = short_side * std::clamp(type_percent, TypeScales::min_percent,
                                                  TypeScales::max_percent) / 100;
    theme.type.clock = scaled(type_side, clock_size, Weight::bold);
    theme.type.venue = scaled(type_side, venue_size, Weight::bold);
    theme.type.title = scaled(type_side, title_size, Weight::bold);
    theme.type.row = scaled(type_side, row_size, Weight::regular);
    theme.type.body = scaled(type_side, body_size, Weight::regular);
    theme.type.label = scaled(type_side, label_size, Weight::bold);
    theme.type.caption = scaled(type_side, caption_size, Weight::regular);
    return theme;
}

}  // namespace aff
