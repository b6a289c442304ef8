"""A contract's articles as its template lays them out: numbered (« Article 1er », then « 2 »…;
« 1.1 » within an article), titled, each with its words: a shipped clause the template includes,
or Markdown from a clause file, the contract's own text, or the acte's data, with the values of
the closed vocabulary filled in (ctgdocs.documents.vocabulaire). Which list, and where each
clause comes from, is decided by ctgdocs.rules.clauses.

A user's clause is never a template: its text is Markdown (layout directives print as typed)
and its only dynamic parts are `{valeur}` names, checked at validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

from markupsafe import Markup

from ctgdocs.model.valeurs import substituer
from ctgdocs.render.environment import md_escape
from ctgdocs.render.markdown import data_text
from ctgdocs.rules.clauses import Articles


class ContexteSousArticle(TypedDict):
    numero: str  # « 1.2 »
    titre: str
    blocs: list[Markup]


class ContexteArticle(TypedDict):
    numero: str  # « 1er », « 2 »
    titre: str
    clause: str | None  # a shipped clause, included by the template (templates/clauses/)
    blocs: list[Markup]  # the words, when they are not a shipped clause
    sous_articles: list[ContexteSousArticle]
    ajout: list[Markup]  # paragraphs added after the clause


def numero_article(n: int) -> str:
    """« Article 1er », then « Article 2 »…"""
    return "1er" if n == 1 else str(n)


def texte(markdown: str, valeurs: Mapping[str, str]) -> Markup:
    """A user's Markdown with its values: layout directives escaped, values printed as text."""
    echappees = {nom: md_escape(v) for nom, v in valeurs.items()}
    return Markup(substituer(data_text(markdown.strip()), echappees))


def contextes(
    a: Articles, valeurs: Mapping[str, str], donnees: Mapping[str, list[Markup]] | None = None
) -> list[ContexteArticle]:
    """The resolved articles, numbered, with their words."""
    found: list[ContexteArticle] = []
    for n, r in enumerate(a.articles, start=1):
        art = r.article
        assert r.titre is not None  # checked by the rules
        blocs: list[Markup] = []
        if r.clause is not None:
            blocs = [texte(r.clause.texte, valeurs)] if r.clause.texte.strip() else []
        elif r.donnees is not None:
            blocs = list((donnees or {})[r.donnees])
        elif art.texte is not None:
            blocs = [texte(art.texte, valeurs)]
        found.append(
            {
                "numero": numero_article(n),
                "titre": substituer(r.titre, valeurs),
                "clause": r.livree,
                "blocs": blocs,
                "sous_articles": [
                    {
                        "numero": f"{n}.{m}",
                        "titre": substituer(s.titre, valeurs),
                        "blocs": [texte(s.texte, valeurs)],
                    }
                    for m, s in enumerate(art.sous_articles, start=1)
                ],
                "ajout": [texte(x, valeurs) for x in art.ajout],
            }
        )
    return found
