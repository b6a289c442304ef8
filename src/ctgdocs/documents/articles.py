"""A contract kind's default list of articles: `templates/<kind>/articles.yaml`, beside its body
template, read once per process. Each article is a shared clause (`clause`, a template of
templates/clauses/) or a text of the act's data (`texte`, the field that writes it), with its
title; the numbers are computed (« Article 1er », then « Article 2 »…), never written.

The list is part of the templates (the manifest's templates fingerprint covers it), so a Caf
with its own model replaces it like any template (CTGDOCS_TEMPLATES)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ctgdocs.errors import TemplateError
from ctgdocs.load import access
from ctgdocs.load.messages import problems_from_validation
from ctgdocs.paths import TEMPLATES_DIR


class ArticleModele(BaseModel):
    """One article of a kind's default list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    titre: str
    clause: str | None = None
    texte: str | None = None

    @property
    def nom(self) -> str:
        """The clause's template name, or the data field of the text."""
        return self.clause or self.texte or ""


def numero_article(n: int) -> str:
    """« Article 1er », then « Article 2 »…"""
    return "1er" if n == 1 else str(n)


def articles(dossier: str) -> tuple[ArticleModele, ...]:
    """The default articles of the kind whose body template lives in templates/<dossier>/."""
    return _articles(TEMPLATES_DIR / dossier / "articles.yaml")


@cache
def _articles(path: Path) -> tuple[ArticleModele, ...]:
    try:
        data = yaml.safe_load(access.read_text(path, [TEMPLATES_DIR]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise TemplateError(f"{path}{where} : YAML illisible") from None
    if not isinstance(data, list) or not data:
        raise TemplateError(f"{path} : une liste d'articles est attendue")
    found = []
    for n, item in enumerate(data, start=1):
        try:
            article = ArticleModele.model_validate(item)
        except ValidationError as error:
            ((champ, message), *_) = problems_from_validation(error, item, ArticleModele)
            where = f"article {n}" + "".join(f", {part}" for part in champ)
            raise TemplateError(f"{path} : {where} : {message}") from None
        if (article.clause is None) == (article.texte is None):
            raise TemplateError(
                f"{path} : article {n} : une clause (clause) ou un texte des données (texte) "
                "est attendu, l'un des deux seulement"
            )
        found.append(article)
    return tuple(found)
