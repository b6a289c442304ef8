"""`ctgdocs serve` (issue 21, first piece): the home page of the territories and their
documents' states, the build from the browser, the built files served, and the app's guards:
traversal, CSRF, oversized requests, markup in the data, the token beyond localhost."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from ctgdocs.app import build
from ctgdocs.cli import main
from ctgdocs.serve.app import application
from ctgdocs.serve.securite import TAILLE_MAX

ROOT = Path(__file__).resolve().parent.parent
PRADET = ROOT / "data" / "le-pradet"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    donnees = tmp_path / "data"
    shutil.copytree(PRADET, donnees / "le-pradet")
    return donnees, tmp_path / "output"


def client(site: tuple[Path, Path], jeton: str | None = None) -> TestClient:
    return TestClient(application(*site, build, jeton=jeton), follow_redirects=False)


def csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', page)
    assert found
    return found.group(1)


def test_the_home_page_lists_each_document_and_its_state(site) -> None:
    c = client(site)
    page = c.get("/")
    assert page.status_code == 200
    assert '<h2 id="le-pradet">le-pradet</h2>' in page.text
    assert (
        '<td><a href="/documents/le-pradet/acte-engagement">acte-engagement</a></td>' in page.text
    )
    assert "<td>DOCX · HTML · PDF</td>" in page.text  # not built yet: no link
    assert "à reconstruire (nouveau" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-content-type-options"] == "nosniff"


def test_a_build_from_the_page_then_its_files(site) -> None:
    c = client(site)
    jeton = csrf(c.get("/").text)
    assert c.post("/construire", data={"csrf": "0" * 64}).status_code == 403
    assert c.post("/construire").status_code == 403
    reponse = c.post("/construire", data={"csrf": jeton})
    assert (reponse.status_code, reponse.headers["location"]) == (303, "/")
    page = c.get("/").text
    assert "Résumé : 3 écrits, 0 inchangé, 0 en échec, 0 protégé." in page
    assert '<a href="/sorties/le-pradet/acte-engagement.pdf">PDF</a>' in page
    assert "à jour" in page
    pdf = c.get("/sorties/le-pradet/acte-engagement.pdf")
    assert (pdf.status_code, pdf.headers["content-type"]) == (200, "application/pdf")
    assert pdf.content.startswith(b"%PDF-")
    html = c.get("/sorties/le-pradet/acte-engagement.html")
    assert "text/html" in html.headers["content-type"] and "Le Pradet" in html.text


@pytest.mark.parametrize(
    "chemin",
    [
        "/sorties/../manifest.json",
        "/sorties/le-pradet/..%2F..%2Fdata%2Fle-pradet%2Fterritoire.yaml",
        "/sorties/%2e%2e/manifest.json",
        "/sorties/le-pradet/%2e%2e",
        "/sorties/le-pradet/.ctgdocs",
        "/sorties/.ctgdocs/verrou",
        "/sorties/le-pradet/lien.pdf",
        "/sorties/le-pradet/territoire.yaml",
    ],
)
def test_nothing_outside_the_output_is_served(site, chemin: str) -> None:
    donnees, sortie = site
    (sortie / "le-pradet").mkdir(parents=True)
    (sortie / "le-pradet" / "lien.pdf").symlink_to(donnees / "le-pradet" / "territoire.yaml")
    shutil.copy(donnees / "le-pradet" / "territoire.yaml", sortie / "le-pradet")
    reponse = client(site).get(chemin)
    assert reponse.status_code == 404
    assert "organisations" not in reponse.text


def test_an_oversized_request_is_refused(site) -> None:
    c = client(site)
    reponse = c.post("/construire", content=b"x" * (TAILLE_MAX + 1))
    assert (reponse.status_code, reponse.text) == (413, "requête trop grande : 1000 ko au plus")


def test_markup_in_the_data_stays_text(site) -> None:
    donnees, _ = site
    f = donnees / "le-pradet" / "acte.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace(
            "      ci_apres: la Caf", "      ci_apres: <script>alert(1)</script>", 1
        ),
        encoding="utf-8",
    )
    f = donnees / "le-pradet" / "territoire.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace('departement: "83"', 'departement: "<b>83</b>"', 1),
        encoding="utf-8",
    )
    page = client(site).get("/").text
    assert "<b>83</b>" not in page and "&lt;b&gt;83&lt;/b&gt;" in page
    assert "<script>" not in page


def test_beyond_this_machine_a_token_is_asked(site) -> None:
    c = client(site, jeton="secret-de-test")
    refus = c.get("/")
    assert refus.status_code == 401
    assert refus.text.startswith("accès refusé : ouvrez l'adresse avec son jeton")
    assert c.get("/?jeton=faux").status_code == 401
    entree = c.get("/?jeton=secret-de-test")
    assert (entree.status_code, entree.headers["location"]) == (303, "http://testserver/")
    assert c.get("/").status_code == 200  # the cookie now carries it


def test_serve_listens_on_localhost_and_asks_a_token_elsewhere(monkeypatch, tmp_path) -> None:
    lances: list[dict[str, object]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: lances.append(kw))
    result = CliRunner().invoke(main, ["serve", str(PRADET.parent), "--output", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout == "ctgdocs serve : http://127.0.0.1:8000/ (Ctrl+C pour arrêter)\n"
    assert lances[-1]["host"] == "127.0.0.1"
    result = CliRunner().invoke(
        main, ["serve", str(PRADET.parent), "--hote", "0.0.0.0", "--port", "8123"]
    )
    assert result.exit_code == 0
    assert re.fullmatch(
        r"ctgdocs serve : http://0\.0\.0\.0:8123/\?jeton=[A-Za-z0-9_-]{32} \(Ctrl\+C pour arrêter\)\n",
        result.stdout,
    )
