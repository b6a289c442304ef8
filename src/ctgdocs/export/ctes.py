"""@CTES metadata: `<stem>.actes.json`, a sidecar of the PDF of an act sent to the préfecture
(rules.teletransmission), after a pre-flight of what @CTES refuses. Planned only for documents
whose data carry `actes:`, and only with the PDF they describe (build/plan.py: SIDECARS)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

from ctgdocs.errors import OutputError
from ctgdocs.render.document import RenderedDocument
from ctgdocs.rules.ctes import NUMERO_ACTES, OBJET_MAX
from ctgdocs.rules.teletransmission import Teletransmission
from ctgdocs.writers.atomic import write_bytes_atomic

SUFFIX = ".actes.json"


class CtesSidecar:
    format: ClassVar[str] = "actes"
    suffix: ClassVar[str] = SUFFIX
    heading_pages: ClassVar[bool] = False
    layout: ClassVar[bool] = False

    def write(self, document: RenderedDocument, dest: Path) -> None:
        actes = document.actes
        if actes is None:
            raise OutputError(
                f"« {document.meta.title} » n'est pas transmis au contrôle de légalité : "
                "pas de métadonnées @CTES (actes:) dans ses données"
            )
        preflight(actes, document.meta.title)
        pdf = dest.name.removesuffix(SUFFIX) + ".pdf"
        text = json.dumps(actes.metadonnees(pdf), ensure_ascii=False, indent=2) + "\n"
        write_bytes_atomic(dest, text.encode("utf-8"))


def preflight(actes: Teletransmission, titre: str) -> None:
    """What @CTES refuses, for values computed rather than typed (the rules check the typed
    ones where they are written)."""
    problems = []
    if not NUMERO_ACTES.match(actes.numero):
        problems.append(
            f"numéro ACTES « {actes.numero} » invalide (1 à 15 chiffres, majuscules ou _)"
        )
    if not actes.objet.strip():
        problems.append("objet vide (1 à 499 caractères)")
    elif len(actes.objet) > OBJET_MAX:
        problems.append(
            f"objet trop long : {len(actes.objet)} caractères, {OBJET_MAX} au plus ; "
            "écrivez un objet plus court dans actes.objet"
        )
    if "\n" in actes.objet:
        problems.append("l'objet doit tenir sur une ligne (@CTES refuse les retours à la ligne)")
    if problems:
        raise OutputError(f"« {titre} » ne peut pas être télétransmis : " + " ; ".join(problems))
