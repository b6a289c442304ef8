"""The house style of a collectivité's deliberation extracts, as data (issue 19).

A council writes its deliberations its own way: a narrative extract (« récit »), a rapport au
conseil, a form; an opening sentence, a box of counts, a closing. Each of these is an option of
`organisations.<id>.deliberations`. Every option is optional: what a collectivité does not
write is its layout's shipped default (templates/deliberation/styles.yaml), merged field by
field (`fusionner`). The sentences (formulas) are Markdown with the closed vocabulary of a
deliberation (model/vocabulaire_deliberation.py), never templates.

`null` on a formula means « no such sentence »; on any other option it means « the layout's
default », as if the option were not written.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ctgdocs.model.base import Modele, Texte

# The layouts: a template each (documents/deliberation/styles.py, MISES_EN_PAGE, must agree).
MiseEnPage = Literal["recit", "rapport", "formulaire"]
# The counts an extract may print, from the roll and the vote of the deliberation.
Compte = Literal[
    "en_exercice",
    "quorum",
    "presents",
    "absents",
    "representes",
    "votants",
    "exprimes",
    "pour",
    "contre",
    "abstentions",
    "ne_prennent_pas_part",
]
# The lines of the roll, in the order the extract prints them.
LignePresence = Literal[
    "president", "presents", "pouvoirs", "absents", "secretaires", "rapporteurs", "mentions"
]
Signataire = Literal["secretaires", "executif"]

Formule = Annotated[
    str,
    Field(
        min_length=1,
        description="Une phrase en Markdown, avec des valeurs calculées entre accolades "
        "({date_lettres}, {organe}, {vote}…) ; {Nom} avec une majuscule initiale, {NOM} en "
        "capitales ; jamais un gabarit",
    ),
]


class EnTete(Modele):
    """The heading of the extract."""

    registre: bool | Formule | None = Field(
        None,
        description="La ligne « Extrait du registre des délibérations du {organe} » : true pour "
        "celle-ci, une formule pour une autre, false pour aucune",
    )
    titre: Formule | None = Field(
        None,
        description="La ligne de titre (ex. « Délibération n° {numero} du {date_jour} » ; "
        "récit : « DÉLIBÉRATION DU {ORGANE} ») ; null pour aucune",
    )
    seance: Formule | None = Field(
        None, description="La ligne de la séance (récit : « Séance du {date} ») ; null pour aucune"
    )
    objet: Formule | None = Field(
        None,
        description="La ligne de l'objet (récit : « N° {numero} – OBJET : {objet} ») ; null pour "
        "aucune",
    )
    rubrique: bool | None = Field(
        None, description="Imprimer la rubrique de la délibération (deliberations[].rubrique)"
    )


class Comptes(Modele):
    """The counts: a line, a box, or none."""

    forme: Literal["ligne", "tableau", "aucun"] | None = Field(
        None,
        description="« ligne » : Membres en exercice : 29 ; présents : 25… ; « tableau » : un "
        "tableau des nombres (formulaire : des lignes de son tableau d'en-tête) ; « aucun »",
    )
    nombres: list[Compte] | None = Field(
        None,
        description="Les nombres imprimés, dans l'ordre (ex. [en_exercice, presents, votants])",
    )
    libelles: dict[Compte, Texte] | None = Field(
        None,
        description="Le libellé d'un nombre, tel qu'il se lit dans la ligne (ex. "
        "{representes: pouvoirs}) ; le tableau lui met une majuscule initiale",
    )


class Cloture(Modele):
    """What follows the decisions."""

    formules: list[Formule] | None = Field(
        None,
        description="Les formules de clôture, un paragraphe chacune (récit : « Fait et délibéré "
        "{fait_a}, les jour, mois et an susdits. », « Pour extrait certifié conforme. »)",
    )
    signatures: list[Signataire] | None = Field(
        None,
        description="Qui signe, dans l'ordre : secretaires (de séance), executif (maire ou "
        "président) ; la loi les demande dans les données (CGCT L2121-15), le style choisit "
        "ceux que l'extrait imprime",
    )
    publication: bool | None = Field(
        None, description="Imprimer les mentions de publication et de transmission"
    )


class StyleDeliberation(Modele):
    """House style of a collectivité for its deliberation extracts. Every option left out is
    its layout's default (templates/deliberation/styles.yaml)."""

    mise_en_page: MiseEnPage = Field(
        "recit",
        description="« recit » : extrait rédigé (ouverture en toutes lettres) ; « rapport » : "
        "rapport au conseil (« Mes chers collègues », décisions à l'infinitif) ; "
        "« formulaire » : tableau d'en-tête et tableau de vote",
    )
    annee_en_lettres: Literal["mille", "mil"] = Field(
        "mille", description="« mil » est un usage maison (deux mil vingt-deux), « mille » la règle"
    )
    en_tete: EnTete = Field(EnTete(), description="L'en-tête de l'extrait")
    ouverture: Formule | None = Field(
        None,
        description="La phrase d'ouverture (récit : « Le {date_lettres} à {heure_lettres}, le "
        "{organe} {de_collectivite}, régulièrement convoqué… ») ; null pour aucune",
    )
    comptes: Comptes = Field(Comptes(), description="Les nombres de la délibération")
    presences: list[LignePresence] | None = Field(
        None,
        description="Les lignes de la liste de présence imprimées, dans l'ordre : president, "
        "presents, pouvoirs, absents, secretaires, rapporteurs, mentions (arrivées, départs, "
        "élus intéressés)",
    )
    rapporteur: Literal["rapporteur", "fonction"] | None = Field(
        None,
        description="Comment {rapporteur} nomme qui rapporte : « rapporteur » (« Monsieur le "
        "Rapporteur ») ou « fonction » (« Monsieur le Maire » quand le maire rapporte)",
    )
    adresse: Formule | None = Field(
        None, description="L'adresse au conseil avant l'exposé (rapport : « Mes chers collègues, »)"
    )
    decisions: Literal["conjuguee", "infinitif", "proposition"] | None = Field(
        None,
        description="Le verbe des décisions : « conjuguee » (APPROUVE), « infinitif » "
        "(VALIDER), « proposition » (d'approuver)",
    )
    avant_decisions: Formule | None = Field(
        None,
        description="La formule avant les décisions (récit : « Après en avoir délibéré, le "
        "{organe}, ouï l'exposé de {rapporteur}, {vote}, ») ; null pour aucune",
    )
    apres_decisions: Formule | None = Field(
        None,
        description="La formule après les décisions (rapport : « LE CONSEIL, APRÈS EN AVOIR "
        "DÉLIBÉRÉ, {ADOPTE} {VOTE} LES CONCLUSIONS DU PRÉSENT RAPPORT ») ; null pour aucune",
    )
    rejet: Formule | None = Field(
        None,
        description="Récit : ce qui remplace les décisions d'une délibération rejetée "
        "(« **REJETTE** le projet de délibération. »)",
    )
    cloture: Cloture = Field(Cloture(), description="La clôture, les signatures, les mentions")


