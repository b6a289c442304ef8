"""The séance form's routes: open a new or existing séance, check it as it is typed (JSON for
the page's script, the whole page without script), preview a deliberation, show the change and
save it, build it. Every path comes from the data folder's own names (serve/seances)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ctgdocs.build.destination import reason
from ctgdocs.errors import CtgError
from ctgdocs.fr.dates import date_fr
from ctgdocs.load import access
from ctgdocs.load.yamlfile import parse_yaml
from ctgdocs.serve import ecriture, seances
from ctgdocs.serve.saisie import (
    DeliberationSaisie,
    Saisie,
    ajouter,
    depuis_donnees,
    depuis_formulaire,
)
from ctgdocs.serve.securite import Csrf
from ctgdocs.serve.verification import Verification, verifier

Page = Callable[..., HTMLResponse]
Produire = Callable[[], Awaitable[list[str]]]


@dataclass(frozen=True)
class Contexte:
    donnees: Path
    sortie: Path
    page: Page
    csrf: Csrf
    produire: Produire  # the incremental build of the data folder: its summary lines
    fichiers: Callable[[str, list[str]], list[tuple[str, str, bool]]]  # built files of stems


@dataclass
class Ouverte:
    """A séance as a request finds it: its territory, its file, the form's values."""

    dossier: Path
    territoire: str
    conseil: seances.Conseil
    fichier: Path
    existant: bool  # the séance was opened from its file
    ancien: str | None  # the file's text when the form opened it (None: a new file)
    empreinte: str
    saisie: Saisie
    # the date the file's deliberation was sent to the préfecture, if one was: an act in
    # force is not rewritten (a new deliberation withdraws or corrects it)
    transmise: str | None = None


def _refus(message: str, statut: int = 404) -> Response:
    return PlainTextResponse(message, status_code=statut)


def routes(c: Contexte) -> list[tuple[str, Callable[[Request], Awaitable[Response]], list[str]]]:
    def vue(o: Ouverte, v: Verification | None, statut: int = 200, **plus: Any) -> HTMLResponse:
        if v is None:
            v = verifier(o.dossier, o.fichier, o.ancien, o.saisie, o.conseil.ids)
        numeros = [d.numero for d in o.saisie.deliberations if d.numero]
        return c.page(
            "seance.html",
            statut,
            o=o,
            s=o.saisie,
            v=v,
            membres=o.conseil.membres,
            choix=o.conseil.choix,
            numeros=numeros,
            clauses=seances.clauses(),
            transmise=o.transmise,
            nom_fichier=o.fichier.name,
            **plus,
        )

    async def nouvelle(request: Request) -> Response:
        o = _ouvrir_nouvelle(
            c, request.path_params["territoire"], request.path_params["collectivite"]
        )
        if isinstance(o, Response):
            return o
        v = await asyncio.to_thread(
            verifier, o.dossier, o.fichier, o.ancien, o.saisie, o.conseil.ids
        )
        # a blank form is not yet wrong: its messages come with the first change
        v.messages, v.generaux = {}, []
        return vue(o, v)

    async def existante(request: Request) -> Response:
        o = _ouvrir_fichier(c, request.path_params["territoire"], request.path_params["fichier"])
        if isinstance(o, Response):
            return o
        return await asyncio.to_thread(vue, o, None)

    async def verification(request: Request) -> Response:
        o = await _depuis_requete(c, request)
        if isinstance(o, Response):
            return o
        v = await asyncio.to_thread(
            verifier, o.dossier, o.fichier, o.ancien, o.saisie, o.conseil.ids
        )
        return JSONResponse(v.json())

    async def envoi(request: Request) -> Response:
        o = await _depuis_requete(c, request)
        if isinstance(o, Response):
            return o
        formulaire = await request.form()
        action = str(formulaire.get("action") or "verifier")
        if action.startswith("ajouter:"):
            ajouter(o.saisie, action.removeprefix("ajouter:"))
            return await asyncio.to_thread(vue, o, None)
        v = await asyncio.to_thread(
            verifier, o.dossier, o.fichier, o.ancien, o.saisie, o.conseil.ids
        )
        if o.transmise and action in ("preparer", "enregistrer"):
            return vue(o, v, 409)
        if action.startswith("apercu:"):
            return await asyncio.to_thread(_apercu, o, v, action.removeprefix("apercu:"))
        if action == "preparer":
            diff = ecriture.difference(o.ancien, v.texte, _relatif(o))
            return vue(o, v, diff=diff or None, rien=not diff)
        if action == "enregistrer":
            if not v.valide:
                return vue(
                    o, v, 422, refus="la séance a des erreurs : corrigez-les avant de l'enregistrer"
                )
            try:
                conflit = await asyncio.to_thread(
                    ecriture.enregistrer, o.fichier, v.texte, o.empreinte
                )
            except OSError as erreur:
                refus = f"écriture impossible : {_relatif(o)} : {reason(erreur)}"
                return vue(o, v, 500, refus=refus)
            if conflit is not None:
                return vue(o, v, 409, conflit=conflit)
            o.ancien, o.empreinte, o.existant = v.texte, ecriture.empreinte(v.texte), True
            return vue(o, v, enregistre=_relatif(o))
        if action == "construire":
            stems = _stems(v)
            resume = [
                ligne
                for ligne in await c.produire()
                if not ligne.startswith("écrit : ") or any(s in ligne for s in stems)
            ]
            produits = await asyncio.to_thread(c.fichiers, o.territoire, stems)
            return vue(o, v, resume=resume, produits=produits)
        return vue(o, v)

    return [
        ("/seances/{territoire}/nouvelle/{collectivite}", nouvelle, ["GET"]),
        ("/seances/{territoire}/fichier/{fichier}", existante, ["GET"]),
        ("/seances/{territoire}/verifier", verification, ["POST"]),
        ("/seances/{territoire}/envoi", envoi, ["POST"]),
    ]


