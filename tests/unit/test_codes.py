"""The message catalogue (reisgids/codes.py) lists every code the package emits, and
docs/meldingen.md is what it generates."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from reisgids.codes import CODES, missing_entry, render_catalogue

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "reisgids"
CATALOGUE = REPO / "docs" / "meldingen.md"
CODE = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")
# calls that take a diagnostic code among their arguments
EMITTERS = {"error", "warning", "make", "_report", "_Finding", "Diagnostic"}


def _code_positions(trees: list[ast.Module]) -> dict[str, int]:
    """For each dataclass with a `code` field (YamlProblem, Explained, ...): the position of
    that field in its constructor."""
    positions: dict[str, int] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                fields = [s.target.id for s in node.body if isinstance(s, ast.AnnAssign)
                          and isinstance(s.target, ast.Name)]
                if "code" in fields and node.name not in ("Diagnostic",):
                    positions[node.name] = fields.index("code")
    return positions


def emitted_codes() -> dict[str, str]:
    """Every code literal passed to a diagnostic-making call in the package -> where."""
    found: dict[str, str] = {}
    paths = sorted(PACKAGE.rglob("*.py"))
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in paths]
    problems = _code_positions(trees)
    for path, tree in zip(paths, trees, strict=True):
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (func.id if isinstance(func, ast.Name)
                    else func.attr if isinstance(func, ast.Attribute) else "")
            if name in problems:
                at = problems[name]
                args = node.args[at:at + 1]
            elif name in EMITTERS:
                args = list(node.args)
            else:
                continue
            args += [k.value for k in node.keywords if k.arg == "code"]
            for arg in args:
                if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                        and CODE.match(arg.value) and arg.value not in {"nl", "en"}):
                    rel = path.relative_to(REPO).as_posix()
                    found.setdefault(arg.value, f"{rel}:{node.lineno}")
    return found


def test_every_emitted_code_is_in_the_catalogue() -> None:
    codes = emitted_codes()
    assert len(codes) > 40, "the scan found too few codes: did the emitters change?"
    missing = [missing_entry(code, where) for code, where in sorted(codes.items())
               if code not in CODES]
    assert not missing, "\n\n".join(missing)


def test_the_scan_finds_a_new_code(tmp_path: Path) -> None:
    """The guard itself: a code in an error() call is found."""
    tree = ast.parse('error("brand-new-code", Location("x"), Text("a", "b"))')
    call = tree.body[0].value  # type: ignore[attr-defined]
    assert isinstance(call, ast.Call) and call.args[0].value == "brand-new-code"
    assert "brand-new-code" not in CODES
    assert "voeg toe aan CODES" in missing_entry("brand-new-code", "reisgids/x.py:3")


def test_catalogue_is_up_to_date() -> None:
    assert CATALOGUE.read_text(encoding="utf-8") == render_catalogue(), (
        "docs/meldingen.md is out of date: run "
        "`.venv/bin/python -m reisgids.codes > docs/meldingen.md`")


def test_module_writes_the_catalogue() -> None:
    result = subprocess.run([sys.executable, "-m", "reisgids.codes"], capture_output=True,
                            check=True, cwd=REPO)
    assert result.stdout.decode("utf-8") == render_catalogue()


def test_every_entry_is_complete() -> None:
    for code, entry in CODES.items():
        assert CODE.match(code), code
        assert entry.message.nl and entry.message.en and entry.example, code
        assert entry.fix.nl and entry.fix.en, code
        assert entry.severity in {"fout", "waarschuwing", "fout of waarschuwing"}, code


def test_the_editors_guide_is_linked_and_names_real_codes() -> None:
    guide = (REPO / "docs" / "redactie.md").read_text(encoding="utf-8")
    assert "docs/redactie.md" in (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\[([a-z]+(?:-[a-z0-9]+)+)\]", guide))
    named |= set(re.findall(r"`([a-z]+-[a-z-]+)`", guide)) & {c for c in CODES}
    assert len(named) >= 10
    assert named <= set(CODES), sorted(named - set(CODES))


def schema_codes() -> dict[str, str]:
    """`schema-<type>` codes: diagnose.py names them after pydantic's error types, the ones
    it explains (its table's keys) and reisgids' own (PydanticCustomError 'reisgids_*')."""
    found: dict[str, str] = {"schema-missing": "reisgids/diagnose.py",
                             "schema-extra-forbidden": "reisgids/diagnose.py"}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.match(
                    r"^reisgids_[a-z_]+$", node.value):
                names.append(node.value)
            if (path.name == "diagnose.py" and isinstance(node, ast.AnnAssign)
                    and isinstance(node.target, ast.Name) and node.target.id == "table"
                    and isinstance(node.value, ast.Dict)):
                names += [k.value for k in node.value.keys if isinstance(k, ast.Constant)
                          and isinstance(k.value, str)]
            for name in names:
                code = "schema-" + name.removeprefix("reisgids_").replace("_", "-")
                found.setdefault(code, f"{rel}:{getattr(node, 'lineno', 0)}")
    return found


def test_every_schema_code_is_in_the_catalogue() -> None:
    codes = schema_codes()
    assert {"schema-enum", "schema-bool", "schema-list-type", "schema-slug"} <= set(codes)
    missing = [missing_entry(code, where) for code, where in sorted(codes.items())
               if code not in CODES]
    assert not missing, "\n\n".join(missing)
