"""data/areas.geojson: optional area outlines, keyed by area slug."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.source.links import is_link_free

OUTLINES_FILE = "data/areas.geojson"


@dataclass(frozen=True)
class Outline:
    slug: str
    geometry: dict[str, Any]
    line: int
    schematic: bool


def _position_problem(point: Any) -> Text | None:
    if not isinstance(point, list) or not 2 <= len(point) <= 3:
        return Text("een punt is een lijst [lengte, breedte]",
                    "a point is a list [longitude, latitude]")
    if not all(isinstance(v, int | float) and not isinstance(v, bool)
               and (isinstance(v, int) or math.isfinite(v)) for v in point):
        return Text("een punt bevat iets anders dan een getal",
                    "a point holds something other than a number")
    lon, lat = point[0], point[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        shown = f"[{str(lon)[:20]}, {str(lat)[:20]}]"
        return Text(f"{shown} ligt niet op aarde (lengte -180..180, breedte -90..90)",
                    f"{shown} is not on earth (longitude -180..180, latitude -90..90)")
    return None


def _polygon_problem(polygon: Any) -> Text | None:
    if not isinstance(polygon, list) or not polygon:
        return Text("een polygoon is een lijst van ringen", "a polygon is a list of rings")
    for ring in polygon:
        if not isinstance(ring, list) or len(ring) < 4:
            return Text("een ring is een lijst van minstens 4 punten",
                        "a ring is a list of at least 4 points")
        for point in ring:
            problem = _position_problem(point)
            if problem is not None:
                return problem
    return None


def coordinates_problem(geometry: dict[str, Any]) -> Text | None:
    """What is wrong with a Polygon's or MultiPolygon's coordinates (nesting, numbers,
    ranges), or None. Checked here so that drawing the map never meets a surprise."""
    coords = geometry.get("coordinates")
    polygons = [coords] if geometry.get("type") == "Polygon" else coords
    if not isinstance(polygons, list) or not polygons:
        return Text("'coordinates' ontbreekt of is leeg", "'coordinates' is missing or empty")
    for polygon in polygons:
        problem = _polygon_problem(polygon)
        if problem is not None:
            return problem
    return None


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def load_outlines(root: Path) -> tuple[list[Outline], list[Diagnostic]]:
    path = root / OUTLINES_FILE
    if not path.is_file() or not is_link_free(root, path):  # links: see source.links
        return [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text)
    except UnicodeDecodeError:
        return [], [error("outline-json", Location(OUTLINES_FILE), Text(
            "het bestand is geen UTF-8", "the file is not UTF-8"))]
    except RecursionError:
        return [], [error("outline-json", Location(OUTLINES_FILE), Text(
            "de JSON is te diep genest", "the JSON is nested too deeply"))]
    except json.JSONDecodeError as exc:
        return [], [error("outline-json", Location(OUTLINES_FILE, exc.lineno, exc.colno), Text(
            f"geen geldige JSON: {exc.msg}", f"not valid JSON: {exc.msg}"),
            hint=Text("controleer komma's en haakjes", "check commas and brackets"))]
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        return [], [error("outline-shape", Location(OUTLINES_FILE), Text(
            "verwacht een GeoJSON FeatureCollection met 'features'",
            "expected a GeoJSON FeatureCollection with 'features'"))]
    outlines: list[Outline] = []
    problems: list[Diagnostic] = []
    for feature in features:
        slug = feature.get("id") if isinstance(feature, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(slug, str) or not isinstance(geometry, dict) or geometry.get(
                "type") not in {"Polygon", "MultiPolygon"}:
            problems.append(error("outline-shape", Location(
                OUTLINES_FILE, _line_of(text, json.dumps(slug)) if slug else 1), Text(
                "elke feature heeft een 'id' (de wijk) en een Polygon- of MultiPolygon-geometrie",
                "every feature needs an 'id' (the area) and a Polygon or MultiPolygon geometry")))
            continue
        bad = coordinates_problem(geometry)
        if bad is not None:
            problems.append(error("outline-coordinates", Location(
                OUTLINES_FILE, _line_of(text, json.dumps(slug))), Text(
                f"de coördinaten van '{slug}' kloppen niet: {bad.nl}",
                f"the coordinates of '{slug}' are wrong: {bad.en}"),
                hint=Text("exporteer de omtrek opnieuw als GeoJSON in WGS84 (lengte, breedte)",
                          "export the outline again as GeoJSON in WGS84 (longitude, "
                          "latitude)")))
            continue
        props = feature.get("properties") or {}
        outlines.append(Outline(slug, geometry, _line_of(text, json.dumps(slug)),
                                bool(isinstance(props, dict) and props.get("schematic"))))
    return sorted(outlines, key=lambda o: o.slug), problems
