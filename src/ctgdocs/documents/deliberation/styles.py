"""The layouts of a deliberation extract, and a collectivité's house style made into what its
layout's template reads.

A layout is a body template that arranges the shared parts (templates/deliberation/_*.md.j2:
heading, opening, counts, roll, closing, publication) and its default options, written in
templates/deliberation/styles.yaml. A new layout is one template, one entry here and its
defaults there (and its name in model/style_deliberation.MiseEnPage, which the tests compare).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from ctgdocs.documents.deliberation.contextes import (
    ContexteCollectivite,
    ContexteDeliberation,
    ContexteSeance,
    ContexteStyle,
)
from ctgdocs.documents.deliberation.formules import formule
from ctgdocs.fr.nombres import majuscule_initiale
from ctgdocs.load import styles_deliberation
from ctgdocs.model import Organisation
from ctgdocs.model.style_deliberation import Compte, StyleDeliberation


@dataclass(frozen=True)
class MiseEnPage:
    nom: str
    gabarit: str  # the body template, under templates/
    description: str  # French, for the user guide
    # Its box of counts (comptes: tableau) is rows of its own header table, not a box.
    rangees: bool = False

    @property
    def defauts(self) -> dict[str, Any]:
        """Its default options (templates/deliberation/styles.yaml): the options it uses."""
        return styles_deliberation.defauts(self.nom)


MISES_EN_PAGE: dict[str, MiseEnPage] = {
    m.nom: m
    for m in (
        MiseEnPage("recit", "deliberation/recit.md.j2", "extrait rédigé (seed 003)"),
        MiseEnPage("rapport", "deliberation/rapport.md.j2", "rapport au conseil"),
        MiseEnPage(
            "formulaire", "deliberation/formulaire.md.j2", "formulaire (seed 000)", rangees=True
        ),
    )
}


def style_de(org: Organisation) -> StyleDeliberation:
    """The collectivité's style, every option set: its own over its layout's defaults."""
    return styles_deliberation.resoudre(org.deliberations)


def contexte_style(
    style: StyleDeliberation,
    c: ContexteCollectivite,
    s: ContexteSeance,
    d: ContexteDeliberation,
    v: dict[str, str | None],
) -> ContexteStyle:
    """What the layout's template reads of the style: its formulas with their values, the
    counts with their labels, the parts in their order."""
    livres = styles_deliberation.styles_livres()
    e = style.en_tete
    registre = livres.registre if e.registre is True else (e.registre or None)
    comptes = style.comptes
    libelles = {**livres.libelles, **{str(k): x for k, x in (comptes.libelles or {}).items()}}
    figures = _figures(s, d)
    return {
        "mise_en_page": style.mise_en_page,
        "registre": formule(registre, v),
        "titre": formule(e.titre, v),
        "seance": formule(e.seance, v),
        "objet": formule(e.objet, v),
        "rubrique": d["rubrique"] if e.rubrique else None,
        "ouverture": formule(style.ouverture, v),
        "comptes": "rangees"
        if comptes.forme == "tableau" and MISES_EN_PAGE[style.mise_en_page].rangees
        else (comptes.forme or "aucun"),
        "nombres": [
            {
                "cle": n,
                "libelle": libelles[n],
                "titre": majuscule_initiale(libelles[n]),
                "valeur": figures[n],
            }
            for n in (comptes.nombres or [])
        ],
        "presences": list(style.presences or []),
        "adresse": formule(style.adresse, v),
        "avant_decisions": formule(style.avant_decisions, v),
        "apres_decisions": formule(style.apres_decisions, v),
        "rejet": formule(style.rejet, v),
        "cloture": [m for f in style.cloture.formules or [] if (m := formule(f, v)) is not None],
        "signatures": list(style.cloture.signatures or []),
        "publication": bool(style.cloture.publication),
    }


def _figures(s: ContexteSeance, d: ContexteDeliberation) -> dict[str, int]:
    presence, vote = d["presence"], d["vote"]
    found = {
        "en_exercice": s["membres_en_exercice"],
        "quorum": presence["quorum"],
        "presents": presence["presents"],
        "absents": presence["absents"],
        "representes": presence["representes"],
        "votants": presence["votants"],
        "exprimes": vote["exprimes"],
        "pour": vote["pour"],
        "contre": vote["contre"],
        "abstentions": vote["abstentions"],
        "ne_prennent_pas_part": vote["ne_prennent_pas_part"],
    }
    assert set(found) == set(get_args(Compte))
    return found
