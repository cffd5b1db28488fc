"""Reading an editor's image (an `image:` under static/) without trusting it.

An image is untrusted input like any other file: it may be huge, lie about its size in the
header (a decompression bomb: a few KB that unpack to gigabytes), be truncated, or not be
an image at all. `open_image` decodes it within bounds and turns every way it can fail into
a `ImageProblem` (code + message), never an exception that reaches the editor.
"""

from __future__ import annotations

import struct
import warnings
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

from reisgids.errors import Text

if TYPE_CHECKING:  # Pillow is imported when an image is read: a build without any skips it
    from PIL import Image

MAX_BYTES = 20 * 1024 * 1024  # a photo for the web is far smaller
MAX_PIXELS = 40_000_000  # 40 MP: any camera photo; beyond that, a bomb or a mistake
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")  # what reisgids makes sizes of
ORIENTATION = 0x0112  # the EXIF tag; 5-8 mean the picture is turned a quarter
ROTATED = frozenset({5, 6, 7, 8})


@dataclass(frozen=True)
class ImageProblem(Exception):
    code: str
    message: Text
    hint: Text


def too_large(size: int) -> ImageProblem:
    mib = MAX_BYTES // (1024 * 1024)
    return ImageProblem("image-too-large", Text(
        f"de afbeelding is {size // (1024 * 1024)} MiB; meer dan {mib} MiB wordt niet "
        "verwerkt", f"the image is {size // (1024 * 1024)} MiB; over {mib} MiB is not "
        "processed"), Text("verklein de foto (2000 pixels breed is genoeg)",
                           "make the photo smaller (2000 pixels wide is enough)"))


def too_many_pixels(size: str) -> ImageProblem:
    """`size` ('9000×9000'), or '' when Pillow refused the header before we could ask."""
    limit = MAX_PIXELS // 1_000_000
    return ImageProblem("image-too-large", Text(
        f"de afbeelding is {size + ' pixels, ' if size else ''}meer dan {limit} miljoen "
        "pixels: dat wordt niet verwerkt",
        f"the image is {size + ' pixels, ' if size else ''}over {limit} million pixels: "
        "that is not processed"), Text(
        "verklein de foto (2000 pixels breed is genoeg)",
        "make the photo smaller (2000 pixels wide is enough)"))


def broken() -> ImageProblem:
    return ImageProblem("image-broken", Text(
        "het bestand is geen afbeelding die reisgids kan lezen (kapot of een ander formaat)",
        "the file is not an image reisgids can read (broken or another format)"), Text(
        "sla de afbeelding opnieuw op als JPEG, PNG of WebP",
        "save the image again as JPEG, PNG or WebP"))


# Pillow reads untrusted headers with many parsers; each fails in its own way
UNREADABLE = (OSError, ValueError, SyntaxError, EOFError, TypeError, IndexError, KeyError,
              struct.error, MemoryError)


def _bombs() -> tuple[type[Exception], ...]:
    """Pillow's refusals of a header that is too large (Pillow is imported by then)."""
    from PIL import Image

    return Image.DecompressionBombError, Image.DecompressionBombWarning


@dataclass(frozen=True)
class Header:
    width: int  # as shown: EXIF rotation applied
    height: int
    transparent: bool


def _open(data: bytes) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    from PIL import Image

    image = Image.open(BytesIO(data), formats=["JPEG", "PNG", "WEBP", "GIF"])
    width, height = image.size
    if width * height > MAX_PIXELS or width < 1 or height < 1:
        raise too_many_pixels(f"{width}×{height}")
    return image


def _transparent(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)


def read_header(data: bytes) -> Header:
    """Size and transparency from the header alone (nothing decoded). Raises ImageProblem."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit and refuses only at twice that; we refuse
            # at ours, from the header, before anything is decoded
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with _open(data) as image:
                width, height = image.size
                if image.getexif().get(ORIENTATION) in ROTATED:
                    width, height = height, width
                return Header(width, height, _transparent(image))
    except ImageProblem:
        raise
    except _bombs():
        raise too_many_pixels("") from None
    except UNREADABLE:
        raise broken() from None


def open_image(data: bytes) -> Image.Image:
    """The decoded image, upright (EXIF orientation applied), in RGB or RGBA.

    Raises ImageProblem for anything that is not a sound image within bounds."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _open(data)
            image.load()
            upright = ImageOps.exif_transpose(image)
            return upright.convert("RGBA" if _transparent(image) else "RGB")
    except ImageProblem:
        raise
    except _bombs():
        raise too_many_pixels("") from None
    except UNREADABLE:
        raise broken() from None
