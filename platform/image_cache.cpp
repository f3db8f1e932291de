#include "platform/image_cache.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

namespace aff {
namespace {

constexpr std::size_t bytes_per_pixel = 4;

void append_bytes(std::string& out, const void* data, std::size_t n) {
    out.append(static_cast<const char*>(data), n);
}

// The box size (fixed length), then the path.
std::string_view make_key(std::string& out, std::string_view path, Size box) {
    out.clear();
    append_bytes(out, &box.w, sizeof box.w);
    append_bytes(out, &box.h, sizeof box.h);
    out.append(path);
    return out;
}

// What the file's first bytes say it is, read before decoding so that a huge picture in a small
// file is refused without allocating for it.
struct Header {
    const char* type = nullptr;  // for IMG_LoadTyped_RW
    std::uint32_t w = 0;
    std::uint32_t h = 0;
};

std::optional<Header> read_header(const std::vector<unsigned char>& b) {
    const auto be16 = [&](std::size_t i) { return std::uint32_t{b[i]} << 8 | b[i + 1]; };
    const auto be32 = [&](std::size_t i) { return be16(i) << 16 | be16(i + 2); };
    static constexpr unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (b.size() >= 24 && std::equal(std::begin(png), std::end(png), b.begin()) &&
        std::memcmp(&b[12], "IHDR", 4) == 0) {
        return Header{"PNG", be32(16), be32(20)};
    }
    if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) {
        return std::nullopt;
    }
    // A JPEG is a chain of marked segments; the frame header (SOFn) holds the size.
    for (std::size_t i = 2; i + 4 <= b.size();) {
        if (b[i] != 0xFF) {
            return std::nullopt;
        }
        const unsigned char marker = b[i + 1];
        if (marker == 0xFF) {
            ++i;  // fill byte
        } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            i += 2;  // a marker without a segment
        } else if (marker == 0xD9 || marker == 0xDA) {
            return std::nullopt;  // the end, or image data, before any frame header
        } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                   marker != 0xCC) {
            if (i + 9 > b.size()) {
                return std::nullopt;
            }
            return Header{"JPG", be16(i + 7), be16(i + 5)};
        } else {
            i += 2 + be16(i + 2);
        }
    }
    return std::nullopt;
}

bool read_file(const std::string& path, std::vector<unsigned char>& out) {
    std::ifstream in(path, std::ios::binary);
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad() && in.is_open();
}

// The picture's size when drawn into `box`: no larger than the picture itself (the renderer
// stretches it when the box is larger) and, alone, within `max_pixels`.
Size decode_size(Size source, Size box, std::size_t max_pixels) {
    const double scale = std::min({1.0, static_cast<double>(box.w) / source.w,
                                   static_cast<double>(box.h) / source.h});
    double w = std::max(1.0, std::round(source.w * scale));
    double h = std::max(1.0, std::round(source.h * scale));
    if (w * h > static_cast<double>(max_pixels)) {
        const double shrink = std::sqrt(static_cast<double>(max_pixels) / (w * h));
        w = std::max(1.0, std::floor(w * shrink));
        h = std::max(1.0, std::floor(h * shrink));
    }
    return Size{static_cast<int>(w), static_cast<int>(h)};
}