def _relatif(o: Ouverte) -> str:
    return o.fichier.relative_to(o.dossier.parent).as_posix()


def _stems(v: Verification) -> list[str]:
    """The file names of the séance's extracts, as the build names them."""
    from ctgdocs.documents.deliberation import stem

    return [stem(v.modele.seance, d) for d in v.modele.deliberations] if v.modele else []


def _lire(dossier: Path, fichier: Path) -> tuple[str | None, Any]:
    """A séance file's text, read once as every data file is (a regular file inside the
    territory's folder, load/access), and its data parsed from that text; (None, None) if it
    cannot be read."""
    try:
        texte = access.read_text(fichier, [dossier])
    except (OSError, UnicodeDecodeError, access.AccessRefused):
        return None, None
    return texte, parse_yaml(texte, str(fichier)).data


def _transmise(data: Any) -> str | None:
    """The date a deliberation of a séance file's data was sent to the préfecture, if one was."""
    for delib in (data.get("deliberations") if isinstance(data, dict) else None) or []:
        quand = delib.get("transmission") if isinstance(delib, dict) else None
        if isinstance(quand, dt.date):
            return date_fr(quand)
        if quand:
            return str(quand)
    return None


def _conseil(
    c: Contexte, territoire: str, collectivite: str, data: Any = None
) -> tuple[Path, seances.Conseil] | Response:
    """The territory's folder and the collectivité's council, with whom the séance file's
    `data` names besides."""
    dossier = seances.territoire(c.donnees, territoire)
    t = seances.lire_territoire(dossier) if dossier is not None else None
    if dossier is None or t is None:
        return _refus(f"aucun territoire « {territoire} » dans {c.donnees}")
    conseil = seances.conseils(dossier, t).get(collectivite)
    if conseil is None:
        return _refus(f"aucune commune, EPCI ou syndicat « {collectivite} » dans {territoire}")
    return dossier, seances.avec_le_fichier(t, conseil, data)


