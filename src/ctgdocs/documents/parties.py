"""The parties of a contract as its act writes them: every word of the parties block and of the
signature blocks that depends on the house style (model.StyleParties) or on the records
(gender, number, groups, delegations, habilitations) is computed here; the one template
templates/clauses/_parties.md.j2 lays them out for the convention, the acte d'engagement and
the avenant alike, and templates/clauses/_signatures.md.j2 the signature blocks.

Each contract kind's default style is templates' data (templates/clauses/_parties.yaml): the
fields that differ from StyleParties' defaults (the convention's block). A field the contract's
data give (`style_parties`) overrides it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypedDict

import yaml
from pydantic import ValidationError

from ctgdocs.documents.territoire import ContexteOrganisation, organisation
from ctgdocs.errors import TemplateError
from ctgdocs.fr import noms
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.nombres import liste, majuscule_initiale
from ctgdocs.fr.prepositions import de
from ctgdocs.load import access
from ctgdocs.load.messages import problems_from_validation
from ctgdocs.model import FichierTerritoire, Organisation, Partie, Representant, StyleParties
from ctgdocs.paths import TEMPLATES_DIR

# The lead sentence each kind writes when its style's introduction is « acte »; {intitule} is
# the act's title in lower case.
INTRODUCTIONS_ACTE = {
    "convention": "Cette présente {intitule} est signée entre :",
    "acte-engagement": "Le présent acte d'engagement est conclu entre :",
    "avenant": "Le présent avenant est conclu entre :",
}
INTRODUCTIONS = {"entre": "Entre :", "il_est_convenu_entre": "Il est convenu entre :"}


class ContexteRepresentant(TypedDict):
    nom: str  # « Prénom NOM », or « M. NOM » for a person without a first name
    civilite_longue: str | None
    qualite: str
    feminin: bool  # its agreement (« sa Directrice », « La Présidente »)
    mention: str | None
    signature: str  # its qualité in a signature block: « La Directrice »
    delegation: str | None  # « Pour le Maire et par délégation »: the line above it


class ContexteSignature(TypedDict):
    """One signature block: one signatory organisation (a member of a group signs alone)."""

    pour: str  # « la Caisse d'allocations familiales de la Vienne »
    representants: list[ContexteRepresentant]


class ContextePartie(ContexteOrganisation):
    """A party: one organisation, or a group (its name is then the group's: « les communes de
    … »). The words after its name come computed, without their final punctuation."""

    id: str  # its organisation, or its members joined by « + »
    adresse: str | None
    ci_apres: str | None
    feminin: bool  # the agreement of its name: « représentée », « désignée »
    pluriel: bool  # a group, or a plural name: « représentées »
    membres: list[ContexteOrganisation]  # its signatory organisations, in order
    representants: list[ContexteRepresentant]
    texte: str  # « représentée par …, dûment habilitée …, dont le siège est situé … »
    ci_apres_texte: str | None  # « ci-après désignée « la Caf » »
    fin: str  # what ends the party: « , », « . », « ; », « ; et »
    avant: str | None  # a paragraph before it: « Et : », « et »
    apres: str | None  # a paragraph after it: « D'une part, », « D'autre part, »


class ContexteBlocParties(TypedDict):
    introduction: str | None  # « Entre : », or none
    forme: str  # « paragraphes » | « liste »


@cache
def _defauts(path: Path) -> dict[str, StyleParties]:
    try:
        data = yaml.safe_load(access.read_text(path, [TEMPLATES_DIR]))
    except yaml.YAMLError:
        raise TemplateError(f"{path} : YAML illisible") from None
    if not isinstance(data, dict) or set(data) != set(INTRODUCTIONS_ACTE):
        raise TemplateError(
            f"{path} : un style par sorte de contrat est attendu ({', '.join(INTRODUCTIONS_ACTE)})"
        )
    styles = {}
    for kind, champs in data.items():
        try:
            styles[kind] = StyleParties.model_validate(champs or {})
        except ValidationError as error:
            ((champ, message), *_) = problems_from_validation(error, champs, StyleParties)
            where = "".join(f", {part}" for part in champ)
            raise TemplateError(f"{path} : {kind}{where} : {message}") from None
    return styles


def style_parties(kind: str, explicit: StyleParties | None) -> StyleParties:
    """The style of a contract's parties block: its kind's default
    (templates/clauses/_parties.yaml), with the fields its data give on top."""
    style = _defauts(TEMPLATES_DIR / "clauses" / "_parties.yaml")[kind]
    if explicit is None:
        return style
    return style.model_copy(update=explicit.model_dump(exclude_unset=True))


def bloc_parties(kind: str, style: StyleParties, intitule: str) -> ContexteBlocParties:
    if style.introduction == "aucune":
        introduction = None
    elif style.introduction == "acte":
        introduction = INTRODUCTIONS_ACTE[kind].format(intitule=intitule.lower())
    else:
        introduction = INTRODUCTIONS[style.introduction]
    return {"introduction": introduction, "forme": style.forme}


def parties(
    t: FichierTerritoire, liste_parties: list[Partie], style: StyleParties
) -> list[ContextePartie]:
    """Each party with its words, and what separates it from the next (the style's)."""
    n = len(liste_parties)
    found = []
    for i, p in enumerate(liste_parties):
        dernier = i == n - 1
        fin, avant, apres = {
            "et_deux_points": ("." if dernier else ",", "Et :" if i else None, None),
            "et": (" ;", "et" if i else None, None),
            "point_virgule_et": ("." if dernier else " ; et", None, None),
            "d_une_part": (
                ",",
                "Et :" if i else None,
                "D'une part," if i == 0 else ("D'autre part," if dernier else None),
            ),
        }[style.separateur]
        found.append(partie(t, p, style, fin=fin, avant=avant, apres=apres))
    return found


def partie(
    t: FichierTerritoire,
    p: Partie,
    style: StyleParties,
    *,
    fin: str = ".",
    avant: str | None = None,
    apres: str | None = None,
) -> ContextePartie:
    orgs = [t.organisations[m] for m in p.membres]
    groupe = p.organisations is not None
    if groupe:
        forme = _groupe(orgs)
        feminin = all(noms.feminin(o) for o in orgs)
        pluriel = True
        adresse = None
    else:
        forme = organisation(orgs[0])
        feminin = noms.feminin(orgs[0])
        pluriel = noms.pluriel(orgs[0])
        adresse = orgs[0].adresse
    nombre = 2 if pluriel else 1
    texte = _representation(t, p, style, feminin, nombre)
    if p.habilitation:
        h = p.habilitation
        numero = f" n° {h.numero}" if h.numero else ""
        texte += (
            f", dûment {accord('habilité', nombre, feminin)} par délibération "
            f"{de(h.organe)} du {date_fr(h.date)}{numero}"
        )
    if adresse and style.siege:
        texte += f", dont le siège est situé {adresse}"
    verbe = "désigné" if style.designation == "designee" else "dénommé"
    return {
        **forme,
        "id": "+".join(p.membres),
        "adresse": adresse,
        "ci_apres": p.ci_apres,
        "feminin": feminin,
        "pluriel": pluriel,
        "membres": [organisation(o) for o in orgs],
        "representants": [representant(t, r, _org_de(t, p, r)) for r in p.representants],
        "texte": texte,
        "ci_apres_texte": (
            f"ci-après {accord(verbe, nombre, feminin)} « {p.ci_apres} »" if p.ci_apres else None
        ),
        "fin": fin,
        "avant": avant,
        "apres": apres,
    }


def _groupe(orgs: list[Organisation]) -> ContexteOrganisation:
    """A group's name: « les communes de Lencloître, d'Ouzilly et de Savigny », or its members
    with their articles."""
    if all(o.type == "commune" for o in orgs):
        nom_entier = "les communes " + liste(noms.de_nom(o) for o in orgs)
    else:
        nom_entier = liste(noms.nom_avec_article(o) for o in orgs)
    nom = liste(o.nom for o in orgs)
    return {
        "nom": nom,
        "type": "groupe",
        "designation": nom_entier,
        "nom_court": liste(noms.nom_court(o) for o in orgs),
        "sigle": None,
        "de_nom": de(nom_entier),
        "avec_article": nom_entier,
        "nom_entier": nom_entier,
    }


def _pour(p: Partie, r: Representant) -> str:
    """The organisation a representative signs for: its party's, or its member's in a group."""
    return r.organisation or p.membres[0]


def _org_de(t: FichierTerritoire, p: Partie, r: Representant) -> Organisation:
    return t.organisations[_pour(p, r)]


def _civilite(t: FichierTerritoire, r: Representant, style: StyleParties) -> str:
    """« Monsieur Jean DUPONT », « M. Jean DUPONT », « Madame RAKOTORINA »."""
    personne = t.personnes[r.personne]
    if personne.civilite is None:
        return noms.nom_complet(personne)
    civilite = noms.civilite_longue(personne) if style.civilite == "longue" else personne.civilite
    return f"{civilite} {noms.prenom_nom(personne)}"


def _feminin(t: FichierTerritoire, ident: str) -> bool:
    return t.personnes[ident].civilite == "Mme"


def _delegation(t: FichierTerritoire, r: Representant, org: Organisation) -> str | None:
    """« pour le Maire et par délégation » (capitalised by who prints it), or None."""
    if r.delegation is None:
        return None
    executif = t.personnes[org.executif] if org.executif else None
    pour = r.delegation.pour
    if pour is None:
        assert executif is not None  # the rules demand an executive to delegate from
        pour = noms.fonction_executif(org, executif)
    feminin = executif is not None and executif.civilite == "Mme"
    return f"pour {noms.le(pour, feminin)} et par délégation"


def _qualite(r: Representant, feminin: bool, style: StyleParties, pluriel: bool) -> str:
    """« son Président du Conseil d'administration » / « le Président de son Conseil
    d'administration » (« leur » for a plural party); by delegation, the qualité with its
    article: « la Première adjointe »."""
    if r.delegation is not None:
        return noms.le(r.qualite, feminin)
    if style.qualite == "le_de_son":
        return noms.qualite_le_de_son(r.qualite, feminin, pluriel)
    return noms.son(r.qualite, feminin, pluriel)


def _personne(t: FichierTerritoire, r: Representant, style: StyleParties, qualite: str) -> str:
    """« son Maire, Monsieur Hervé STASSINOS, dûment autorisé … »."""
    mention = f", {r.mention}" if r.mention else ""
    return f"{qualite}, {_civilite(t, r, style)}{mention}"


def _representation(
    t: FichierTerritoire, p: Partie, style: StyleParties, feminin: bool, nombre: int
) -> str:
    """« représentée par son Président …, Monsieur …, et sa Directrice, Madame … »; a group
    whose members each sign through one person of the same qualité: « représentées par leurs
    maires respectifs, Monsieur …, Madame … et Monsieur … »."""
    represente = accord("représenté", nombre, feminin)
    reps = sorted(p.representants, key=lambda r: p.membres.index(_pour(p, r)))
    groupe = p.organisations is not None
    if groupe and _collectif(p, reps):
        tous_f = all(_feminin(t, r.personne) for r in reps)
        qualite = accord(reps[0].qualite[0].lower() + reps[0].qualite[1:], 2, tous_f)
        respectifs = "respectives" if tous_f else "respectifs"
        noms_ = liste(_civilite(t, r, style) for r in reps)
        return f"{represente} par leurs {qualite} {respectifs}, {noms_}"
    texte = represente
    for i, r in enumerate(reps):
        org = _org_de(t, p, r)
        qualite = _qualite(r, _feminin(t, r.personne), style, nombre > 1)
        if groupe:  # « le Maire de Lencloître »: whose qualité it is
            qualite = noms.le(r.qualite, _feminin(t, r.personne)) + " " + de(noms.avec_article(org))
        if i:
            texte += ", et"
        delegation = _delegation(t, r, org)
        if delegation:
            texte += f", {delegation},"
        if i == 0 or style.et_par or delegation:
            texte += " par"
        texte += " " + _personne(t, r, style, qualite)
    return texte


def _collectif(p: Partie, reps: list[Representant]) -> bool:
    """Whether a group's representatives read « leurs maires respectifs »: one per member, of
    the same one-word qualité, none by delegation or with a mention."""
    qualites = {r.qualite.lower() for r in reps}
    return (
        len(reps) == len(p.membres)
        and len(qualites) == 1
        and " " not in reps[0].qualite
        and all(r.delegation is None and r.mention is None for r in reps)
    )


def representant(t: FichierTerritoire, r: Representant, org: Organisation) -> ContexteRepresentant:
    personne = t.personnes[r.personne]
    feminin = personne.civilite == "Mme"
    delegation = _delegation(t, r, org)
    return {
        "nom": noms.nom_complet(personne),
        "civilite_longue": noms.civilite_longue(personne) if personne.civilite else None,
        "qualite": r.qualite,
        "feminin": feminin,
        "mention": r.mention,
        "signature": majuscule_initiale(noms.le(r.qualite, feminin)),
        "delegation": majuscule_initiale(delegation) if delegation else None,
    }


def signatures(t: FichierTerritoire, liste_parties: list[Partie]) -> list[ContexteSignature]:
    """One signature block per signatory organisation, in order: a group's members sign each
    through its own representatives."""
    blocs: list[ContexteSignature] = []
    for p in liste_parties:
        for ident in p.membres:
            org = t.organisations[ident]
            reps = [r for r in p.representants if _pour(p, r) == ident]
            blocs.append(
                {
                    "pour": noms.nom_avec_article(org),
                    "representants": [representant(t, r, org) for r in reps],
                }
            )
    return blocs


def membres(liste_parties: list[Partie]) -> list[str]:
    """The signatory organisations of the parties, in order (a group counts as its members)."""
    return [m for p in liste_parties for m in p.membres]
