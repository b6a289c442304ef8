"""« vote: unanimite » (issue 19): a vote recorded at unanimity is not typed as figures; with
the roll known they are computed (pour = votants, contre = abstentions = 0), and printed, listed
and exported as if written. Refused, located, where it cannot be."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import DATA
from ctgdocs.app import BuildOptions, build
from ctgdocs.cli import main
from support.extract import docx_text, html_text

POITIERS = "grand-poitiers"
SEANCE = "seances/2023-06-26-poitiers.yaml"
CHIFFRES = "vote: {pour: 50, contre: 0, abstentions: 0}"


def _textes(dossier: Path, out: Path) -> dict[str, str]:
    assert build([dossier], BuildOptions(output=out, formats=("docx", "html"), jobs=1)).ok
    found = {}
    for path in sorted((out / dossier.name).glob("*deliberation*")):
        reader = docx_text if path.suffix == ".docx" else html_text
        found[path.name] = reader(path)
    return found


def _scdl(dossier: Path) -> str:
    result = CliRunner().invoke(main, ["export", "scdl", str(dossier)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_unanimity_prints_lists_and_exports_the_figures_the_roll_gives(copie, tmp_path) -> None:
    c = copie(POITIERS)
    avant = _textes(c.dir, tmp_path / "avant")
    scdl_avant = _scdl(c.dir)
    c.edit(SEANCE, CHIFFRES, "vote: unanimite")
    assert c.problems() == []
    apres = _textes(c.dir, tmp_path / "apres")
    assert apres == avant and apres  # the same words: « à l'unanimité », the same counts
    assert _scdl(c.dir) == scdl_avant  # VOTE_POUR 50, VOTE_CONTRE 0, VOTE_ABSTENTION 0


def test_unanimity_with_figures_is_refused(copie) -> None:
    c = copie(POITIERS)
    c.edit(SEANCE, CHIFFRES, "vote: {unanimite: true, pour: 50}")
    n = c.line(SEANCE, "unanimite: true")
    (problem,) = c.problems()
    assert problem.startswith(f"{POITIERS}/{SEANCE}:{n}:")
    assert problem.endswith(
        "deliberations[0].vote : un vote à l'unanimité ne donne pas ses nombres : ils sont "
        "calculés (pour = votants)"
    )


def test_a_vote_without_its_figures_is_refused(copie) -> None:
    c = copie(POITIERS)
    c.edit(SEANCE, CHIFFRES, "vote: {pour: 50, contre: 0}")
    (problem,) = c.problems()
    assert problem.endswith(
        "deliberations[0].vote : un vote donne pour, contre et abstentions, ou s'écrit "
        "« vote: unanimite »"
    )


def test_unanimity_needs_a_votant(copie) -> None:
    c = copie(POITIERS)
    c.edit(SEANCE, CHIFFRES, "vote: {unanimite: true, ne_prennent_pas_part: 50}")
    n = c.line(SEANCE, "unanimite: true")
    assert c.problems() == [
        f"{POITIERS}/{SEANCE}:{n}:5: deliberations[0].vote : un vote à l'unanimité demande au "
        "moins un votant : tous les présents et représentés ne prennent pas part au vote"
    ]


def test_unanimity_has_no_casting_vote(copie) -> None:
    c = copie(POITIERS)
    c.edit(SEANCE, CHIFFRES, "vote: {unanimite: true, voix_du_president: pour}")
    (problem,) = c.problems()
    assert problem.endswith(
        "deliberations[0].vote.voix_du_president : voix_du_president ne sert qu'en cas de "
        "partage égal des voix"
    )


def test_the_example_counts_are_those_unanimity_gives() -> None:
    """The two examples written in figures are unanimous: unanimity would give the same."""
    from ctgdocs.app import validate
    from ctgdocs.rules.vote import compte, votants

    for d in validate([DATA / POITIERS, DATA / "grand-chatellerault"]):
        for s in d.seances:
            for delib in s.model.deliberations:
                assert compte(s.model, delib).pour == votants(s.model, delib)