def _ouvrir_nouvelle(c: Contexte, territoire: str, collectivite: str) -> Ouverte | Response:
    trouve = _conseil(c, territoire, collectivite)
    if isinstance(trouve, Response):
        return trouve
    dossier, conseil = trouve
    s = Saisie(
        collectivite,
        president=conseil.executif or "",
        membres_en_exercice=str(conseil.membres_en_exercice or len(conseil.membres) or ""),
        deliberations=[DeliberationSaisie(rapporteur=conseil.executif or "")],
    )
    fichier = seances.nouveau_fichier(dossier, s.date, collectivite)
    return Ouverte(dossier, territoire, conseil, fichier, False, None, "", s)


def _ouvrir_fichier(c: Contexte, territoire: str, nom: str) -> Ouverte | Response:
    dossier = seances.territoire(c.donnees, territoire)
    fichier = seances.fichier_seance(dossier, nom) if dossier is not None else None
    if dossier is None or fichier is None:
        return _refus(f"aucune séance « {nom} » dans {territoire}")
    ancien, data = _lire(dossier, fichier)
    if ancien is None or not isinstance(data, dict):
        return _refus(f"la séance « {nom} » est illisible : « ctgdocs validate » dit pourquoi", 422)
    saisie = depuis_donnees(data)
    trouve = _conseil(c, territoire, saisie.collectivite, data)
    if isinstance(trouve, Response):
        return trouve
    empreinte = ecriture.empreinte(ancien)
    return Ouverte(
        dossier, territoire, trouve[1], fichier, True, ancien, empreinte, saisie, _transmise(data)
    )


async def _depuis_requete(c: Contexte, request: Request) -> Ouverte | Response:
    """The séance a posted form holds: its CSRF token checked, its file found again."""
    formulaire = await request.form()
    territoire = request.path_params["territoire"]
    if not c.csrf.valide("seance", str(formulaire.get("csrf") or "")):
        return _refus("formulaire refusé : jeton CSRF absent ou faux ; rechargez la page", 403)
    nom = str(formulaire.get("fichier") or "")
    collectivite = str(formulaire.get("collectivite") or "")
    empreinte = str(formulaire.get("empreinte") or "")
    dossier = seances.territoire(c.donnees, territoire)
    fichier = seances.fichier_seance(dossier, nom) if dossier is not None and nom else None
    if nom and fichier is None:
        return _refus(f"aucune séance « {nom} » dans {territoire}")
    # the file as it is now: a change since the form opened it is caught by the save, which
    # compares it with the empreinte the form carries
    ancien, data = _lire(dossier, fichier) if dossier is not None and fichier else (None, None)
    if fichier is not None and ancien is None:
        return _refus(f"la séance « {nom} » est illisible : « ctgdocs validate » dit pourquoi", 422)
    trouve = _conseil(c, territoire, collectivite, data)
    if isinstance(trouve, Response):
        return trouve
    dossier, conseil = trouve
    saisie = depuis_formulaire(formulaire, collectivite, conseil.ids)
    if fichier is not None:
        return Ouverte(
            dossier, territoire, conseil, fichier, True, ancien, empreinte, saisie, _transmise(data)
        )
    fichier = seances.nouveau_fichier(dossier, saisie.date, collectivite)
    return Ouverte(dossier, territoire, conseil, fichier, False, None, empreinte, saisie)


def _apercu(o: Ouverte, v: Verification, quelle: str) -> Response:
    """The HTML preview of one deliberation as the form holds it, rendered as the build renders
    it; the séance must be valid first."""
    if v.donnees is None or not v.valide:
        return _refus(
            "aperçu impossible : la séance a des erreurs (voir le formulaire)\n\n"
            + "\n".join([*v.generaux, *(m for ms in v.messages.values() for m in ms)]),
            422,
        )
    from ctgdocs.documents import KINDS
    from ctgdocs.writers.html import preview_html

    n = int(quelle) if quelle.isdigit() else 0
    docs = [
        d
        for d in KINDS["deliberation"].plan(v.donnees)
        if any(Path(e).absolute() == o.fichier.absolute() for e in d.entrees)
    ]
    if n >= len(docs):
        return _refus("aucune délibération de ce rang dans la séance")
    try:
        rendu = docs[n].render()
    except CtgError as erreur:
        return _refus(f"aperçu impossible : {erreur}", 422)
    return HTMLResponse(preview_html(rendu))