Rect fit(Size source, const Rect& box) {
    const double scale = std::min(static_cast<double>(box.w) / source.w,
                                  static_cast<double>(box.h) / source.h);
    const int w = std::clamp(static_cast<int>(std::lround(source.w * scale)), 1, box.w);
    const int h = std::clamp(static_cast<int>(std::lround(source.h * scale)), 1, box.h);
    return Rect{box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

// Each target pixel is the average of the source pixels it covers, colour weighted by alpha. A
// large reduction, where bilinear filtering would skip most pixels and alias (fine print on a
// poster), stays smooth. Both surfaces are ARGB8888.
void box_filter(const SDL_Surface& src, SDL_Surface& dst) {
    const auto* in = static_cast<const unsigned char*>(src.pixels);
    auto* out = static_cast<unsigned char*>(dst.pixels);
    for (int dy = 0; dy < dst.h; ++dy) {
        const int y0 = static_cast<int>(std::int64_t{dy} * src.h / dst.h);
        const int y1 = std::max(y0 + 1, static_cast<int>(std::int64_t{dy + 1} * src.h / dst.h));
        auto* row = reinterpret_cast<Uint32*>(out + std::ptrdiff_t{dy} * dst.pitch);
        for (int dx = 0; dx < dst.w; ++dx) {
            const int x0 = static_cast<int>(std::int64_t{dx} * src.w / dst.w);
            const int x1 = std::max(x0 + 1, static_cast<int>(std::int64_t{dx + 1} * src.w / dst.w));
            std::uint64_t a = 0, r = 0, g = 0, b = 0;
            for (int y = y0; y < y1; ++y) {
                const auto* p = reinterpret_cast<const Uint32*>(in + std::ptrdiff_t{y} * src.pitch);
                for (int x = x0; x < x1; ++x) {
                    const Uint32 v = p[x];
                    const Uint32 alpha = v >> 24;
                    a += alpha;
                    r += ((v >> 16) & 0xFF) * alpha;
                    g += ((v >> 8) & 0xFF) * alpha;
                    b += (v & 0xFF) * alpha;
                }
            }
            const auto n =
                static_cast<std::uint64_t>(y1 - y0) * static_cast<std::uint64_t>(x1 - x0);
            const auto mean = [&](std::uint64_t sum) {
                return a == 0 ? Uint32{0} : static_cast<Uint32>((sum + a / 2) / a);
            };
            row[dx] = static_cast<Uint32>((a + n / 2) / n) << 24 | mean(r) << 16 | mean(g) << 8 |
                      mean(b);
        }
    }
}

SurfacePtr scaled(SurfacePtr picture, Size to) {
    if (picture->w == to.w && picture->h == to.h) {
        return picture;
    }
    SurfacePtr out{SDL_CreateRGBSurfaceWithFormat(0, to.w, to.h, 32, SDL_PIXELFORMAT_ARGB8888)};
    if (!out) {
        return nullptr;
    }
    if (picture->w >= 2 * to.w || picture->h >= 2 * to.h) {
        box_filter(*picture, *out);
    } else if (SDL_SoftStretchLinear(picture.get(), nullptr, out.get(), nullptr) != 0) {
        return nullptr;
    }
    return out;
}

}  // namespace

ImageCache::ImageCache(SDL_Renderer& renderer, ImageDecoding decoding,
                       std::function<void()> ready, std::size_t budget_bytes)
    : renderer_(renderer),
      decoding_(decoding),
      ready_(std::move(ready)),
      textures_(budget_bytes),
      failures_(max_failures) {
    // SDL_image may load its codecs lazily at the first decode, which is not thread-safe; load
    // them here, on the drawing thread. IMG_Quit is never called: other users may need them.
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
}

ImageCache::~ImageCache() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) {
        worker_.join();
    }
}

ImageCache::FileStamp ImageCache::stamp_of(const std::string& path) {
    std::error_code error;
    FileStamp stamp;
    stamp.exists = std::filesystem::is_regular_file(path, error);
    if (stamp.exists) {
        stamp.size = std::filesystem::file_size(path, error);
        stamp.modified = std::filesystem::last_write_time(path, error);
    }
    return stamp;
}

ImageCache::Decoded ImageCache::decode(const Job& job) {
    Decoded out{job.key, job.path, stamp_of(job.path), nullptr, Size{}, {}};
    const auto fail = [&](std::string why) {
        out.error = std::move(why);
        return std::move(out);
    };
    if (!out.stamp.exists) {
        return fail("there is no such file");
    }
    if (out.stamp.size > max_file_bytes) {
        return fail("the file is larger than " + std::to_string(max_file_bytes >> 20) + " MB");
    }
    std::vector<unsigned char> bytes;
    if (!read_file(job.path, bytes)) {
        return fail("the file cannot be read");
    }
    const auto header = read_header(bytes);
    if (!header) {
        return fail("it is not a PNG or JPEG file");
    }
    const auto limit = static_cast<std::uint32_t>(max_side);
    if (header->w < 1 || header->h < 1 || header->w > limit || header->h > limit) {
        return fail("it is " + std::to_string(header->w) + "x" + std::to_string(header->h) +
                    " pixels; the limit is " + std::to_string(max_side) + " a side");
    }
    const SurfacePtr decoded{IMG_LoadTyped_RW(
        SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())), 1, header->type)};
    if (!decoded) {
        return fail(std::string("it cannot be decoded: ") + IMG_GetError());
    }
    SurfacePtr argb{SDL_ConvertSurfaceFormat(decoded.get(), SDL_PIXELFORMAT_ARGB8888, 0)};
    if (!argb) {
        return fail(std::string("it cannot be converted: ") + SDL_GetError());
    }
    out.source = Size{argb->w, argb->h};
    out.surface = scaled(std::move(argb), decode_size(out.source, job.box, job.max_pixels));
    if (!out.surface) {
        return fail(std::string("it cannot be scaled: ") + SDL_GetError());
    }
    return out;
}

