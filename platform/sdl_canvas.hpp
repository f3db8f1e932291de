// The Canvas over an SDL_Renderer: rectangles through the renderer, text through a TextCache,
// pictures through an ImageCache. It draws into whatever target the renderer has (the window, a
// rotation texture, a surface).
#pragma once

#include "platform/canvas.hpp"
#include "platform/image_cache.hpp"
#include "platform/text_cache.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aff {

struct SdlCanvasOptions {
    std::size_t text_budget_bytes = TextCache::default_budget_bytes;
    std::size_t image_budget_bytes = ImageCache::default_budget_bytes;
    // A display decodes in the background; a single frame (a screenshot) cannot wait for that.
    ImageDecoding image_decoding = ImageDecoding::immediate;
    std::function<void()> image_ready;  // see ImageCache
};

class SdlCanvas final : public Canvas {
public:
    // `renderer` and `fonts` must outlive the canvas.
    SdlCanvas(SDL_Renderer& renderer, FontSet& fonts, Size size, SdlCanvasOptions options = {});

    Size size() const override { return size_; }
    void clear(Color color) override;
    void fill_rect(const Rect& rect, Color color) override;
    void fill_polygon(std::span<const Point> points, Color color) override;
    void draw_polyline(std::span<const Point> points, float width, Color color) override;
    TextSize measure(std::string_view utf8, const Font& font) override;
    void draw_text(std::string_view utf8, int x, int y, const Font& font, Color color) override;
    ImageState draw_image(std::string_view path, const Rect& box) override;
    void draw_modules(std::string_view key, const Modules& modules, const Rect& box, Color dark,
                      Color light) override;
    void set_clip(std::optional<Rect> clip) override;
    // Paints into a texture once per key and size (the last few layers are kept), then copies it.
    void draw_layer(std::string_view key, Size size, int x, int y,
                    const std::function<void(Canvas&)>& paint) override;
    // How many times a layer has been painted (not copied): for tests and the frame benchmark.
    std::size_t layers_painted() const { return layers_painted_; }

    // Lets every texture go (the renderer lost them): lines, pictures and module pictures are
    // made again on demand.
    void drop_textures();
    // The drawing target changed size (a resized window).
    void resize(Size size) { size_ = size; }
    TextCache& text_cache() { return text_; }
    const TextCache& text_cache() const { return text_; }
    ImageCache& image_cache() { return images_; }
    const ImageCache& image_cache() const { return images_; }

private:
    // Sets the blend mode `color` needs; false when it is fully transparent (nothing to draw).
    bool use_color(Color color);
    void draw_triangles(const std::vector<Point>& corners, const std::vector<int>& indices,
                        Color color);

    SDL_Renderer& renderer_;
    Size size_;
    TextCache text_;
    ImageCache images_;
    // The last module picture drawn (a kiosk shows one QR code), as a texture one pixel per module.
    std::string modules_key_;
    TexturePtr modules_texture_;
    // The layers kept, the most recently drawn first; at most max_layers.
    struct Layer {
        std::string key;
        Size size;
        TexturePtr texture;
    };
    static constexpr std::size_t max_layers = 3;
    std::vector<Layer> layers_;
    std::size_t layers_painted_ = 0;
    // The layer a paint is drawing into: its clip is the whole layer.
    std::optional<Size> painting_;
};

// Copies `frame`, the canvas of a screen mounted sideways, onto the renderer's current target of
// `output` pixels, turned clockwise by `rotation` degrees about its centre: the one place the
// picture is turned (see platform/rotation.hpp), for the display and an offscreen frame alike.
void draw_turned(SDL_Renderer& renderer, SDL_Texture& frame, Size output, int rotation);

}  // namespace aff
