"""No blind `# type: ignore` in src/: `make test` runs mypy (pyproject.toml, [tool.mypy]), and
each ignore left names the error codes it silences, then says why in a comment of its own:
`# type: ignore[arg-type]  # detached: no parent part`."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
IGNORE = re.compile(r"#\s*type:\s*ignore\b")
EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[a-z0-9-]+(?:,\s*[a-z0-9-]+)*\]\s*#\s*\S")


def _ignores() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            if token.type == tokenize.COMMENT and IGNORE.search(token.string):
                where = f"{path.relative_to(SRC.parent)}:{token.start[0]}"
                found.append((where, token.string))
    return found


def test_every_type_ignore_names_its_codes_and_why() -> None:
    assert (SRC / "ctgdocs" / "__init__.py").is_file()
    found = _ignores()
    blind = [f"{where}: {comment}" for where, comment in found if not EXPLAINED.match(comment)]
    assert not blind, "a # type: ignore without [code] and a reason:\n" + "\n".join(blind)


def test_the_pattern_refuses_a_blind_ignore() -> None:
    assert not EXPLAINED.match("# type: ignore")
    assert not EXPLAINED.match("# type: ignore[arg-type]")
    assert not EXPLAINED.match("# type: ignore  # why")
    assert EXPLAINED.match("# type: ignore[misc, valid-type]  # a base chosen at run time")
