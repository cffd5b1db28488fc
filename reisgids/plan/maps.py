"""Inline SVG maps of area outlines, projected at build time: no tiles, no requests.

Longitude/latitude go through an equirectangular projection (longitude shrunk by the cosine
of the middle latitude) into a viewBox 400 units wide; coordinates are rounded to one
decimal, so the same outlines always give the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

WIDTH = 400.0
PAD = 8.0
MAX_HEIGHT = 400.0

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Shape:
    slug: str
    title: str
    url: str  # href of the area page, '' when not published
    d: str  # SVG path data
    current: bool  # the highlighted area
    label_x: str
    label_y: str


@dataclass(frozen=True)
class Marker:
    """A numbered dot for a partner or project in the current area; the list under the map
    links each number (dots are not links: small targets that crowd each other)."""

    number: int
    x: str
    y: str


@dataclass(frozen=True)
class MapView:
    viewbox: str
    width: str
    height: str
    shapes: tuple[Shape, ...]  # neighbours first, the current area last (drawn on top)
    schematic: bool
    markers: tuple[Marker, ...] = ()

    @property
    def linked(self) -> bool:
        """Some shape links to its area page: the SVG is then a group of links, not an image."""
        return any(s.url and not s.current for s in self.shapes)


def rings_of(geometry: Mapping[str, Any]) -> list[list[Ring]]:
    """Polygons as lists of rings of (lon, lat); outer ring first."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    found: list[list[Ring]] = []
    for polygon in polygons:
        rings = [[(float(p[0]), float(p[1])) for p in ring if len(p) >= 2]
                 for ring in polygon]
        rings = [r for r in rings if len(r) >= 3]
        if rings:
            found.append(rings)
    return found


def _num(value: float) -> str:
    text = f"{round(value, 1) + 0.0:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Projection:
    min_lon: float
    max_lat: float
    scale: float  # SVG units per degree of latitude
    shrink: float  # cos(middle latitude)
    height: float

    def __call__(self, point: Point) -> Point:
        lon, lat = point
        return (PAD + (lon - self.min_lon) * self.shrink * self.scale,
                PAD + (self.max_lat - lat) * self.scale)


def projection(points: Sequence[Point]) -> Projection:
    """Fit the points into WIDTH (and at most MAX_HEIGHT), keeping proportions."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    shrink = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * shrink, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = min((WIDTH - 2 * PAD) / span_x, (MAX_HEIGHT - 2 * PAD) / span_y)
    return Projection(min_lon, max_lat, scale, shrink, span_y * scale + 2 * PAD)


def path_data(polygons: Iterable[list[Ring]], project: Projection) -> str:
    parts = []
    for rings in polygons:
        for ring in rings:
            points = [project(p) for p in ring]
            if points[0] == points[-1]:
                points = points[:-1]
            head, *rest = points
            parts.append(f"M{_num(head[0])} {_num(head[1])}"
                         + "".join(f"L{_num(x)} {_num(y)}" for x, y in rest) + "Z")
    return "".join(parts)


def label_point(polygons: Sequence[list[Ring]], project: Projection) -> Point:
    """The area-weighted centroid of the largest outer ring (falls back to its average)."""
    best: Ring = max((rings[0] for rings in polygons), key=lambda r: abs(_area(r)))
    points = [project(p) for p in best]
    area = _area(points)
    if abs(area) < 1e-9:
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (6 * area), cy / (6 * area))


def _area(points: Sequence[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
               in zip(points, [*points[1:], points[0]], strict=True)) / 2


@dataclass(frozen=True)
class Outlined:
    """What the map needs of one area: its slug, name, href and GeoJSON geometry."""

    slug: str
    title: str
    url: str
    geometry: Mapping[str, Any]
    schematic: bool


MARKER_STEP = 20.0  # viewBox units between dots
MARKERS_PER_ROW = 6
MAX_MARKERS = 12


def markers_around(x: float, y: float, count: int) -> tuple[Marker, ...]:
    """`count` dots in rows of six, centred under the label at (x, y), so the label stays
    readable; deterministic."""
    shown = min(count, MAX_MARKERS)
    dots = []
    for i in range(shown):
        row, col = divmod(i, MARKERS_PER_ROW)
        in_row = min(MARKERS_PER_ROW, shown - row * MARKERS_PER_ROW)
        dots.append(Marker(i + 1, _num(x + (col - (in_row - 1) / 2) * MARKER_STEP),
                           _num(y + MARKER_STEP * (row + 1))))
    return tuple(dots)


def area_map(areas: Sequence[Outlined], current: str = "", markers: int = 0
             ) -> MapView | None:
    """A map of `areas` (sorted by slug; `current` highlighted and drawn last), with
    `markers` numbered dots around the current area's label."""
    polygons = {a.slug: rings_of(a.geometry) for a in areas}
    drawn = sorted((a for a in areas if polygons[a.slug]),
                   key=lambda a: (a.slug == current, a.slug))
    if not drawn:
        return None
    points = [p for a in drawn for rings in polygons[a.slug] for ring in rings for p in ring]
    project = projection(points)
    shapes = []
    for area in drawn:
        x, y = label_point(polygons[area.slug], project)
        shapes.append(Shape(area.slug, area.title, area.url,
                            path_data(polygons[area.slug], project), area.slug == current,
                            _num(x), _num(y)))
    height = _num(project.height)
    dots: tuple[Marker, ...] = ()
    if markers and current in polygons and polygons[current]:
        x, y = label_point(polygons[current], project)
        dots = markers_around(x, y, markers)
    return MapView(f"0 0 {_num(WIDTH)} {height}", _num(WIDTH), height, tuple(shapes),
                   any(a.schematic for a in drawn), dots)
