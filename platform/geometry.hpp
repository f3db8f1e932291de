// Shapes as triangles, for a renderer that draws triangles (SDL_RenderGeometry): a polygon cut
// into triangles by ear clipping, and a polyline's outline with round joins. Pure functions, no
// SDL, so they are tested on their own.
#pragma once

#include "platform/canvas.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace aff {

// Three indices into the polygon's points, in the order that gives the triangle a positive area
// by the shoelace formula (x_a y_b - x_b y_a + ...): counter-clockwise with y up.
struct Triangle {
    std::uint32_t a = 0, b = 0, c = 0;
    bool operator==(const Triangle&) const = default;
};

// Triangles that cover a simple polygon (concave allowed, either winding, the last point joined
// to the first) exactly: their areas add up to the polygon's. Points repeated one after another,
// and points on a straight line between their neighbours, are allowed and make no triangle of
// their own. Fewer than three points, no area, or a point that is not finite: no triangles. A
// polygon that crosses itself gets triangles that stay within its points, not an exact cover.
std::vector<Triangle> triangulate(std::span<const Point> polygon);

// The triangles (three points each, in order) that draw a line `width` pixels wide through
// `points`: a band along each segment, a round wedge on the outside of each turn, flat ends at
// the first and last point. The arcs are fine enough that no point of them is a quarter pixel off
// a circle. Nothing for fewer than two distinct points, a width that is not more than 0, or a
// point that is not finite. The bands overlap on the inside of a turn, so a translucent line is
// a little denser there.
std::vector<Point> stroke_polyline(std::span<const Point> points, float width);

}  // namespace aff
