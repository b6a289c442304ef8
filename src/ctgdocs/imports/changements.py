"""What an import changes, said to the user: one French line per change, and for a change a
signed act names, the avenant's modification lines instead of an edit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.imports import yamlrt
from ctgdocs.imports.signes import ActeSigne


@dataclass(frozen=True, slots=True)
class Changement:
    texte: str  # « Orches (86183) rejoint l'EPCI »
    # Not written: the signed act that names it, and the modifications of an avenant to it
    acte: ActeSigne | None = None
    modifications: tuple[dict[str, Any], ...] = ()
    note: bool = False  # what the import saw but did not change (« sans élu dans le RNE »)

    @property
    def ecrit(self) -> bool:
        return self.acte is None


def lignes(changements: Iterable[Changement], *, dry_run: bool) -> Iterator[str]:
    """The report: what is written (or would be), then what waits for an avenant, with the
    avenant's modifications drafted, per signed act."""
    changements = list(changements)
    ecrits = [c for c in changements if c.ecrit]
    verbe = "à écrire" if dry_run else "écrit"
    for c in ecrits:
        yield f"{'note' if c.note else verbe} : {c.texte}"
    par_acte: dict[str, list[Changement]] = {}
    for c in changements:
        if c.acte is not None:
            par_acte.setdefault(c.acte.fichier, []).append(c)
    for groupe in par_acte.values():
        acte = groupe[0].acte
        assert acte is not None
        n = len(groupe)
        pas_ecrit = "n'est pas écrit" if n == 1 else "ne sont pas écrits"
        yield (
            f"avenant nécessaire : {acte.fichier} est signé du {date_fr(acte.date)} ; "
            f"{n} {accord('changement', n)} qu'il nomme {pas_ecrit} dans territoire.yaml :"
        )
        for c in groupe:
            yield f"  - {c.texte}"
        yield "  à reprendre dans un avenant (avenants/NN-objet.yaml) :"
        if acte.modifie != "convention":
            yield f"    modifie: {acte.modifie}"
        lignes_avenant = [m for c in groupe for m in c.modifications]
        for ligne in yamlrt.modifications(lignes_avenant).splitlines():
            yield f"    {ligne}"
