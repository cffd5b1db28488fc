"""A large, valid reisgids site for benchmarks: ~10,000 entries of Dutch-looking text.

    python bench/corpus.py /tmp/corpus --entries 10000

Deterministic (a seeded random generator): the same arguments write the same files. The
words come from the example guide's bodies (content/ of this repository), so the text has
real Dutch words, word lengths and stems; facets (themes, areas, phases, statuses, levels)
are spread over the entries the way a real guide would spread them.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[a-zà-ÿ]{3,}")
FALLBACK_WORDS = [
    "samenwerking", "wijk", "bewoners", "gemeente", "initiatief", "zorg", "welzijn", "deal",
    "partner", "les", "schouw", "eenzaamheid", "mantelzorg", "jongeren", "ouderen", "buurt",
    "netwerk", "subsidie", "afspraken", "vertrouwen", "vrijwilligers", "regels", "budget",
]

THEMES = {
    "informele-zorg": "Informele zorg", "mantelzorg": "Mantelzorg en respijtzorg",
    "eenzaamheid": "Eenzaamheid", "sociale-cohesie": "Sociale cohesie en ontmoeting",
    "jeugd": "Jeugd en opvoeding", "onderwijs": "Onderwijs en talent",
    "ouderen": "Ouderen en langer thuis wonen", "armoede": "Armoede en schulden",
    "wonen": "Wonen", "werk": "Werk en participatie", "gezondheid": "Gezondheid en preventie",
    "veiligheid": "Veiligheid",
}
PHASES = ("partners", "idea", "test", "planning", "kick-off", "execution", "review",
          "completed", "stopped")
PROJECT_STATUS = ("idea", "running", "completed", "stopped")
LEVELS = ("interaction", "network", "institutional")
LESSON_TYPES = ("content", "cooperation", "system")
CHANGES = ("procurement", "subsidy", "policy", "organisation", "accountability")
EVENT_TYPES = ("training", "meeting", "kick-off", "review", "awards", "other")

# kind -> share of the entries (the rest of the mix follows from these)
MIX = {"area": 0.005, "partner": 0.05, "instrument": 0.02, "deal": 0.1, "project": 0.2,
       "lesson": 0.3, "agenda-item": 0.025, "news": 0.2, "event": 0.1}
FOLDER = {"area": "areas", "partner": "partners", "instrument": "instruments",
          "deal": "deals", "project": "projects", "lesson": "lessons",
          "agenda-item": "compass/agenda", "news": "news", "event": "events"}

CONFIG = """title: Benchmarkgids
base_url: https://bench.example/
language: nl
vocabularies:
  themes:
{themes}
  forms: {{wijkonderneming: Wijkonderneming}}
  partner_types: {{gemeente: Gemeente, initiatief: Initiatief}}
"""


def word_pool() -> list[str]:
    words: set[str] = set()
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8").split("---", 2)[-1].casefold()
        words.update(WORD.findall(text))
    return sorted(words) or list(FALLBACK_WORDS)


class Writer:
    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words
        # Zipf-like weights: a few words are common, most are rare, as in real text
        rng.shuffle(self.words)
        self.cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(words))))

    def sentence(self, low: int = 6, high: int = 16) -> str:
        count = self.rng.randint(low, high)
        picked = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        return " ".join(picked).capitalize() + "."

    def title(self) -> str:
        return self.sentence(3, 6).rstrip(".").replace(":", "")

    def summary(self) -> str:
        text = self.sentence(10, 25)
        return text[:290].rsplit(" ", 1)[0] + "." if len(text) > 295 else text

    def body(self) -> str:
        parts = []
        for _ in range(self.rng.randint(2, 4)):
            parts.append(f"## {self.title()}\n")
            parts.append(" ".join(self.sentence() for _ in range(self.rng.randint(3, 7))) + "\n")
        return "\n".join(parts)

    def day(self, start: int = 2019, end: int = 2026) -> str:
        return f"{self.rng.randint(start, end)}-{self.rng.randint(1, 12):02d}-" \
               f"{self.rng.randint(1, 28):02d}"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(root: Path, entries: int = 10_000, seed: int = 1) -> dict[str, int]:
    """Write reisgids.yml and content/ under `root`; returns the number of entries per kind."""
    rng = random.Random(seed)
    write = Writer(rng, word_pool())
    counts = {kind: max(2, round(entries * share)) for kind, share in MIX.items()}
    counts["lesson"] += entries - sum(counts.values())
    slugs = {kind: [f"{kind.replace('-', '')}-{i:05d}" for i in range(n)]
             for kind, n in counts.items()}
    root.mkdir(parents=True, exist_ok=True)
    (root / "reisgids.yml").write_text(CONFIG.format(themes="\n".join(
        f"    {k}: {v}" for k, v in THEMES.items())), encoding="utf-8")

    def common() -> list[str]:
        lines = [f"title: {quoted(write.title())}", f"summary: {quoted(write.summary())}"]
        themes = rng.sample(sorted(THEMES), rng.randint(0, 3))
        if themes:
            lines.append(f"themes: [{', '.join(themes)}]")
        areas = rng.sample(slugs["area"], rng.randint(0, 2))
        if areas:
            lines.append(f"areas: [{', '.join(areas)}]")
        return lines

    def partner_pair() -> list[str]:
        a, b = rng.sample(slugs["partner"], 2)
        return ["partners:", f"  - {{partner: {a}, role: initiator}}",
                f"  - {{partner: {b}, role: partner}}"]

    fields: dict[str, Callable[[int], list[str]]] = {
        "area": lambda i: [f"title: Wijk {i}", "city: Benchstad"],
        "partner": lambda i: [*common(), "type: initiatief",
                              f"email: partner{i}@bench.example"],
        "instrument": lambda i: [*common(), "type: subsidy",
                                 f"status: {rng.choice(('open', 'closed', 'ended'))}"],
        "deal": lambda i: [*common(), f"goal: {quoted(write.sentence())}",
                           f"phase: {rng.choice(PHASES)}", *partner_pair(),
                           f"start: {write.day()}"],
        "project": lambda i: [*common(), f"status: {rng.choice(PROJECT_STATUS)}"],
        "lesson": lambda i: [*common(), f"date: {write.day(2025, 2026)}",
                             f"sources: [{{deal: {rng.choice(slugs['deal'])}}}]",
                             f"level: {rng.choice(LEVELS)}",
                             f"type: {rng.choice(LESSON_TYPES)}"],
        "agenda-item": lambda i: [*common(), f"lessons: [{rng.choice(slugs['lesson'])}]",
                                  f"change: {rng.choice(CHANGES)}",
                                  f"proposal: {quoted(write.sentence())}", "history:",
                                  f"  - {{date: {write.day(2025, 2026)}, status: inventoried}}"],
        "news": lambda i: [*common(), f"date: {write.day()}"],
        "event": lambda i: [*common(), f"start: {write.day(2026, 2027)}",
                            f"type: {rng.choice(EVENT_TYPES)}"],
    }
    for kind, names in slugs.items():
        folder = root / "content" / FOLDER[kind]
        folder.mkdir(parents=True, exist_ok=True)
        for i, slug in enumerate(names):
            front = "\n".join(fields[kind](i))
            (folder / f"{slug}.md").write_text(f"---\n{front}\n---\n\n{write.body()}",
                                               encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="folder to write the site into")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.root, args.entries, args.seed)
    print(f"{sum(counts.values())} entries in {args.root} "
          f"({time.perf_counter() - started:.1f} s): "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
