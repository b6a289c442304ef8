"""Who was there at the opening: quorum, pouvoirs, présents, one status per person, the
président and the secrétaires among the présents (CGCT L2121-15 to L2121-20). The roll of each
deliberation: rules/presence and rules/membres; the convocation: rules/convocation."""

from __future__ import annotations

from collections.abc import Iterator

from ctgdocs.errors import Problem
from ctgdocs.fr.accord import accord
from ctgdocs.fr.dates import date_fr
from ctgdocs.fr.noms import nom_complet
from ctgdocs.fr.prepositions import de
from ctgdocs.load.territoire import DonneesTerritoire, Fichier
from ctgdocs.load.yamlfile import Path_
from ctgdocs.model import FichierSeance, Personne, Seance
from ctgdocs.rules.presence import ouverture
from ctgdocs.rules.regimes import regime


def check(d: DonneesTerritoire) -> Iterator[Problem]:
    personnes = d.territoire.model.personnes
    for s in d.seances:
        yield from _effectifs(s)
        yield from _roles(s, personnes)
        yield from _pouvoirs(s, personnes)
        yield from _civilites(s, d)


def _effectifs(s: Fichier[FichierSeance]) -> Iterator[Problem]:
    seance = s.model.seance
    membres = seance.membres_en_exercice
    debut = ouverture(seance)
    presents = debut.nombre_presents
    if membres == 0:
        yield s.problem(
            ("seance", "membres_en_exercice"),
            "0 membre en exercice : un conseil sans membres ne peut pas délibérer "
            "(indiquez le nombre de sièges pourvus)",
        )
    total = presents + debut.nombre_representes + len(seance.absents)
    if total > membres:
        yield s.problem(
            ("seance", "membres_en_exercice"),
            f"{total} membres présents, représentés ou absents pour {membres} "
            f"{accord('membre', membres)} en exercice",
        )
    r = regime(seance.date)
    quorum = r.quorum(membres)
    if presents < quorum and seance.seconde_convocation is None:
        yield s.problem(
            ("seance", "presents"),
            f"quorum non atteint : {presents} {accord('présent', presents)} pour un quorum "
            f"de {quorum} ({r.part_quorum} des {membres} membres en exercice, CGCT L2121-17)",
        )


def _roles(s: Fichier[FichierSeance], personnes: dict[str, Personne]) -> Iterator[Problem]:
    """A person has one status: présent, mandant (represented) or absent."""
    seance = s.model.seance
    statut: dict[str, tuple[str, Path_]] = {}
    entries: list[tuple[str, str, Path_]] = []
    if isinstance(seance.presents, list):
        entries += [
            (p, "présent", ("seance", "presents", i)) for i, p in enumerate(seance.presents)
        ]
    if isinstance(seance.pouvoirs, list):
        entries += [
            (p.mandant, "représenté (a donné pouvoir)", ("seance", "pouvoirs", i, "mandant"))
            for i, p in enumerate(seance.pouvoirs)
        ]
    entries += [(p, "absent", ("seance", "absents", i)) for i, p in enumerate(seance.absents)]
    entries += [
        (sup.suppleant, "suppléant siégeant", ("seance", "suppleants", i, "suppleant"))
        for i, sup in enumerate(seance.suppleants)
    ]
    entries += [
        (sup.titulaire, "remplacé par un suppléant", ("seance", "suppleants", i, "titulaire"))
        for i, sup in enumerate(seance.suppleants)
    ]
    for ident, role, path in entries:
        if ident in statut:
            before, before_path = statut[ident]
            line = s.marks.nearest(before_path).line
            yield s.problem(
                path,
                f"{nom_complet(personnes[ident])} est déjà {before} (ligne {line}) : "
                f"une personne ne peut être à la fois {before} et {role}",
            )
        else:
            statut[ident] = (role, path)
    if isinstance(seance.presents, list):
        presents = set(ouverture(seance).presents)
        checks: list[tuple[str, Path_, str]] = [
            (seance.president, ("seance", "president"), "le président de séance")
        ]
        checks += [
            (p, ("seance", "secretaires", i), "le secrétaire de séance")
            for i, p in enumerate(seance.secretaires)
        ]
        for ident, path, role in checks:
            if ident not in presents:
                yield s.problem(
                    path,
                    f"{role} ({nom_complet(personnes[ident])}) doit figurer parmi les présents",
                )


def _pouvoirs(s: Fichier[FichierSeance], personnes: dict[str, Personne]) -> Iterator[Problem]:
    seance = s.model.seance
    if not isinstance(seance.pouvoirs, list):
        return
    presents = set(ouverture(seance).presents) if isinstance(seance.presents, list) else None
    r = regime(seance.date)
    recus: dict[str, list[int]] = {}
    for i, pouvoir in enumerate(seance.pouvoirs):
        recus.setdefault(pouvoir.mandataire, []).append(i)
        if pouvoir.mandant == pouvoir.mandataire:
            yield s.problem(
                ("seance", "pouvoirs", i), "un membre ne peut se donner pouvoir à lui-même"
            )
        elif presents is not None and pouvoir.mandataire not in presents:
            yield s.problem(
                ("seance", "pouvoirs", i, "mandataire"),
                f"le mandataire {nom_complet(personnes[pouvoir.mandataire])} doit être présent",
            )
    for mandataire, indices in recus.items():
        if len(indices) > r.pouvoirs_par_membre:
            yield s.problem(
                ("seance", "pouvoirs", indices[r.pouvoirs_par_membre], "mandataire"),
                _trop_de_pouvoirs(
                    nom_complet(personnes[mandataire]), len(indices), r.pouvoirs_par_membre, seance
                ),
            )


def _trop_de_pouvoirs(nom: str, n: int, maximum: int, seance: Seance) -> str:
    if maximum == 1:
        regle = (
            f"un seul pouvoir par membre (CGCT L2121-20) ; la dérogation sanitaire à deux pouvoirs "
            f"a pris fin le 31 juillet 2022, la séance est du {date_fr(seance.date)}"
        )
    else:
        regle = f"au plus {maximum} pouvoirs par membre pendant la période dérogatoire"
    return f"{nom} reçoit {n} pouvoirs : {regle}"


def _civilites(s: Fichier[FichierSeance], d: DonneesTerritoire) -> Iterator[Problem]:
    """Whoever the act names with a title needs a civilité (« Monsieur le Maire »)."""
    t = d.territoire
    personnes = t.model.personnes
    seance = s.model.seance
    org = t.model.organisations[seance.collectivite]
    needed: list[tuple[str, Path_]] = [(seance.president, ("seance", "president"))]
    needed += [
        (r, ("deliberations", n, "rapporteurs", i))
        for n, dl in enumerate(s.model.deliberations)
        for i, r in enumerate(dl.rapporteurs)
    ]
    for ident, path in needed:
        if personnes[ident].civilite is None:
            yield s.problem(
                path,
                f"civilité {de(nom_complet(personnes[ident]))} manquante (personnes.{ident}.civilite : « M. » ou « Mme »)",
            )
    if org.executif is None:
        yield t.problem(
            ("organisations", seance.collectivite, "executif"),
            "maire ou président de la collectivité manquant : il signe les délibérations",
        )
    elif personnes[org.executif].civilite is None:
        yield t.problem(
            ("personnes", org.executif, "civilite"),
            "civilité manquante : nécessaire pour « Monsieur le Maire » ou « Madame la Maire »",
        )
