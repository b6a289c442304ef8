"""The seeds are found through CTGDOCS_SEEDS, default ../shared/seeds; absent, their tests skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import seeds


def test_an_absent_default_folder_skips_with_how_to_get_the_seeds(tmp_path, monkeypatch):
    monkeypatch.delenv(seeds.VARIABLE, raising=False)
    monkeypatch.setattr(seeds, "DEFAULT", tmp_path / "shared" / "seeds")
    with pytest.raises(pytest.skip.Exception) as skipped:
        seeds.seed("003")
    reason = str(skipped.value)
    assert "documents témoins absents de" in reason
    assert "../shared/seeds" in reason and "CTGDOCS_SEEDS" in reason


def test_the_setting_names_the_folder(tmp_path, monkeypatch):
    (tmp_path / "003_abc.txt").write_text("Le texte témoin", encoding="utf-8")
    monkeypatch.setenv(seeds.VARIABLE, str(tmp_path))
    assert seeds.seed("003") == "Le texte témoin"


def test_a_setting_that_names_no_seed_is_an_error_not_a_skip(tmp_path, monkeypatch):
    monkeypatch.setenv(seeds.VARIABLE, str(tmp_path))
    with pytest.raises(
        FileNotFoundError, match=r"CTGDOCS_SEEDS=.* : aucun document témoin 003_\*\.txt"
    ):
        seeds.seed("003")


def test_two_seeds_of_one_number_are_an_error(tmp_path, monkeypatch):
    for stem in ("003_a", "003_b"):
        (tmp_path / f"{stem}.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv(seeds.VARIABLE, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="plusieurs documents témoins"):
        seeds.seed("003")


def test_the_default_is_shared_beside_the_repository():
    root = Path(__file__).resolve().parent.parent
    assert root.parent / "shared" / "seeds" == seeds.DEFAULT
