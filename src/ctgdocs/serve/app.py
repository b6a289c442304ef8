"""The web app: its routes over one data folder and one output folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from ctgdocs.load.territoire import find_territoires
from ctgdocs.serve import etat, fichiers, formulaire, seances
from ctgdocs.serve.etat import Construire
from ctgdocs.serve.securite import Csrf, Taille, garde

PAGES = Path(__file__).parent / "pages"
SCRIPT = PAGES / "saisie.js"


def application(
    donnees: Path, sortie: Path, construire: Construire, jeton: str | None = None
) -> Starlette:
    """The app over `donnees` (a territory or a folder of them), building into `sortie` with
    the pipeline's `construire` (ctgdocs.app.build). With `jeton`, every request must carry it
    (the app listens beyond this machine)."""
    pages = Environment(
        loader=FileSystemLoader(PAGES),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    csrf = Csrf()
    dernier: dict[str, list[str]] = {"resume": []}
    verrou = asyncio.Lock()  # one build at a time from this app (the output has its own lock)

    def page(nom: str, statut: int = 200, **contexte: object) -> HTMLResponse:
        texte = pages.get_template(nom).render(csrf=csrf.jeton, **contexte)
        return HTMLResponse(texte, status_code=statut)

    async def accueil(request: Request) -> Response:
        vues, problemes = await asyncio.to_thread(etat.territoires, donnees, sortie, construire)
        return page(
            "accueil.html",
            territoires=vues,
            problemes=problemes,
            donnees=str(donnees),
            sortie=str(sortie),
            resume=dernier["resume"],
            seances=await asyncio.to_thread(_seances, donnees),
        )

    async def fichier(request: Request) -> Response:
        demande = f"{request.path_params['territoire']}/{request.path_params['nom']}"
        chemin = fichiers.trouver(sortie, demande)
        if chemin is None:
            return PlainTextResponse(f"aucun fichier « {demande} » dans la sortie", status_code=404)
        return FileResponse(chemin, media_type=fichiers.TYPES[chemin.suffix])

    async def document(request: Request) -> Response:
        """A document's page: its files and state; a signed one says how it changes."""
        territoire, nom = request.path_params["territoire"], request.path_params["nom"]
        vues, _ = await asyncio.to_thread(etat.territoires, donnees, sortie, construire)
        vue = next((t for t in vues if t.nom == territoire), None)
        doc = next((d for d in vue.documents if d.nom == nom), None) if vue else None
        if vue is None or doc is None:
            return PlainTextResponse(f"aucun document « {territoire}/{nom} »", status_code=404)
        modifie = seances.MODIFIABLES.get(doc.nom)
        dossier = seances.territoire(donnees, territoire)
        numero = (
            seances.prochain_avenant(dossier, modifie) if modifie and dossier is not None else None
        )
        return page("document.html", territoire=territoire, d=doc, modifie=modifie, numero=numero)

    async def police(request: Request) -> Response:
        chemin = fichiers.police(request.path_params["nom"])
        if chemin is None:
            return PlainTextResponse("aucune police de ce nom", status_code=404)
        return FileResponse(chemin, media_type=fichiers.TYPES[".ttf"])

    async def script(request: Request) -> Response:
        return FileResponse(SCRIPT, media_type="text/javascript; charset=utf-8")

    async def produire() -> list[str]:
        from ctgdocs.build.plan import BuildOptions
        from ctgdocs.build.report import summary_lines
        from ctgdocs.errors import CtgError

        async with verrou:
            try:
                rapport = await asyncio.to_thread(
                    construire, [donnees], BuildOptions(output=sortie, jobs=1)
                )
                lignes = [x for e in rapport.echecs for x in e.erreurs] + summary_lines(rapport)
            except CtgError as erreur:
                lignes = [f"erreur : {erreur}"]
        dernier["resume"] = lignes
        return lignes

    async def construction(request: Request) -> Response:
        formulaire_ = await request.form()
        if not csrf.valide("construire", str(formulaire_.get("csrf") or "")):
            return PlainTextResponse(
                "formulaire refusé : jeton CSRF absent ou faux ; rechargez la page", status_code=403
            )
        await produire()
        return RedirectResponse("/", status_code=303)

    def produits(territoire: str, stems: list[str]) -> list[tuple[str, str, bool]]:
        vues, _ = etat.territoires(donnees, sortie, construire)
        return [
            (f.chemin, f.etat, f.present)
            for t in vues
            if t.nom == territoire
            for d in t.documents
            if d.nom in stems
            for f in d.fichiers
        ]

    contexte = formulaire.Contexte(donnees, sortie, page, csrf, produire, produits)
    routes = [
        Route("/", accueil),
        Route("/sorties/{territoire}/{nom}", fichier),
        Route("/documents/{territoire}/{nom}", document),
        Route("/static/saisie.js", script),
        Route("/seances/_polices/{nom}", police),
        Route("/construire", construction, methods=["POST"]),
        *(Route(chemin, vue, methods=m) for chemin, vue, m in formulaire.routes(contexte)),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(Taille), Middleware(BaseHTTPMiddleware, dispatch=garde(jeton))],
    )


def _seances(donnees: Path) -> dict[str, tuple[list[seances.Conseil], list[str], int]]:
    """Per territory: the councils a séance can be created for (their members are known),
    its séance files, and how many councils have no member known yet."""
    found = {}
    for dossier in find_territoires([donnees])[0]:
        tous = list(seances.conseils(dossier).values())
        conseils = [c for c in tous if c.membres]
        found[dossier.name] = (conseils, seances.seances(dossier), len(tous) - len(conseils))
    return found
