// Polygons cut into triangles and polylines turned into triangles: the shapes the canvas draws
// through SDL_RenderGeometry, checked as geometry (areas, where the triangles are), not pixels.
#include "platform/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include <CppUTest/TestHarness.h>

using namespace aff;

namespace {

double shoelace(const std::vector<Point>& ring) {
    double twice = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point& a = ring[i];
        const Point& b = ring[(i + 1) % ring.size()];
        twice += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
    }
    return twice / 2;
}

double triangle_area(const Point& a, const Point& b, const Point& c) {
    return shoelace({a, b, c});
}

// Even-odd rule, for points well inside or outside (not on an edge).
bool inside(const std::vector<Point>& ring, Point p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point& a = ring[i];
        const Point& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            in = !in;
        }
    }
    return in;
}

std::vector<Point> reversed(std::vector<Point> ring) {
    std::reverse(ring.begin(), ring.end());
    return ring;
}

// The triangles cover `ring` exactly: each has area, lies inside it, and together they add up to
// its area.
void check_exact_cover(const std::vector<Point>& ring, std::size_t expected_triangles) {
    const std::vector<Triangle> triangles = triangulate(ring);
    LONGS_EQUAL(expected_triangles, triangles.size());
    double total = 0;
    for (const Triangle& t : triangles) {
        CHECK_TRUE(t.a < ring.size() && t.b < ring.size() && t.c < ring.size());
        const double area = triangle_area(ring[t.a], ring[t.b], ring[t.c]);
        CHECK_TRUE(area > 0);
        total += area;
        const Point centre{(ring[t.a].x + ring[t.b].x + ring[t.c].x) / 3,
                           (ring[t.a].y + ring[t.b].y + ring[t.c].y) / 3};
        CHECK_TRUE(inside(ring, centre));
    }
    DOUBLES_EQUAL(std::abs(shoelace(ring)), total, 1e-6);
}

double total_area(const std::vector<Point>& corners) {
    double total = 0;
    for (std::size_t i = 0; i + 2 < corners.size(); i += 3) {
        total += std::abs(triangle_area(corners[i], corners[i + 1], corners[i + 2]));
    }
    return total;
}

// How far the triangles reach from `centre` in the direction (dx, dy), unit length.
double reach(const std::vector<Point>& corners, Point centre, double dx, double dy) {
    double most = 0;
    for (const Point& p : corners) {
        most = std::max(most, (p.x - centre.x) * dx + (p.y - centre.y) * dy);
    }
    return most;
}

const std::vector<Point> square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
// An L: concave at (4, 4).
const std::vector<Point> ell{{0, 0}, {4, 0}, {4, 4}, {10, 4}, {10, 8}, {0, 8}};
// A comb of three teeth pointing up, concave between each.
const std::vector<Point> comb{{0, 10}, {0, 0},  {2, 0},  {2, 6}, {4, 6}, {4, 0},
                              {6, 0},  {6, 6},  {8, 6},  {8, 0}, {10, 0}, {10, 10}};
// A star of five points, every other corner reflex.
std::vector<Point> star() {
    std::vector<Point> ring;
    for (int i = 0; i < 10; ++i) {
        const double angle = std::numbers::pi / 5 * i;
        const double r = i % 2 == 0 ? 50 : 20;
        ring.push_back(Point{static_cast<float>(100 + r * std::sin(angle)),
                             static_cast<float>(100 - r * std::cos(angle))});
    }
    return ring;
}

}  // namespace

TEST_GROUP(Triangulate){};

TEST(Triangulate, AConvexPolygonIsCoveredByOneTriangleFewerThanItsCorners) {
    check_exact_cover(square, 2);
    check_exact_cover({{0, 0}, {3, 1}, {4, 4}, {2, 6}, {-1, 3}}, 3);
}

TEST(Triangulate, AConcavePolygonIsCoveredExactlyAndNothingOutsideIt) {
    check_exact_cover(ell, 4);
    check_exact_cover(comb, 10);
    check_exact_cover(star(), 8);
}

TEST(Triangulate, EitherWindingGivesTheSameCover) {
    check_exact_cover(reversed(square), 2);
    check_exact_cover(reversed(ell), 4);
    check_exact_cover(reversed(comb), 10);
    check_exact_cover(reversed(star()), 8);
}

TEST(Triangulate, PointsOnAnEdgeAndRepeatedPointsMakeNoTrianglesOfTheirOwn) {
    // The square with a point halfway along each edge, one corner twice and the first point
    // again at the end, as a closed path has it.
    const std::vector<Point> busy{{0, 0}, {5, 0}, {10, 0}, {10, 0}, {10, 5}, {10, 10},
                                  {5, 10}, {0, 10}, {0, 5}, {0, 0}};
    const std::vector<Triangle> triangles = triangulate(busy);
    LONGS_EQUAL(2, triangles.size());
    double total = 0;
    for (const Triangle& t : triangles) {
        total += triangle_area(busy[t.a], busy[t.b], busy[t.c]);
    }
    DOUBLES_EQUAL(100, total, 1e-9);
    // Collinear points at a concave corner too.
    check_exact_cover({{0, 0}, {2, 0}, {4, 0}, {4, 2}, {4, 4}, {7, 4}, {10, 4}, {10, 8}, {0, 8}},
                      4);
}

