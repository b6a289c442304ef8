"""Tests of French typographic spacing and ordinal superscripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctgdocs.fr.typographie import espaces_fr, segments_ordinaux

NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ; ! ? take a narrow no-break space
        ("Pouvoirs;", f"Pouvoirs{NNBSP};"),
        ("Pouvoirs ;", f"Pouvoirs{NNBSP};"),
        ("Pouvoirs   ; suite", f"Pouvoirs{NNBSP}; suite"),
        (f"Pouvoirs{NNBSP};", f"Pouvoirs{NNBSP};"),
        (f"Pouvoirs{NBSP};", f"Pouvoirs{NNBSP};"),
        ("Vraiment!", f"Vraiment{NNBSP}!"),
        ("Vraiment !", f"Vraiment{NNBSP}!"),
        ("Qui vote pour?", f"Qui vote pour{NNBSP}?"),
        ("Qui ? Quand ?", f"Qui{NNBSP}? Quand{NNBSP}?"),
        ("Quoi?!", f"Quoi{NNBSP}?!"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("Quoi !?", f"Quoi{NNBSP}!?"),
        ("(voir ci-dessus?)", f"(voir ci-dessus{NNBSP}?)"),
        ("« Pourquoi?»", f"«{NBSP}Pourquoi{NNBSP}?{NBSP}»"),
        ("(?)", "(?)"),
        ("; en tête", "; en tête"),
        ("ligne\n; suite", "ligne\n; suite"),
        # : takes a no-break space
        ("Ordre du jour:", f"Ordre du jour{NBSP}:"),
        ("Ordre du jour :", f"Ordre du jour{NBSP}:"),
        ("Objet: convention", f"Objet{NBSP}: convention"),
        (f"Objet{NNBSP}: convention", f"Objet{NBSP}: convention"),
        ("Objet:\nconvention", f"Objet{NBSP}:\nconvention"),
        ("à 18:00", "à 18:00"),
        ("ratio 3:2", "ratio 3:2"),
        ("ID:ABC", "ID:ABC"),
        ("2022:1", "2022:1"),
        # « » take no-break spaces inside
        ("«texte»", f"«{NBSP}texte{NBSP}»"),
        ("« texte »", f"«{NBSP}texte{NBSP}»"),
        (f"«{NBSP}texte{NBSP}»", f"«{NBSP}texte{NBSP}»"),
        (f"«{NNBSP}texte{NNBSP}»", f"«{NBSP}texte{NBSP}»"),
        ("dit «oui» :", f"dit «{NBSP}oui{NBSP}»{NBSP}:"),
        ("«»", f"«{NBSP}»"),
        ("« »", f"«{NBSP}»"),
        ("«citation:»", f"«{NBSP}citation{NBSP}:{NBSP}»"),
        ("«\ntexte\n»", "«\ntexte\n»"),
        # URLs, e-mails and identifiers are left untouched
        ("https://www.caf.fr", "https://www.caf.fr"),
        ("Voir https://x.fr/a?b=1;c=2!", "Voir https://x.fr/a?b=1;c=2!"),
        ("Site : https://x.fr:8080/p?q", f"Site{NBSP}: https://x.fr:8080/p?q"),
        ("Voir https://x.fr ?", f"Voir https://x.fr{NNBSP}?"),
        ("www.caf.fr/page?id=3;x", "www.caf.fr/page?id=3;x"),
        ("mailto:mairie@ville.fr", "mailto:mairie@ville.fr"),
        ("«https://x.fr»", f"«{NBSP}https://x.fr{NBSP}»"),
        ("Écrire à mairie@ville.fr; merci", f"Écrire à mairie@ville.fr{NNBSP}; merci"),
        ("page?id=3", "page?id=3"),
        ("a;b", "a;b"),
        ("086-218601946-20230626-2022_0301-DE", "086-218601946-20230626-2022_0301-DE"),
        ("2022/07/29/07", "2022/07/29/07"),
        # nothing to do
        ("", ""),
        ("Texte simple.", "Texte simple."),
    ],
)
def test_espaces_fr(text: str, expected: str) -> None:
    assert espaces_fr(text) == expected


_ALPHABET = st.sampled_from(
    [*"ab1 :;!?«»/-_.,@()'\n", NBSP, NNBSP, "\u2009", "https://", "www.", "mailto:", "x@y.fr"]
)


@given(st.lists(_ALPHABET, max_size=30).map("".join))
@settings(max_examples=500)
def test_espaces_fr_is_idempotent(text: str) -> None:
    once = espaces_fr(text)
    assert espaces_fr(once) == once


@given(st.text(alphabet="abc-_/. \n", max_size=40) | st.text(alphabet="abc123-_/.\n", max_size=40))
def test_espaces_fr_leaves_text_without_signs(text: str) -> None:
    """Without signs, guillemets, or figures separated by spaces, nothing changes."""
    assert espaces_fr(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 1er", [("Article 1", False), ("er", True)]),
        ("le 1er août", [("le 1", False), ("er", True), (" août", False)]),
        ("la 1re réunion", [("la 1", False), ("re", True), (" réunion", False)]),
        ("les 1ers et 1res", [("les 1", False), ("ers", True), (" et 1", False), ("res", True)]),
        ("2e", [("2", False), ("e", True)]),
        ("les 2es places", [("les 2", False), ("es", True), (" places", False)]),
        ("le 21e siècle.", [("le 21", False), ("e", True), (" siècle.", False)]),
        ("(3e)", [("(3", False), ("e", True), (")", False)]),
        (
            "du 1er au 3e trimestre",
            [("du 1", False), ("er", True), (" au 3", False), ("e", True), (" trimestre", False)],
        ),
        (f"le 1{NNBSP}000e", [(f"le 1{NNBSP}000", False), ("e", True)]),
        # not ordinals
        ("XIXe siècle", [("XIXe siècle", False)]),
        ("2022_0301", [("2022_0301", False)]),
        ("086-218601946-20230626-2022_0301-DE", [("086-218601946-20230626-2022_0301-DE", False)]),
        ("2022/07/29/07", [("2022/07/29/07", False)]),
        ("A1er", [("A1er", False)]),
        ("_1er", [("_1er", False)]),
        ("x-2e", [("x-2e", False)]),
        ("a/2e", [("a/2e", False)]),
        ("1erx", [("1erx", False)]),
        ("3e4", [("3e4", False)]),
        ("1e-3", [("1e-3", False)]),
        ("0x1e", [("0x1e", False)]),
        ("1,5e", [("1,5e", False)]),
        ("2ème", [("2ème", False)]),
        ("Texte sans ordinal", [("Texte sans ordinal", False)]),
        ("", []),
    ],
)
def test_segments_ordinaux(text: str, expected: list[tuple[str, bool]]) -> None:
    assert segments_ordinaux(text) == expected


@given(st.text(alphabet="1234 eérsx-_/A", max_size=30))
def test_segments_ordinaux_rejoin(text: str) -> None:
    segments = segments_ordinaux(text)
    assert "".join(part for part, _ in segments) == text
    assert all(part for part, _ in segments)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "84 904 habitants, soit 19,4 % des habitants",
            "84\u202f904 habitants, soit 19,4\u00a0% des habitants",
        ),
        ("un coût de 48 000 € par an", "un coût de 48\u202f000\u00a0€ par an"),
        ("1 234 567 et 12 000,50 €", "1\u202f234\u202f567 et 12\u202f000,50\u00a0€"),
        # Not thousands: years side by side, a law's number, a group of four digits.
        ("la Cog 2018 2022", "la Cog 2018 2022"),
        ("loi n° 78-17 du 6 janvier 1978", "loi n° 78-17 du 6 janvier 1978"),
        ("les 4 communes et 1234 567", "les 4 communes et 1234 567"),
        # Inside an address, figures are left as typed.
        ("https://exemple.fr/a%20b?x=1 000", "https://exemple.fr/a%20b?x=1 000"),
    ],
)
def test_figures_do_not_break(text: str, expected: str) -> None:
    assert espaces_fr(text) == expected
