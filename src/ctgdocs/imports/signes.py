"""The signed acts of a territory (a convention or an acte d'engagement with its date of
signature): what they name cannot change in the data, only by an avenant. An import reads them
to know which of its changes it may write and which it must draft as an avenant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class ActeSigne:
    modifie: str  # an avenant's `modifie`: « convention » or « acte-engagement »
    cle: str  # its key in its file, the head of an avenant's paths
    fichier: str  # convention.yaml, acte.yaml
    date: dt.date
    # each party's organisations, with the personne of each representative and its path
    parties: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def nomme_les_communes(self) -> bool:
        """A convention counts and lists the territory's communes; an acte names its parties."""
        return self.modifie == "convention"


def actes_signes(dossier: Path) -> list[ActeSigne]:
    actes = []
    for fichier, cle, modifie, date_de in (
        ("convention.yaml", "convention", "convention", _signature_convention),
        ("acte.yaml", "acte_engagement", "acte-engagement", _signature_acte),
    ):
        chemin = dossier / fichier
        if not chemin.is_file():
            continue
        try:
            donnees = yaml.safe_load(chemin.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # `ctgdocs validate` says what is wrong with it
        acte = donnees.get(cle) if isinstance(donnees, dict) else None
        if not isinstance(acte, dict):
            continue
        date = date_de(acte)
        if isinstance(date, dt.date):
            actes.append(ActeSigne(modifie, cle, fichier, date, _parties(cle, acte.get("parties"))))
    return actes


def _signature_convention(acte: dict[str, Any]) -> Any:
    signature = acte.get("signature")
    return signature.get("date") if isinstance(signature, dict) else None


def _signature_acte(acte: dict[str, Any]) -> Any:
    return acte.get("date_signature")


def _parties(cle: str, parties: Any) -> dict[str, list[tuple[str, str]]]:
    """organisation → (personne, its avenant path) of each of its representatives, in order; a
    representative of a grouped party says which member it signs for."""
    resultat: dict[str, list[tuple[str, str]]] = {}
    for rang, partie in enumerate(parties if isinstance(parties, list) else [], start=1):
        if not isinstance(partie, dict):
            continue
        seule = partie.get("organisation")
        ident = seule if isinstance(seule, str) else str(rang)
        for org in partie.get("organisations") or [seule]:
            if isinstance(org, str):
                resultat.setdefault(org, [])
        for i, r in enumerate(partie.get("representants") or [], start=1):
            if not isinstance(r, dict) or not isinstance(r.get("personne"), str):
                continue
            org = r.get("organisation") or seule
            if isinstance(org, str):
                chemin = f"{cle}.parties[{ident}].representants[{i}].personne"
                resultat.setdefault(org, []).append((r["personne"], chemin))
    return resultat
