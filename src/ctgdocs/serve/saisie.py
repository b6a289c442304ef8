"""A séance as the form holds it: read from the form's fields or from a séance file's data
(serve/champs turns it into the file's data)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData as Formulaire


@dataclass
class Bloc:
    """A block of an exposé, or a decision (with its verb): a clause of the library or a text."""

    clause: str = ""
    texte: str = ""
    verbe: str = ""

    @property
    def vide(self) -> bool:
        return not (self.clause or self.texte.strip())


@dataclass
class DeliberationSaisie:
    numero: str = ""
    objet: str = ""
    rapporteur: str = ""
    interesses: list[str] = field(default_factory=list)  # CGCT L2131-11
    expose: list[Bloc] = field(default_factory=lambda: [Bloc()])
    decisions: list[Bloc] = field(default_factory=lambda: [Bloc()])
    unanimite: bool = True
    pour: str = ""
    contre: str = ""
    abstentions: str = ""
    ne_prennent_pas_part: str = ""
    rubrique: str = ""  # of the registre, if the house style prints it
    publication: str = ""  # put online (L2131-1)
    transmission: str = ""  # sent to the représentant de l'État


@dataclass
class Saisie:
    """What the form shows and sends: the séance, its roll member by member, its deliberations."""

    collectivite: str
    date: str = ""
    heure: str = ""
    lieu: str = ""
    convocation: str = ""
    president: str = ""
    secretaires: list[str] = field(default_factory=list)
    membres_en_exercice: str = ""
    # The roll member by member (nominatif), or, as a file may keep it, its numbers only.
    nominatif: bool = True
    nombre_presents: str = ""
    nombre_pouvoirs: str = ""
    presents: list[str] = field(default_factory=list)
    pouvoirs: dict[str, str] = field(default_factory=dict)  # mandant → mandataire
    arrivees: dict[str, str] = field(default_factory=dict)  # membre → numéro
    departs: dict[str, str] = field(default_factory=dict)  # membre → numéro
    pouvoirs_au_depart: dict[str, str] = field(default_factory=dict)  # membre → mandataire
    visioconference: list[str] = field(default_factory=list)  # présents by visio (L5211-11-1)
    # an EPCI's or syndicat's absent titulaire → the suppléant who sits for him (L5211-6): the
    # titulaire is then neither présent nor absent, the suppléant counts among the présents
    suppleants: dict[str, str] = field(default_factory=dict)
    # convened in urgency (L2121-11, L2121-12): the council's vote on it, at the opening
    urgence: bool = False
    urgence_unanimite: bool = True
    urgence_pour: str = ""
    urgence_contre: str = ""
    urgence_abstentions: str = ""
    seconde_convocation: str = ""  # the date of the séance without quorum (L2121-17)
    # the file holds every deliberation of the séance: their liste is produced (L2121-25)
    liste: bool = False
    liste_publiee_le: str = ""
    deliberations: list[DeliberationSaisie] = field(default_factory=lambda: [DeliberationSaisie()])


# --- from the form ----------------------------------------------------------------------------


def _texte(form: Formulaire, nom: str) -> str:
    valeur = form.get(nom)
    return valeur.strip() if isinstance(valeur, str) else ""


def _bloc_texte(form: Formulaire, nom: str) -> str:
    """A block's text: its lines as typed, the form's CRLF as LF, the trailing blank dropped."""
    valeur = form.get(nom)
    return valeur.replace("\r\n", "\n").strip() if isinstance(valeur, str) else ""


def _indices(form: Formulaire, prefixe: str) -> list[int]:
    """The indices the form carries under `prefixe` (« d.0. », « d.0.expose. »), in order."""
    motif = re.compile(re.escape(prefixe) + r"(\d{1,3})\.")
    found = {int(m.group(1)) for cle in _cles(form) if (m := motif.match(cle))}
    return sorted(found)


def _cles(form: Formulaire) -> Iterable[str]:
    return list(form.keys())


def depuis_formulaire(form: Formulaire, collectivite: str, membres: Iterable[str]) -> Saisie:
    """The séance the form sends; the roll is read for the council's `membres` only."""
    membres = list(membres)
    connus = set(membres)
    s = Saisie(collectivite)
    for nom in ("date", "heure", "lieu", "convocation", "president", "membres_en_exercice"):
        setattr(s, nom, _texte(form, f"seance.{nom}"))
    s.secretaires = [m for m in form.getlist("seance.secretaires") if m in connus]
    s.urgence = _texte(form, "seance.urgence") == "oui"
    s.urgence_unanimite = _texte(form, "seance.urgence.vote") != "chiffres"
    for nom in ("pour", "contre", "abstentions"):
        setattr(s, f"urgence_{nom}", _texte(form, f"seance.urgence.{nom}"))
    s.seconde_convocation = _texte(form, "seance.seconde_convocation")
    s.liste = _texte(form, "seance.liste_deliberations") == "oui"
    s.liste_publiee_le = _texte(form, "seance.liste.publiee_le")
    s.nominatif = _texte(form, "presence") != "nombres"  # the roll by name, or in numbers
    s.nombre_presents = _texte(form, "seance.nombre_presents")
    s.nombre_pouvoirs = _texte(form, "seance.nombre_pouvoirs")
    presents = set(form.getlist("seance.presents"))
    s.presents = [m for m in membres if m in presents]
    visio = set(form.getlist("seance.visioconference"))
    s.visioconference = [m for m in membres if m in visio]
    for m in membres:
        for cible, nom in (
            (s.pouvoirs, "pouvoir"),
            (s.arrivees, "arrivee"),
            (s.departs, "depart"),
            (s.pouvoirs_au_depart, "pouvoir_depart"),
            (s.suppleants, "suppleant"),
        ):
            if valeur := _texte(form, f"{nom}.{m}"):
                cible[m] = valeur
    s.deliberations = []
    for n in _indices(form, "d."):
        p = f"d.{n}."
        d = DeliberationSaisie(
            numero=_texte(form, p + "numero"),
            objet=_texte(form, p + "objet"),
            rapporteur=_texte(form, p + "rapporteur"),
            interesses=[m for m in form.getlist(p + "interesses") if m in connus],
            unanimite=_texte(form, p + "vote") != "chiffres",
            pour=_texte(form, p + "pour"),
            contre=_texte(form, p + "contre"),
            abstentions=_texte(form, p + "abstentions"),
            ne_prennent_pas_part=_texte(form, p + "ne_prennent_pas_part"),
            rubrique=_texte(form, p + "rubrique"),
            publication=_texte(form, p + "publication"),
            transmission=_texte(form, p + "transmission"),
        )
        d.expose = [
            Bloc(_texte(form, f"{p}expose.{k}.clause"), _bloc_texte(form, f"{p}expose.{k}.texte"))
            for k in _indices(form, p + "expose.")
        ]
        d.decisions = [
            Bloc(
                _texte(form, f"{p}decisions.{k}.clause"),
                _bloc_texte(form, f"{p}decisions.{k}.texte"),
                _texte(form, f"{p}decisions.{k}.verbe"),
            )
            for k in _indices(form, p + "decisions.")
        ]
        s.deliberations.append(d)
    if not s.deliberations:
        s.deliberations = [DeliberationSaisie()]
    return s


