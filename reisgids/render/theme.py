"""The Jinja environment: site templates override theme templates; strict, escaped and
sandboxed.

A site's own templates come from a pull request like any other file, so every template
runs in Jinja's immutable sandbox: no attribute starting with `_`, no `__globals__` or
`__class__` walk to `os`, no changing the data handed to it.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from types import BuiltinMethodType, MethodType
from typing import Any

import jinja2
import markupsafe
from jinja2.exceptions import SecurityError
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reisgids.config import BUILTIN_THEMES as BUILTIN_THEMES  # re-exported
from reisgids.plan.site_plan import translator
from reisgids.render import template_budget as budget
from reisgids.render.template_cache import template_cache
from reisgids.source.frontmatter import SplitProblem, decode
from reisgids.source.links import is_link_free
from reisgids.yamlsafe import YamlProblem, load_mapping


@dataclass(frozen=True)
class Theme:
    name: str
    template_dirs: tuple[Path, ...]  # site first, then the theme
    static_dirs: tuple[Path, ...]  # theme first; the site's own theme static overrides
    strings: dict[str, str]
    root: Path | None = None  # the site: template errors are reported relative to it


class LinkFreeLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that never reads a template through a symbolic link (a link in a
    site's templates/ could point at any file of the machine; source.links reports it)."""

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        for base in self.searchpath:
            if Path(filename).is_relative_to(base) and not is_link_free(Path(base),
                                                                        Path(filename)):
                raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def _real_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def find_theme(root: Path, name: str, language: str) -> Theme:
    own = root / "themes" / name
    dirs = [d for d in (own, BUILTIN_THEMES / name) if d.is_dir()
            and (d != own or is_link_free(root, own))]
    unique: list[Path] = []
    for d in dirs:
        if d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    strings: dict[str, str] = {}
    for d in reversed(unique):
        i18n = d / "i18n" / f"{language}.yml"
        if i18n.is_file() and not i18n.is_symlink() and not i18n.parent.is_symlink():
            try:
                data = load_mapping(decode(i18n.read_bytes())).data
            except (YamlProblem, SplitProblem):
                continue  # reported by source.theme_strings, before any build
            strings.update({k: str(v) for k, v in data.items()})
    return Theme(
        name=name,
        template_dirs=tuple(d / "templates" for d in unique if _real_dir(d / "templates")),
        static_dirs=tuple(d / "static" for d in reversed(unique) if _real_dir(d / "static")),
        strings=strings,
        root=root,
    )


