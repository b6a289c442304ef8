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

from ctgdocs.serve import etat, fichiers
from ctgdocs.serve.etat import Construire
from ctgdocs.serve.securite import Csrf, Taille, garde

PAGES = Path(__file__).parent / "pages"


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
        )

    async def fichier(request: Request) -> Response:
        demande = f"{request.path_params['territoire']}/{request.path_params['nom']}"
        chemin = fichiers.trouver(sortie, demande)
        if chemin is None:
            return PlainTextResponse(f"aucun fichier « {demande} » dans la sortie", status_code=404)
        return FileResponse(chemin, media_type=fichiers.TYPES[chemin.suffix])

    async def produire(request: Request) -> Response:
        formulaire = await request.form()
        if not csrf.valide("construire", str(formulaire.get("csrf") or "")):
            return PlainTextResponse(
                "formulaire refusé : jeton CSRF absent ou faux ; rechargez la page", status_code=403
            )
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
        return RedirectResponse("/", status_code=303)

    routes = [
        Route("/", accueil),
        Route("/sorties/{territoire}/{nom}", fichier),
        Route("/construire", produire, methods=["POST"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(Taille), Middleware(BaseHTTPMiddleware, dispatch=garde(jeton))],
    )
