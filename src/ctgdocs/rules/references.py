"""Every id refers to something declared: persons, organisations, shared clauses."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from ctgdocs.errors import Problem
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import FichierCoordination, FichierSeance, Partie
from ctgdocs.model.engagement import FichierActe
from ctgdocs.paths import TEMPLATES_DIR
from ctgdocs.references import grilles_connues, referentiels_connus

CLAUSES_DIR = TEMPLATES_DIR / "clauses"


class _Org(Protocol):
    """check's org(): the organisation exists, of one of `types` if given."""

    def __call__(
        self, fichier: Fichier[Any], path: Path_, ident: str | None, types: tuple[str, ...] = ()
    ) -> Iterator[Problem]: ...


_Pers = Callable[[Fichier[Any], Path_, str], Iterator[Problem]]  # check's pers()


def clauses_connues() -> list[str]:
    return sorted(p.name.removesuffix(".md.j2") for p in CLAUSES_DIR.glob("*.md.j2"))


def _unknown(
    fichier: Fichier[Any], path: Path_, ident: str, known: Iterable[str], what: str
) -> Problem:
    close = difflib.get_close_matches(ident, list(known), n=1, cutoff=0.6)
    hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
    return fichier.problem(path, f"identifiant inconnu « {ident} » : {what}{hint}")


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire
    orgs = t.model.organisations
    personnes = t.model.personnes
    ref_org = "aucune organisation de ce nom dans territoire.yaml"
    ref_pers = "aucune personne de ce nom dans territoire.yaml"

    def org(
        fichier: Fichier[Any], path: Path_, ident: str | None, types: tuple[str, ...] = ()
    ) -> Iterator[Problem]:
        if ident is None:
            return
        if ident not in orgs:
            yield _unknown(fichier, path, ident, orgs, ref_org)
        elif types and orgs[ident].type not in types:
            yield fichier.problem(
                path, f"« {ident} » est de type {orgs[ident].type} ; attendu : {' ou '.join(types)}"
            )

    def pers(fichier: Fichier[Any], path: Path_, ident: str) -> Iterator[Problem]:
        if ident not in personnes:
            yield _unknown(fichier, path, ident, personnes, ref_pers)

    terr = t.model.territoire
    yield from org(t, ("territoire", "caf"), terr.caf, ("caf",))
    yield from org(t, ("territoire", "epci"), terr.epci, ("epci",))
    if terr.ctg:
        for i, ident in enumerate(terr.ctg.signataires):
            yield from org(t, ("territoire", "ctg", "signataires", i), ident)
    for ident, organisation in orgs.items():
        if organisation.executif:
            yield from pers(t, ("organisations", ident, "executif"), organisation.executif)
        if organisation.conseil:
            for key in ("membres", "adjoints"):
                for i, membre in enumerate(getattr(organisation.conseil, key)):
                    yield from pers(t, ("organisations", ident, "conseil", key, i), membre)
    for s in d.seances:
        yield from _seance_refs(s, org, pers)
    if d.coordination:
        yield from _coordination_refs(d.coordination, org)
    if d.convention:
        yield from _convention_refs(d, org, pers)
    if d.acte:
        yield from _acte_refs(d.acte, org, pers)


def _acte_refs(a: Fichier[FichierActe], org: _Org, pers: _Pers) -> Iterator[Problem]:
    acte = a.model.acte_engagement
    yield from _parties_refs(a, ("acte_engagement", "parties"), acte.parties, org, pers)
    known = clauses_connues()
    for i, bloc in enumerate(acte.preambule):
        yield from _clause(a, ("acte_engagement", "preambule", i, "clause"), bloc.clause, known)
    ref = acte.annexes.referentiel
    if ref and ref not in referentiels_connus():
        yield _unknown(
            a,
            ("acte_engagement", "annexes", "referentiel"),
            ref,
            referentiels_connus(),
            "aucun référentiel de ce nom dans src/ctgdocs/references/referentiels/",
        )


def _coordination_refs(c: Fichier[FichierCoordination], org: _Org) -> Iterator[Problem]:
    coordination = c.model
    known = referentiels_connus()
    for ident, poste in coordination.postes.items():
        yield from org(c, ("postes", ident, "employeur"), poste.employeur)
        if poste.referentiel and poste.referentiel not in known:
            yield _unknown(
                c,
                ("postes", ident, "referentiel"),
                poste.referentiel,
                known,
                "aucun référentiel de ce nom dans src/ctgdocs/references/referentiels/",
            )
    if coordination.tableau_etp:
        for ident in coordination.tableau_etp.lignes:
            yield from org(c, ("tableau_etp", "lignes", ident), ident, ("epci",))
    grille = coordination.grille_evaluation
    if grille and grille.modele not in grilles_connues():
        yield _unknown(
            c,
            ("grille_evaluation", "modele"),
            grille.modele,
            grilles_connues(),
            "aucune grille de ce nom dans src/ctgdocs/references/grilles/",
        )


