"""`ctgdocs import territoire` and `ctgdocs import elus` up to the text they would write: read
the official files and territoire.yaml, merge, say the changes. Writing the file is the
caller's (app.importer), atomically."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml.comments import CommentedMap

from ctgdocs.errors import UsageError, display_path
from ctgdocs.fr.accord import accord
from ctgdocs.fr.noms import designation_avec_article
from ctgdocs.imports import cog, fusion, yamlrt
from ctgdocs.imports.changements import Changement
from ctgdocs.imports.signes import actes_signes
from ctgdocs.imports.territoire import ImportTerritoire, importer
from ctgdocs.model import Organisation
from ctgdocs.paths import PROJECT_DIR
from ctgdocs.rules.convocation import DECALAGE_MILLESIME, renouvellement

TERRITOIRE = "territoire.yaml"
SCHEMA = PROJECT_DIR / "schema" / "territoire.schema.json"


@dataclass(frozen=True, slots=True)
class Resultat:
    cible: Path  # DOSSIER/territoire.yaml
    texte: str | None  # what to write; None when nothing changes
    changements: list[Changement]


def territoire(
    dossier: Path,
    epci: str | None,
    communes: Sequence[str],
    *,
    mise_a_jour: bool,
    commande: str,
    sirene: Path | None = None,
    aujourdhui: dt.date | None = None,
) -> Resultat:
    cible = dossier / TERRITOIRE
    donnees = cog.charger()
    imp = importer(donnees, epci, communes)
    sieges = _sieges(sirene)
    if not cible.exists():
        if mise_a_jour:
            raise UsageError(
                f"{display_path(cible)} n'existe pas : rien à mettre à jour (sans --mise-a-jour, "
                "l'import l'écrit)"
            )
        jour = aujourdhui or dt.date.today()
        doc = fusion.nouveau(imp, _entete(dossier, commande, donnees.source, jour))
        changements = [Changement(_compte(imp))]
        if sieges is not None:
            n = len(fusion.sirets(doc, sieges[0], sieges[1]))
            changements.append(Changement(f"SIRET des sièges : {n} d'après {sieges[1]}"))
        texte = yamlrt.ecrire(doc).replace("\nsources:", "\n\nsources:", 1)  # after the header
        return Resultat(cible, texte, changements)
    if not mise_a_jour:
        raise UsageError(
            f"{display_path(cible)} existe déjà : ajoutez --mise-a-jour pour y reporter le COG "
            "(ses commentaires et vos clés sont gardés), --dry-run pour voir les changements"
        )

    def fusionner(doc: CommentedMap, autres: dict[str, str]) -> list[Changement]:
        complet = epci is not None and not communes
        faits = fusion.fusionner(
            doc,
            imp,
            actes_signes(dossier),
            complet=complet,
            autres=autres,
            requis=millesimes_requis(doc, autres),
        )
        return faits + (fusion.sirets(doc, *sieges) if sieges is not None else [])

    return mettre_a_jour(cible, fusionner)


def millesimes_requis(doc: CommentedMap, autres: dict[str, str]) -> dict[str, set[int]]:
    """The population millésime each commune's séances need: that in force at its council's
    last full renewal before the séance (rules/convocation). `autres`: the territory's other
    data files, already read (`_autres`), of which the séances are seances/*.yaml."""
    orgs = doc.get("organisations") or {}
    requis: dict[str, set[int]] = {}
    for nom, texte in sorted(autres.items()):
        if Path(nom).parent != Path("seances"):
            continue
        try:
            seance = (yaml.safe_load(texte) or {}).get("seance")
        except (yaml.YAMLError, AttributeError):
            continue  # `ctgdocs validate` says what is wrong with it
        if not isinstance(seance, dict) or not isinstance(seance.get("date"), dt.date):
            continue
        org = orgs.get(seance.get("collectivite"))
        if not isinstance(org, dict) or org.get("type") != "commune":
            continue
        dernier = org.get("dernier_renouvellement")
        commune = Organisation(
            type="commune",
            nom=str(org.get("nom")),
            dernier_renouvellement=dernier if isinstance(dernier, dt.date) else None,
        )
        quand = renouvellement(commune, seance["date"])
        if quand is not None:
            requis.setdefault(str(seance["collectivite"]), set()).add(
                quand.year - DECALAGE_MILLESIME
            )
    return requis


def _sieges(sirene: Path | None) -> tuple[dict[str, str], str] | None:
    """SIREN → SIRET of the sièges of a SIRENE extract, and how sources.sirene names it."""
    if sirene is None:
        return None
    from ctgdocs.imports.sirene import lire_sieges

    return lire_sieges(sirene), sirene.name


def _compte(imp: ImportTerritoire) -> str:
    n = len(imp.communes)
    autres = [
        designation_avec_article(Organisation.model_validate(yamlrt.simple(r.champs)))
        for r in (imp.caf, imp.epci)
        if r
    ]
    return f"{n} {accord('commune', n)}, " + " et ".join(autres)


def elus(dossier: Path, rne: Path, rne_epci: Path | None) -> Resultat:
    """The councils of the territory's communes (and EPCI) from RNE files, merged into its
    territoire.yaml."""
    from ctgdocs.imports import elus as fusion_elus
    from ctgdocs.imports import rne as lecteur

    cible = dossier / TERRITOIRE
    if not cible.exists():
        raise UsageError(
            f"{display_path(cible)} n'existe pas : écrivez d'abord le territoire (« ctgdocs "
            f"import territoire {display_path(dossier)} --epci SIREN »)"
        )
    municipaux = lecteur.lire_conseillers_municipaux(rne)
    communautaires = lecteur.lire_conseillers_communautaires(rne_epci) if rne_epci else []
    source = " ; ".join(p.name for p in (rne, rne_epci) if p is not None)

    def fusionner(doc: CommentedMap, _: dict[str, str]) -> list[Changement]:
        faits = fusion_elus.fusionner(doc, municipaux, communautaires, actes_signes(dossier))
        if any(not c.note for c in faits):  # the file now holds what the RNE says
            sources = doc.setdefault("sources", CommentedMap())
            if sources.get("rne") != source:
                sources["rne"] = source
        return faits

    return mettre_a_jour(cible, fusionner)


def mettre_a_jour(
    cible: Path, fusionner: Callable[[CommentedMap, dict[str, str]], list[Changement]]
) -> Resultat:
    """Read territoire.yaml, merge into it, and give the text back unless nothing changed."""
    try:
        avant = cible.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{display_path(cible)} : illisible ({error})") from None
    doc = yamlrt.lire(avant, str(cible))
    changements = fusionner(doc, _autres(cible.parent))
    apres = yamlrt.ecrire(doc)
    return Resultat(cible, apres if apres != avant else None, changements)


def _autres(dossier: Path) -> dict[str, str]:
    """The territory's other data files, by their path in it: what they name is kept."""
    textes = {}
    for chemin in sorted(dossier.rglob("*.yaml")):
        if chemin.name == TERRITOIRE and chemin.parent == dossier:
            continue
        try:
            textes[str(chemin.relative_to(dossier))] = chemin.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return textes


def _entete(dossier: Path, commande: str, source: str, jour: dt.date) -> str:
    schema = os.path.relpath(SCHEMA, dossier.resolve())
    return (
        f"yaml-language-server: $schema={schema}\n"
        "\n"
        f"Écrit par « {commande} »\nle {jour.isoformat()}, d'après {source}.\n"
        "Les noms, codes INSEE, TNCC, SIREN, départements et populations viennent du COG :\n"
        "« ctgdocs import territoire … --mise-a-jour » les met à jour et garde le reste du\n"
        "fichier. Ce que seules les parties savent est à écrire (« ctgdocs validate » le dit).\n"
        "Les élus : « ctgdocs import elus DOSSIER --rne elus-conseillers-municipaux-cm.csv »."
    )
