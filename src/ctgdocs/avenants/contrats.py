"""The contract registry: the acts an avenant can modify, each one record — its data file and
model, how the documents and messages name it (its grammatical forms), where its signature date
is written and what its render reads, its state (signed when, in force from when to when, signed
by whom), its title, and its renderer.

The amendment stage (apply, consolidation, comparison) and the rules read these records and
never import a document kind: each kind plugs its renderer in when the registry of kinds is
built (documents/__init__.py: `brancher`). Adding an amendable act is one record here, its
name in the `modifie` literal of model/avenant.py and model/seance.py (a test checks they
agree), and its document kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model import Partie
from ctgdocs.model.avenant import Avenant, FichierAvenant
from ctgdocs.model.fichiers import ACTE, CONVENTION, TypeFichier
from ctgdocs.render.document import RenderedDocument

Rendu = Callable[[DonneesTerritoire], RenderedDocument]


@dataclass(frozen=True)
class Formes:
    """How a text names an act, in every construction the clauses need."""

    nom: str  # « convention »
    le: str  # « la présente convention »
    du: str  # « de la présente convention »
    au: str  # « à la présente convention »
    origine: str  # « à la convention d'origine »
    il: str  # « elle »
    feminin: bool  # its agreement: « conclue », « résiliée » (the `accord` filter)
    ref: str  # how an avenant names the act it modifies: « la convention »
    de_ref: str  # « de la convention »


@dataclass(frozen=True)
class EtatContrat:
    signe_le: dt.date | None
    debut: dt.date
    fin: dt.date
    parties: list[Partie]  # who signs it, and so its avenants


@dataclass(frozen=True)
class ContratAmendable:
    nom: str  # the value of an avenant's `modifie`, and the name of its document kind
    fichier: TypeFichier
    formes: Formes
    signature: str  # where its date of signature is written, as a message names it
    # The data files its render reads, as documents.base.planifier takes them; its avenants,
    # and the deliberations approving them, read these too.
    entrees: Mapping[str, Any]
    etat: Callable[[DonneesTerritoire], EtatContrat | None]  # None: the territory has no such act
    intitule: Callable[[DonneesTerritoire], str]  # its title, as its data write it
    article: str  # before its title in a sentence: « la », « l' »

    def designation(self, d: DonneesTerritoire) -> str:
        """« la convention territoriale globale de services aux familles », « l'acte
        d'engagement dans la démarche CTG (…) »: the act as its title names it."""
        titre = self.intitule(d)
        return self.article + titre[0].lower() + titre[1:]

    def rendre(self, d: DonneesTerritoire) -> RenderedDocument:
        """The act's document from these data (its kind's renderer)."""
        if self.nom not in _RENDUS:
            raise LookupError(f"aucun rendu pour l'acte « {self.nom} » : documents non chargés")
        return _RENDUS[self.nom](d)


def _convention(d: DonneesTerritoire) -> EtatContrat | None:
    if d.convention is None or d.territoire.model.territoire.ctg is None:
        return None
    ctg = d.territoire.model.territoire.ctg
    conv = d.convention.model.convention
    return EtatContrat(conv.signature.date, ctg.debut, ctg.fin, conv.parties)


def _acte(d: DonneesTerritoire) -> EtatContrat | None:
    if d.acte is None:
        return None
    a = d.acte.model.acte_engagement
    return EtatContrat(a.date_signature, a.debut, a.fin, a.parties)


def _intitule_convention(d: DonneesTerritoire) -> str:
    assert d.convention is not None
    return d.convention.model.convention.intitule


def _titre_acte(d: DonneesTerritoire) -> str:
    assert d.acte is not None
    return d.acte.model.acte_engagement.titre


CONTRATS: dict[str, ContratAmendable] = {
    c.nom: c
    for c in (
        ContratAmendable(
            nom="convention",
            fichier=CONVENTION,
            formes=Formes(
                nom="convention",
                le="la présente convention",
                du="de la présente convention",
                au="à la présente convention",
                origine="à la convention d'origine",
                il="elle",
                feminin=True,
                ref="la convention",
                de_ref="de la convention",
            ),
            signature="convention.signature.date",
            entrees={
                "fichiers": ("territoire", "convention", "coordination"),
                "bibliotheques": True,
            },
            etat=_convention,
            intitule=_intitule_convention,
            article="la ",
        ),
        ContratAmendable(
            nom="acte-engagement",
            fichier=ACTE,
            formes=Formes(
                nom="acte d'engagement",
                le="le présent acte d'engagement",
                du="du présent acte d'engagement",
                au="au présent acte d'engagement",
                origine="à l'acte d'engagement d'origine",
                il="il",
                feminin=False,
                ref="l'acte d'engagement",
                de_ref="de l'acte d'engagement",
            ),
            signature="acte_engagement.date_signature",
            # The acte's annex 4 renders the council's deliberation from the séances.
            entrees={
                "fichiers": ("territoire", "acte", "coordination"),
                "seances": None,
                "bibliotheques": True,
            },
            etat=_acte,
            intitule=_titre_acte,
            article="l'",
        ),
    )
}
# How an avenant names itself (it is signed, never amended).
FORMES_AVENANT = Formes(
    nom="avenant",
    le="le présent avenant",
    du="du présent avenant",
    au="au présent avenant",
    origine="à l'avenant d'origine",
    il="il",
    feminin=False,
    ref="l'avenant",
    de_ref="de l'avenant",
)
_RENDUS: dict[str, Rendu] = {}


def brancher(nom: str, rendu: Rendu) -> None:
    """The renderer of an amendable act, given by its document kind."""
    if nom not in CONTRATS:
        raise ValueError(f"{nom!r} is not an amendable act")
    _RENDUS[nom] = rendu


def contrat(d: DonneesTerritoire, modifie: str) -> EtatContrat | None:
    """The state of the act named by an avenant's `modifie`, or None when the territory has none."""
    return CONTRATS[modifie].etat(d)


def avenants(d: DonneesTerritoire, modifie: str) -> list[Fichier[FichierAvenant]]:
    """The avenants to that act, in number order."""
    return [a for a in d.avenants if a.model.avenant.modifie == modifie]


def avenant_n(d: DonneesTerritoire, modifie: str, numero: int) -> Fichier[FichierAvenant] | None:
    """Avenant n° `numero` to that act, if the territory has it."""
    return next((a for a in avenants(d, modifie) if a.model.avenant.numero == numero), None)


def jusqu_a(d: DonneesTerritoire, avenant: Avenant) -> list[Fichier[FichierAvenant]]:
    """The avenants to the same act up to this one included: what its consolidation applies."""
    return [a for a in avenants(d, avenant.modifie) if a.model.avenant.numero <= avenant.numero]
