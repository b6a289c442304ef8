"""The data files of a territory, once: each file's name in the folder, its model, whether it is
one file or a folder of them. The loader, the avenants (which file a path changes), the plan of
a document (which files its render reads), the JSON Schemas and the command line read this
list; nothing else names the files."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from ctgdocs.model.articles import FichierModele
from ctgdocs.model.avenant import FichierAvenant
from ctgdocs.model.convention import FichierConvention
from ctgdocs.model.coordination import FichierCoordination
from ctgdocs.model.engagement import FichierActe
from ctgdocs.model.seance import FichierSeance
from ctgdocs.model.territoire import FichierTerritoire


@dataclass(frozen=True)
class TypeFichier:
    nom: str  # its name in ctgdocs schema, and in DonneesTerritoire
    chemin: str  # under the territory's folder: a file, or a folder of *.yaml
    modele: type[BaseModel]
    dossier: bool = False  # a folder of files, one per séance or avenant
    obligatoire: bool = False

    @property
    def cles(self) -> tuple[str, ...]:
        """Its top-level keys (distinct from every other file's)."""
        return tuple(self.modele.model_fields)


TERRITOIRE = TypeFichier("territoire", "territoire.yaml", FichierTerritoire, obligatoire=True)
SEANCES = TypeFichier("seance", "seances", FichierSeance, dossier=True)
CONVENTION = TypeFichier("convention", "convention.yaml", FichierConvention)
COORDINATION = TypeFichier("coordination", "coordination.yaml", FichierCoordination)
ACTE = TypeFichier("acte", "acte.yaml", FichierActe)
AVENANTS = TypeFichier("avenant", "avenants", FichierAvenant, dossier=True)
# A Caf's model lives beside the territories (data/modeles/<nom>/), not in one: its clause files
# are Markdown (ctgdocs.load.clauses), its modele.yaml the default lists of articles.
MODELE = TypeFichier("modele", "../modeles/<nom>/modele.yaml", FichierModele)

FICHIERS: dict[str, TypeFichier] = {
    f.nom: f for f in (TERRITOIRE, SEANCES, CONVENTION, COORDINATION, ACTE, AVENANTS, MODELE)
}
# The single files beside territoire.yaml, read when present.
OPTIONNELS = (CONVENTION, COORDINATION, ACTE)
# The files an avenant can change, by their top-level keys.
MODIFIABLES = (TERRITOIRE, *OPTIONNELS)
