"""data/areas.geojson: optional area outlines, keyed by area slug."""

from __future__ import annotations

import json
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
        props = feature.get("properties") or {}
        outlines.append(Outline(slug, geometry, _line_of(text, json.dumps(slug)),
                                bool(isinstance(props, dict) and props.get("schematic"))))
    return sorted(outlines, key=lambda o: o.slug), problems
