"""@CTES metadata an act carries in its data: what the télétransmission needs that no other
field says (the rest — nature, date, SIREN, département — is computed)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ctgdocs.model.base import Identifiant, Modele, Texte

# What @CTES accepts (checked by ctgdocs.rules.ctes; declared here for editors).
NUMERO_ACTES_MOTIF = r"^[0-9A-Z_]{1,15}$"
OBJET_MAX = 499


class ActesMeta(Modele):
    """Metadata for the télétransmission (@CTES) of a deliberation."""

    numero: Texte = Field(
        description="Numéro ACTES : 1 à 15 caractères, chiffres, majuscules ou _",
        json_schema_extra={
            "pattern": NUMERO_ACTES_MOTIF,
            "patternErrorMessage": "Numéro ACTES : 1 à 15 caractères parmi chiffres, majuscules "
            "et _ (tiret, barre et espace refusés par @CTES).",
        },
    )
    matiere: Annotated[str, Field(pattern=r"^\d\.\d{1,2}$")] = Field(
        description="Code matière de la nomenclature (ex. « 7.1 »)"
    )


class ActesContrat(ActesMeta):
    """Metadata for the télétransmission (@CTES) of a convention or an avenant (nature CC)."""

    collectivite: Identifiant = Field(
        description="La partie qui transmet l'acte au contrôle de légalité (id d'organisation)"
    )
    objet: Annotated[Texte, Field(json_schema_extra={"maxLength": OBJET_MAX})] | None = Field(
        None, description="Objet transmis (1 à 499 caractères) ; à défaut, l'intitulé de l'acte"
    )
