"""Responsive images: sizes made at build time with Pillow (WebP + fallback), shown with
alt text, width and height; cached by content hash; broken or huge files are diagnostics."""

from __future__ import annotations

import re
import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from conftest import NOW, SiteFactory, run_cli
from outputs_support import BASIC, basic_site, graph_of
from PIL import Image

from reisgids.render import images as image_module
from reisgids.render.images import prepare_images, widths_for

DEAL = "content/deals/samen-eten.md"
ALT = "Buren aan een lange tafel"


def photo(width: int, height: int, mode: str = "RGB") -> bytes:
    image = Image.new(mode, (width, height), (40, 120, 180, 128)[: len(mode)])
    for x in range(0, width, 7):  # some detail, so the encoders have work to do
        image.putpixel((x, (x * 3) % height), (250, 200, 10, 255)[: len(mode)])
    out = BytesIO()
    image.save(out, format="PNG" if "A" in mode else "JPEG")
    return out.getvalue()


def site_with(make_site: SiteFactory, image: bytes, name: str = "foto.jpg") -> Path:
    text = (BASIC / DEAL).read_text(encoding="utf-8").replace(
        "image: /static/img/maaltijd.png", f"image: /static/img/{name}")
    text = re.sub(r"image_alt: .*", f"image_alt: {ALT}", text)
    root = basic_site(make_site, {DEAL: text})
    (root / "static/img" / name).write_bytes(image)
    return root


def build(root: Path, out: Path) -> str:
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_widths_are_never_upscaled_nor_repeated() -> None:
    assert widths_for(4) == (4,)
    assert widths_for(700) == (320, 640, 700)
    assert widths_for(1280) == (320, 640, 960, 1280)
    assert widths_for(3000) == (320, 640, 960, 1280)


def test_an_image_gets_sizes_alt_width_and_height_on_its_page_and_card(
        make_site: SiteFactory, tmp_path: Path) -> None:
    root = site_with(make_site, photo(1000, 500))
    out = tmp_path / "out"
    build(root, out)
    made = sorted(p.name for p in (out / "_img").iterdir())
    assert [re.sub(r"^[0-9a-f]{20}-", "", n) for n in made] == [
        "1000.jpg", "1000.webp", "320.jpg", "320.webp", "640.jpg", "640.webp", "960.jpg",
        "960.webp"]
    for name in made:  # real images of the width their name says
        with Image.open(out / "_img" / name) as image:
            width = int(name.split("-")[1].split(".")[0])
            assert image.size == (width, width // 2)
            assert image.format == ("WEBP" if name.endswith(".webp") else "JPEG")
    page = (out / "deals/samen-eten/index.html").read_text(encoding="utf-8")
    img = re.search(r'<figure class="entry-image"><picture>\s*<source type="image/webp" '
                    r'srcset="([^"]+)"[^>]*>\s*<img ([^>]+)>', page)
    assert img, page
    assert img.group(1).count("w, ") == 3 and img.group(1).endswith("1000w")
    attrs = img.group(2)
    assert f'alt="{ALT}"' in attrs and 'width="1000"' in attrs and 'height="500"' in attrs
    assert 'srcset="/gids/_img/' in attrs and "sizes=" in attrs
    assert 'loading="lazy"' not in attrs  # the picture at the top is not deferred
    deals = (out / "deals/index.html").read_text(encoding="utf-8")
    assert f'alt="{ALT}"' in deals and 'loading="lazy"' in deals


def test_same_image_same_bytes_and_the_previous_output_is_the_cache(
        make_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = site_with(make_site, photo(700, 300))
    first, second = tmp_path / "a", tmp_path / "b"
    build(root, first)
    build(root, second)
    names = sorted(p.name for p in (first / "_img").iterdir())
    assert names == sorted(p.name for p in (second / "_img").iterdir())
    for name in names:
        assert (first / "_img" / name).read_bytes() == (second / "_img" / name).read_bytes()

    def no_encoding(*args: object) -> None:
        raise AssertionError("encoded again although the previous build had the files")

    graph = graph_of(root)
    monkeypatch.setattr(image_module, "encode", no_encoding)
    found, files, problems = prepare_images(root, graph, previous=first)
    assert not problems and sorted(files) == [f"_img/{n}" for n in names]
    assert found.of("deal", "samen-eten") is not None
    # without the previous output, it has to encode: the cache was what saved the work
    with pytest.raises(AssertionError, match="encoded again"):
        prepare_images(root, graph, previous=None)


def test_a_transparent_png_falls_back_to_png(make_site: SiteFactory, tmp_path: Path) -> None:
    root = site_with(make_site, photo(400, 400, "RGBA"), "logo.png")
    out = tmp_path / "out"
    build(root, out)
    assert sorted(re.sub(r"^[0-9a-f]{20}-", "", p.name) for p in (out / "_img").iterdir()) \
        == ["320.png", "320.webp", "400.png", "400.webp"]
    page = (out / "deals/samen-eten/index.html").read_text(encoding="utf-8")
    assert 'width="400" height="400"' in page


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width×height pixels and has (almost) nothing behind it: a bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.mark.parametrize(("data", "code", "words"), [
    (b"dit is geen foto", "image-broken", "is geen afbeelding die reisgids kan lezen"),
    (photo(800, 600)[:400], "image-broken", "is geen afbeelding die reisgids kan lezen"),
    (png_header_only(100_000, 100_000), "image-too-large", "meer dan 40 miljoen pixels"),
    (png_header_only(9_000, 9_000), "image-too-large", "9000×9000 pixels, meer dan 40 miljoen"),
])
def test_broken_files_and_bombs_are_messages_at_the_image_line(
        make_site: SiteFactory, tmp_path: Path, data: bytes, code: str, words: str) -> None:
    root = site_with(make_site, data)
    line = next(i for i, text in enumerate(
        (root / DEAL).read_text(encoding="utf-8").splitlines(), 1) if text.startswith("image:"))
    for command in (["check", str(root)],
                    ["build", str(root), "--out", str(tmp_path / "out"), "--no-search"]):
        result = run_cli(*command, "--now", NOW)
        out = result.stdout + result.stderr
        assert result.returncode == 1, out
        assert "Traceback" not in out
        assert re.search(rf"{re.escape(DEAL)}:{line}(:\d+)?: fout \[{code}\] image: ", out), out
        assert words in out, out


def test_a_changed_picture_is_not_carried_over_by_the_build_cache(
        make_site: SiteFactory, tmp_path: Path) -> None:
    root = site_with(make_site, photo(700, 300))
    out = tmp_path / "out"
    build(root, out)  # the build cache (.reisgids-cache/) is on by default
    before = (out / "deals/samen-eten/index.html").read_text(encoding="utf-8")
    (root / "static/img/foto.jpg").write_bytes(photo(900, 300))  # same path, new picture
    build(root, out)
    after = (out / "deals/samen-eten/index.html").read_text(encoding="utf-8")
    assert 'width="900"' in after and 'width="700"' not in after
    names = re.findall(r"/_img/([0-9a-f]{20}-\d+\.\w+)", after)
    assert names and all((out / "_img" / name).is_file() for name in names)
    assert before != after
