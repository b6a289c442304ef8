"""The examples reproduce the seed documents, with the seeds' slips fixed."""

from __future__ import annotations

import pytest

from conftest import DATA
from ctgdocs.app import plan, validate
from ctgdocs.render.tree import plain_text
from support.seeds import seed
from support.similarity import similarity, words


@pytest.fixture(scope="module")
def textes() -> dict[str, str]:
    docs = plan(validate([DATA]), ["deliberation"])
    return {doc.stem: plain_text(doc.render().tree) for doc in docs}


def test_maussane_matches_seed_003(textes):
    text = textes["maussane-les-alpilles-deliberation-2022-07-29-07"]
    assert similarity(text, seed("003")) >= 0.95


def test_poitiers_matches_seed_000(textes):
    text = textes["poitiers-deliberation-2022-0301"]
    assert similarity(text, seed("000")) >= 0.85


def test_the_mayor_is_spelled_one_way(textes):
    """The seed writes CARRÉ then CARRE: one record, one spelling."""
    text = textes["maussane-les-alpilles-deliberation-2022-07-29-07"]
    assert "CARRE" in seed("003") and "CARRÉ" in seed("003")
    assert text.count("CARRÉ") == 5 and "CARRE " not in text and "CARRE\n" not in text


def test_counts_are_computed(textes):
    text = " ".join(words(textes["maussane-les-alpilles-deliberation-2022-07-29-07"]))
    assert "comporte onze signataires qui sont les dix communes" in text
    assert "porte trois enjeux et se décline en cinq axes stratégiques" in text
    assert "repose sur quatre missions essentielles" in text
    assert "membres en exercice 19 présents 10 représentés 8 votants 18" in text


def test_poitiers_shows_consistent_counts(textes):
    """The seed printed 0 members beside a quorum of 27; ours shows counts that agree."""
    text = " ".join(words(textes["poitiers-deliberation-2022-0301"]))
    assert "membres en exercice 53 quorum 27 présents 41 absents 12 mandats 9" in text
    assert "identifiant de télétransmission 086 218601946 20230626 2022_0301 de" in text


def test_sanitary_visa_is_added_when_the_derogation_is_used(textes):
    text = textes["maussane-les-alpilles-deliberation-2022-07-29-07"]
    assert (
        "Vu la loi n° 2021-1465 du 10 novembre 2021 portant diverses dispositions de vigilance sanitaire,"
        in text
    )
    assert "Vu la loi" not in textes["poitiers-deliberation-2022-0301"]


def test_house_style_mil_for_maussane(textes):
    text = textes["maussane-les-alpilles-deliberation-2022-07-29-07"]
    assert text.count("Le vingt-neuf juillet deux mil vingt-deux à dix-neuf heures") == 1