ImageCache::Picture ImageCache::get(std::string_view path, const Rect& box) {
    if (box.w <= 0 || box.h <= 0 || path.empty() || path.find('\0') != std::string_view::npos) {
        return Picture{};  // nothing to show, and no file to name
    }
    collect();
    const std::string_view key = make_key(key_, path, Size{box.w, box.h});
    if (Texture* known = textures_.find(key)) {
        ++stats_.hits;
        return Picture{ImageState::drawn, known->texture.get(), fit(known->source, box)};
    }
    if (pending_.contains(key_)) {
        return Picture{ImageState::pending, nullptr, {}};
    }
    const std::string file(path);
    if (const FileStamp* failed = failures_.find(file)) {
        if (*failed == stamp_of(file)) {
            return Picture{};
        }
    }
    // The texture alone must fit the budget, key included.
    const std::size_t budget = textures_.budget();
    Job job{key_, file, Size{box.w, box.h},
            (budget - std::min(budget, key_.size())) / bytes_per_pixel};
    if (decoding_ == ImageDecoding::immediate) {
        store(decode(job));
        if (Texture* made = textures_.find(job.key)) {
            return Picture{ImageState::drawn, made->texture.get(), fit(made->source, box)};
        }
        return Picture{};
    }
    start_worker();
    pending_.insert(job.key);
    {
        const std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
    return Picture{ImageState::pending, nullptr, {}};
}

bool ImageCache::contains(std::string_view path, Size box) const {
    std::string key;
    return textures_.contains(make_key(key, path, box));
}

void ImageCache::collect() {
    std::deque<Decoded> done;
    {
        const std::lock_guard lock(mutex_);
        if (done_.empty()) {
            return;
        }
        done.swap(done_);
        ready_called_ = false;
    }
    for (Decoded& decoded : done) {
        store(std::move(decoded));
    }
}

void ImageCache::store(Decoded decoded) {
    pending_.erase(decoded.key);
    if (decoded.surface) {
        TexturePtr texture{SDL_CreateTextureFromSurface(&renderer_, decoded.surface.get())};
        if (texture) {
            SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeLinear);
            SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
            ++stats_.decoded;
            failures_.erase(decoded.path);
            const std::size_t cost = static_cast<std::size_t>(decoded.surface->w) *
                                         static_cast<std::size_t>(decoded.surface->h) *
                                         bytes_per_pixel +
                                     decoded.key.size();
            stats_.evicted += textures_.insert(std::move(decoded.key),
                                               Texture{std::move(texture), decoded.source}, cost);
            return;
        }
        decoded.error = std::string("it cannot be uploaded: ") + SDL_GetError();
    }
    ++stats_.failed;
    SDL_Log("image: %s not shown: %s", decoded.path.c_str(), decoded.error.c_str());
    failures_.insert(decoded.path, decoded.stamp, 1);
}

void ImageCache::start_worker() {
    if (!worker_.joinable()) {
        worker_ = std::thread([this] { work(); });
    }
}

void ImageCache::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
        if (stop_) {
            return;
        }
        const Job job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        Decoded decoded = decode(job);
        lock.lock();
        if (stop_) {
            return;
        }
        done_.push_back(std::move(decoded));
        // One call until the drawing thread collects: a burst of decodes asks for one redraw.
        if (!ready_called_ && ready_) {
            ready_called_ = true;
            lock.unlock();
            ready_();
            lock.lock();
        }
    }
}

}  // namespace aff
