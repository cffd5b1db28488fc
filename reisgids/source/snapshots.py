"""content/compass/editions/<id>.snapshot.yml: the frozen snapshots of adopted editions.

Untrusted input like every site file: parsed by the safe YAML loader, validated by a model,
every problem a diagnostic at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from reisgids.diagnose import diagnostics_from
from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.model.document import FieldPath
from reisgids.model.snapshot import EditionSnapshot
from reisgids.source.discover import SLUG_RE
from reisgids.source.frontmatter import SplitProblem, decode
from reisgids.source.kinds import SNAPSHOT_FOLDER, SNAPSHOT_SUFFIX
from reisgids.yamlsafe import YamlProblem, load_mapping

MAX_SNAPSHOT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class StoredSnapshot:
    rel: str  # content/compass/editions/2025.snapshot.yml
    data: EditionSnapshot
    lines: dict[FieldPath, int]

    def line_of(self, *path: str | int) -> int:
        for cut in range(len(path), 0, -1):
            found = self.lines.get(path[:cut])
            if found is not None:
                return found
        return 1


def snapshot_rel(edition: str) -> str:
    return f"content/{SNAPSHOT_FOLDER}/{edition}{SNAPSHOT_SUFFIX}"


def _read(path: Path, rel: str, edition: str) -> tuple[StoredSnapshot | None, list[Diagnostic]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("file-unreadable", Location(rel), Text(
            f"het bestand kan niet gelezen worden ({exc.strerror})",
            f"the file cannot be read ({exc.strerror})"))]
    if len(raw) > MAX_SNAPSHOT_BYTES:
        return None, [error("file-too-large", Location(rel), Text(
            "het bestand is te groot voor een momentopname",
            "the file is too large for a snapshot"))]
    try:
        doc = load_mapping(decode(raw))
    except YamlProblem as problem:
        return None, [error(problem.code, Location(rel, problem.line, problem.col),
                            problem.message, hint=problem.hint)]
    except SplitProblem as problem:  # not UTF-8
        return None, [error(problem.code, Location(rel, problem.line), problem.message,
                            hint=problem.hint)]
    try:
        data = EditionSnapshot.model_validate(doc.data)
    except ValidationError as exc:
        return None, diagnostics_from(exc, EditionSnapshot, doc, rel, 1)
    lines = {p: pos[0] for p, pos in doc.positions.items()}
    if data.edition != edition:
        return None, [error("snapshot-edition", Location(rel, lines.get(("edition",), 1)), Text(
            f"deze momentopname hoort bij editie '{data.edition}', maar het bestand heet "
            f"{edition}{SNAPSHOT_SUFFIX}",
            f"this snapshot belongs to edition '{data.edition}', but the file is named "
            f"{edition}{SNAPSHOT_SUFFIX}"), field="edition",
            hint=Text(f"maak de momentopname opnieuw met 'reisgids compass freeze {edition}'",
                      f"make the snapshot again with 'reisgids compass freeze {edition}'"))]
    return StoredSnapshot(rel, data, lines), []


def load_snapshots(root: Path
                   ) -> tuple[dict[str, StoredSnapshot | None], list[Diagnostic]]:
    """edition id -> its stored snapshot (None when the file is there but broken: its own
    errors say why, so the edition is not reported again as unfrozen); and every problem
    with a snapshot file."""
    folder = root / "content" / SNAPSHOT_FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return {}, []
    found: dict[str, StoredSnapshot | None] = {}
    problems: list[Diagnostic] = []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(SNAPSHOT_SUFFIX) or not path.is_file() or path.is_symlink():
            continue
        edition = path.name.removesuffix(SNAPSHOT_SUFFIX)
        rel = snapshot_rel(edition)
        if not SLUG_RE.match(edition):
            problems.append(error("path-slug", Location(rel), Text(
                f"'{edition}' is geen geldige editie", f"'{edition}' is not a valid edition"),
                hint=Text("noem het bestand naar de editie: 2025.snapshot.yml",
                          "name the file after its edition: 2025.snapshot.yml")))
            continue
        stored, more = _read(path, rel, edition)
        problems += more
        found[edition] = stored
    return found, problems
