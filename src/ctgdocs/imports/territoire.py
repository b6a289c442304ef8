"""What the Code officiel géographique says of a territory: the EPCI, its member communes (or
the communes asked for) and the Caf of the département, as the records of territoire.yaml.

Only official values are written: names, INSEE codes, TNCC, SIREN, département, population
with its millésime. What only the user knows (the CTG's dates, axes, signatories, addresses,
the élus until `ctgdocs import elus`) is not made up."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ctgdocs.errors import UsageError
from ctgdocs.fr.prepositions import joindre_insee, tncc_accorde
from ctgdocs.imports.cog import Cog, Commune

# The COG abbreviates the kind of EPCI before its name (« CA Grand Châtellerault »).
_TYPES_EPCI = {
    "CC": "Communauté de communes",
    "CA": "Communauté d'agglomération",
    "CU": "Communauté urbaine",
}
# A name that already says what the EPCI is is its own name: « CA Carcassonne Agglo » is
# « Carcassonne Agglo », « CC Terre d'Émeraude Communauté » is « Terre d'Émeraude Communauté ».
_NOM_PROPRE = re.compile(
    r"\b(agglo|agglomération|communauté|métropole|eurométropole)\b", re.IGNORECASE
)
# Départements with more than one Caf: the import cannot choose, the user writes theirs.
CAF_MULTIPLES = {
    "64": "Caf du Béarn et de la Soule, Caf du Pays basque et du Seignanx",
}


@dataclass(slots=True)
class Record:
    """One organisation to write: its id, its fields in the order written, and what a comment
    above it should say."""

    ident: str
    champs: dict[str, Any]
    commentaire: str | None = None


@dataclass(slots=True)
class ImportTerritoire:
    nom: str  # the territory's name
    epci: Record | None
    caf: Record
    communes: list[Record] = field(default_factory=list)
    source: str = ""

    @property
    def records(self) -> list[Record]:
        return [self.caf, *([self.epci] if self.epci else []), *self.communes]


def identifiant(texte: str) -> str:
    """An id from a name: « Saint-Genest-d'Ambière » → « saint-genest-d-ambiere »."""
    ascii_text = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].rstrip("-")


