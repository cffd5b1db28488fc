"""Responsive images, made at build time: every `image:` of a published entry becomes a set
of widths in WebP plus a JPEG (or PNG, when transparent) fallback, for <picture> with
srcset/sizes and the width and height that keep the page from shifting.

Files go to /_img/<hash>-<width>.<ext>; the hash covers the image's bytes, the encoder
settings and the Pillow version, so the same input gives the same bytes and a file of the
previous build (`previous`, the old output folder) can be reused instead of encoded again.
Anything wrong with an image is a diagnostic at the entry's `image:` line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reisgids.errors import Diagnostic, Location, error
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import page_url
from reisgids.source.images import (
    MAX_BYTES,
    RASTER,
    ImageProblem,
    open_image,
    read_header,
    too_large,
)

if TYPE_CHECKING:  # Pillow is imported when an image is made: a build without any skips it
    from PIL import Image

    from reisgids.plan.page import Page
    from reisgids.render.site import PageReuse

WIDTHS = (320, 640, 960, 1280)
FOLDER = "_img"
SETTINGS = "webp:q78:m4|jpeg:q80:opt:prog|png:opt|lanczos|v1"  # in the hash: change = new files


@dataclass(frozen=True)
class Variant:
    width: int
    webp: str  # site path
    fallback: str


@dataclass(frozen=True)
class ImageInfo:
    """What a template needs for one image: the fallback src, its intrinsic size, srcsets."""

    src: str
    width: int
    height: int
    webp_srcset: str
    srcset: str
    fallback_type: str


@dataclass(frozen=True)
class Images:
    """The images of the site, for templates: `images.of(kind, slug)` -> {info, alt} or None."""

    infos: Mapping[str, ImageInfo]  # /static/... -> info
    entries: Mapping[Key, tuple[str, str]]  # entry -> (src, alt)

    def of(self, kind: str, slug: str) -> dict[str, Any] | None:
        found = self.entries.get((kind, slug))
        if found is None or found[0] not in self.infos:
            return None
        return {"info": self.infos[found[0]], "alt": found[1]}


class WithImages:
    """The build cache's PageReuse (render.site), with the images beside the site view it
    fingerprints: a page whose picture (or a card's) changed is rendered again, not
    carried over."""

    def __init__(self, reuse: PageReuse, images: Images) -> None:
        self.reuse, self.images = reuse, images
        self._merged: tuple[object, tuple[object, Images]] | None = None

    def decide(self, path: str, page: Page, site: object) -> tuple[bool, str | None]:
        if self._merged is None or self._merged[0] is not site:
            self._merged = (site, (site, self.images))
        return self.reuse.decide(path, page, self._merged[1])

    def note(self, path: str, page: Page, carried: bool, key: str | None) -> None:
        self.reuse.note(path, page, carried, key)


def content_hash(data: bytes) -> str:
    import PIL

    digest = hashlib.sha256(data)
    digest.update(f"|{SETTINGS}|{PIL.__version__}".encode())
    return digest.hexdigest()[:20]


def widths_for(width: int) -> tuple[int, ...]:
    """The widths to make: the standard ones below the original, and the original if it is
    smaller than the largest (never upscaled)."""
    top = min(width, WIDTHS[-1])
    return (*(w for w in WIDTHS if w < top), top)


def encode(image: Image.Image, width: int) -> tuple[bytes, bytes, str]:
    """(webp, fallback, fallback extension) of `image` scaled to `width`."""
    from PIL import Image

    height = max(1, round(image.height * width / image.width))
    scaled = image if width == image.width else image.resize((width, height),
                                                             Image.Resampling.LANCZOS)
    webp = BytesIO()
    scaled.save(webp, format="WEBP", quality=78, method=4)
    fallback = BytesIO()
    if scaled.mode == "RGBA":
        scaled.save(fallback, format="PNG", optimize=True)
        return webp.getvalue(), fallback.getvalue(), "png"
    scaled.save(fallback, format="JPEG", quality=80, optimize=True, progressive=True)
    return webp.getvalue(), fallback.getvalue(), "jpg"


def reuse(previous: Path | None, names: list[str]) -> dict[str, bytes] | None:
    """The files of an earlier build with these names, if all are there (the cache)."""
    if previous is None:
        return None
    found: dict[str, bytes] = {}
    for name in names:
        path = previous / name
        if path.is_symlink() or not path.is_file():
            return None
        found[name] = path.read_bytes()
    return found


def process(graph: ContentGraph, data: bytes, previous: Path | None
            ) -> tuple[ImageInfo, dict[str, bytes]]:
    """One image's variants: from the cache when a build made them before, else encoded.
    Raises ImageProblem."""
    digest = content_hash(data)
    header = read_header(data)  # size and alpha without decoding: enough for a cache hit
    ext = "png" if header.transparent else "jpg"
    names = []
    for w in widths_for(header.width):
        names += [f"{FOLDER}/{digest}-{w}.webp", f"{FOLDER}/{digest}-{w}.{ext}"]
    files = reuse(previous, names)
    if files is None:
        image = open_image(data)
        files = {}
        for w in widths_for(image.width):
            webp, fallback, ext = encode(image, w)
            files[f"{FOLDER}/{digest}-{w}.webp"] = webp
            files[f"{FOLDER}/{digest}-{w}.{ext}"] = fallback
    widths = widths_for(header.width)
    largest = widths[-1]
    height = max(1, round(header.height * largest / header.width))

    def url(w: int, e: str) -> str:
        return page_url(graph, f"/{FOLDER}/{digest}-{w}.{e}")

    return ImageInfo(
        src=url(largest, ext), width=largest, height=height,
        webp_srcset=", ".join(f"{url(w, 'webp')} {w}w" for w in widths),
        srcset=", ".join(f"{url(w, ext)} {w}w" for w in widths),
        fallback_type="image/png" if ext == "png" else "image/jpeg"), files


def prepare_images(root: Path, graph: ContentGraph, previous: Path | None = None
                   ) -> tuple[Images, dict[str, bytes], list[Diagnostic]]:
    """The images of every published entry: (index for templates, files, problems)."""
    infos: dict[str, ImageInfo] = {}
    entries: dict[Key, tuple[str, str]] = {}
    files: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    failed: set[str] = set()
    for key in sorted(graph.published):
        entry = graph.entries[key]
        src, alt = entry.data.image, entry.data.image_alt or ""
        if not src or not src.lower().endswith(RASTER):
            continue  # no image, or one (SVG) that is shown as it is
        entries[key] = (src, alt)
        if src in infos or src in failed:
            continue
        path = root / src.lstrip("/")
        try:
            if path.is_symlink() or not path.is_file():
                failed.add(src)  # reported by the graph checks (image-missing)
                continue
            if path.stat().st_size > MAX_BYTES:
                raise too_large(path.stat().st_size)
            info, made = process(graph, path.read_bytes(), previous)
        except ImageProblem as problem:
            failed.add(src)
            problems.append(error(problem.code, Location(entry.rel, entry.line_of("image")),
                                  problem.message, field="image", hint=problem.hint))
            continue
        infos[src] = info
        files.update(made)
    return Images(infos, entries), files, problems

