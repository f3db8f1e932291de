#include "platform/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <optional>
#include <utility>

namespace aff {
namespace {

// In double, so that differences and products of float coordinates are exact or nearly.
struct Vec2 {
    double x = 0, y = 0;
};

Vec2 vec(const Point& p) { return Vec2{p.x, p.y}; }
Vec2 operator-(Vec2 a, Vec2 b) { return Vec2{a.x - b.x, a.y - b.y}; }
Vec2 operator+(Vec2 a, Vec2 b) { return Vec2{a.x + b.x, a.y + b.y}; }
Vec2 operator*(Vec2 a, double k) { return Vec2{a.x * k, a.y * k}; }
double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }

// Positive when o, a, b turn counter-clockwise (y up), 0 on one line.
double turn(const Point& o, const Point& a, const Point& b) {
    return cross(vec(a) - vec(o), vec(b) - vec(o));
}

bool finite(const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

Point point(Vec2 v) { return Point{static_cast<float>(v.x), static_cast<float>(v.y)}; }

// Inside or on the edge of the counter-clockwise triangle a, b, c.
bool in_triangle(const Point& a, const Point& b, const Point& c, const Point& p) {
    return turn(a, b, p) >= 0 && turn(b, c, p) >= 0 && turn(c, a, p) >= 0;
}

class EarClipper {
public:
    EarClipper(std::span<const Point> points, std::vector<std::uint32_t> ring)
        : points_(points), ring_(std::move(ring)) {}

    std::vector<Triangle> run() {
        drop_flat_corners();
        std::vector<Triangle> out;
        out.reserve(ring_.size() - 2);
        std::size_t i = 0;
        std::size_t tried = 0;  // vertices looked at since the last one went
        while (ring_.size() > 3) {
            const double t = corner_turn(i);
            if (t == 0) {
                // On a line with its neighbours (or a spike back along it): no area of its own.
                i = remove(i);
                tried = 0;
            } else if (t > 0 && is_ear(i)) {
                out.push_back(corner(i));
                i = remove(i);
                tried = 0;
            } else if (++tried > ring_.size()) {
                // No ear anywhere: the polygon crosses itself. Clip a convex corner anyway, so
                // this ends; the cover is not exact, but every triangle is within the points.
                const auto convex = find_convex();
                if (!convex) {
                    return out;
                }
                out.push_back(corner(*convex));
                i = remove(*convex);
                tried = 0;
            } else {
                i = (i + 1) % ring_.size();
            }
        }
        if (corner_turn(1) > 0) {
            out.push_back(corner(1));
        }
        return out;
    }

private:
    std::size_t prev(std::size_t i) const { return (i + ring_.size() - 1) % ring_.size(); }
    std::size_t next(std::size_t i) const { return (i + 1) % ring_.size(); }
    const Point& at(std::size_t i) const { return points_[ring_[i]]; }

    double corner_turn(std::size_t i) const { return turn(at(prev(i)), at(i), at(next(i))); }
    Triangle corner(std::size_t i) const {
        return Triangle{ring_[prev(i)], ring_[i], ring_[next(i)]};
    }

    // The corner at i can be cut off: no other vertex is inside it or on its edges. Only a
    // reflex vertex can be, so only those are looked at; a vertex at the same place as one of
    // the corner's own (the polygon touching itself there) does not count.
    bool is_ear(std::size_t i) const {
        const Point& a = at(prev(i));
        const Point& b = at(i);
        const Point& c = at(next(i));
        for (std::size_t j = next(next(i)); j != prev(i); j = next(j)) {
            const Point& p = at(j);
            if (p == a || p == b || p == c || corner_turn(j) > 0) {
                continue;
            }
            if (in_triangle(a, b, c, p)) {
                return false;
            }
        }
        return true;
    }

    // Vertices on a line with their neighbours (or a spike back along it) have no area of their
    // own; they go first, so that no triangle is cut at one. Removing one can flatten the one
    // before it, which is looked at again.
    void drop_flat_corners() {
        std::size_t i = 0;
        std::size_t unchanged = 0;
        while (ring_.size() > 3 && unchanged < ring_.size()) {
            if (corner_turn(i) == 0) {
                i = remove(i);
                unchanged = 0;
            } else {
                i = next(i);
                ++unchanged;
            }
        }
    }

    std::optional<std::size_t> find_convex() const {
        for (std::size_t j = 0; j < ring_.size(); ++j) {
            if (corner_turn(j) > 0) {
                return j;
            }
        }
        return std::nullopt;
    }

    // Removes vertex i; returns the index of the one before it, whose corner has changed.
    std::size_t remove(std::size_t i) {
        ring_.erase(ring_.begin() + static_cast<std::ptrdiff_t>(i));
        return i == 0 ? ring_.size() - 1 : i - 1;
    }

    std::span<const Point> points_;
    std::vector<std::uint32_t> ring_;
};

}  // namespace

std::vector<Triangle> triangulate(std::span<const Point> polygon) {
    if (polygon.size() < 3 || polygon.size() > UINT32_MAX ||
        !std::all_of(polygon.begin(), polygon.end(), finite)) {
        return {};
    }
    // The vertices in order, without a point repeated one after another (nor the first at the
    // end, as a closed path would have it).
    std::vector<std::uint32_t> ring;
    ring.reserve(polygon.size());
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        if (ring.empty() || polygon[ring.back()] != polygon[i]) {
            ring.push_back(static_cast<std::uint32_t>(i));
        }
    }
    while (ring.size() > 1 && polygon[ring.front()] == polygon[ring.back()]) {
        ring.pop_back();
    }
    if (ring.size() < 3) {
        return {};
    }
    // Twice the signed area: its sign is the winding. None (all on one line, or a figure of
    // eight whose halves cancel) is nothing to fill.
    double area2 = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        area2 += cross(vec(polygon[ring[i]]), vec(polygon[ring[(i + 1) % ring.size()]]));
    }
    if (area2 == 0) {
        return {};
    }
    if (area2 < 0) {
        std::reverse(ring.begin(), ring.end());
    }
    return EarClipper(polygon, std::move(ring)).run();
}

