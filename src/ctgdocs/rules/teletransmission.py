"""@CTES (ACTES) metadata of an act sent to the préfecture: nature, matière, internal number,
objet, date of the decision, and the transmission identifier `DDD-SIREN-AAAAMMJJ-NUMERO-NN`
(../shared/reference/fr_standards.md §2). Python computes it once; the JSON beside the PDF,
the SCDL export and the rules read it from here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ctgdocs.model import Deliberation, Organisation, Seance
from ctgdocs.model.ctes import ActesContrat
from ctgdocs.references import nomenclature

# Nature codes: the letters of the identifier and the numeric CodeNatureActe of the XML.
NATURES: dict[str, tuple[int, str]] = {
    "DE": (1, "Délibérations"),
    "CC": (4, "Contrats, conventions et avenants"),
}
TAILLE_MAX = 150 * 1000 * 1000  # acte + annexes, Pastell's limit (150 Mo)


def departement_actes(departement: str) -> str:
    """The département on three characters: « 86 » → « 086 », « 2A » → « 02A », « 971 »."""
    return departement.rjust(3, "0")


@dataclass(frozen=True)
class Teletransmission:
    nature: str  # a key of NATURES
    matiere: str  # level-2 code, "7.1"
    numero: str  # internal number, [0-9A-Z_]{1,15} (checked by rules.actes)
    objet: str
    date: dt.date  # date of the decision (séance, or signature of a contract)
    collectivite: str  # the transmitting body, as named in its acts
    siren: str
    departement: str

    @property
    def identifiant(self) -> str:
        return "-".join(
            (
                departement_actes(self.departement),
                self.siren,
                self.date.strftime("%Y%m%d"),
                self.numero,
                self.nature,
            )
        )

    @property
    def matiere_libelle(self) -> str:
        return nomenclature()[self.matiere]

    @property
    def famille(self) -> str:
        """The level-1 code of the matière: « 7 » for « 7.1 »."""
        return self.matiere.partition(".")[0]

    @property
    def famille_libelle(self) -> str:
        return nomenclature()[self.famille]

    def fichier_acte(self) -> str:
        """The act's PDF as a TdT names it in the transmission (typologie 99_<nature>)."""
        return f"99_{self.nature}-{self.identifiant}-1-1_1.pdf"

    def metadonnees(self, pdf: str) -> dict[str, Any]:
        """The JSON written beside the PDF, ready for a télétransmission tool."""
        code, libelle = NATURES[self.nature]
        return {
            "identifiant": self.identifiant,
            "nature": {"code": self.nature, "code_numerique": code, "libelle": libelle},
            "matiere": {
                "code": self.matiere,
                "libelle": self.matiere_libelle,
                "codes": self.matiere.split("."),
                "niveau_1": {"code": self.famille, "libelle": self.famille_libelle},
            },
            "numero_interne": self.numero,
            "objet": self.objet,
            "date_decision": self.date.isoformat(),
            "collectivite": {
                "nom": self.collectivite,
                "siren": self.siren,
                "departement": departement_actes(self.departement),
            },
            "fichiers": {
                "acte": {
                    "nom": pdf,
                    "type": "application/pdf",
                    "nom_teletransmission": self.fichier_acte(),
                },
                "annexes": [],
            },
        }


def pour_deliberation(
    org: Organisation, seance: Seance, delib: Deliberation
) -> Teletransmission | None:
    """A deliberation with `actes:` is sent as DE, dated by its séance."""
    if delib.actes is None or org.siren is None or org.departement is None:
        return None  # rules.actes refuses the data before this
    return Teletransmission(
        nature="DE",
        matiere=delib.actes.matiere,
        numero=delib.actes.numero,
        objet=delib.objet,
        date=seance.date,
        collectivite=org.designation or org.nom,
        siren=org.siren,
        departement=org.departement,
    )


def transmis(actes: ActesContrat | None, signe_le: dt.date | None) -> bool:
    """Whether a contract (convention, acte d'engagement, avenant) is sent to the préfecture:
    it has `actes:` and is signed. A draft (no date of signature) is never sent: it has no
    identifier yet, and its `actes:` wait for the date (documents/*: the @CTES sidecar)."""
    return actes is not None and signe_le is not None


def pour_contrat(
    organisations: dict[str, Organisation],
    actes: ActesContrat | None,
    signe_le: dt.date | None,
    intitule: str,
) -> Teletransmission | None:
    """A signed convention, acte d'engagement or avenant with `actes:` is sent as CC, dated by
    its signature. A draft (no date) is not sent (`transmis`)."""
    if actes is None or signe_le is None:
        return None
    org = organisations.get(actes.collectivite)
    if org is None or org.siren is None or org.departement is None:
        return None  # rules.actes refuses the data before this
    return Teletransmission(
        nature="CC",
        matiere=actes.matiere,
        numero=actes.numero,
        objet=actes.objet or intitule,
        date=signe_le,
        collectivite=org.designation or org.nom,
        siren=org.siren,
        departement=org.departement,
    )


__all__ = [
    "NATURES",
    "TAILLE_MAX",
    "Teletransmission",
    "departement_actes",
    "pour_contrat",
    "pour_deliberation",
    "transmis",
]
