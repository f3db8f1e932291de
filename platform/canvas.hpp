// The small drawing interface screens render through. platform/ implements it with SDL2
// (SdlCanvas); tests implement it to check layout without pixels.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace aff {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    bool contains(const Rect& o) const {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }
    bool intersects(const Rect& o) const {
        return o.x < right() && x < o.right() && o.y < bottom() && y < o.bottom();
    }
    bool operator==(const Rect&) const = default;
};

struct Size {
    int w = 0, h = 0;
    bool operator==(const Size&) const = default;
};

// A point in logical pixels (the canvas's own coordinates, before any rotation of the display).
// Fractions place shapes between pixels, as a map's coordinates need.
struct Point {
    float x = 0, y = 0;
    bool operator==(const Point&) const = default;
};

enum class Weight : std::uint8_t { regular, bold };

struct Font {
    int px = 16;  // line height in pixels
    Weight weight = Weight::regular;
    bool operator==(const Font&) const = default;
};

struct TextSize {
    int w = 0, h = 0;
};

// What became of a draw_image call.
enum class ImageState : std::uint8_t {
    drawn,    // on the canvas
    pending,  // being decoded in the background; the display asks for a redraw when it is ready
    failed,   // missing or not an image (reported once); the caller shows its own placeholder
};

// A square 1-bit picture (a QR code): side x side modules, row by row, non-zero is dark.
struct Modules {
    int side = 0;
    std::vector<std::uint8_t> dark;
};

class Canvas {
public:
    virtual ~Canvas() = default;
    virtual Size size() const = 0;
    virtual void clear(Color color) = 0;
    virtual void fill_rect(const Rect& rect, Color color) = 0;
    // The inside of a simple polygon (concave allowed, either winding; the last point joins the
    // first). Fewer than three points, or no area (all on one line), draws nothing; so does a
    // point that is not finite.
    virtual void fill_polygon(std::span<const Point> points, Color color) = 0;
    // A line `width` pixels wide through `points` in order, with round joins and flat ends that
    // stop at the first and last point. Fewer than two distinct points, or a width that is not
    // more than 0, draws nothing.
    virtual void draw_polyline(std::span<const Point> points, float width, Color color) = 0;
    // The box a single line of UTF-8 text takes in `font`.
    virtual TextSize measure(std::string_view utf8, const Font& font) = 0;
    // Draws one line of text with its top-left corner at (x, y).
    virtual void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) = 0;
    // The image file at `path` (PNG or JPEG), scaled to fit inside `box` with its aspect ratio
    // kept, centred. Decoded once at about that size, kept in a bounded cache.
    virtual ImageState draw_image(std::string_view path, const Rect& box) = 0;
    // `modules` scaled by a whole number of pixels per module, centred in `box`, on `light`.
    // `key` names the picture so that it is built once, not every frame.
    virtual void draw_modules(std::string_view key, const Modules& modules, const Rect& box,
                              Color dark, Color light) = 0;
    // Drawing outside `clip` is cut off until the clip is reset with nothing.
    virtual void set_clip(std::optional<Rect> clip) = 0;
    // A picture `size` pixels large that `paint` draws in its own coordinates ((0, 0) is its
    // top-left corner), placed with that corner at (x, y). A canvas that can keep pictures
    // (SdlCanvas: a texture) paints it once per `key` and size, then only copies it, so a steady
    // frame costs one blit; `key` must therefore name everything the picture shows (a floor, its
    // rotation, the language of its labels). Other canvases paint it straight through, offset.
    // Painting is clipped to the picture, and the clip is reset afterwards.
    virtual void draw_layer(std::string_view key, Size size, int x, int y,
                            const std::function<void(Canvas&)>& paint);
};

}  // namespace aff
