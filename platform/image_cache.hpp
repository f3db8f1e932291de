// Pictures (posters) decoded once at about the size they are drawn and kept as textures, like the
// TextCache's lines: bounded by texture bytes, the least recently drawn let go first, so a steady
// frame decodes and uploads nothing. On a display the decoding runs on a worker thread, so no
// frame waits for a large JPEG: a picture is pending until its decode is done, and the cache then
// calls `ready` so the display can ask for a redraw. The screenshot mode decodes at the first draw
// instead, so its one frame has every picture. Textures are made on the drawing thread only (SDL
// renderers are single-threaded).
#pragma once

#include "platform/cache_stats.hpp"
#include "platform/canvas.hpp"
#include "platform/lru_cache.hpp"
#include "platform/sdl_handles.hpp"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>

namespace aff {

enum class ImageDecoding : std::uint8_t {
    background,  // on a worker thread; draws are pending until the picture is ready
    immediate,   // on the drawing thread, at the first draw (a screenshot)
};

class ImageCache {
public:
    static constexpr std::size_t default_budget_bytes = std::size_t{24} << 20;
    // Larger files or pictures are refused before decoding: a poster is never that large, and a
    // bad file must not take a small device's memory (4096 x 4096 decodes to 64 MB, which a
    // Pi Zero 2 W with 512 MB can spare for a moment; 8192 would take 256 MB).
    static constexpr int max_side = 4096;
    static constexpr std::uintmax_t max_file_bytes = std::uintmax_t{20} << 20;
    static constexpr std::size_t max_failures = 256;  // files remembered as failed

    struct Picture {
        ImageState state = ImageState::failed;
        SDL_Texture* texture = nullptr;  // when drawn; valid until the next call
        Rect rect;                       // where: fitted into the box, aspect kept, centred
    };

    // `renderer` must outlive the cache. `ready` is called from the worker thread each time
    // decodes finish after the last get(); it must be thread-safe (SDL_PushEvent is).
    ImageCache(SDL_Renderer& renderer, ImageDecoding decoding, std::function<void()> ready = {},
               std::size_t budget_bytes = default_budget_bytes);
    ~ImageCache();  // waits for a decode in progress
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // The picture at `path` for `box` (PNG or JPEG; the cache key is the path and the box size).
    // A file that fails is logged once and then answered `failed` until it changes on disk.
    Picture get(std::string_view path, const Rect& box);

    bool contains(std::string_view path, Size box) const;
    std::size_t size() const { return textures_.size(); }
    // Texture bytes (4 per pixel) plus key bytes held: what the budget bounds.
    std::size_t bytes() const { return textures_.cost(); }
    std::size_t budget_bytes() const { return textures_.budget(); }
    const ImageCacheStats& stats() const { return stats_; }

    // Lets every texture go, e.g. when the renderer lost its textures.
    void clear() { textures_.clear(); }

private:
    struct Job {
        std::string key;
        std::string path;
        Size box;
        std::size_t max_pixels = 0;  // so that the texture alone fits the budget
    };
    // A file as it was when a decode failed, to try again only once it changes.
    struct FileStamp {
        bool exists = false;
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        bool operator==(const FileStamp&) const = default;
    };
    // What a decode left: a picture at its drawing size, or why there is none.
    struct Decoded {
        std::string key;
        std::string path;
        FileStamp stamp;  // of the file as it was read
        SurfacePtr surface;
        Size source;  // the picture's own size
        std::string error;
    };

    struct Texture {
        TexturePtr texture;
        Size source;
    };

    static FileStamp stamp_of(const std::string& path);
    static Decoded decode(const Job& job);
    void collect();
    void store(Decoded decoded);
    void start_worker();
    void work();

    SDL_Renderer& renderer_;
    const ImageDecoding decoding_;
    const std::function<void()> ready_;
    LruCache<Texture> textures_;
    LruCache<FileStamp> failures_;  // by path, one unit each
    std::unordered_set<std::string> pending_;  // keys handed to the worker
    std::string key_;  // reused, so a lookup allocates nothing
    ImageCacheStats stats_;

    // Shared with the worker thread, under mutex_.
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    std::deque<Decoded> done_;
    bool ready_called_ = false;  // since the last collect()
    bool stop_ = false;
    std::thread worker_;  // started at the first background decode
};

}  // namespace aff
