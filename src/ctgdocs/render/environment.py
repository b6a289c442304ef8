"""The Jinja environments: sandboxed, strict (a missing value is an error), escaping on.

Both come from one factory and share the loader, the sandbox, StrictUndefined and the French
filters. They differ only in what escaping means for their output:
- `body_environment()` renders Markdown bodies: every value is Markdown-escaped, so data can
  never add emphasis, a list, a heading or a link (`*`, `#`, `[` come out literally);
- `frame_environment()` renders HTML and DOCX frames: values are XML/HTML-escaped, so `&` or `<`
  in a name cannot corrupt a document.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment
from markupsafe import Markup

from ctgdocs.errors import TemplateError as CtgTemplateError
from ctgdocs.errors import display_path
from ctgdocs.fr.prepositions import a, de, elide
from ctgdocs.load import access
from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.render import budget
from ctgdocs.render.budget import BudgetedCodeGenerator, budgeted_range
from ctgdocs.render.filters import FILTERS
from ctgdocs.render.markdown import LINE_SEPARATOR

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(value: str) -> str:
    """Backslash-escape every ASCII punctuation mark (CommonMark allows it) and fold newlines."""
    return _MD_SPECIAL.sub(r"\\\1", value.replace("\r\n", " ").replace("\n", " "))


def _refuse_none(value: Any) -> Any:
    """None must never print as « None » nor as a blank: it is a missing value."""
    if value is None:
        raise UndefinedError("une valeur est absente (None)")
    return value


def _finalize_markdown(value: Any) -> Any:
    if isinstance(_refuse_none(value), Markup):
        return str(value)
    return md_escape(str(value))


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, and no computation that could exhaust the machine: a power's exponent is
    capped (ranges already are, at 100 000 items), and each render spends a budget of time and
    characters (`render.budget`) at every call, access, range item, `~`, `*` and output."""

    code_generator_class = BudgetedCodeGenerator
    intercepted_binops = frozenset({"**", "*"})
    MAX_EXPONENT = 100

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > self.MAX_EXPONENT:
            raise SecurityError(f"exposant trop grand ({right} ; {self.MAX_EXPONENT} au plus)")
        if operator == "*":
            budget.repeat(left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget.tick()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        budget.tick()
        return super().getitem(obj, argument)

    @staticmethod
    def budgeted_concat(parts: tuple[Any, ...], markup: bool) -> str:
        return budget.concat(parts, markup)


class _ConfinedLoader(FileSystemLoader):
    """Jinja's file loader, reading only regular files inside the templates folder once their
    path is resolved: a clause that is a link out of it, or a named pipe, is refused with the
    template's name (`ctgdocs.load.access`), nothing read."""

    def __init__(self, root: Path) -> None:
        super().__init__(str(root))
        self.root = root

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.root.joinpath(*split_template_path(template))
        if not (path.is_symlink() or path.exists()):
            raise TemplateNotFound(template)
        try:
            source = access.read_text(path, [self.root])
        except access.AccessRefused as refused:
            raise CtgTemplateError(f"modèle « {template} » : {refused.reason}") from refused
        mtime = path.stat().st_mtime
        return source, os.path.normpath(path), lambda: _mtime(path) == mtime


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _make(templates_dir: Path, *, markdown: bool) -> SandboxedEnvironment:
    env = _Sandbox(
        loader=_ConfinedLoader(templates_dir),
        undefined=StrictUndefined,
        autoescape=not markdown,
        finalize=_finalize_markdown if markdown else _refuse_none,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals["range"] = budgeted_range
    for name in budget.SIZED:
        env.filters[name] = budget.bounded(name, env.filters[name])
    env.filters["elide"] = elide
    env.filters["de"] = de
    env.filters["a"] = a
    env.filters["lignes"] = lambda items: LINE_SEPARATOR.join(str(i) for i in items)
    return env


@cache
def body_environment(templates_dir: Path = TEMPLATES_DIR) -> SandboxedEnvironment:
    return _make(templates_dir, markdown=True)


@cache
def frame_environment(templates_dir: Path = TEMPLATES_DIR) -> SandboxedEnvironment:
    return _make(templates_dir, markdown=False)


def render_template(env: SandboxedEnvironment, name: str, context: Mapping[str, Any]) -> str:
    """Render a template; any Jinja error becomes a TemplateError naming the template and line."""
    try:
        with budget.opened() as spent:
            return budget.generate(env.get_template(name), context, spent)
    except TemplateError as exc:
        raise template_error(exc, name) from exc
    except RecursionError as exc:
        where, line = _template_frame(exc, name)
        location = f"{where}:{line}" if line else where
        raise CtgTemplateError(
            f"{location}: calcul refusé par le bac à sable : récursion trop profonde"
        ) from exc
    except OverflowError as exc:  # the sandbox's cap on ranges
        where, line = _template_frame(exc, name)
        location = f"{where}:{line}" if line else where
        raise CtgTemplateError(
            f"{location}: calcul refusé par le bac à sable : intervalle de plus de "
            f"{MAX_RANGE} éléments"
        ) from exc


def template_error(exc: TemplateError, name: str) -> CtgTemplateError:
    where, line = _template_frame(exc, name)
    if isinstance(exc, UndefinedError):
        missing = _missing_name(str(exc.message or ""))
        what = f"valeur manquante « {missing} »" if missing else f"valeur manquante : {exc.message}"
    elif isinstance(exc, SecurityError):
        attribute = re.search(r"attribute '([^']+)'", str(exc.message))
        what = (
            f"accès refusé par le bac à sable : attribut « {attribute.group(1)} »"
            if attribute
            else f"calcul refusé par le bac à sable : {exc.message}"
        )
    elif isinstance(exc, TemplateNotFound):
        what = f"modèle introuvable « {exc.name} » (les modèles sont dans templates/)"
    elif isinstance(exc, TemplateSyntaxError):
        what = f"syntaxe de modèle invalide ({exc.message})"
    else:
        what = f"erreur de modèle ({exc.__class__.__name__})"
    location = f"{where}:{line}" if line else where
    return CtgTemplateError(f"{location}: {what}")


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None)
    if lineno and filename:
        return display_path(filename), lineno
    found: tuple[str, int | None] = (name, None)
    tb = exc.__traceback__
    while tb is not None:
        path = tb.tb_frame.f_code.co_filename
        if path.startswith(str(TEMPLATES_DIR)) or path.endswith((".j2", ".html", ".md")):
            found = (display_path(path), tb.tb_lineno)
        tb = tb.tb_next
    return found


def _missing_name(message: str) -> str:
    match = re.search(r"'([^']+)' is undefined", message) or re.search(
        r"has no attribute '([^']+)'", message
    )
    return match.group(1) if match else ""