MAX_PRODUCT = 1_000_000  # longest text or list a template may make with `*`
MAX_EXPONENT = 64


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, plus bounds on `*` and `**`: `'x' * 10**10` would take all
    memory of the machine that builds, 9 ** 9 ** 9 all its time; and a render budget for
    loops and texts (template_budget.py)."""

    code_generator_class = budget.BudgetedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}
        self._own: tuple[Callable[..., Any], ...] = ()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's answer, remembered per (type, attribute): a page reads ~250 attributes
        and the answer cost a third of rendering. It is sound because the immutable
        sandbox's decision (jinja2/sandbox.py: `_` prefix, is_internal_attribute,
        modifies_known_mutable) looks only at the name and at isinstance() of the object,
        never at `value`; isinstance() looks at type(obj), and at `obj.__class__` when
        that differs — such objects are never remembered."""
        kind = type(obj)
        if obj.__class__ is not kind:
            return super().is_safe_attribute(obj, attr, value)
        key = (kind, attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if len(self._safe) < 10_000:  # names come from templates: few, but bounded
                self._safe[key] = safe
        return safe

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's SandboxedEnvironment.getattr (~230 reads a page), asking whether the
        value is `str.format` only of a value that is a method at all: Jinja's
        wrap_str_format answers None for anything else, so the answers are the same."""
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        if type(value) in _METHODS:
            wrapped = self.wrap_str_format(value)
            if wrapped is not None:
                return wrapped
        kind = type(obj)  # is_safe_attribute's remembered answer, without calling it
        safe = self._safe.get((kind, attribute)) if obj.__class__ is kind else None
        if safe or (safe is None and self.is_safe_attribute(obj, attribute, value)):
            return value
        return self.unsafe_undefined(obj, attribute)

    @staticmethod
    def bounded_text(text: Any) -> Any:  # called by the compiled `~` (BudgetedCodeGenerator)
        return budget.bounded_text(text)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent {right} is larger than {MAX_EXPONENT}")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and \
                        len(seq) * times > MAX_PRODUCT:
                    raise SecurityError(f"a result longer than {MAX_PRODUCT} items")
        if operator == "+" and isinstance(left, str | list | tuple) and \
                isinstance(right, str | list | tuple):
            budget.refuse_over(len(left) + len(right))
        if operator == "%" and isinstance(left, str):
            budget.check_format(left, budget.modulo_args(right))
        return super().call_binop(context, operator, left, right)

    def own(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function`, a plain function of reisgids given to templates as a global: Jinja's
        checks pass it and Jinja calls it as it is, so call() does that straight away."""
        self._own = (*self._own, function)
        return function

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            name = getattr(__obj, "__name__", "")
            if name not in _STR_TESTS or type(__obj) is not BuiltinMethodType:
                args = budget.check_str_call(owner, name, args, kwargs)
                return super().call(__context, __obj, *args, **kwargs)
        elif __obj not in __self._own and type(__obj) is not Macro:
            return super().call(__context, __obj, *args, **kwargs)
        # ~75 calls a page, a fifth of rendering spent in Jinja's path for them: t() and
        # the other plain functions of reisgids (`own`), the templates' macros, and the
        # str methods that answer yes or no (no text made: nothing to bound). Jinja's
        # checks pass each of them (none is marked unsafe, none takes the context), so
        # this is the call it would make in the end (jinja2.runtime.Context.call)
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.undefined("value was undefined because a callable raised a"
                                    " StopIteration exception")


_STR_TESTS = frozenset({"startswith", "endswith"})
_METHODS = (MethodType, BuiltinMethodType)  # neither type can be subclassed


class _Template(jinja2.Template):
    """A template whose printed values are escaped without a Markup made for each: Jinja's
    compiled code calls `escape` only to print a value (`{{ x }}`), and every printed piece
    is joined into text, so a plain str of the same characters prints the same (and a block
    or macro is made Markup as a whole, as before). markupsafe.escape(s) of a str is
    Markup(_escape_inner(s)); its Markup.__new__ cost a tenth of rendering."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any,
                  globals: MutableMapping[str, Any],
                  uptodate: Callable[[], bool] | None = None) -> jinja2.Template:
        namespace: dict[str, Any] = {"environment": environment, "__file__": code.co_filename}
        exec(code, namespace)  # what jinja2.Template.from_code does, and then:
        if namespace.get("escape") is markupsafe.escape:
            namespace["escape"] = _print_escape
        made = cls._from_namespace(environment, namespace, globals)
        made._uptodate = uptodate
        return made


_escape_inner: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)


def _print_escape(value: Any) -> Any:
    if type(value) is str:
        assert _escape_inner is not None  # environment() uses _Template only then
        return _escape_inner(value)
    return markupsafe.escape(value)  # Markup stays as it is; anything else made text


def _bounded(filter_: Callable[..., Any]) -> Callable[..., Any]:
    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        for number in (*args, *kwargs.values()):
            if isinstance(number, int) and not isinstance(number, bool) and \
                    abs(number) > MAX_PRODUCT:
                raise SecurityError(f"a width larger than {MAX_PRODUCT}")
        return filter_(value, *args, **kwargs)

    return bounded


def _bounded_texts(env: jinja2.Environment) -> None:
    """`join`, `replace` and `format` estimate their result before they make it."""
    join, replace, format_ = env.filters["join"], env.filters["replace"], env.filters["format"]

    @jinja2.pass_eval_context
    def bounded_join(ctx: jinja2.nodes.EvalContext, value: Any, d: str = "",
                     attribute: Any = None) -> Any:
        if attribute is None and not isinstance(value, str | jinja2.Undefined):
            value = budget.check_join(d, value)
        return join(ctx, value, d, attribute)

    @jinja2.pass_eval_context
    def bounded_replace(ctx: jinja2.nodes.EvalContext, s: Any, old: Any, new: Any,
                        count: int | None = None) -> Any:
        if isinstance(s, str) and isinstance(old, str) and isinstance(new, str):
            budget.check_replace(s, old, new, -1 if count is None else count)
        return replace(ctx, s, old, new, count)

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str):
            budget.check_format(value, (*args, *kwargs.values()))
        return format_(value, *args, **kwargs)

    env.filters.update(join=bounded_join, replace=bounded_replace, format=bounded_format)
    env.filters[budget.STEP_FILTER] = budget.counted_steps


def environment(theme: Theme) -> jinja2.Environment:
    """The environment every template runs in; see the module docstring for the sandbox."""
    loader = jinja2.ChoiceLoader([LinkFreeLoader(str(d)) for d in theme.template_dirs])
    env = _Sandbox(loader=loader, undefined=jinja2.StrictUndefined, autoescape=True,
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                   bytecode_cache=template_cache())
    if _escape_inner is not None and hasattr(jinja2.Template, "_from_namespace"):
        env.template_class = _Template  # else Jinja's own (another Jinja or markupsafe)
    for name in ("center", "indent"):  # widths: bounded too
        env.filters[name] = _bounded(env.filters[name])
    _bounded_texts(env)
    env.globals["t"] = env.own(translator(theme.strings))
    return env