def ajouter(s: Saisie, action: str) -> None:
    """A button that adds a row: « deliberation », « expose.N », « decisions.N »."""
    if action == "deliberation":
        s.deliberations.append(DeliberationSaisie())
        return
    quoi, _, n = action.partition(".")
    if n.isdigit() and int(n) < len(s.deliberations):
        d = s.deliberations[int(n)]
        if quoi == "expose":
            d.expose.append(Bloc())
        elif quoi == "decisions":
            d.decisions.append(Bloc())


# --- from a séance file -----------------------------------------------------------------------


def _ecrit(valeur: Any) -> str:
    """A scalar as the form shows it: a date in ISO form, a number in figures."""
    if valeur is None:
        return ""
    if isinstance(valeur, dt.date):
        return valeur.isoformat()
    if isinstance(valeur, dt.time):
        return f"{valeur.hour}h{valeur.minute:02d}"
    return str(valeur)


def _bloc(valeur: Any) -> Bloc:
    if isinstance(valeur, Mapping):
        return Bloc(
            _ecrit(valeur.get("clause")), _ecrit(valeur.get("texte")), _ecrit(valeur.get("verbe"))
        )
    return Bloc(texte=_ecrit(valeur))


def _mappings(valeur: Any) -> list[Mapping[str, Any]]:
    """The mappings of a list as read (a file being written may hold anything)."""
    return [v for v in valeur if isinstance(v, Mapping)] if isinstance(valeur, list) else []


