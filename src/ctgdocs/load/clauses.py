"""Clause libraries: the clause files of a model (`modeles/<nom>/`, beside the territories) and a
territory's own `clauses/`, each file read once, through load/access like every data file.

A clause file is Markdown with a small header, never a template:

    ---
    titre: Durée de la convention
    ---
    {Acte} est conclue du {debut} au {fin}.

Its values are checked against the closed vocabulary by the rules (ctgdocs.rules.clauses), at
their line and column in the file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ctgdocs.errors import Location, Problem, TemplateError
from ctgdocs.load import access
from ctgdocs.load.messages import problems_from_validation
from ctgdocs.load.yamlfile import read_yaml
from ctgdocs.model.articles import Article, FichierModele
from ctgdocs.model.base import Modele, Texte
from ctgdocs.paths import TEMPLATES_DIR

MODELES = "modeles"  # beside the territories: data/modeles/<nom>/
CLAUSES = "clauses"  # inside a territory: its own clauses, over its model's
FICHIER_MODELE = "modele.yaml"
SUFFIXE = ".md"
TAILLE_MAX = 200_000  # a clause is a few paragraphs


class EnteteClause(Modele):
    titre: Texte | None = None


@dataclass(frozen=True)
class Clause:
    nom: str  # its file's name without « .md »
    titre: str | None
    texte: str  # the Markdown after the header
    path: str
    ligne: int  # the line of the file where `texte` starts (from 1)

    def location(self, ligne: int, colonne: int) -> Location:
        """Where a line and column of its text are in the file."""
        return Location(self.path, self.ligne + ligne - 1, colonne)


@dataclass(frozen=True)
class Bibliotheque:
    """A folder of clauses: a model (with its modele.yaml) or a territory's clauses/."""

    nom: str | None  # the model's name; None for a territory's own clauses
    dossier: Path
    clauses: dict[str, Clause]
    modele: FichierModele | None = None  # modele.yaml, when the model has one
    fichier_modele: str | None = None
    marques: Any = None  # where each value of modele.yaml was written (its MarkIndex)

    def fichiers(self) -> list[str]:
        """Every file it was read from (the inputs of a document that uses it)."""
        found = [c.path for c in self.clauses.values()]
        return found + ([self.fichier_modele] if self.fichier_modele else [])


def dossier_modeles(territoire: Path) -> Path:
    """Where a territory's models are: modeles/ beside it."""
    return territoire.absolute().parent / MODELES


def charger_clauses(dossier: Path, racine: Path) -> tuple[dict[str, Clause], list[Problem]]:
    """Every clause file of a folder, by name."""
    clauses: dict[str, Clause] = {}
    problems: list[Problem] = []
    for path in sorted(dossier.iterdir()):
        if path.name.startswith(".") or path.name == FICHIER_MODELE:
            continue
        if path.suffix != SUFFIXE or not _nom_valide(path.stem):
            problems.append(
                Problem(
                    Location(str(path)),
                    "fichier non reconnu : une bibliothèque de clauses contient des fichiers "
                    f"<nom>{SUFFIXE} (nom en minuscules, chiffres et « _ ») et {FICHIER_MODELE}",
                )
            )
            continue
        try:
            clause, found = lire_clause(path, racine)
        except access.AccessRefused as refus:
            problems.append(Problem(Location(str(path)), refus.reason))
            continue
        problems += found
        if clause is not None:
            clauses[clause.nom] = clause
    return clauses, problems


def lire_clause(path: Path, racine: Path) -> tuple[Clause | None, list[Problem]]:
    """One clause file: its header (titre) and its Markdown."""
    texte = access.read_text(path, [racine])
    if len(texte) > TAILLE_MAX:
        return None, [
            Problem(Location(str(path)), f"clause trop longue (plus de {TAILLE_MAX} caractères)")
        ]
    lignes = texte.split("\n")
    if not lignes or lignes[0].strip() != "---":
        return Clause(path.stem, None, texte, str(path), 1), []
    fin = next((n for n in range(1, len(lignes)) if lignes[n].strip() == "---"), None)
    if fin is None:
        return None, [
            Problem(
                Location(str(path), 1, 1),
                "en-tête non fermé : une ligne « --- » est attendue après le titre",
            )
        ]
    entete = "\n".join(lignes[1:fin])
    try:
        data = yaml.safe_load(entete) if entete.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (
            Location(str(path), mark.line + 2, mark.column + 1) if mark else Location(str(path), 2)
        )
        return None, [Problem(where, "en-tête illisible : « titre: … » est attendu")]
    try:
        parsed = EnteteClause.model_validate(data)
    except ValidationError as error:
        return None, [
            Problem(Location(str(path), 2, 1), message, ".".join(str(c) for c in champ))
            for champ, message in problems_from_validation(error, data, EnteteClause)
        ]
    corps = "\n".join(lignes[fin + 1 :])
    return Clause(path.stem, parsed.titre, corps, str(path), fin + 2), []


def charger_modele(territoire: Path, nom: str) -> tuple[Bibliotheque | None, list[Problem]]:
    """The model of that name beside the territory; None (and no problem) if it is not there:
    the rules say where it was named."""
    racine = dossier_modeles(territoire)
    dossier = racine / nom
    if not dossier.is_dir():
        return None, []
    clauses, problems = charger_clauses(dossier, racine)
    modele: FichierModele | None = None
    fichier: str | None = None
    marques: Any = None
    if (dossier / FICHIER_MODELE).exists():
        fichier = str(dossier / FICHIER_MODELE)
        doc = read_yaml(dossier / FICHIER_MODELE, racine)
        if doc.problems:
            problems += doc.problems
        else:
            marques = doc.marks
            try:
                modele = FichierModele.model_validate(doc.data)
            except ValidationError as error:
                problems += [
                    Problem(doc.marks.location(p), msg, ".".join(str(c) for c in p))
                    for p, msg in problems_from_validation(error, doc.data, FichierModele)
                ]
    return Bibliotheque(nom, dossier, clauses, modele, fichier, marques), problems


def charger_propres(territoire: Path) -> tuple[Bibliotheque | None, list[Problem]]:
    """A territory's own clauses/, if it has one."""
    dossier = territoire / CLAUSES
    if not dossier.is_dir():
        return None, []
    clauses, problems = charger_clauses(dossier, territoire)
    return Bibliotheque(None, dossier, clauses), problems


# A contract kind's shipped list lives beside its body template: templates/<dossier>/articles.yaml.
DOSSIERS_LIVRES = {"convention": "convention", "acte-engagement": "acte", "avenant": "avenant"}


def liste_livree(contrat: str) -> tuple[Article, ...]:
    """The shipped (default model's) articles of a kind of contract."""
    dossier = DOSSIERS_LIVRES.get(contrat)
    return () if dossier is None else _liste_livree(TEMPLATES_DIR / dossier / "articles.yaml")


@cache
def _liste_livree(path: Path) -> tuple[Article, ...]:
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
            article = Article.model_validate(item)
        except ValidationError as error:
            ((champ, message), *_) = problems_from_validation(error, item, Article)
            where = f"article {n}" + "".join(f", {part}" for part in champ)
            raise TemplateError(f"{path} : {where} : {message}") from None
        if article.titre is None or article.texte is not None or article.sous_articles:
            raise TemplateError(
                f"{path} : article {n} : une clause livrée (clause) ou un texte des données "
                "(donnees) est attendu, avec son titre (titre)"
            )
        found.append(article)
    return tuple(found)


def _nom_valide(nom: str) -> bool:
    return bool(nom) and all(c.islower() or c.isdigit() or c == "_" for c in nom) and nom.isascii()
