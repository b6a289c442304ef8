"""@CTES constraints: internal number, objet, and what the transmission identifier needs."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from ctgdocs.avenants.contrats import contrat
from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import Convention, FichierTerritoire, Partie
from ctgdocs.model.avenant import Avenant
from ctgdocs.model.ctes import NUMERO_ACTES_MOTIF
from ctgdocs.model.ctes import OBJET_MAX as OBJET_MAX  # re-exported: export/ctes.py reads it here
from ctgdocs.model.engagement import ActeEngagement
from ctgdocs.references import nomenclature

NUMERO_ACTES = re.compile(NUMERO_ACTES_MOTIF)


def numero_suggere(numero: str) -> str:
    """How to write a number for @CTES: upper case, separators as _, other signs dropped."""
    text = re.sub(r"[-/. ]", "_", numero.upper())
    return re.sub(r"[^0-9A-Z_]", "", text)


def siren_valide(siren: str) -> bool:
    """Luhn check of a SIREN."""
    total = 0
    for i, ch in enumerate(reversed(siren)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire
    for ident, org in t.model.organisations.items():
        if org.siren and not siren_valide(org.siren):
            yield t.problem(
                ("organisations", ident, "siren"),
                f"numéro SIREN « {org.siren} » invalide : la clé de contrôle ne correspond pas",
            )
        if org.siret:
            yield from _siret(t, ident, org.siren, org.siret)
    for s in d.seances:
        org_id = s.model.seance.collectivite
        org = t.model.organisations[org_id]
        vus: dict[str, int] = {}
        for n, delib in enumerate(s.model.deliberations):
            if delib.numero in vus:
                line = s.marks.nearest(("deliberations", vus[delib.numero], "numero")).line
                yield s.problem(
                    ("deliberations", n, "numero"),
                    f"numéro « {delib.numero} » déjà utilisé dans cette séance (ligne {line})",
                )
            vus.setdefault(delib.numero, n)
            yield from _objet(s, ("deliberations", n, "objet"), delib.objet)
            if delib.actes is None:
                continue
            chemin: Path_ = ("deliberations", n, "actes")
            yield from _metadonnees(s, chemin, delib.actes.matiere, delib.actes.numero)
            yield from _transmetteur(d, org_id, f"de la délibération {delib.numero}")
    for fichier, acte, parties, quoi in _contrats(d):
        if acte.actes is None:
            continue
        chemin = (*acte_chemin(fichier), "actes")
        yield from _metadonnees(fichier, chemin, acte.actes.matiere, acte.actes.numero)
        if acte.actes.objet is not None:
            yield from _objet(fichier, (*chemin, "objet"), acte.actes.objet)
        org_id = acte.actes.collectivite
        if org_id not in {m for p in parties for m in p.membres}:
            yield fichier.problem(
                (*chemin, "collectivite"),
                f"« {org_id} » ne signe pas {quoi} : la collectivité qui le transmet au contrôle "
                "de légalité en est une partie",
            )
        elif org_id in t.model.organisations:
            yield from _transmetteur(d, org_id, quoi)


def _contrats(
    d: DonneesTerritoire,
) -> Iterator[tuple[Fichier[Any], Convention | ActeEngagement | Avenant, list[Partie], str]]:
    """(file, act, its parties, how to name it) of each act that may carry @CTES metadata."""
    if d.convention is not None:
        conv = d.convention.model.convention
        yield d.convention, conv, conv.parties, "la convention"
    if d.acte is not None:
        acte = d.acte.model.acte_engagement
        yield d.acte, acte, acte.parties, "l'acte d'engagement"
    for f in d.avenants:
        a = f.model.avenant
        parent = contrat(d, a.modifie)
        yield f, a, parent.parties if parent else [], f"l'avenant n° {a.numero}"


def acte_chemin(fichier: Fichier[Any]) -> tuple[str, ...]:
    """The top key of an act's file: « convention », « acte_engagement » or « avenant »."""
    return (next(iter(type(fichier.model).model_fields)),)


def _metadonnees(f: Fichier[Any], chemin: Path_, matiere: str, numero: str) -> Iterator[Problem]:
    if matiere not in nomenclature():
        proche = difflib.get_close_matches(matiere, list(nomenclature()), n=1, cutoff=0.6)
        conseil = f" ; vouliez-vous dire « {proche[0]} » ?" if proche else ""
        yield f.problem(
            (*chemin, "matiere"),
            f"matière « {matiere} » absente de la nomenclature des actes{conseil}",
        )
    if not NUMERO_ACTES.match(numero):
        suggestion = numero_suggere(numero)
        conseil = f" ; écrivez « {suggestion} »" if 0 < len(suggestion) <= 15 else ""
        yield f.problem(
            (*chemin, "numero"),
            f"numéro ACTES « {numero} » invalide : 1 à 15 caractères parmi chiffres, "
            f"majuscules et _ (tiret, barre et espace refusés par @CTES){conseil}",
        )


def _transmetteur(d: DonneesTerritoire, org_id: str, quoi: str) -> Iterator[Problem]:
    org = d.territoire.model.organisations[org_id]
    for champ, valeur in (("siren", org.siren), ("departement", org.departement)):
        if valeur is None:
            yield d.territoire.problem(
                ("organisations", org_id),
                f"{champ} manquant : nécessaire à l'identifiant de télétransmission {quoi}",
            )


def _siret(
    t: Fichier[FichierTerritoire], ident: str, siren: str | None, siret: str
) -> Iterator[Problem]:
    if siren is not None and siren_valide(siren) and not siret.startswith(siren):
        yield t.problem(
            ("organisations", ident, "siret"),
            f"SIRET « {siret} » : ses 9 premiers chiffres doivent être le SIREN « {siren} »",
        )
    elif not siren_valide(siret):
        yield t.problem(
            ("organisations", ident, "siret"),
            f"numéro SIRET « {siret} » invalide : la clé de contrôle ne correspond pas",
        )


def _objet(f: Fichier[Any], chemin: Path_, objet: str) -> Iterator[Problem]:
    if "\n" in objet:
        yield f.problem(
            chemin, "l'objet doit tenir sur une ligne (@CTES refuse les retours à la ligne)"
        )
    if len(objet) > OBJET_MAX:
        yield f.problem(
            chemin, f"objet trop long : {len(objet)} caractères, {OBJET_MAX} au plus (@CTES)"
        )