def _convention_refs(d: DonneesTerritoire, org: _Org, pers: _Pers) -> Iterator[Problem]:
    c = d.convention
    assert c is not None
    conv = c.model.convention
    parties = [m for p in conv.parties for m in p.membres]
    yield from _parties_refs(c, ("convention", "parties"), conv.parties, org, pers)
    for i, ident in enumerate(conv.comite_pilotage):
        if ident not in parties:
            yield c.problem(
                ("convention", "comite_pilotage", i),
                f"« {ident} » n'est pas une partie de la convention ; attendu : {', '.join(parties)}",
            )
    poste = conv.annexes.poste
    postes = d.coordination.model.postes if d.coordination else {}
    if poste and poste not in postes:
        yield _unknown(
            c,
            ("convention", "annexes", "poste"),
            poste,
            postes,
            "aucun poste de ce nom dans coordination.yaml",
        )


def _seance_refs(s: Fichier[FichierSeance], org: _Org, pers: _Pers) -> Iterator[Problem]:
    seance = s.model.seance
    yield from org(s, ("seance", "collectivite"), seance.collectivite)
    yield from pers(s, ("seance", "president"), seance.president)
    for i, ident in enumerate(seance.secretaires):
        yield from pers(s, ("seance", "secretaires", i), ident)
    if isinstance(seance.presents, list):
        for i, ident in enumerate(seance.presents):
            yield from pers(s, ("seance", "presents", i), ident)
    if isinstance(seance.pouvoirs, list):
        for i, pouvoir in enumerate(seance.pouvoirs):
            yield from pers(s, ("seance", "pouvoirs", i, "mandant"), pouvoir.mandant)
            yield from pers(s, ("seance", "pouvoirs", i, "mandataire"), pouvoir.mandataire)
    for i, ident in enumerate(seance.absents):
        yield from pers(s, ("seance", "absents", i), ident)
    for i, sup in enumerate(seance.suppleants):
        yield from pers(s, ("seance", "suppleants", i, "suppleant"), sup.suppleant)
        yield from pers(s, ("seance", "suppleants", i, "titulaire"), sup.titulaire)
    for i, ident in enumerate(seance.visioconference):
        yield from pers(s, ("seance", "visioconference", i), ident)
    for i, arrivee in enumerate(seance.arrivees):
        yield from pers(s, ("seance", "arrivees", i, "membre"), arrivee.membre)
    for i, depart in enumerate(seance.departs):
        yield from pers(s, ("seance", "departs", i, "membre"), depart.membre)
        if depart.pouvoir_a is not None:
            yield from pers(s, ("seance", "departs", i, "pouvoir_a"), depart.pouvoir_a)
    known = clauses_connues()
    for n, delib in enumerate(s.model.deliberations):
        for i, ident in enumerate(delib.rapporteurs):
            yield from pers(s, ("deliberations", n, "rapporteurs", i), ident)
        for i, ident in enumerate(delib.interesses):
            yield from pers(s, ("deliberations", n, "interesses", i), ident)
        for key, i, bloc in delib.blocs():
            yield from _clause(s, ("deliberations", n, key, i, "clause"), bloc.clause, known)


def _parties_refs(
    f: Fichier[Any], root: Path_, parties: list[Partie], org: _Org, pers: _Pers
) -> Iterator[Problem]:
    """Each party's organisation and representatives exist."""
    for i, p in enumerate(parties):
        if p.organisation is not None:
            yield from org(f, (*root, i, "organisation"), p.organisation)
        for k, ident in enumerate(p.organisations or []):
            yield from org(f, (*root, i, "organisations", k), ident)
        for j, r in enumerate(p.representants):
            yield from pers(f, (*root, i, "representants", j, "personne"), r.personne)


def _clause(
    fichier: Fichier[Any], path: Path_, clause: str | None, known: list[str]
) -> Iterator[Problem]:
    """A block's shared clause exists in templates/clauses/."""
    if clause and clause not in known:
        close = difflib.get_close_matches(clause, known, n=1, cutoff=0.6)
        hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
        yield fichier.problem(path, f"clause inconnue « {clause} » (voir templates/clauses/){hint}")
