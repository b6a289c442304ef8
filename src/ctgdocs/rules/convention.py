"""Rules on a convention: its parties sign through someone, its date of signature agrees with
how long it runs (`vigueur`), its data texts ask only for values that exist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ctgdocs.errors import Problem
from ctgdocs.fr import noms
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.noms import nom_complet
from ctgdocs.fr.prepositions import de
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import (
    Convention,
    Ctg,
    FichierTerritoire,
    Partie,
    Representant,
    valeurs,
    vocabulaire,
)
from ctgdocs.rules import clauses


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    c = d.convention
    if c is None:
        return
    t = d.territoire.model
    conv = c.model.convention
    ctg = t.territoire.ctg
    if ctg is None:
        yield c.problem(
            ("convention",),
            "une convention demande la CTG dans territoire.yaml (territoire.ctg : début, fin, signataires)",
        )
        return
    yield from parties(c, ("convention", "parties"), conv.parties, t)
    seen = list(dict.fromkeys(m for p in conv.parties for m in p.membres))
    if seen != list(dict.fromkeys(ctg.signataires)):
        yield c.problem(
            ("convention", "parties"),
            f"les parties ({', '.join(seen)}) diffèrent des signataires de la CTG dans "
            f"territoire.yaml ({', '.join(ctg.signataires)}) : mêmes organisations, même ordre",
        )
    yield from _signature(c, conv, ctg)
    yield from _valeurs(d)
    yield from clauses.check(
        clauses.resoudre(d, vocabulaire.CONVENTION, conv.articles, c, ("convention",), conv.modele),
        c.marks.location(("convention",)),
    )


def _signature(c: Fichier[Any], conv: Convention, ctg: Ctg) -> Iterator[Problem]:
    """Run from its signature, the convention is signed on the CTG's first day; run over the
    CTG's period, on any day up to its last. A draft has no date yet."""
    signe = conv.signature.date
    if signe is None:
        return
    if conv.vigueur == "signature" and signe != ctg.debut:
        yield c.problem(
            ("convention", "signature", "date"),
            f"la convention est conclue à compter de sa signature : la date de signature "
            f"({date_fr(signe)}) doit être le début de la CTG dans territoire.yaml "
            f"({date_fr(ctg.debut)}) ; une convention signée à une autre date et conclue pour "
            "la période de la CTG indique « vigueur: periode »",
        )
    elif conv.vigueur == "periode" and signe > ctg.fin:
        yield c.problem(
            ("convention", "signature", "date"),
            f"la convention est conclue du {date_fr(ctg.debut)} au {date_fr(ctg.fin)} "
            f"(territoire.yaml) : elle ne peut pas être signée après sa fin ; date de signature "
            f"donnée : {date_fr(signe)}",
        )


def parties(
    f: Fichier[Any], root: Path_, liste: list[Partie], t: FichierTerritoire
) -> Iterator[Problem]:
    """Each party is one organisation or a group, signs through someone (each member of a group
    through its own representatives), is written once; a delegation has an executive to
    delegate from; a habilitation names its organe with its article (conventions, actes,
    avenants)."""
    seen: dict[str, int] = {}
    for i, partie in enumerate(liste):
        yield from _partie(f, (*root, i), partie, t)
        cle = "organisation" if partie.organisations is None else "organisations"
        for ident in partie.membres:
            if ident in seen:
                yield f.problem(
                    (*root, i, cle),
                    f"partie « {ident} » citée deux fois (déjà en position {seen[ident] + 1})",
                )
            seen.setdefault(ident, i)