# The options that hold sentences: `null` there means « none ».
FORMULES = frozenset(
    {
        "registre",
        "titre",
        "seance",
        "objet",
        "ouverture",
        "adresse",
        "avant_decisions",
        "apres_decisions",
        "rejet",
    }
)
# The options that are groups of options, merged one by one; `libelles` is merged by count.
GROUPES = frozenset({"en_tete", "comptes", "cloture", "libelles"})


def ecrites(style: Modele) -> dict[str, Any]:
    """The options a style writes, as data: what it leaves out, or sets to null outside a
    formula, is not there (the layout's default applies)."""
    found: dict[str, Any] = {}
    for nom in style.model_fields_set:
        valeur = getattr(style, nom)
        if isinstance(valeur, Modele):
            found[nom] = ecrites(valeur)
        elif valeur is not None or nom in FORMULES:
            found[nom] = valeur
    return found


def fusionner(defauts: dict[str, Any], propres: dict[str, Any]) -> dict[str, Any]:
    """A layout's defaults with a collectivité's options over them, group by group."""
    found = dict(defauts)
    for nom, valeur in propres.items():
        if nom in GROUPES and isinstance(valeur, dict):
            found[nom] = fusionner(found.get(nom) or {}, valeur)
        else:
            found[nom] = valeur
    return found


def options(donnees: dict[str, Any], racine: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every option a style's data writes, as a path (`("en_tete", "titre")`); a group's
    labels (`libelles`) are one option."""
    found: list[tuple[str, ...]] = []
    for nom, valeur in donnees.items():
        if nom in GROUPES - {"libelles"} and isinstance(valeur, dict):
            found += options(valeur, (*racine, nom))
        else:
            found.append((*racine, nom))
    return found
