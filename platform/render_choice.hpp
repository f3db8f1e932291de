// Which renderer suits the machine. With no GPU, SDL's "opengl" renderer runs on Mesa's llvmpipe,
// which costs tens of milliseconds and some 80 MB to start and is slower than SDL's own software
// renderer at what the kiosk draws (docs/benchmarks.md), so a machine without a DRM render node
// gets the software renderer unless SDL_RENDER_DRIVER says otherwise.
#pragma once

#include <string>

namespace aff {

// Whether `dri_dir` (normally /dev/dri) holds a DRM render node (renderD*): a GPU OpenGL can use.
bool has_render_node(const std::string& dri_dir);

}  // namespace aff
