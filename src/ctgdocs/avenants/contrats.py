"""The acts an avenant can modify — the convention and the acte d'engagement — and what an
avenant needs to know of them: their file, signature date and period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model import Partie
from ctgdocs.model.avenant import Avenant, FichierAvenant

# The data files each act reads, as documents.base.planifier takes them; its avenants, and the
# deliberations approving them, read these too. The acte's annex 4 renders the council's
# deliberation from the séances.
ENTREES: dict[str, dict[str, Any]] = {
    "convention": {"fichiers": ("territoire", "convention", "coordination")},
    "acte-engagement": {"fichiers": ("territoire", "acte", "coordination"), "seances": None},
}


@dataclass(frozen=True)
class Contrat:
    signe_le: dt.date | None
    debut: dt.date
    fin: dt.date
    parties: list[Partie]  # who signs it, and so its avenants


def contrat(d: DonneesTerritoire, modifie: str) -> Contrat | None:
    """The act named by an avenant's `modifie`, or None when the territory has none."""
    if modifie == "convention":
        if d.convention is None or d.territoire.model.territoire.ctg is None:
            return None
        ctg = d.territoire.model.territoire.ctg
        conv = d.convention.model.convention
        return Contrat(conv.signature.date, ctg.debut, ctg.fin, conv.parties)
    if d.acte is None:
        return None
    a = d.acte.model.acte_engagement
    return Contrat(a.date_signature, a.debut, a.fin, a.parties)


def avenants(d: DonneesTerritoire, modifie: str) -> list[Fichier[FichierAvenant]]:
    """The avenants to that act, in number order."""
    return [a for a in d.avenants if a.model.avenant.modifie == modifie]


def avenant_n(d: DonneesTerritoire, modifie: str, numero: int) -> Fichier[FichierAvenant] | None:
    """Avenant n° `numero` to that act, if the territory has it."""
    return next((a for a in avenants(d, modifie) if a.model.avenant.numero == numero), None)


def jusqu_a(d: DonneesTerritoire, avenant: Avenant) -> list[Fichier[FichierAvenant]]:
    """The avenants to the same act up to this one included: what its consolidation applies."""
    return [a for a in avenants(d, avenant.modifie) if a.model.avenant.numero <= avenant.numero]
