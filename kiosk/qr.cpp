#include "kiosk/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace aff {

std::optional<Modules> make_qr(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const std::string nul_terminated(text);
    // Version 0: the smallest that holds the text. Case-sensitive, so a URL's path survives.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(nul_terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code || code->width <= 0) {
        return std::nullopt;
    }
    Modules modules;
    modules.side = code->width;
    const auto side = static_cast<std::size_t>(code->width);
    const std::size_t count = side * side;
    modules.dark.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        modules.dark[i] = static_cast<std::uint8_t>(code->data[i] & 1U);  // bit 0: dark module
    }
    return modules;
}

}  // namespace aff