def depuis_donnees(data: Mapping[str, Any]) -> Saisie:
    """The form of an existing séance file's data (as read, before its model)."""
    ecrite = data.get("seance")
    seance: Mapping[str, Any] = ecrite if isinstance(ecrite, Mapping) else {}
    s = Saisie(_ecrit(seance.get("collectivite")))
    for nom in ("date", "heure", "lieu", "convocation", "president", "membres_en_exercice"):
        setattr(s, nom, _ecrit(seance.get(nom)))
    s.secretaires = [str(x) for x in seance.get("secretaires") or []]
    presents = seance.get("presents")
    s.presents = [str(x) for x in presents] if isinstance(presents, list) else []
    if isinstance(presents, int) and not isinstance(presents, bool):
        s.nominatif, s.nombre_presents = False, str(presents)
        pouvoirs = seance.get("pouvoirs")
        s.nombre_pouvoirs = _ecrit(pouvoirs) if isinstance(pouvoirs, int) else ""
    for p in _mappings(seance.get("pouvoirs")):
        s.pouvoirs[str(p.get("mandant"))] = _ecrit(p.get("mandataire"))
    s.visioconference = [str(x) for x in seance.get("visioconference") or []]
    urgence = seance.get("urgence")
    if isinstance(urgence, Mapping):
        s.urgence = True
        vote = urgence.get("vote")
        if isinstance(vote, Mapping) and not vote.get("unanimite"):
            s.urgence_unanimite = False
            for nom in ("pour", "contre", "abstentions"):
                setattr(s, f"urgence_{nom}", _ecrit(vote.get(nom)))
    liste = seance.get("liste")
    s.liste = liste is True or isinstance(liste, Mapping)
    if isinstance(liste, Mapping):
        s.liste_publiee_le = _ecrit(liste.get("publiee_le"))
    seconde = seance.get("seconde_convocation")
    if isinstance(seconde, Mapping):
        s.seconde_convocation = _ecrit(seconde.get("premiere_seance"))
    for sup in _mappings(seance.get("suppleants")):
        s.suppleants[str(sup.get("titulaire"))] = _ecrit(sup.get("suppleant"))
    for a in _mappings(seance.get("arrivees")):
        s.arrivees[str(a.get("membre"))] = _ecrit(a.get("a_partir_de"))
    for dp in _mappings(seance.get("departs")):
        s.departs[str(dp.get("membre"))] = _ecrit(dp.get("a_partir_de"))
        if dp.get("pouvoir_a"):
            s.pouvoirs_au_depart[str(dp.get("membre"))] = _ecrit(dp.get("pouvoir_a"))
    s.deliberations = []
    for delib in _mappings(data.get("deliberations")):
        vote = delib.get("vote")
        chiffres = vote if isinstance(vote, Mapping) and not vote.get("unanimite") else {}
        rapporteurs = delib.get("rapporteurs") or []
        s.deliberations.append(
            DeliberationSaisie(
                numero=_ecrit(delib.get("numero")),
                objet=_ecrit(delib.get("objet")),
                rapporteur=_ecrit(rapporteurs[0]) if rapporteurs else "",
                interesses=[str(i) for i in delib.get("interesses") or []],
                expose=[_bloc(b) for b in delib.get("expose") or []] or [Bloc()],
                decisions=[_bloc(b) for b in delib.get("decisions") or []] or [Bloc()],
                unanimite=not chiffres,
                pour=_ecrit(chiffres.get("pour")),
                contre=_ecrit(chiffres.get("contre")),
                abstentions=_ecrit(chiffres.get("abstentions")),
                ne_prennent_pas_part=_ecrit(chiffres.get("ne_prennent_pas_part") or None),
                rubrique=_ecrit(delib.get("rubrique")),
                publication=_ecrit(delib.get("publication")),
                transmission=_ecrit(delib.get("transmission")),
            )
        )
    return s
