// A QR code of a short text (the festival's programme URL), through libqrencode.
#pragma once

#include "platform/canvas.hpp"

#include <optional>
#include <string_view>

namespace aff {

// The modules of `text` at error correction level M, without the quiet zone (the caller leaves
// four modules of margin). Nothing for an empty text or one too long for a QR code.
std::optional<Modules> make_qr(std::string_view text);

}  // namespace aff
