"""The consolidated state of a signed act: its data with avenants applied, in order (checked
when the data were validated, so a failure here is a problem of the data, raised as such)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ctgdocs.avenants import apply as amend
from ctgdocs.errors import DataError
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.model.avenant import FichierAvenant


def etat(d: DonneesTerritoire, liste: Sequence[Fichier[FichierAvenant]]) -> DonneesTerritoire:
    """The data after these avenants (checked when the data was validated)."""
    if not liste:
        return dataclasses.replace(d, avenants=())  # the act before any avenant of the view
    consolide, problems = amend.consolider(d, liste)
    if consolide is None:
        raise DataError(problems)
    return consolide
