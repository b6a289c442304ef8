"""Every legal article a rule's message cites is in the user guide's page of rules
(docs/regles.md), where its source and what ctgdocs checks are explained: a clerk who reads
« CGCT L2131-11 » in a refusal finds it there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = re.compile(r"\b([LRD])\.?\s?(\d{4}-\d+(?:-\d+)?)\b")


def _articles(text: str) -> set[str]:
    return {f"{lettre}{numero}" for lettre, numero in ARTICLE.findall(text)}


def test_the_cited_articles_are_found_by_the_pattern() -> None:
    assert _articles("(CGCT L2121-17) ; article L. 2131-11 du Code ; L5211-11-1") == {
        "L2121-17",
        "L2131-11",
        "L5211-11-1",
    }


def test_every_article_a_rule_cites_is_documented() -> None:
    cited: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src" / "ctgdocs" / "rules").glob("*.py")):
        for article in _articles(path.read_text(encoding="utf-8")):
            cited.setdefault(article, set()).add(path.name)
    documented = _articles((ROOT / "docs" / "regles.md").read_text(encoding="utf-8"))
    assert {"L2121-17", "L2131-11", "L5211-6", "L5211-11-1", "L2121-12"} <= set(cited)
    missing = {a: sorted(files) for a, files in cited.items() if a not in documented}
    assert not missing, f"articles cited by rules/ but absent from docs/regles.md: {missing}"
