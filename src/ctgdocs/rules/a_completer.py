"""What an imported territory still lacks: the official files give names, codes and élus, not
what only the parties know. These are not errors (the data is valid without them): `ctgdocs
validate` lists them after an import, each where it is to be written. A territory typed by
hand (without `sources`) has no such list: what it lacks is an error where a document needs it."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem, display_path
from ctgdocs.fr.accord import accord
from ctgdocs.fr.nombres import abrege
from ctgdocs.load.territoire import DonneesTerritoire


def manques(d: DonneesTerritoire) -> Iterator[Problem]:
    t = d.territoire
    if t.model.sources is None:
        return
    orgs = t.model.organisations
    # The contracts' needs (the CTG, the Caf's address) are said of a territory that has a
    # contract, or has no document yet: one that only deliberates needs neither.
    contrats = d.convention is not None or d.acte is not None or not d.seances
    if contrats and t.model.territoire.ctg is None:
        yield t.problem(
            ("territoire",),
            "la CTG est à écrire (ctg : intitule, debut, fin, signataires ; l'exemple est en "
            "commentaire) : sans elle, ni convention ni acte d'engagement",
        )
    elus = [i for i, o in orgs.items() if o.type in ("commune", "epci") and o.executif is None]
    if elus:
        n = len(elus)
        yield t.problem(
            ("organisations", elus[0]),
            f"{n} {accord('collectivité', n)} sans maire ni président ({abrege(elus, 3)}) : "
            f"« ctgdocs import elus {display_path(d.dossier)} --rne elus-conseillers-municipaux-cm.csv "
            "--rne-epci elus-conseillers-communautaires-epci.csv », ou executif à écrire",
        )
    sans_siret = [i for i, o in orgs.items() if o.siren is not None and o.siret is None]
    if sans_siret:
        n = len(sans_siret)
        yield t.problem(
            ("organisations", sans_siret[0]),
            f"{n} {accord('organisation', n)} sans SIRET ({abrege(sans_siret, 3)}), que l'export "
            "SCDL demande (COLL_SIRET) : « ctgdocs import territoire … --mise-a-jour --sirene "
            "FICHIER » le lit dans un extrait SIRENE, ou siret à écrire",
        )
    caf = orgs[t.model.territoire.caf]
    if contrats and caf.adresse is None:
        yield t.problem(
            ("organisations", t.model.territoire.caf),
            "l'adresse du siège de la Caf est à écrire (adresse), que les parties d'une "
            "convention impriment",
        )
