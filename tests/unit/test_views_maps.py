"""reisgids.plan.maps: area outlines projected into an SVG viewBox, deterministically."""

from __future__ import annotations

from typing import Any

from reisgids.plan.maps import (
    PAD,
    WIDTH,
    Outlined,
    area_map,
    label_point,
    path_data,
    projection,
    rings_of,
)


def polygon(*points: tuple[float, float]) -> dict[str, Any]:
    ring = [list(p) for p in points]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def area(slug: str, geometry: dict[str, Any], schematic: bool = False) -> Outlined:
    return Outlined(slug, slug.title(), f"/wijken/{slug}/", geometry, schematic)


WEST = polygon((4.50, 51.90), (4.51, 51.90), (4.51, 51.91), (4.50, 51.91))
EAST = polygon((4.51, 51.90), (4.53, 51.90), (4.53, 51.91), (4.51, 51.91))


def test_the_same_outlines_give_the_same_map() -> None:
    first = area_map([area("west", WEST), area("oost", EAST)], current="west")
    again = area_map([area("oost", EAST), area("west", WEST)], current="west")
    assert first == again
    assert first is not None
    assert repr(first) == repr(area_map([area("west", WEST), area("oost", EAST)], "west"))


def test_the_map_fills_the_width_and_keeps_proportions() -> None:
    found = area_map([area("west", WEST), area("oost", EAST)])
    assert found is not None
    assert found.viewbox.startswith("0 0 400 ")
    height = float(found.height)
    # 0.03° of longitude at 51.905° N is about 0.0185° of latitude: 0.01° tall
    assert 200 < height < 250
    xs = [float(n) for s in found.shapes for n in _numbers(s.d)[0::2]]
    assert min(xs) == PAD and max(xs) == WIDTH - PAD


def test_the_current_area_is_drawn_last_and_marked() -> None:
    found = area_map([area("west", WEST), area("oost", EAST)], current="oost")
    assert found is not None
    assert [(s.slug, s.current) for s in found.shapes] == [("west", False), ("oost", True)]


def test_coordinates_are_rounded_to_one_decimal_without_minus_zero() -> None:
    found = area_map([area("west", WEST)])
    assert found is not None
    for number in _numbers(found.shapes[0].d):
        assert number == str(round(float(number), 1)).removesuffix(".0")
        assert not number.startswith("-0")


def test_north_is_up() -> None:
    project = projection([(4.5, 51.9), (4.6, 52.0)])
    assert project((4.5, 52.0))[1] < project((4.5, 51.9))[1]


def test_label_sits_in_the_middle_of_a_square() -> None:
    project = projection([(0.0, 0.0), (1.0, 1.0)])
    x, y = label_point(rings_of(polygon((0, 0), (1, 0), (1, 1), (0, 1))), project)
    cx, cy = project((0.5, 0.5))
    assert abs(x - cx) < 1e-6 and abs(y - cy) < 1e-6


def test_multipolygons_and_holes_become_one_path() -> None:
    multi = {"type": "MultiPolygon", "coordinates": [
        [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]], [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]],
        [[[3, 0], [4, 0], [4, 1], [3, 0]]]]}
    rings = rings_of(multi)
    assert [len(p) for p in rings] == [2, 1]
    d = path_data(rings, projection([p for poly in rings for r in poly for p in r]))
    assert d.count("M") == 3 and d.count("Z") == 3


def test_no_usable_outline_gives_no_map() -> None:
    assert area_map([]) is None
    assert area_map([area("leeg", {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]})]) is None
    assert area_map([area("punt", {"type": "Point", "coordinates": [0, 0]})]) is None


def test_schematic_outlines_are_said_to_be_schematic() -> None:
    found = area_map([area("west", WEST, schematic=True), area("oost", EAST)])
    assert found is not None and found.schematic
    exact = area_map([area("west", WEST)])
    assert exact is not None and not exact.schematic


def _numbers(d: str) -> list[str]:
    return d.replace("M", " ").replace("L", " ").replace("Z", " ").split()


def test_other_areas_are_links_and_the_dots_sit_in_rows_under_the_label() -> None:
    found = area_map([area("west", WEST), area("oost", EAST)], current="west", markers=8)
    assert found is not None and found.linked  # 'oost' links to its page
    assert [m.number for m in found.markers] == list(range(1, 9))
    rows = sorted({m.y for m in found.markers})
    assert len(rows) == 2  # six, then two
    assert [float(m.x) for m in found.markers[:6]] == sorted(float(m.x) for m in
                                                             found.markers[:6])
    alone = area_map([area("west", WEST)], current="west", markers=30)
    assert alone is not None and not alone.linked  # only the page itself: nothing to click
    assert len(alone.markers) == 12  # the legend lists as many, no more
    assert area_map([area("west", WEST), area("oost", EAST)]).markers == ()  # type: ignore[union-attr]


def test_the_example_guide_outlines_every_area_schematically() -> None:
    import json
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    features = json.loads((root / "data/areas.geojson").read_text(encoding="utf-8"))["features"]
    areas = sorted(p.stem for p in (root / "content/areas").glob("*.md"))
    assert sorted(f["id"] for f in features) == areas
    assert all(f["properties"]["schematic"] is True for f in features)
