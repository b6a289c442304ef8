"""The sandbox's budget: one render of a template may take so long and write so much, whatever it
does to get there (nested loops, long strings, recursion).

`render_template` opens a `Budget` for each render: a deadline and a cap on the characters it may
produce. The sandbox spends it where a template computes: every call, attribute or item access,
every item of a `range`, every `~` concatenation and `*` repetition, and each piece of output.
Going over it raises `SecurityError` inside the template, so the message names the template and
its line.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.nodes import Concat
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import safe_range

SECONDS = 10.0  # one template render; the longest shipped one takes about 0.05 s
MAX_CHARS = 5_000_000  # characters one render may produce (the 16-page convention: ~60 000)
RANGE_CHECK = 1024  # a range's items between two looks at the clock


@dataclass
class Budget:
    deadline: float
    chars: int = MAX_CHARS
    seconds: float = SECONDS
    spent: int = field(default=0)

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise SecurityError(f"temps de calcul dépassé ({self.seconds:g} s au plus par modèle)")

    def reserve(self, n: int) -> None:
        """n more characters written, or about to be built."""
        if self.spent + n > self.chars:
            raise SecurityError(
                f"texte trop long ({self.chars:,} caractères au plus par modèle)".replace(",", " ")
            )

    def write(self, n: int) -> None:
        self.reserve(n)
        self.spent += n


_CURRENT: ContextVar[Budget | None] = ContextVar("ctgdocs_budget", default=None)


@contextlib.contextmanager
def opened(seconds: float | None = None, chars: int | None = None) -> Iterator[Budget]:
    seconds = SECONDS if seconds is None else seconds
    budget = Budget(time.monotonic() + seconds, MAX_CHARS if chars is None else chars, seconds)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def tick() -> None:
    if (budget := _CURRENT.get()) is not None:
        budget.tick()


def reserve(n: int) -> None:
    if (budget := _CURRENT.get()) is not None:
        budget.tick()
        budget.reserve(n)


def repeat(left: Any, right: Any) -> None:
    """Before `left * right`: a string or list repeated counts as the text it would build."""
    if isinstance(left, int) and isinstance(right, str | list | tuple):
        left, right = right, left
    if isinstance(left, str | list | tuple) and isinstance(right, int):
        reserve(len(left) * max(right, 0))


def budgeted_range(*args: int) -> Iterator[int]:
    """Jinja's safe range (at most MAX_RANGE items), looking at the clock as it goes."""
    for n, item in enumerate(safe_range(*args)):
        if n % RANGE_CHECK == 0:
            tick()
        yield item


def concat(parts: tuple[Any, ...], markup: bool) -> str:
    """The `~` operator, counted before the string is built."""
    texts = [p if isinstance(p, str) else str(p) for p in parts]
    reserve(sum(len(t) for t in texts))
    return markup_join(parts) if markup else str_join(parts)


def _width(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> None:
    if isinstance(width, int):
        reserve(max(width, 0) * max(str(value).count("\n") + 1, 1))


def _replaced(value: Any, old: Any = "", new: Any = "", *args: Any, **kwargs: Any) -> None:
    text, old, new = str(value), str(old), str(new)
    if len(new) > len(old):
        reserve(len(text) + (text.count(old) if old else len(text) + 1) * (len(new) - len(old)))


# Filters whose result can be far longer than their input, and what they would build: counted
# before they run (the output cap alone would let one call allocate first).
SIZED: dict[str, Callable[..., None]] = {
    "center": _width,
    "indent": _width,
    "wordwrap": _width,
    "replace": _replaced,
}


def bounded(name: str, function: Any) -> Any:
    check = SIZED[name]

    passes = hasattr(function, "jinja_pass_arg")  # its first argument is Jinja's env or context

    def filtered(*args: Any, **kwargs: Any) -> Any:
        check(*(args[1:] if passes else args), **kwargs)
        return function(*args, **kwargs)

    if passes:  # keep Jinja's marker of what the filter receives
        filtered.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]  # Jinja's marker, on a function
    return filtered


class BudgetedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with `~` going through `concat`."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            markup = "context.eval_ctx.volatile"
        else:
            markup = "True" if frame.eval_ctx.autoescape else "False"
        self.write("environment.budgeted_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(f"), {markup})")


def generate(template: Any, context: Mapping[str, Any], budget: Budget) -> str:
    """Render, each piece of output counted; a piece over the budget is refused inside the
    template (at the line that wrote it)."""
    gen = template.generate(context)
    pieces: list[str] = []
    for piece in gen:
        try:
            budget.tick()
            budget.write(len(piece))
        except SecurityError as exc:
            gen.throw(exc)  # raised at the template's line; propagates from here
        pieces.append(piece)
    return "".join(pieces)


__all__ = ["Budget", "BudgetedCodeGenerator", "budgeted_range", "concat", "generate", "opened"]
