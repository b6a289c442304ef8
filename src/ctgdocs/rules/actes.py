"""@CTES constraints: internal number, objet, and what the transmission identifier needs."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire
from ctgdocs.references import nomenclature

NUMERO_ACTES = re.compile(r"^[0-9A-Z_]{1,15}$")
OBJET_MAX = 499


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
            yield from _objet(s, n, delib.objet)
            if delib.actes is None:
                continue
            matiere = delib.actes.matiere
            if matiere not in nomenclature():
                proche = difflib.get_close_matches(matiere, list(nomenclature()), n=1, cutoff=0.6)
                conseil = f" ; vouliez-vous dire « {proche[0]} » ?" if proche else ""
                yield s.problem(
                    ("deliberations", n, "actes", "matiere"),
                    f"matière « {matiere} » absente de la nomenclature des actes{conseil}",
                )
            numero = delib.actes.numero
            if not NUMERO_ACTES.match(numero):
                suggestion = numero_suggere(numero)
                conseil = f" ; écrivez « {suggestion} »" if 0 < len(suggestion) <= 15 else ""
                yield s.problem(
                    ("deliberations", n, "actes", "numero"),
                    f"numéro ACTES « {numero} » invalide : 1 à 15 caractères parmi chiffres, "
                    f"majuscules et _ (tiret, barre et espace refusés par @CTES){conseil}",
                )
            for champ, valeur in (("siren", org.siren), ("departement", org.departement)):
                if valeur is None:
                    yield t.problem(
                        ("organisations", org_id),
                        f"{champ} manquant : nécessaire à l'identifiant de télétransmission de la "
                        f"délibération {delib.numero}",
                    )


def _objet(s, n: int, objet: str) -> Iterator[Problem]:  # type: ignore[no-untyped-def]
    if "\n" in objet:
        yield s.problem(
            ("deliberations", n, "objet"),
            "l'objet doit tenir sur une ligne (@CTES refuse les retours à la ligne)",
        )
    if len(objet) > OBJET_MAX:
        yield s.problem(
            ("deliberations", n, "objet"),
            f"objet trop long : {len(objet)} caractères, {OBJET_MAX} au plus (@CTES)",
        )
