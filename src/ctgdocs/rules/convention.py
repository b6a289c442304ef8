"""Rules on a convention: its parties sign through someone, its date of signature agrees with
how long it runs (`vigueur`), its data texts ask only for values that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from ctgdocs.errors import Problem
from ctgdocs.fr.dates import date_fr
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import Convention, Ctg, Partie, valeurs
from ctgdocs.rules import comptes as calcul


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
    yield from parties(c, ("convention", "parties"), conv.parties)
    seen = list(dict.fromkeys(p.organisation for p in conv.parties))
    if seen != list(dict.fromkeys(ctg.signataires)):
        yield c.problem(
            ("convention", "parties"),
            f"les parties ({', '.join(seen)}) diffèrent des signataires de la CTG dans "
            f"territoire.yaml ({', '.join(ctg.signataires)}) : mêmes organisations, même ordre",
        )
    yield from _signature(c, conv, ctg)
    yield from _valeurs(d)


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


def parties(f: Fichier[Any], root: Path_, liste: list[Partie]) -> Iterator[Problem]:
    """Each party signs through someone and is written once (conventions, actes, avenants)."""
    seen: dict[str, int] = {}
    for i, partie in enumerate(liste):
        if not partie.representants:
            yield f.problem(
                (*root, i, "organisation"),
                f"la partie « {partie.organisation} » n'a pas de représentant : indiquer qui signe "
                "(representants : personne, qualité)",
            )
        if partie.organisation in seen:
            yield f.problem(
                (*root, i, "organisation"),
                f"partie « {partie.organisation} » citée deux fois (déjà en position {seen[partie.organisation] + 1})",
            )
        seen.setdefault(partie.organisation, i)


def _valeurs(d: DonneesTerritoire) -> Iterator[Problem]:
    c = d.convention
    assert c is not None
    conv = c.model.convention
    connus = calcul.valeurs(d.territoire.model, conv)
    textes: list[tuple[Path_, str | None]] = [
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
            if nom not in connus:
                close = difflib.get_close_matches(nom, list(connus), n=1, cutoff=0.6)
                hint = f" ; vouliez-vous dire « {{{close[0]}}} » ?" if close else ""
                yield c.problem(
                    path,
                    f"valeur inconnue « {{{nom}}} » ; valeurs calculées possibles : "
                    f"{', '.join('{' + k + '}' for k in connus)}{hint}",
                    needle="{" + nom + "}",
                )
