"""What every request goes through: a bounded size, the token when the app listens beyond
this machine, a CSRF token on every form, and headers that keep a served page inert."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TAILLE_MAX = 1_000_000  # bytes: a séance's form is a few kilobytes
COOKIE_JETON = "ctgdocs_jeton"
LOCALES = frozenset({"127.0.0.1", "localhost", "::1"})

# No script runs but ours (none yet), no frame, no plugin; a preview keeps its own inline
# styles, its fonts and its data: images (the dotted leaders).
ENTETES = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; base-uri 'none'; "
        "form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def locale(hote: str) -> bool:
    """Whether an address is this machine only."""
    return hote in LOCALES


class Taille:
    """Refuse a request body over TAILLE_MAX, announced or streamed (413)."""

    def __init__(self, app: ASGIApp, maximum: int = TAILLE_MAX) -> None:
        self.app = app
        self.maximum = maximum

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        annonce = dict(scope.get("headers") or []).get(b"content-length")
        if annonce is not None and (not annonce.isdigit() or int(annonce) > self.maximum):
            await _trop_grand(self.maximum)(scope, receive, send)
            return
        recu = 0

        async def compte() -> Message:
            nonlocal recu
            message = await receive()
            recu += len(message.get("body", b""))
            if recu > self.maximum:
                raise TropGrand
            return message

        try:
            await self.app(scope, compte, send)
        except TropGrand:
            await _trop_grand(self.maximum)(scope, receive, send)


class TropGrand(Exception):
    pass


def _trop_grand(maximum: int) -> Response:
    return PlainTextResponse(f"requête trop grande : {maximum // 1000} ko au plus", status_code=413)


Suivant = Callable[[Request], Awaitable[Response]]


def garde(jeton: str | None) -> Callable[[Request, Suivant], Awaitable[Response]]:
    """The token check (when the app listens beyond this machine) and the safe headers."""

    async def verifier(request: Request, suivant: Suivant) -> Response:
        if jeton is not None:
            donne = request.query_params.get("jeton")
            if donne is not None and hmac.compare_digest(donne, jeton):
                # the token leaves the address bar for a cookie of this site only
                reponse: Response = RedirectResponse(request.url.remove_query_params("jeton"), 303)
                reponse.set_cookie(COOKIE_JETON, jeton, httponly=True, samesite="strict")
                return _entetes(reponse)
            if not hmac.compare_digest(request.cookies.get(COOKIE_JETON, ""), jeton):
                return _entetes(
                    PlainTextResponse(
                        "accès refusé : ouvrez l'adresse avec son jeton (?jeton=…), affichée "
                        "au lancement de « ctgdocs serve »",
                        status_code=401,
                    )
                )
        return _entetes(await suivant(request))

    return verifier


def _entetes(reponse: Response) -> Response:
    for nom, valeur in ENTETES.items():
        reponse.headers.setdefault(nom, valeur)
    return reponse


class Csrf:
    """A token per app and per form action: HMAC(secret, action). A POST without it is refused."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def jeton(self, action: str) -> str:
        return hmac.new(self.secret, action.encode("utf-8"), hashlib.sha256).hexdigest()

    def valide(self, action: str, donne: str | None) -> bool:
        return donne is not None and hmac.compare_digest(self.jeton(action), donne)