def cle_de_nom(nom: object) -> str:
    """A name as an import compares it: without case, accents, hyphens or apostrophes' kind
    (« Saint-Genest-d'Ambière » and « SAINT GENEST D AMBIERE » are one)."""
    texte = unicodedata.normalize("NFKD", str(nom or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", texte.lower()).strip()


def _ordre(nom: str) -> str:
    return unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode().lower()


def nom_epci(abrege: str) -> tuple[str, str | None]:
    """The EPCI's name with its kind written out, and its short name: « CA Grand
    Châtellerault » → (« Communauté d'agglomération Grand Châtellerault », « Grand
    Châtellerault »); « CA du Libournais » → (« Communauté d'agglomération du Libournais »,
    None); « Toulouse Métropole » stays itself."""
    sigle, _, reste = abrege.partition(" ")
    if sigle not in _TYPES_EPCI or not reste:
        return abrege, None
    reste = reste.strip().strip('"')
    if _NOM_PROPRE.search(reste):
        return reste, None
    court = None if re.match(r"(du|de|des|d')\b", reste) else reste
    return f"{_TYPES_EPCI[sigle]} {reste}", court


def importer(cog: Cog, epci: str | None, communes: Sequence[str] = ()) -> ImportTerritoire:
    """The records of the EPCI `epci` (a SIREN) and its communes, or of the communes asked for
    (INSEE codes; with an EPCI, each must be one of its members)."""
    if epci is None and not communes:
        raise UsageError("indiquez l'EPCI (--epci SIREN) ou au moins une commune (--commune INSEE)")
    membres: list[str]
    groupement = None
    if epci is not None:
        if not re.fullmatch(r"\d{9}", epci):
            raise UsageError(f"--epci « {epci} » : un SIREN de 9 chiffres est attendu")
        if epci not in cog.epci:
            raise UsageError(
                f"aucun EPCI de SIREN {epci} dans le COG {cog.annee} ({cog.source}) : "
                "vérifiez le numéro (le SIREN de l'EPCI, pas celui d'une commune)"
            )
        groupement = cog.epci[epci]
        membres = list(groupement.membres)
        inconnues = [code for code in membres if code not in cog.communes]
        if inconnues:
            raise UsageError(
                f"{cog.source} : l'EPCI {epci} a pour membres des communes qu'il ne connaît pas "
                f"({', '.join(inconnues)}) ; le paquet est incomplet, réinstallez-le (make setup)"
            )
    for code in communes:
        if code not in cog.communes:
            raise UsageError(
                f"--commune « {code} » : aucune commune de ce code INSEE dans le COG {cog.annee}"
            )
        if groupement is not None and code not in groupement.membres:
            raise UsageError(
                f"--commune {code} ({cog.communes[code].nom}) n'est pas membre de "
                f"{groupement.nom} ({epci}) dans le COG {cog.annee}"
            )
    if communes:
        membres = list(dict.fromkeys(communes))
    # in the order of their names, as an annex lists them
    choisies = sorted((cog.communes[code] for code in membres), key=lambda c: _ordre(c.nom))
    departement = _departement(cog, groupement.membres if groupement else membres)
    caf = _caf(cog, departement)
    records = _communes(choisies, cog.millesime)
    epci_record = None
    if groupement is not None:
        nom, court = nom_epci(groupement.nom)
        champs: dict[str, Any] = {"type": "epci", "nom": nom}
        if court:
            champs["nom_court"] = court
        champs |= {"siren": groupement.siren, "departement": departement}
        epci_record = Record(
            identifiant(court or nom),
            champs,
            f"« {groupement.nom} » dans le COG {cog.annee} : nom développé, à vérifier\n"
            "dans ses statuts (« Communauté d'agglomération de … » ?)",
        )
    if epci_record is not None:
        nom_territoire = str(epci_record.champs.get("nom_court") or epci_record.champs["nom"])
    else:
        nom_territoire = " – ".join(c.nom for c in choisies[:3]) + (
            " …" if len(choisies) > 3 else ""
        )
    return ImportTerritoire(nom_territoire, epci_record, caf, records, cog.source)


def _departement(cog: Cog, codes: Sequence[str]) -> str:
    """The département of most of the communes (an EPCI may straddle two)."""
    comptes: dict[str, int] = {}
    for code in codes:
        d = cog.communes[code].departement
        comptes[d] = comptes.get(d, 0) + 1
    return max(sorted(comptes), key=lambda d: comptes[d])


def _caf(cog: Cog, departement: str) -> Record:
    d = cog.departements[departement]
    de_departement = joindre_insee("de", d.nom, d.type_liaison)
    champs: dict[str, Any] = {
        "type": "caf",
        "nom": f"Caisse d'allocations familiales {de_departement}",
        "nom_court": f"Caf {de_departement}",
        "departement": departement,
    }
    commentaire = "La Caf du département : son adresse et ses représentants sont à écrire"
    if departement in CAF_MULTIPLES:
        commentaire = (
            f"Le département {departement} a plusieurs Caf ({CAF_MULTIPLES[departement]}) : "
            "corrigez le nom de la vôtre"
        )
    return Record(f"caf-{departement.lower()}", champs, commentaire)


def _communes(communes: Sequence[Commune], millesime: int) -> list[Record]:
    ids: dict[str, int] = {}
    for c in communes:
        ids[identifiant(c.nom)] = ids.get(identifiant(c.nom), 0) + 1
    records = []
    for c in communes:
        ident = identifiant(c.nom)
        if ids[ident] > 1:  # two communes of one name (in two départements)
            ident = f"{ident}-{c.code.lower()}"
        champs: dict[str, Any] = {"type": "commune", "nom": c.nom, "code_insee": c.code}
        # one commune of 2026 (« Le Vernet-Chaméane », 0) has a TNCC its name contradicts:
        # without it, the name says the preposition
        if c.type_liaison is not None and tncc_accorde(c.nom, c.type_liaison):
            champs["type_liaison"] = c.type_liaison
        champs["departement"] = c.departement
        if c.siren:
            champs["siren"] = c.siren
        if c.population is not None:
            champs["populations_legales"] = [{"millesime": millesime, "population": c.population}]
        records.append(Record(ident, champs))
    return records