def _partie(
    f: Fichier[Any], path: Path_, partie: Partie, t: FichierTerritoire
) -> Iterator[Problem]:
    groupe = partie.organisations
    if groupe is None and partie.organisation is None:
        yield f.problem(
            path,
            "une partie nomme son organisation (organisation) ou, pour plusieurs organisations "
            "qui signent ensemble, la liste de ses organisations (organisations)",
        )
        return
    if groupe is not None and partie.organisation is not None:
        yield f.problem(
            (*path, "organisations"),
            "une partie a une organisation (organisation) ou plusieurs (organisations), pas les "
            "deux",
        )
        return
    if groupe is not None and len(groupe) < 2:
        yield f.problem(
            (*path, "organisations"),
            "une partie à plusieurs organisations en réunit au moins deux ; pour une seule, "
            "écrivez organisation",
        )
    cle = "organisation" if groupe is None else "organisations"
    if not partie.representants:
        yield f.problem(
            (*path, cle),
            f"la partie « {'+'.join(partie.membres)} » n'a pas de représentant : indiquer qui "
            "signe (representants : personne, qualité)",
        )
        return
    for j, r in enumerate(partie.representants):
        where = (*path, "representants", j)
        if groupe is None and r.organisation is not None:
            yield f.problem(
                (*where, "organisation"),
                "l'organisation d'un représentant ne sert que dans une partie à plusieurs "
                "organisations (organisations) : ici, il signe pour la partie",
            )
        elif groupe is not None and r.organisation is None:
            yield f.problem(
                where,
                "dans une partie à plusieurs organisations, chaque représentant dit pour "
                f"laquelle il signe (organisation : {', '.join(groupe)})",
            )
        elif groupe is not None and r.organisation not in groupe:
            yield f.problem(
                (*where, "organisation"),
                f"« {r.organisation} » n'est pas une organisation de cette partie ; attendu : "
                f"{', '.join(groupe)}",
            )
        else:
            yield from _delegation(f, where, r, r.organisation or partie.membres[0], t)
    if groupe is not None:
        for k, ident in enumerate(groupe):
            if not any(r.organisation == ident for r in partie.representants):
                yield f.problem(
                    (*path, "organisations", k),
                    f"« {ident} » n'a pas de représentant : chaque organisation du groupe signe "
                    "(un représentant avec organisation : " + ident + ")",
                )
    h = partie.habilitation
    if h is not None and not _ARTICLE.match(h.organe):
        yield f.problem(
            (*path, "habilitation", "organe"),
            f"« {h.organe} » : écrivez l'organe avec son article (« le Conseil "
            "d'administration », « la commission permanente », « l'assemblée générale »)",
        )


# An organe written with its article: « le Conseil d'administration », « l'assemblée ».
_ARTICLE = re.compile(r"(?:(?:le|la|les) |l['’])\S", re.IGNORECASE)


def _delegation(
    f: Fichier[Any], where: Path_, r: Representant, org_id: str, t: FichierTerritoire
) -> Iterator[Problem]:
    """A signature by delegation needs an executive who delegates, other than the signatory."""
    if r.delegation is None:
        return
    org = t.organisations[org_id]
    if org.executif is None:
        yield f.problem(
            (*where, "delegation"),
            f"une signature par délégation suppose un exécutif qui délègue : « {org_id} » n'en "
            f"a pas (organisations.{org_id}.executif)",
        )
    elif org.executif == r.personne:
        personne = t.personnes[r.personne]
        il = accord("il", feminin=personne.civilite == "Mme")
        yield f.problem(
            (*where, "delegation"),
            f"{nom_complet(personne)} est l'exécutif {de(noms.nom_avec_article(org))} : {il} "
            "signe en son nom, sans délégation",
        )


def _valeurs(d: DonneesTerritoire) -> Iterator[Problem]:
    c = d.convention
    assert c is not None
    conv = c.model.convention
    connus = vocabulaire.noms(vocabulaire.CONVENTION)
    textes: list[tuple[Path_, str | None]] = [(("convention", "cloture"), conv.cloture)] * (
        conv.cloture is not None
    )
    textes += [
        (("convention", cle, i, "texte"), b.texte)
        for cle in ("preambule", "apres_axes", "apres_enjeux")
        for i, b in enumerate(getattr(conv, cle))
    ]
    textes += [
        (("convention", "axes", n, "texte", i, "texte"), b.texte)
        for n, axe in enumerate(conv.axes)
        for i, b in enumerate(axe.texte)
    ]
    for path, texte in textes:
        if texte is None:
            yield c.problem(path[:-1], "un texte de convention ne peut pas appeler de clause")
            continue
        for nom in valeurs.noms(texte):
            message = clauses.inconnue(nom, connus)
            if message is not None:
                yield c.problem(path, message, needle="{" + nom + "}")
