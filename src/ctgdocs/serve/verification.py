"""A séance being typed, checked as `ctgdocs validate` checks it: its file's text is composed,
read in place of the file (load.Brouillon), and the territory's rules run. Each message goes to
the form field of its data path; the counts (présents, votants, quorum, the vote's wording)
are computed by the rules the extract prints them with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctgdocs import rules
from ctgdocs.documents.deliberation.vote import formule_vote
from ctgdocs.errors import Problem
from ctgdocs.fr.accord import accord
from ctgdocs.load.territoire import Brouillon, DonneesTerritoire, load_territoire
from ctgdocs.model import FichierSeance
from ctgdocs.rules.presence import ouverture, presence
from ctgdocs.rules.regimes import regime
from ctgdocs.rules.vote import compte, resultat, votants
from ctgdocs.serve.champs import champ_de, cles_seance, vers_donnees
from ctgdocs.serve.ecriture import composer
from ctgdocs.serve.saisie import Saisie


@dataclass
class Verification:
    texte: str  # the séance file as it would be saved
    messages: dict[str, list[str]] = field(default_factory=dict)  # form field → messages
    generaux: list[str] = field(default_factory=list)  # those of no field, located
    ouverture: str = ""  # the roll at the opening, in figures
    comptes: dict[int, str] = field(default_factory=dict)  # deliberation → its figures
    presents: list[str] = field(default_factory=list)
    donnees: DonneesTerritoire | None = None  # the territory with the draft, when it loads
    modele: FichierSeance | None = None  # the draft's séance, then

    @property
    def valide(self) -> bool:
        return not self.messages and not self.generaux

    def json(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "generaux": self.generaux,
            "ouverture": self.ouverture,
            "comptes": {str(n): t for n, t in self.comptes.items()},
            "presents": self.presents,
        }


def verifier(
    dossier: Path, fichier: Path, ancien: str | None, saisie: Saisie, membres: list[str]
) -> Verification:
    """Check the séance the form holds, saved as `fichier` (whose text is `ancien`, if any)."""
    seance, deliberations, champs = vers_donnees(saisie, membres)
    cles = cles_seance(saisie)
    texte = composer(ancien, fichier, seance, deliberations, cles)
    v = Verification(texte, presents=list(saisie.presents))
    donnees, problemes = _charger(dossier, fichier, texte)
    if donnees is None and problemes and all(_du_fichier(p, fichier) for p in problemes):
        # A value still missing or wrong: the roll is checked all the same, with those values
        # and the deliberations filled in; only the messages of the séance's other values are
        # kept (the filled ones have theirs already).
        remplie, remplies = _remplir(seance, {p.field for p in problemes}, membres)
        provisoire = composer(
            ancien,
            fichier,
            remplie,
            [_provisoire(d, n, membres) for n, d in enumerate(deliberations)],
            cles,
        )
        autres, plus = _charger(dossier, fichier, provisoire)
        vus = {(p.field, p.message) for p in problemes}
        problemes += [
            p
            for p in plus
            if p.field.startswith("seance.")
            and _cle(p.field) not in remplies
            and (p.field, p.message) not in vus
        ]
        _compter(v, _modele(autres, fichier), avec_votes=False)
    v.donnees, v.modele = donnees, _modele(donnees, fichier)
    if v.modele is not None:
        _compter(v, v.modele, avec_votes=True)
    for p in problemes:
        champ = champ_de(p.field, champs) if _du_fichier(p, fichier) and p.field else None
        if champ is None:
            v.generaux.append(str(p))
        else:
            v.messages.setdefault(champ, []).append(p.message)
    return v


def _charger(
    dossier: Path, fichier: Path, texte: str
) -> tuple[DonneesTerritoire | None, list[Problem]]:
    donnees, problemes = load_territoire(dossier, Brouillon(fichier, texte))
    if donnees is not None:
        problemes = rules.check(donnees)
    return donnees, problemes


def _du_fichier(p: Problem, fichier: Path) -> bool:
    return Path(p.location.file).absolute() == fichier.absolute()


def _cle(champ: str) -> str:
    """The séance's key of a field: « seance.pouvoirs[2].mandataire » → « pouvoirs »."""
    return champ.removeprefix("seance.").split(".")[0].split("[")[0]


def _remplir(
    seance: dict[str, Any], fautifs: set[str], membres: list[str]
) -> tuple[dict[str, Any], set[str]]:
    """The séance with its missing or refused values of the header filled in, and their keys."""
    premier = membres[0] if membres else "brouillon"
    ecrite = seance.get("date")
    date = ecrite if isinstance(ecrite, dt.date) else dt.date.today()
    defauts: dict[str, Any] = {
        "date": date,
        "heure": "0h00",
        "convocation": date - dt.timedelta(days=30),
        "president": premier,
        "secretaires": [premier],
        "membres_en_exercice": max(len(membres), 1),
    }
    cles = {_cle(f) for f in fautifs if f.startswith("seance.")}
    remplie = dict(seance)
    remplies = set()
    for cle, defaut in defauts.items():
        if cle not in seance or cle in cles:
            remplie[cle] = defaut
            remplies.add(cle)
    return remplie, remplies


def _provisoire(d: dict[str, Any], n: int, membres: list[str]) -> dict[str, Any]:
    """A deliberation standing in for one being typed, for checking the roll only: its number
    is kept (arrivals and departures name it)."""
    numero = d.get("numero")
    return {
        "numero": numero if isinstance(numero, str) and numero else f"brouillon-{n + 1}",
        "objet": "…",
        "rapporteurs": membres[:1] or ["brouillon"],
        "expose": ["…"],
        "decisions": [{"verbe": "approuver", "texte": "…"}],
        "vote": "unanimite",
    }


def _compter(v: Verification, modele: FichierSeance | None, *, avec_votes: bool) -> None:
    """The figures of the opening and of each deliberation, as the extract computes them."""
    if modele is None:
        return
    seance = modele.seance
    quorum = regime(seance.date).quorum(seance.membres_en_exercice)
    debut = ouverture(seance)
    v.ouverture = _roll(debut.nombre_presents, debut.nombre_representes, quorum) + (
        f", {len(seance.absents)} {accord('absent', len(seance.absents))} "
        f"sur {seance.membres_en_exercice} {accord('membre', seance.membres_en_exercice)} "
        "en exercice"
    )
    for n, delib in enumerate(modele.deliberations):
        roll = presence(modele, delib)
        texte = _roll(roll.nombre_presents, roll.nombre_representes, quorum)
        if avec_votes:
            vote = compte(modele, delib)
            res = resultat(vote)
            nombre = votants(modele, delib)
            texte += (
                f" ; {nombre} {accord('votant', nombre)} : {vote.pour} pour, {vote.contre} "
                f"contre, {vote.abstentions} {accord('abstention', vote.abstentions)}"
            )
            if res.votants == nombre:  # otherwise the vote's message says what is wrong
                issue = "adoptée" if res.adoptee else "rejetée"
                formule = formule_vote(vote.pour, vote.contre, vote.abstentions, res)
                texte += f" : {issue} {formule}"
        v.comptes[n] = texte


def _roll(presents: int, representes: int, quorum: int) -> str:
    atteint = "atteint" if presents >= quorum else "non atteint"
    return (
        f"{presents} {accord('présent', presents)}, {representes} "
        f"{accord('représenté', representes)} ; quorum {quorum} : {atteint}"
    )


def _modele(donnees: DonneesTerritoire | None, fichier: Path) -> FichierSeance | None:
    if donnees is None:
        return None
    for s in donnees.seances:
        if Path(s.path).absolute() == fichier.absolute():
            return s.model
    return None
