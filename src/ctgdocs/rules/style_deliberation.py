"""The house style of a collectivité's deliberations (model/style_deliberation.py), checked
before anything is written:

- each option it writes is one its layout uses (templates/deliberation/styles.yaml lists them);
- each formula names only values of the deliberation vocabulary, reported at its line and
  column in territoire.yaml with the closest name;
- each séance of the collectivité has every value its formulas name, shipped ones included:
  `{lieu}` while a séance has no `lieu` is reported at that séance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ctgdocs.errors import Problem
from ctgdocs.fr import noms
from ctgdocs.fr.prepositions import de
from ctgdocs.load import styles_deliberation
from ctgdocs.load.territoire import DonneesTerritoire, Fichier, chemin, localiser
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import Deliberation, FichierSeance, FichierTerritoire, Organisation, Seance
from ctgdocs.model import valeurs as noms_valeurs
from ctgdocs.model.style_deliberation import GROUPES, StyleDeliberation, ecrites, options
from ctgdocs.model.vocabulaire_deliberation import VOCABULAIRE_DELIBERATION
from ctgdocs.rules.clauses import inconnue

# Options every layout takes.
COMMUNES = frozenset({"mise_en_page", "annee_en_lettres"})
# Options that list names: each name once.
LISTES = {("presences",), ("comptes", "nombres"), ("cloture", "signatures")}

# A value a séance may lack: where, in the séance file, what is missing (from the index of the
# deliberation), why and what to write; None when it is there.
Manque = tuple[Path_, str, str] | None


def _ordre(org: Organisation, s: Seance, d: Deliberation, n: int) -> Manque:
    if d.ordre is not None:
        return None
    return ("deliberations", n), "cette délibération n'a pas de numéro d'ordre", "écrivez ordre"


def _rubrique(org: Organisation, s: Seance, d: Deliberation, n: int) -> Manque:
    if d.rubrique is not None:
        return None
    return ("deliberations", n), "cette délibération n'a pas de rubrique", "écrivez rubrique"


def _siege(org: Organisation) -> bool:
    return org.siege is not None or org.type == "commune"


def _a_siege(org: Organisation, s: Seance, d: Deliberation, n: int) -> Manque:
    if _siege(org):
        return None
    return ("seance",), f"{noms.avec_article(org)} n'a pas de siège", "écrivez son siege"


def _fait_a(org: Organisation, s: Seance, d: Deliberation, n: int) -> Manque:
    if _siege(org) or s.lieu is not None:
        return None
    return (
        ("seance",),
        f"ni le siège {de(noms.avec_article(org))} ni le lieu de la séance ne sont connus",
        "écrivez seance.lieu ou le siege de la collectivité",
    )


def _lieu(org: Organisation, s: Seance, d: Deliberation, n: int) -> Manque:
    if s.lieu is not None:
        return None
    return ("seance",), "cette séance n'a pas de lieu", "écrivez seance.lieu (ex. « en mairie »)"


def _president_fonction(org: Organisation, s: Seance, d: Deliberation, n: int) -> Manque:
    if s.president == org.executif:
        return None
    return (
        ("seance", "president"),
        "le président de séance n'est pas l'exécutif de la collectivité : il n'a pas de "
        "fonction à imprimer",
        "nommez-le par {president} ou {president_nom}",
    )


MANQUES: dict[str, Callable[[Organisation, Seance, Deliberation, int], Manque]] = {
    "ordre": _ordre,
    "rubrique": _rubrique,
    "a_siege": _a_siege,
    "fait_a": _fait_a,
    "lieu": _lieu,
    "president_fonction": _president_fonction,
}


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire
    for ident, org in t.model.organisations.items():
        yield from _options(t, ident, org)
    for s in d.seances:
        org = t.model.organisations[s.model.seance.collectivite]
        yield from _valeurs_absentes(t, s, org)


def _options(t: Fichier[FichierTerritoire], ident: str, org: Organisation) -> Iterator[Problem]:
    racine: Path_ = ("organisations", ident, "deliberations")
    style = org.deliberations
    ecrit = ecrites(style)
    refusees = _refusees(style)
    for option in refusees:
        yield t.problem(
            (*racine, *option),
            f"l'option « {'.'.join(option)} » ne sert pas à la mise en page "
            f"« {style.mise_en_page} » ; ses options : "
            f"{_liste_options(styles_deliberation.defauts(style.mise_en_page))}",
        )
    for option in LISTES:
        ecrite = _valeur(ecrit, option)
        if isinstance(ecrite, list):
            for i, nom in enumerate(ecrite):
                if nom in ecrite[:i]:
                    yield t.problem(
                        (*racine, *option, i), f"« {nom} » est déjà dans la liste : une fois chacun"
                    )
    if refusees:
        return
    connus = list(VOCABULAIRE_DELIBERATION)
    for path, texte in styles_deliberation.formules(styles_deliberation.resoudre(style)):
        if not _a(ecrit, path):
            continue  # a shipped formula: its values are checked when it is read
        for nom in noms_valeurs.noms(texte):
            message = inconnue(nom, connus)
            if message is not None:
                ou = localiser(t.marks.location((*racine, *path)), "{" + nom + "}")
                yield Problem(ou, message, chemin((*racine, *path)))


def _valeurs_absentes(
    t: Fichier[FichierTerritoire], s: Fichier[FichierSeance], org: Organisation
) -> Iterator[Problem]:
    """Every value a formula of the collectivité's style names that this séance lacks, once
    for each thing missing."""
    style = org.deliberations
    if _refusees(style):
        return  # reported in territoire.yaml
    ecrit = ecrites(style)
    racine: Path_ = ("organisations", s.model.seance.collectivite, "deliberations")
    deja: set[tuple[Path_, str]] = set()
    for path, texte in styles_deliberation.formules(styles_deliberation.resoudre(style)):
        ecrits = {noms_valeurs.base(n): n for n in reversed(noms_valeurs.noms(texte))}
        for nom in sorted(set(ecrits) & set(MANQUES)):
            for n, delib in enumerate(s.model.deliberations):
                manque = MANQUES[nom](org, s.model.seance, delib, n)
                if manque is None or (manque[0], nom) in deja:
                    continue
                deja.add((manque[0], nom))
                valeur = "{" + ecrits[nom] + "}"
                if _a(ecrit, path):
                    loc = localiser(t.marks.location((*racine, *path)), valeur)
                    ou = f"{chemin((*racine, *path))}, {loc}"
                else:
                    ou = f"{chemin(path)}, formule livrée de la mise en page « {style.mise_en_page} »"
                where, pourquoi, quoi = manque
                yield s.problem(
                    where,
                    f"{valeur}, que nomme le style des délibérations ({ou}), manque : "
                    f"{pourquoi} ; {quoi}, ou retirez {valeur} de la formule",
                )


def _refusees(style: StyleDeliberation) -> list[tuple[str, ...]]:
    """The options a style writes that its layout does not use."""
    defauts = styles_deliberation.defauts(style.mise_en_page)
    return [o for o in options(ecrites(style)) if o[0] not in COMMUNES and not _a(defauts, o)]


def _a(donnees: dict[str, Any], option: tuple[str | int, ...]) -> bool:
    """Whether a style's data has that option (a group's sub-option, a list's item)."""
    node: Any = donnees
    for part in option:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    return True


def _valeur(donnees: dict[str, Any], option: tuple[str, ...]) -> Any:
    node: Any = donnees
    for part in option:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _liste_options(defauts: dict[str, Any]) -> str:
    """A layout's options as a reader reads them: « en_tete (registre, titre), ouverture »."""
    parts = []
    for nom, valeur in defauts.items():
        if nom in GROUPES and isinstance(valeur, dict):
            parts.append(f"{nom} ({', '.join(valeur)})")
        else:
            parts.append(nom)
    return ", ".join(parts)
