"""What the séance form is drawn from: the territory named by a request (only one of the data
folder's), its collectivités, the council of each (its members from the data), the séance files
and the file a new séance is saved to (« seances/<date>-<collectivité>.yaml »)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from ctgdocs.fr.noms import nom_complet
from ctgdocs.load.territoire import find_territoires, load_file
from ctgdocs.load.yamlfile import read_yaml
from ctgdocs.model import FichierTerritoire, Personne
from ctgdocs.model.fichiers import AVENANTS, SEANCES
from ctgdocs.rules.membres import AVEC_SUPPLEANTS
from ctgdocs.rules.references import clauses_connues

# A séance file's name as the request gives it, without « .yaml »: no other shape reaches a path.
_NOM_FICHIER = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def territoire(donnees: Path, nom: str) -> Path | None:
    """The folder of the territory `nom` under the data folder, or None (an unknown name, a
    path, an encoded form: only the names find_territoires gives are matched)."""
    dossiers, _ = find_territoires([donnees])
    return next((d for d in dossiers if d.name == nom), None)


def fichier_seance(dossier: Path, nom: str) -> Path | None:
    """The séance file `nom` (without .yaml) of a territory, if it is one of its files."""
    if not _NOM_FICHIER.fullmatch(nom):
        return None
    chemin = dossier / SEANCES.chemin / f"{nom}.yaml"
    if chemin.is_symlink() or not chemin.is_file():
        return None
    return chemin


def nouveau_fichier(dossier: Path, date: str, collectivite: str) -> Path:
    """Where a new séance is saved: « seances/2026-03-12-maussane-les-alpilles.yaml »; before
    its date is typed, « seances/nouvelle-<collectivité>.yaml » (checked, never written)."""
    jour = date if _DATE.fullmatch(date) else "nouvelle"
    return dossier / SEANCES.chemin / f"{jour}-{collectivite}.yaml"


def seances(dossier: Path) -> list[str]:
    """The territory's séance files, by name without .yaml."""
    return sorted(
        p.stem
        for p in (dossier / SEANCES.chemin).glob("*.yaml")
        if _NOM_FICHIER.fullmatch(p.stem) and not p.is_symlink()
    )


@dataclass(frozen=True, slots=True)
class Conseil:
    """A collectivité's council as the form offers it."""

    collectivite: str
    nom: str  # « Maussane-les-Alpilles »
    membres: tuple[tuple[str, str], ...]  # (id, « Jean-Christophe CARRÉ »), the tableau's order
    executif: str | None
    membres_en_exercice: int | None
    # others a file names as rapporteurs, offered in the selects but not in the roll
    autres: tuple[tuple[str, str], ...] = ()
    type: str = "commune"  # the organisation's: an EPCI's members may sit by visioconférence
    # an EPCI's or syndicat's member → the persons who may sit for him: the data's persons of
    # his commune outside the council (CGCT L5211-6)
    suppleants: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [m for m, _ in self.membres]

    @property
    def choix(self) -> tuple[tuple[str, str], ...]:
        """Whom a select offers: the members, then the others the file names."""
        return self.membres + self.autres


def lire_territoire(dossier: Path) -> FichierTerritoire | None:
    fichier, _ = load_file(dossier / "territoire.yaml", FichierTerritoire, dossier)
    return fichier.model if fichier is not None else None


def conseils(dossier: Path, t: FichierTerritoire | None = None) -> dict[str, Conseil]:
    """The councils the territory's data can give, by collectivité: the members its conseil
    lists (ctgdocs import elus); else the members its séances name, in their order; else
    none (the territory's file lists no one of that council). `t`: its territoire.yaml,
    when the caller has read it already."""
    t = t or lire_territoire(dossier)
    if t is None:
        return {}
    nommes = _nommes_par_seance(dossier)
    found = {}
    for ident, org in t.organisations.items():
        if org.type not in ("commune", "epci", "syndicat"):
            continue
        membres = list(org.conseil.membres) if org.conseil else []
        if not membres:
            membres = [m for m in nommes.get(ident, []) if m in t.personnes]
        membres = [m for m in membres if m in t.personnes]
        found[ident] = Conseil(
            ident,
            org.nom,
            tuple((m, nom_complet(t.personnes[m])) for m in membres),
            org.executif,
            org.conseil.membres_en_exercice if org.conseil else None,
            type=org.type,
            suppleants=_suppleants(membres, t.personnes) if org.type in AVEC_SUPPLEANTS else {},
        )
    return found


