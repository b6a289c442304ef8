"""The councils of a territory from the Répertoire national des élus: each commune's from the
municipal file (by INSEE code), each EPCI's from the communautaire file (by SIREN).

Written: `personnes` (civilité, prénom, NOM; for a delegate, the commune printed beside the
name), each collectivité's `executif` (the maire, the président) and `conseil` (its members,
its adjoints or vice-présidents by rank, `membres_en_exercice` proposed as the count of
distinct élus). Never written: birth dates, socio-professional categories, nationality.

A person is found again by prénom and nom, so a second import keeps the ids, and an id the
user gave is kept. A new id is prénom-nom; on a collision, the commune's id is added, then a
number: the same RNE gives the same ids. A person no longer in the RNE is kept (past séances
name them). A new executive of an organisation that a signed act names is not written: the
avenant's modifications are drafted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ctgdocs.fr.accord import accord
from ctgdocs.fr.noms import designation_avec_article
from ctgdocs.fr.prepositions import de, joindre_insee
from ctgdocs.imports import yamlrt
from ctgdocs.imports.changements import Changement
from ctgdocs.imports.rne import Elu, civilite
from ctgdocs.imports.signes import ActeSigne
from ctgdocs.imports.territoire import cle_de_nom, identifiant
from ctgdocs.model import Organisation


@dataclass(slots=True)
class _Membre:
    """One élu of one council, their rows merged (a person with two functions)."""

    premier: Elu
    executif: bool = False
    rang: int | None = None


def fusionner(
    doc: CommentedMap,
    municipaux: Sequence[Elu],
    communautaires: Sequence[Elu],
    actes: list[ActeSigne],
) -> list[Changement]:
    orgs = doc.get("organisations") or CommentedMap()
    if "personnes" not in doc or doc["personnes"] is None:
        doc["personnes"] = CommentedMap()
    personnes: CommentedMap = doc["personnes"]
    changements: list[Changement] = []
    par_code = _par_collectivite(municipaux)
    par_siren = _par_collectivite(communautaires)
    sans_code = []
    absents: dict[str, list[str]] = {}
    noms_communes = {
        str(o.get("code_insee")): str(o.get("nom"))
        for o in orgs.values()
        if isinstance(o, dict) and o.get("code_insee")
    }
    for ident, org in orgs.items():
        if not isinstance(org, CommentedMap) or org.get("type") not in ("commune", "epci"):
            continue
        if org["type"] == "commune":
            code, elus, fichier = org.get("code_insee"), par_code, "municipal"
        else:
            code, elus, fichier = org.get("siren"), par_siren, "communautaire"
        if fichier == "communautaire" and not communautaires:
            continue
        if code is None:
            sans_code.append(str(ident))
            continue
        if str(code) not in elus:
            absents.setdefault(fichier, []).append(str(ident))
            continue
        membres = _membres(elus[str(code)])
        changements.extend(_conseil(personnes, str(ident), org, membres, actes, noms_communes))
    for fichier, qui in absents.items():
        n = len(qui)
        changements.append(
            Changement(
                f"{n} {accord('collectivité', n)} sans élu dans le fichier {fichier} du RNE "
                f"({_quelques(qui)}) : leur conseil n'est pas écrit",
                note=True,
            )
        )
    if sans_code:
        n = len(sans_code)
        changements.append(
            Changement(
                f"{n} {accord('collectivité', n)} sans code INSEE ni SIREN ({_quelques(sans_code)}) "
                ": leurs élus ne sont pas lus ; « ctgdocs import "
                "territoire … --mise-a-jour » écrit ces codes",
                note=True,
            )
        )
    return changements


def _quelques(ids: list[str], n: int = 4) -> str:
    """« a, b, c, d … »: the first ids of a long list."""
    return ", ".join(ids[:n]) + (" …" if len(ids) > n else "")


def _par_collectivite(elus: Sequence[Elu]) -> dict[str, list[Elu]]:
    groupes: dict[str, list[Elu]] = {}
    for elu in elus:
        groupes.setdefault(elu.collectivite, []).append(elu)
    return groupes


def _cle(prenom: Any, nom: Any) -> str:
    return cle_de_nom(f"{prenom or ''} {nom or ''}")


def _membres(elus: Sequence[Elu]) -> list[_Membre]:
    """The council in the order of its tableau: the executive, the adjoints by rank, then the
    others by name."""
    par_personne: dict[tuple[str, str], _Membre] = {}
    for elu in elus:
        membre = par_personne.setdefault((_cle(elu.prenom, elu.nom), elu.sexe), _Membre(elu))
        membre.executif = membre.executif or elu.est_executif
        if elu.rang_adjoint is not None:
            membre.rang = elu.rang_adjoint
    return sorted(
        par_personne.values(),
        key=lambda m: (
            not m.executif,
            m.rang is None,
            m.rang or 0,
            _cle(m.premier.nom, m.premier.prenom),
        ),
    )


def _conseil(
    personnes: CommentedMap,
    ident: str,
    org: CommentedMap,
    membres: list[_Membre],
    actes: list[ActeSigne],
    noms_communes: dict[str, str],
) -> Iterator[Changement]:
    nom_org = org.get("nom")
    conseil = org.get("conseil") if isinstance(org.get("conseil"), CommentedMap) else None
    connus = set(conseil.get("membres") or []) if conseil is not None else set()
    if org.get("executif"):
        connus.add(str(org["executif"]))
    ids = []
    nouveaux = 0
    for membre in membres:
        elu = membre.premier
        commune = None
        if org.get("type") != "commune" and elu.commune:
            nom_commune = noms_communes.get(elu.commune)
            commune = nom_commune.upper() if nom_commune else None
        pid, cree = _personne(personnes, elu, connus, ident, commune)
        nouveaux += cree
        ids.append(pid)
    executifs = [pid for pid, m in zip(ids, membres, strict=True) if m.executif]
    adjoints = [pid for pid, m in zip(ids, membres, strict=True) if m.rang is not None]
    if nouveaux:
        ajoutees = f"{nouveaux} {accord('personne ajoutée', nouveaux)}"
        yield Changement(f"{nom_org} ({ident}) : {ajoutees}")
    yield from _executif(personnes, ident, org, executifs, actes)
    nouveau = {"membres_en_exercice": len(ids), "membres": ids, "adjoints": adjoints}
    ancien = yamlrt.simple(conseil) if conseil is not None else None
    if ancien is not None and all(ancien.get(k) == v for k, v in nouveau.items()):
        return
    if conseil is None:
        conseil = CommentedMap()
        org.fa.set_block_style()  # a commune on one line opens up for its council
        org["conseil"] = conseil
    for cle, valeur in nouveau.items():
        if isinstance(valeur, list):
            seq = CommentedSeq(valeur)
            seq.fa.set_flow_style()
            conseil[cle] = seq
        else:
            conseil[cle] = valeur
    avant = ancien.get("membres_en_exercice") if ancien else None
    role = "adjoint" if org.get("type") == "commune" else "vice-président"
    yield Changement(
        f"{nom_org} ({ident}) : conseil de {len(ids)} membres en exercice"
        + (f" (avant : {avant})" if avant not in (None, len(ids)) else "")
        + f", {len(adjoints)} {accord(role, len(adjoints))}"
    )


def _personne(
    personnes: CommentedMap,
    elu: Elu,
    connus: set[str],
    collectivite: str,
    commune: str | None,
) -> tuple[str, bool]:
    """The id of the élu in `personnes`, found by name (in this council first) or added."""
    cle = _cle(elu.prenom, elu.nom)
    memes = [
        str(i)
        for i, p in personnes.items()
        if isinstance(p, dict) and _cle(p.get("prenom"), p.get("nom")) == cle
    ]
    choisi = next((i for i in memes if i in connus), None) or (
        memes[0] if len(memes) == 1 else None
    )
    if choisi is not None:
        personne = personnes[choisi]
        if personne.get("civilite") is None:
            personne["civilite"] = civilite(elu.sexe)
        if commune and personne.get("commune") is None:
            personne["commune"] = commune
        return choisi, False
    base = identifiant(f"{elu.prenom} {elu.nom}")
    pid = base if base not in personnes else f"{base}-{collectivite}"[:60].rstrip("-")
    n = 2
    while pid in personnes:
        pid, n = f"{base}-{collectivite}-{n}"[:60], n + 1
    champs: dict[str, Any] = {"civilite": civilite(elu.sexe), "prenom": elu.prenom, "nom": elu.nom}
    if commune:
        champs["commune"] = commune
    personnes[pid] = yamlrt.en_ligne(champs)
    return pid, True


def _executif(
    personnes: CommentedMap,
    ident: str,
    org: CommentedMap,
    executifs: list[str],
    actes: list[ActeSigne],
) -> Iterator[Changement]:
    fonction = "maire" if org.get("type") == "commune" else "président"
    if executifs and fonction == "président" and personnes[executifs[0]].get("civilite") == "Mme":
        fonction = "présidente"
    if not executifs:
        yield Changement(f"{org.get('nom')} ({ident}) : aucun {fonction} dans le RNE", note=True)
        return
    nouveau = executifs[0]
    ancien = org.get("executif")
    if ancien == nouveau:
        return
    p = personnes[nouveau]
    qui = f"{p.get('prenom')} {p.get('nom')}"
    if ancien is None:
        _poser_executif(org, nouveau)
        yield Changement(f"{org.get('nom')} ({ident}) : {fonction} {qui} (executif: {nouveau})")
        return
    a = personnes.get(ancien) or {}
    nouveau_ = "nouvelle" if fonction == "présidente" else "nouveau"
    texte = (
        f"{nouveau_} {fonction} {_de(org)} : {qui} ({nouveau}) remplace "
        f"{a.get('prenom') or ''} {a.get('nom') or ancien} ({ancien})".replace("  ", " ")
    )
    acte = next((x for x in actes if ident in x.parties), None)
    if acte is None:
        _poser_executif(org, nouveau)
        yield Changement(texte)
        return
    # the new executive is written in personnes (an id no signed text names); the avenant
    # makes them the executive and the signatory
    modifications: list[dict[str, Any]] = [
        {"remplace": f"organisations.{ident}.executif", "valeur": nouveau}
    ]
    for personne, chemin in acte.parties[ident]:
        if personne == ancien:
            modifications.append({"remplace": chemin, "valeur": nouveau})
    yield Changement(texte, acte, tuple(modifications))


def _poser_executif(org: CommentedMap, pid: str) -> None:
    if "executif" in org:
        org["executif"] = pid
        return
    position = list(org).index("nom") + 1 if "nom" in org else len(org)
    for cle in ("code_insee", "type_liaison", "departement", "siren", "siret"):
        if cle in org:
            position = max(position, list(org).index(cle) + 1)
    org.insert(position, "executif", pid)


def _de(org: CommentedMap) -> str:
    """« de Naintré », « de la Communauté d'agglomération de Grand Châtellerault »."""
    nom = str(org.get("nom"))
    if org.get("type") == "commune":
        return joindre_insee("de", nom, org.get("type_liaison"))
    return de(designation_avec_article(Organisation(type=org.get("type"), nom=nom)))
