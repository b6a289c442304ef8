"""What WeasyPrint may load while it lays a PDF out: our fonts, the files of the HTML frame's own
folder, the document's source files (its PDF/A attachments) and `data:` URLs. Nothing else.

A font is found as the HTML preview finds it (`html_fonts.font_file`): the file its path leads
to inside fonts/ or the templates, else the file of that name in fonts/ (an override copied
elsewhere keeps the project's fonts). A frame or a stylesheet of a template override that asks
for another file (`<img src="file:///etc/passwd">`, `<a rel="attachment" href="file://…">`, a
font outside fonts/) or for any network URL stops the document with a French message, instead
of WeasyPrint skipping the resource with a warning or, worse, embedding the file in the
published PDF.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ctgdocs import paths
from ctgdocs.errors import OutputError, TemplateError
from ctgdocs.load import access
from ctgdocs.render import fonts as html_fonts


class RefusedResource(TemplateError):
    """A resource a frame asked for that may not reach a PDF."""


class _Fatal(FatalURLFetchingError):
    """Carries the refusal through WeasyPrint, which lets only this kind of error out."""

    def __init__(self, refused: RefusedResource) -> None:
        super().__init__(str(refused))
        self.refused = refused


def allowed_folders() -> list[Path]:
    return [paths.FONTS_DIR, paths.TEMPLATES_DIR / "html"]


class ConfinedFetcher(URLFetcher):
    """Serves `sources` (url → bytes, with their media type), `data:` URLs, and `file:` URLs of
    regular files inside the fonts and the HTML frame's folders; refuses everything else."""

    def __init__(
        self, sources: dict[str, bytes] | None = None, mime: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(allowed_protocols=("file", "data"))
        self.sources = sources or {}
        self.mime = mime or (lambda url: "")

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if url in self.sources:
            return URLFetcherResponse(url, self.sources[url], {"Content-Type": self.mime(url)})
        scheme = url.partition(":")[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise _Fatal(
                RefusedResource(
                    f"le modèle demande « {url} » : aucune adresse réseau n'est lue, seuls les "
                    "polices et les fichiers du dossier templates/html/ peuvent entrer dans un PDF"
                )
            )
        path = Path(unquote(urlparse(url).path))
        if path.suffix.lower() in html_fonts.FORMATS:  # a font: ours, by name if need be
            try:
                path = html_fonts.font_file(str(path), Path("/"))
            except OutputError as error:
                raise _Fatal(RefusedResource(f"le modèle demande « {url} » : {error}")) from None
            url = path.as_uri()
        try:  # read once, through the same check as every file: what was checked is served
            body = access.read_bytes(path, allowed_folders())
        except access.AccessRefused as refused:
            raise _Fatal(
                RefusedResource(f"le modèle demande « {url} » : {refused.reason}")
            ) from None
        except OSError as error:
            raise _Fatal(
                RefusedResource(f"le modèle demande « {url} » : {error.strerror or error}")
            ) from None
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime})


def unwrap(error: FatalURLFetchingError) -> TemplateError:
    return error.refused if isinstance(error, _Fatal) else RefusedResource(str(error))


__all__ = ["ConfinedFetcher", "RefusedResource", "allowed_folders", "unwrap"]
