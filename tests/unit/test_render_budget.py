"""The render budget of the sandboxed templates and the output budget of a build."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from reisgids.output_budget import FLOOR, OutputBudget, input_bytes
from reisgids.render import template_budget
from reisgids.render.template_budget import BudgetExceeded, render_bounded
from reisgids.render.theme import environment, find_theme


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return environment(find_theme(Path("/nonexistent"), "default", "nl"))


def render(env: jinja2.Environment, source: str, **context: object) -> str:
    return render_bounded(env.from_string(source), context)


def test_loops_keep_their_meaning(env: jinja2.Environment) -> None:
    source = ("{% for x in items %}{{ loop.index }}/{{ loop.length }}{{ '.' if loop.last }}"
              "{% else %}leeg{% endfor %}|{% for k, v in pairs|dictsort %}{{ k }}{{ v }}"
              "{% endfor %}|{% for x in items if x > 1 %}{{ x }}{% endfor %}|"
              "{% for n in tree recursive %}{{ n.name }}{{ loop(n.kids) }}{% endfor %}")
    tree = [{"name": "a", "kids": [{"name": "b", "kids": []}]}]
    assert render(env, source, items=[1, 2, 3], pairs={"b": 2, "a": 1}, tree=tree) == \
        "1/32/33/3.|a1b2|23|ab"
    assert render(env, source, items=[], pairs={}, tree=[]) == "leeg|||"


def test_a_loop_inside_a_loop_stops_at_the_step_budget(env: jinja2.Environment,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_budget, "MAX_STEPS", 1000)
    monkeypatch.setattr(template_budget.Budget, "__init__",
                        lambda self: setattr(self, "steps", 1000))
    assert len(render(env, "{% for i in range(10) %}{% for j in range(99) %}x{% endfor %}"
                           "{% endfor %}")) == 990
    with pytest.raises(BudgetExceeded, match="loop steps"):
        render(env, "{% for i in range(10) %}{% for j in range(101) %}{% endfor %}"
                    "{% endfor %}")


def test_every_page_starts_with_a_full_budget(env: jinja2.Environment) -> None:
    template = env.from_string("{% for i in range(99999) %}{% endfor %}ok")
    for _ in range(25):  # 25 x 99,999 steps: more than one page's budget
        assert render_bounded(template, {}) == "ok"


@pytest.mark.parametrize("source", [
    "{% set ns = namespace(s='x' * 1000000) %}{% for i in range(40) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set ns = namespace(s='x' * 1000000) %}{% for i in range(40) %}"
    "{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "{{ (['x' * 1000000] * 100000)|join }}",
    "{{ ','.join(['x' * 1000000] * 100000) }}",
    "{{ ('x' * 1000000).replace('x', 'yy' * 100) }}",
    "{{ ('x' * 1000000)|replace('x', 'yy' * 100) }}",
    "{{ '%999999999d' % 1 }}",
    "{{ '%999999999d'|format(1) }}",
    "{{ '{:999999999}'.format(1) }}",
    "{{ 'x'.ljust(10**9) }}",
    "{% for i in range(40) %}{{ 'x' * 1000000 }}{% endfor %}",
])
def test_amplifiers_are_refused_before_they_take_memory(env: jinja2.Environment,
                                                        source: str) -> None:
    with pytest.raises(BudgetExceeded):
        render(env, source)


def test_ordinary_texts_pass(env: jinja2.Environment) -> None:
    assert render(env, "{{ ['a', 'b']|join(', ') }} {{ 'a-b'|replace('-', ' ') }} "
                       "{{ '%05.1f' % 3.14159 }} {{ 'x' ~ 1 }} {{ 'ab' + 'c' }} "
                       "{{ '{:>4}'.format(7) }}") == "a, b a b 003.1 x1 abc    7"


def test_the_output_budget_is_proportional_to_the_input(tmp_path: Path) -> None:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / "a.md").write_bytes(b"x" * 5000)
    (tmp_path / "reisgids.yml").write_bytes(b"y" * 100)
    (tmp_path / "elders.txt").write_bytes(b"z" * 10**6)  # not read by reisgids: not input
    assert input_bytes(tmp_path) == 5100
    budget = OutputBudget.for_input(5100)
    assert budget.limit == FLOOR + 200 * 5100
    assert budget.per_file < budget.limit
    while budget.used + budget.per_file < budget.limit:
        assert budget.take("a/index.html", budget.per_file, "content/pages/a.md") is None
    assert budget.take("a/index.html", budget.limit - budget.used - 10, "x.md") is None
    problem = budget.take("b/index.html", 11, "content/pages/b.md")
    assert problem is not None and problem.code == "output-too-large"
    assert problem.location.path == "content/pages/b.md"
    assert "/b/index.html" in problem.message.nl


def test_the_check_names_the_folder_that_holds_most(tmp_path: Path) -> None:
    budget = OutputBudget.for_input(0)
    budget.limit, budget.per_file = 1000, 600
    files = {f"themas/{i}/index.html": b"x" * 100 for i in range(9)}
    files["index.html"] = b"x" * 50
    assert budget.check(files, [], {}) == []
    files["zzz/index.html"] = b"x" * 100
    (problem,) = budget.check(files, [], {})
    assert "het meeste in themas/ (1 KB)" in problem.message.nl
    (problem,) = budget.check({"data/all.json": b"x" * 601}, [], {})
    assert "één bestand mag hooguit" in problem.message.nl