std::vector<Point> stroke_polyline(std::span<const Point> points, float width) {
    if (!(width > 0) || !std::isfinite(width) ||
        !std::all_of(points.begin(), points.end(), finite)) {
        return {};
    }
    std::vector<Vec2> path;
    path.reserve(points.size());
    for (const Point& p : points) {
        if (path.empty() || point(path.back()) != p) {
            path.push_back(vec(p));
        }
    }
    if (path.size() < 2) {
        return {};
    }
    const double half = static_cast<double>(width) / 2;
    // The angle an arc of this radius may turn through per triangle and stay within a quarter
    // pixel of the circle, a quarter turn at most.
    constexpr double tolerance = 0.25;
    const double step = half <= tolerance ? std::numbers::pi / 2
                                          : std::min(std::numbers::pi / 2,
                                                     2 * std::acos(1 - tolerance / half));
    std::vector<Point> out;
    const auto triangle = [&](Vec2 a, Vec2 b, Vec2 c) {
        out.push_back(point(a));
        out.push_back(point(b));
        out.push_back(point(c));
    };
    const auto direction = [&](std::size_t i) {
        const Vec2 d = path[i + 1] - path[i];
        return d * (1 / std::hypot(d.x, d.y));
    };
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const Vec2 d = direction(i);
        const Vec2 n = Vec2{-d.y, d.x} * half;
        const Vec2 a = path[i];
        const Vec2 b = path[i + 1];
        triangle(a + n, b + n, b - n);
        triangle(a + n, b - n, a - n);
        if (i + 2 == path.size()) {
            break;
        }
        // The wedge on the outside of the turn at b, from this band's edge to the next one's.
        const Vec2 e = direction(i + 1);
        const double sweep = std::atan2(cross(d, e), dot(d, e));
        if (sweep == 0) {
            continue;
        }
        const Vec2 outer = sweep > 0 ? Vec2{d.y, -d.x} : Vec2{-d.y, d.x};
        const double start = std::atan2(outer.y, outer.x);
        const auto pieces = static_cast<int>(std::ceil(std::abs(sweep) / step));
        Vec2 from = b + outer * half;
        for (int k = 1; k <= pieces; ++k) {
            const double angle = start + sweep * k / pieces;
            const Vec2 to = b + Vec2{std::cos(angle), std::sin(angle)} * half;
            triangle(b, from, to);
            from = to;
        }
    }
    return out;
}

}  // namespace aff
