"""Refresh the vendored Decap CMS bundle from npm (`make vendor-editor`).

Why vendored: an installed reisgids (a wheel) has no npm, yet `reisgids build` must be able
to write /admin/. So the prebuilt bundle of the pinned version ships as package data.
Why `npm pack` and no package-lock: decap-cms's dist/ is self-contained, but installing
the package would pull decap-cms-app's whole dependency tree (hundreds of packages) that the
bundle already contains. The pin file records the version and npm's sha512 integrity; this
script refuses a tarball that does not match it.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "reisgids" / "editor" / "vendor"
TARGET = VENDOR / "decap-cms"


def main() -> int:
    pin = json.loads((VENDOR / "decap-cms.pin.json").read_text(encoding="utf-8"))
    spec = f"{pin['name']}@{pin['version']}"
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", tmp],
                                check=True, capture_output=True, text=True)
        tarball = Path(tmp) / result.stdout.strip().splitlines()[-1]
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if f"sha512-{digest}" != pin["integrity"]:
            print(f"{spec}: integrity mismatch, refusing", file=sys.stderr)
            return 1
        if TARGET.exists():
            for old in TARGET.iterdir():
                old.unlink()
        TARGET.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/dist/")
                if (member.isfile() and member.name.startswith("package/dist/")
                        and "/" not in name
                        and any(fnmatch.fnmatch(name, p) for p in pin["files"])):
                    source = archive.extractfile(member)
                    assert source is not None
                    (TARGET / name).write_bytes(source.read())
    print(f"{spec}: {sum(1 for _ in TARGET.iterdir())} files in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
