"""`ctgdocs serve` in a real browser (issue 21): Debian's chromium, headless, driven by Selenium
through chromedriver (tools/setup_system.sh installs both).

A clerk's séance from creation to PDF, without touching a file: the server is started as a
user starts it (`ctgdocs serve DATA --output OUT --port P`, a free port) over a copy of the
Vallée des Baux-Alpilles; the clerk opens the home page, creates a séance for Maussane with one
member fewer than the quorum and sees the quorum message on the roll as it is typed; ticks the
missing member and sees it go; fills the deliberation, sees its counts, shows the change, saves
it, produces the documents, and downloads the PDF, whose text has the computed counts. The file
written validates and is the one a person writes (tests/golden/serve/).

The screenshots of the walkthrough (docs/application.md) are taken here: `make captures` runs
this test with CAPTURES=docs/images/application, where they are written; otherwise they go to
the test's temporary folder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ctgdocs.app import validate

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BAUX = ROOT / "data" / "vallee-des-baux-alpilles"
ATTENDU = Path(__file__).parent / "golden" / "serve" / "2026-03-12-maussane-les-alpilles.yaml"
PDF = "maussane-les-alpilles-deliberation-2026-14.pdf"
ATTENTE = 60  # seconds a step may take at most (a build of the territory: a few seconds)


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serveur(tmp_path: Path):
    """The app as a user starts it, on a free port; its address, data and output folders."""
    donnees, sortie = tmp_path / "data", tmp_path / "output"
    shutil.copytree(BAUX, donnees / BAUX.name)
    port = port_libre()
    # run from the folder that holds them, named as a user names them: « data », « output »
    commande = [sys.executable, "-m", "ctgdocs", "serve", "data", "--output", "output"]
    process = subprocess.Popen(
        [*commande, "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    adresse = f"http://127.0.0.1:{port}"
    fin = time.monotonic() + ATTENTE
    while True:
        try:
            urllib.request.urlopen(adresse + "/", timeout=5).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > fin:
                process.kill()
                sortie_serveur = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"ctgdocs serve n'a pas démarré : {sortie_serveur}")
            time.sleep(0.2)
    yield adresse, donnees, sortie
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def navigateur(tmp_path: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binaire, pilote = shutil.which("chromium"), shutil.which("chromedriver")
    if binaire is None or pilote is None:
        pytest.fail("chromium ou chromedriver absent : make setup les installe")
    options = webdriver.ChromeOptions()
    options.binary_location = binaire
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--lang=fr-FR",
        "--window-size=1100,1400",
        f"--user-data-dir={tmp_path / 'profil'}",
    ):
        options.add_argument(argument)
    telechargements = tmp_path / "telechargements"
    telechargements.mkdir()
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(telechargements),
            "download.prompt_for_download": False,
            "plugins.always_open_pdf_externally": True,  # a PDF link downloads the file
            "intl.accept_languages": "fr-FR,fr",
        },
    )
    # chromium on Linux takes its locale (a date field's order: jj/mm/aaaa) from the environment
    env = {**os.environ, "LANGUAGE": "fr", "LANG": "fr_FR.UTF-8"}
    driver = webdriver.Chrome(service=Service(pilote, env=env), options=options)
    yield driver, telechargements
    driver.quit()


def test_a_clerk_creates_checks_saves_and_builds_a_seance(serveur, navigateur, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    adresse, donnees, sortie = serveur
    d, telechargements = navigateur
    captures = Path(os.environ.get("CAPTURES") or tmp_path / "captures")
    captures.mkdir(parents=True, exist_ok=True)
    attendre = WebDriverWait(d, ATTENTE)

    def champ(nom: str):
        return d.find_element(By.ID, nom)

    def message(nom: str) -> str:
        return d.find_element(By.CSS_SELECTOR, f'[data-champ="{nom}"]').text

    def verifie() -> None:
        """Wait for the check of the last change to be on the page."""
        attendre.until(lambda _: d.find_element(By.ID, "seance").get_attribute("data-verifie"))

    def ecrire(nom: str, texte: str) -> None:
        element = champ(nom)
        element.clear()
        element.send_keys(texte)

    def date(nom: str, iso: str) -> None:
        """A date, set as the field's own picker sets it: its value, then the events a choice
        fires (typing depends on the locale headless chromium keeps, here mm/dd/yyyy)."""
        d.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            champ(nom),
            iso,
        )
        assert champ(nom).get_attribute("value") == iso

    def capture(nom: str, element_id: str | None = None) -> None:
        cible = (
            d.find_element(By.ID, element_id) if element_id else d.find_element(By.TAG_NAME, "body")
        )
        d.execute_script("arguments[0].scrollIntoView(true);", cible)
        cible.screenshot(str(captures / f"{nom}.png"))

    # 1. The home page: the territory, its documents to build, « nouvelle séance »
    d.get(adresse + "/")
    assert "Les territoires de" in d.find_element(By.TAG_NAME, "h1").text
    capture("1-accueil")
    d.find_element(By.LINK_TEXT, "nouvelle séance : Maussane-les-Alpilles").click()
    assert d.find_element(By.TAG_NAME, "h1").text == "Séance du conseil : Maussane-les-Alpilles"

    # 2. The séance: 9 présents of 19 members, one fewer than the quorum of 10
    date("seance.date", "2026-03-12")
    ecrire("seance.heure", "18h30")
    ecrire("seance.lieu", "en l'Hôtel de Ville")
    date("seance.convocation", "2026-03-05")
    d.find_element(
        By.CSS_SELECTOR, 'input[name="seance.secretaires"][value="bernadette-samuel"]'
    ).click()
    membres = [
        b.get_attribute("value")
        for b in d.find_elements(By.CSS_SELECTOR, 'input[name="seance.presents"]')
    ]
    assert len(membres) == 19
    for membre in membres[:9]:
        champ(f"membre.{membre}").click()
    Select(champ("pouvoir.thierry-fabre")).select_by_visible_text("Marc FUSAT")
    # only the présents are offered a pouvoir: an absent member's option is disabled
    options = {o.text: o.is_enabled() for o in Select(champ("pouvoir.thierry-fabre")).options}
    assert options["Marc FUSAT"] and not options["Lucie BABIN"]
    verifie()
    attendre.until(lambda _: message("seance.presents"))
    assert message("seance.presents").startswith(
        "quorum non atteint : 9 présents pour un quorum de 10 (la majorité des 19 membres "
        "en exercice, CGCT L2121-17)"
    )
    comptes = d.find_element(By.CSS_SELECTOR, '[data-comptes="ouverture"]').text
    assert comptes.startswith("9 présents, 1 représenté ; quorum 10 : non atteint")
    capture("2-quorum-non-atteint", "presence")

    # 3. The tenth member arrives: the message goes, the quorum is reached
    champ("membre.marie-pierre-callet").click()
    verifie()
    attendre.until(lambda _: not message("seance.presents"))
    assert (
        "quorum 10 : atteint" in d.find_element(By.CSS_SELECTOR, '[data-comptes="ouverture"]').text
    )

    # 4. The deliberation: a clause of the library, a paragraph, a decision, the vote
    ecrire("d.0.numero", "2026-14")
    ecrire("d.0.objet", "Convention territoriale globale : avenant n° 1")
    Select(champ("d.0.expose.0.clause")).select_by_visible_text("presentation_ctg")
    d.find_element(By.CSS_SELECTOR, 'button[value="ajouter:expose.0"]').click()
    ecrire("d.0.expose.1.texte", "Le conseil est invité à approuver l'avenant.")
    ecrire("d.0.decisions.0.verbe", "approuver")
    ecrire("d.0.decisions.0.texte", "l'avenant n° 1 à la convention territoriale globale")
    champ("d.0.vote.chiffres").click()
    ecrire("d.0.pour", "10")
    ecrire("d.0.contre", "0")
    ecrire("d.0.abstentions", "2")
    verifie()
    attendre.until(lambda _: message("d.0.vote"))
    assert message("d.0.vote").startswith(
        "pour + contre + abstentions = 12, mais il y a 11 votants"
    )
    capture("3-vote-faux", "deliberation-0")
    ecrire("d.0.abstentions", "1")
    verifie()
    attendre.until(lambda _: not message("d.0.vote"))
    comptes = d.find_element(By.CSS_SELECTOR, '[data-comptes="0"]').text
    assert comptes.endswith(
        "11 votants : 10 pour, 0 contre, 1 abstention : adoptée à l'unanimité des suffrages "
        "exprimés"
    )
    assert not d.find_element(By.ID, "generaux").is_displayed()

    # 5. The change shown, then saved
    champ("preparer").click()
    assert "+  date: 2026-03-12" in d.find_element(By.CSS_SELECTOR, "pre.diff").text
    capture("4-ce-qui-sera-enregistre", "diff")
    champ("enregistrer").click()
    assert champ("enregistre").text.startswith("Séance enregistrée dans vallee-des-baux-alpilles/")
    ecrit = donnees / BAUX.name / "seances" / "2026-03-12-maussane-les-alpilles.yaml"
    assert (
        ecrit.read_text(encoding="utf-8").split("\n", 1)[1]
        == ATTENDU.read_text(encoding="utf-8").split("\n", 1)[1]
    )
    validate([donnees / BAUX.name])

    # 6. The documents built, the PDF downloaded: its counts are the computed ones
    champ("construire").click()
    lien = WebDriverWait(d, ATTENTE).until(lambda _: d.find_element(By.PARTIAL_LINK_TEXT, PDF))
    capture("5-documents-produits", "production")
    assert (sortie / BAUX.name / PDF).is_file()
    lien.click()
    telecharge = telechargements / PDF
    WebDriverWait(d, ATTENTE).until(lambda _: telecharge.is_file())
    texte = subprocess.run(
        ["pdftotext", str(telecharge), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Membres en exercice : 19 ; présents : 10 ; représentés : 1 ; votants : 11." in texte
    assert (
        "à l'unanimité des\nsuffrages exprimés" in texte
        or "à l'unanimité des suffrages exprimés" in texte
    )
    assert "Pouvoirs : Thierry FABRE a donné pouvoir à Marc FUSAT." in texte