TEST(Triangulate, DegenerateInputGivesNoTriangles) {
    CHECK_TRUE(triangulate({}).empty());
    CHECK_TRUE(triangulate(std::vector<Point>{{1, 1}}).empty());
    CHECK_TRUE(triangulate(std::vector<Point>{{1, 1}, {5, 5}}).empty());
    CHECK_TRUE(triangulate(std::vector<Point>{{1, 1}, {1, 1}, {1, 1}, {1, 1}}).empty());
    CHECK_TRUE(triangulate(std::vector<Point>{{0, 0}, {1, 1}, {2, 2}, {3, 3}}).empty());
    CHECK_TRUE(triangulate(std::vector<Point>{{0, 0}, {4, 0}, {2, 0}}).empty());  // a spike
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    CHECK_TRUE(triangulate(std::vector<Point>{{0, 0}, {10, 0}, {nan, 10}}).empty());
    CHECK_TRUE(triangulate(std::vector<Point>{{0, 0}, {10, 0}, {10, inf}}).empty());
}

TEST(Triangulate, APolygonThatCrossesItselfEndsWithTrianglesOfItsOwnPoints) {
    // A bow tie: not simple, so no exact cover is promised; it must end, with valid indices.
    const std::vector<Point> bow{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {5, 20}, {-5, 3}};
    const std::vector<Triangle> triangles = triangulate(bow);
    CHECK_FALSE(triangles.empty());
    for (const Triangle& t : triangles) {
        CHECK_TRUE(t.a < bow.size() && t.b < bow.size() && t.c < bow.size());
    }
    // One whose two halves wind opposite ways and cancel has no area: nothing.
    CHECK_TRUE(triangulate(std::vector<Point>{{0, 0}, {10, 10}, {10, 0}, {0, 10}}).empty());
}

TEST_GROUP(StrokePolyline){};

TEST(StrokePolyline, OneSegmentIsABandOfItsWidthWithFlatEnds) {
    const std::vector<Point> line{{10, 10}, {30, 10}};
    const std::vector<Point> corners = stroke_polyline(line, 4);
    LONGS_EQUAL(6, corners.size());
    DOUBLES_EQUAL(80, total_area(corners), 1e-6);  // 20 long, 4 wide
    DOUBLES_EQUAL(2, reach(corners, line[0], 0, -1), 1e-6);
    DOUBLES_EQUAL(2, reach(corners, line[0], 0, 1), 1e-6);
    DOUBLES_EQUAL(0, reach(corners, line[0], -1, 0), 1e-6);
    DOUBLES_EQUAL(20, reach(corners, line[0], 1, 0), 1e-6);
}

TEST(StrokePolyline, ATurnIsJoinedRoundOnItsOutside) {
    // Right, then down: the outside of the corner at (20, 0) is up and to the right.
    const Point corner{20, 0};
    const std::vector<Point> corners = stroke_polyline({{{0, 0}, corner, {20, 20}}}, 10);
    const double diagonal = std::numbers::sqrt2 / 2;
    // Round: as far out diagonally as straight up or right, the radius, within a quarter pixel.
    DOUBLES_EQUAL(5, reach(corners, corner, diagonal, -diagonal), 0.25);
    DOUBLES_EQUAL(5, reach(corners, corner, 1, 0), 1e-5);
    DOUBLES_EQUAL(5, reach(corners, corner, 0, -1), 1e-5);
    // Two bands of 20 x 10 (their overlap inside the turn counted twice) and a quarter disc of
    // radius 5, its arc in straight pieces.
    const double quarter_disc = std::numbers::pi * 25 / 4;
    DOUBLES_EQUAL(200 + 200 + quarter_disc, total_area(corners), 1.0);
}

TEST(StrokePolyline, EitherWayRoundATurnGivesTheSameShape) {
    const std::vector<Point> forth = stroke_polyline({{{0, 0}, {20, 0}, {20, 20}}}, 10);
    const std::vector<Point> back = stroke_polyline({{{20, 20}, {20, 0}, {0, 0}}}, 10);
    DOUBLES_EQUAL(total_area(forth), total_area(back), 1e-4);
    const double diagonal = std::numbers::sqrt2 / 2;
    DOUBLES_EQUAL(reach(forth, {20, 0}, diagonal, -diagonal),
                  reach(back, {20, 0}, diagonal, -diagonal), 1e-4);
}

TEST(StrokePolyline, AStraightRunThroughAMiddlePointHasNoJoin) {
    const std::vector<Point> corners = stroke_polyline({{{0, 0}, {10, 0}, {20, 0}}}, 2);
    LONGS_EQUAL(12, corners.size());
    DOUBLES_EQUAL(40, total_area(corners), 1e-6);
}

TEST(StrokePolyline, NothingToDrawGivesNoTriangles) {
    CHECK_TRUE(stroke_polyline({}, 3).empty());
    CHECK_TRUE(stroke_polyline({{{5, 5}}}, 3).empty());
    CHECK_TRUE(stroke_polyline({{{5, 5}, {5, 5}, {5, 5}}}, 3).empty());
    CHECK_TRUE(stroke_polyline({{{0, 0}, {10, 0}}}, 0).empty());
    CHECK_TRUE(stroke_polyline({{{0, 0}, {10, 0}}}, -2).empty());
    const float nan = std::numeric_limits<float>::quiet_NaN();
    CHECK_TRUE(stroke_polyline({{{0, 0}, {10, 0}}}, nan).empty());
    CHECK_TRUE(stroke_polyline({{{0, 0}, {nan, 0}}}, 2).empty());
}