def _suppleants(
    membres: list[str], personnes: dict[str, Personne]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each member named with his commune, the persons of that commune outside the council."""
    dehors = [i for i in personnes if i not in set(membres) and personnes[i].commune]
    found = {}
    for m in membres:
        commune = personnes[m].commune
        candidats = tuple(
            (i, nom_complet(personnes[i])) for i in dehors if personnes[i].commune == commune
        )
        if commune and candidats:
            found[m] = candidats
    return found


def avec_le_fichier(t: FichierTerritoire, conseil: Conseil, data: object) -> Conseil:
    """The council with, after its members, anyone else the séance file names in its roll (a
    member the data's conseil does not list), and the rapporteurs it names besides: the form
    shows them, so a save keeps them. `t`: the territory's territoire.yaml."""
    seance = data.get("seance") if isinstance(data, dict) else None
    if not isinstance(seance, dict):
        return conseil
    connus = set(conseil.ids)
    roll = [i for i in dict.fromkeys(_ids(seance)) if i not in connus and i in t.personnes]
    connus |= set(roll)
    rapporteurs = [
        r
        for d in (data.get("deliberations") if isinstance(data, dict) else None) or []
        if isinstance(d, dict)
        for r in d.get("rapporteurs") or []
        if isinstance(r, str)
    ]
    autres = [r for r in dict.fromkeys(rapporteurs) if r not in connus and r in t.personnes]
    suppleants = dict(conseil.suppleants)
    for sup in seance.get("suppleants") or []:
        if not isinstance(sup, dict):
            continue
        titulaire, suppleant = sup.get("titulaire"), sup.get("suppleant")
        if isinstance(suppleant, str) and suppleant in t.personnes and isinstance(titulaire, str):
            deja = suppleants.get(titulaire, ())
            if suppleant not in dict(deja):
                suppleants[titulaire] = (*deja, (suppleant, nom_complet(t.personnes[suppleant])))
    return dataclasses.replace(
        conseil,
        membres=conseil.membres + tuple((i, nom_complet(t.personnes[i])) for i in roll),
        autres=tuple((i, nom_complet(t.personnes[i])) for i in autres),
        suppleants=suppleants,
    )


def _nommes_par_seance(dossier: Path) -> dict[str, list[str]]:
    """The members each collectivité's séance files name, in the order they are written."""
    found: dict[str, list[str]] = {}
    for path in sorted((dossier / SEANCES.chemin).glob("*.yaml")):
        data = read_yaml(path, dossier).data
        seance = data.get("seance") if isinstance(data, dict) else None
        if not isinstance(seance, dict) or not isinstance(seance.get("collectivite"), str):
            continue
        noms = found.setdefault(seance["collectivite"], [])
        for ident in _ids(seance):
            if ident not in noms:
                noms.append(ident)
    return found


def _ids(seance: dict[str, object]) -> list[str]:
    """The council's members a séance names: the présents, the mandants and mandataires, the
    absents, the titulaires a suppléant sits for, the président and the secrétaires."""
    ids: list[str] = []
    for cle in ("president", "presents", "pouvoirs", "absents", "suppleants", "secretaires"):
        valeur = seance.get(cle)
        for v in valeur if isinstance(valeur, list) else [valeur]:
            if isinstance(v, str):
                ids.append(v)
            elif isinstance(v, dict):
                noms = (v.get("mandant"), v.get("mandataire"), v.get("titulaire"))
                ids += [x for x in noms if isinstance(x, str)]
    return ids


def clauses() -> list[str]:
    """The shared clauses a block can name (not the partials, « _missions »)."""
    return [c for c in clauses_connues() if not c.startswith("_")]


# The acts an avenant modifies, by the document's name in the output.
MODIFIABLES = {"convention": "convention", "acte-engagement": "acte-engagement"}


def prochain_avenant(dossier: Path, modifie: str) -> int:
    """The number of the next avenant to an act: one more than those of avenants/ for it."""
    numeros = [0]
    for path in sorted((dossier / AVENANTS.chemin).glob("*.yaml")):
        data = read_yaml(path, dossier).data
        av = data.get("avenant") if isinstance(data, dict) else None
        if (
            isinstance(av, dict)
            and av.get("modifie", "convention") == modifie
            and isinstance(av.get("numero"), int)
        ):
            numeros.append(av["numero"])
    return max(numeros) + 1
