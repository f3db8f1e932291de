// The one exception platform/ throws: a device, file or library refused, with the reason.
#pragma once

#include <stdexcept>

namespace aff {

class PlatformError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace aff
