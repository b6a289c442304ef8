import datetime
import time
from pathlib import Path

import pytest
import yaml

from ctgdocs.errors import Location
from ctgdocs.load import yamlfile
from ctgdocs.load.yamlfile import Mark, parse_yaml, read_yaml

ALIAS = (
    "les ancres et alias YAML (& et *) ne sont pas acceptés : écrivez la valeur, "
    "ou faites référence à l'identifiant"
)
COLON = (
    "deux-points inattendu : une valeur contenant « : » doit être entre guillemets, "
    "ou l'indentation est incorrecte"
)
LOADERS = [yamlfile._Loader, yamlfile._PyLoader]


@pytest.fixture(params=LOADERS, ids=lambda c: c.__name__)
def both_loaders(request, monkeypatch):
    """Run a test with the libyaml loader and with the pure-Python fallback."""
    monkeypatch.setattr(yamlfile, "_Loader", request.param)


def problems(text: str) -> list[tuple[str, int | None, int | None]]:
    doc = parse_yaml(text, "f.yaml")
    return [(p.message, p.location.line, p.location.col) for p in doc.problems]


def one_problem(text: str) -> tuple[str, int | None, int | None]:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


# --- happy path -------------------------------------------------------------------------------


NESTED = """\
# en-tête
a:
  b:
    - x
    - y: 1
      z: [2, 3]
c: texte
"""


def test_nested_data_and_marks():
    doc = parse_yaml(NESTED, "f.yaml")
    assert doc.problems == []
    assert doc.data == {"a": {"b": ["x", {"y": 1, "z": [2, 3]}]}, "c": "texte"}
    assert doc.file == "f.yaml"
    assert doc.marks.file == "f.yaml"
    assert doc.marks.key(("a",)) == Mark(2, 1)
    assert doc.marks.value(("a",)) == Mark(3, 3)
    assert doc.marks.key(("a", "b")) == Mark(3, 3)
    assert doc.marks.value(("a", "b")) == Mark(4, 5)
    assert doc.marks.value(("a", "b", 0)) == Mark(4, 7)
    assert doc.marks.value(("a", "b", 1)) == Mark(5, 7)
    assert doc.marks.key(("a", "b", 1)) is None  # list items have no key
    assert doc.marks.key(("a", "b", 1, "z")) == Mark(6, 7)
    assert doc.marks.value(("a", "b", 1, "z", 1)) == Mark(6, 14)
    assert doc.marks.value(("c",)) == Mark(7, 4)


def test_nearest_walks_up_to_the_parent_then_the_root():
    marks = parse_yaml(NESTED, "f.yaml").marks
    assert marks.value(("a", "b", 7, "nom")) is None
    assert marks.nearest(("a", "b", 1, "y")) == Mark(5, 7)  # the key of y
    assert marks.nearest(("a", "b", 1)) == Mark(5, 7)  # a list item: its value
    assert marks.nearest(("a", "b", 7, "nom")) == Mark(3, 3)  # up to the key of b
    assert marks.nearest(("absent",)) == Mark(1, 1)
    assert marks.nearest(()) == Mark(1, 1)
    assert marks.location(("a", "b", 7)) == Location("f.yaml", 3, 3)
    assert marks.location(["c"]) == Location("f.yaml", 7, 1)


def test_scalars_yaml_1_2_like():
    text = """\
date: 2024-03-12
heure: 19:00
duree: 1:30:00
vrai: true
faux: FALSE
oui: yes
non: no
on: off
entier: 42
negatif: -3
decimal: 12.5
code_postal: 01000
horodatage: 2024-03-12 10:00:00
date_courte: 2024-3-5
vide:
tilde: ~
nul: null
virgule: 3,5
"""
    doc = parse_yaml(text, "f.yaml")
    assert doc.problems == []
    assert doc.data == {
        "date": datetime.date(2024, 3, 12),
        "heure": "19:00",
        "duree": "1:30:00",
        "vrai": True,
        "faux": False,
        "oui": "yes",
        "non": "no",
        "on": "off",
        "entier": 42,
        "negatif": -3,
        "decimal": 12.5,
        "code_postal": "01000",
        "horodatage": "2024-03-12 10:00:00",
        "date_courte": "2024-3-5",
        "vide": None,
        "tilde": None,
        "nul": None,
        "virgule": "3,5",
    }
    assert type(doc.data["date"]) is datetime.date
    assert type(doc.data["vrai"]) is bool


def test_quoted_strings_stay_text():
    doc = parse_yaml("a: \"2024-03-12\"\nb: 'true'\nc: \"12\"\nd: 'Séance : ordinaire'\n", "f")
    assert doc.problems == []
    assert doc.data == {"a": "2024-03-12", "b": "true", "c": "12", "d": "Séance : ordinaire"}


def test_unicode_text(tmp_path):
    path = tmp_path / "données.yaml"
    path.write_text("commune: Saint-Étienne-du-Rouvray\nmaire: « Zoé » Œuvre 🎉\n", "utf-8")
    doc = read_yaml(path)
    assert doc.problems == []
    assert doc.data == {"commune": "Saint-Étienne-du-Rouvray", "maire": "« Zoé » Œuvre 🎉"}
    assert doc.file == str(path)


def test_columns_count_characters_not_bytes():
    doc = parse_yaml("é: {à: 1, ü: 2}\n", "f")
    assert doc.marks.key(("é", "ü")) == Mark(1, 11)


def test_global_pyyaml_resolvers_untouched():
    parse_yaml("a: yes\n", "f")
    assert yaml.load("a: yes\nb: 1:30", Loader=yaml.SafeLoader) == {"a": True, "b": 90}


# --- file problems ----------------------------------------------------------------------------


def test_file_name_is_the_path_as_given(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("- a\n", "utf-8")
    doc = read_yaml(path)
    assert doc.problems[0].location == Location(str(path), 1, 1)


def test_missing_file(tmp_path):
    doc = read_yaml(tmp_path / "absent.yaml")
    assert doc.data is None
    assert [(p.message, p.location) for p in doc.problems] == [
        ("fichier introuvable", Location(str(tmp_path / "absent.yaml")))
    ]


def test_too_big(tmp_path):
    path = tmp_path / "gros.yaml"
    path.write_bytes(b"a: " + b"x" * (6 * 2**20) + b"\n")
    start = time.perf_counter()
    doc = read_yaml(path)
    assert time.perf_counter() - start < 1
    assert doc.data is None
    assert [(p.message, p.location) for p in doc.problems] == [
        ("fichier trop volumineux (6,0 Mo ; maximum 5 Mo)", Location(str(path)))
    ]


def test_too_big_text():
    assert problems("a: " + "é" * int(3.2 * 2**20)) == [
        ("fichier trop volumineux (6,4 Mo ; maximum 5 Mo)", None, None)
    ]


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("commune: Montréal\nmaire: Zoé\n".encode("latin-1"))
    doc = read_yaml(path)
    assert doc.data is None
    assert [(p.message, p.location) for p in doc.problems] == [
        (
            "le fichier n'est pas encodé en UTF-8 (octet 0xE9 invalide) : enregistrez-le en UTF-8",
            Location(str(path), 1, 15),
        )
    ]


def test_not_utf8_after_valid_multibyte(tmp_path):
    path = tmp_path / "mixte.yaml"
    path.write_bytes("a: 1\nété: ".encode() + b"\xff\n")
    assert read_yaml(path).problems[0].location == Location(str(path), 2, 6)


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfcommune: Lyon\n")
    doc = read_yaml(path)
    assert doc.problems == []
    assert doc.data == {"commune": "Lyon"}
    assert doc.marks.key(("commune",)) == Mark(1, 1)


def test_bom_in_text_is_accepted():
    assert parse_yaml("\ufeffa: 1\n", "f").data == {"a": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: x\x07y\n", [("caractère de contrôle U+0007 interdit", 2, 5)]),
        (
            "a: \x00\nb: \x1b\n",
            [
                ("caractère de contrôle U+0000 interdit", 1, 4),
                ("caractère de contrôle U+001B interdit", 2, 4),
            ],
        ),
    ],
)
def test_control_characters(text, expected):
    assert problems(text) == expected


def test_control_characters_in_file(tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: 1\r\nb: \x00\r\n")
    doc = read_yaml(path)
    assert doc.data is None
    assert [(p.message, p.location) for p in doc.problems] == [
        ("caractère de contrôle U+0000 interdit", Location(str(path), 2, 4))
    ]


def test_tab_lf_cr_are_allowed():
    assert parse_yaml("a:\t1\r\nb: 'x\ty'\r\n", "f").data == {"a": 1, "b": "x\ty"}


@pytest.mark.parametrize("text", ["", "\n\n", "# rien\n  # toujours rien\n", "---\n", "~\n"])
def test_empty(text):
    doc = parse_yaml(text, "f.yaml")
    assert doc.data is None
    assert problems(text) == [("fichier vide : aucune donnée", 1, 1)]


def test_several_documents():
    doc = parse_yaml("a: 1\n---\nb: 2\n", "f")
    assert doc.data == {"a": 1}
    assert problems("a: 1\n---\nb: 2\n") == [("un seul document YAML par fichier", 2, 1)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("- a\n- b\n", "une liste"),
        ("Bonjour, ceci est un texte\n", "un texte"),
        ("42\n", "un nombre"),
        ("4.5\n", "un nombre"),
    ],
)
def test_top_level_not_a_mapping(text, kind):
    assert one_problem(text) == (
        f"le fichier doit contenir des clés (un dictionnaire), pas {kind}",
        1,
        1,
    )


# --- content problems -------------------------------------------------------------------------


def test_impossible_date():
    text = "seance:\n  date: 2022-02-31\n"
    doc = parse_yaml(text, "f")
    assert doc.data == {"seance": {"date": "2022-02-31"}}
    assert one_problem(text) == (
        "date impossible « 2022-02-31 » : ce jour n'existe pas (format attendu AAAA-MM-JJ)",
        2,
        9,
    )


def test_duplicate_keys_all_reported_first_value_kept():
    text = """\
seance:
  lieu: mairie
  nom: premier
  nom: deuxième
  nom: troisième
autre: 1
autre: 2
"""
    doc = parse_yaml(text, "f")
    assert doc.data == {"seance": {"lieu": "mairie", "nom": "premier"}, "autre": 1}
    assert problems(text) == [
        ("clé « nom » en double (déjà définie ligne 3)", 4, 3),
        ("clé « nom » en double (déjà définie ligne 3)", 5, 3),
        ("clé « autre » en double (déjà définie ligne 6)", 7, 1),
    ]
    assert doc.marks.key(("seance", "nom")) == Mark(3, 3)
    assert doc.marks.value(("autre",)) == Mark(6, 8)


def test_problems_inside_a_duplicate_are_reported_without_its_marks():
    text = "a:\n  b: 1\na:\n  b: 2022-02-30\n"
    doc = parse_yaml(text, "f")
    assert doc.data == {"a": {"b": 1}}
    assert [p[1:] for p in problems(text)] == [(3, 1), (4, 6)]
    assert doc.marks.value(("a", "b")) == Mark(2, 6)


def test_non_string_keys():
    text = "1: x\n2022-01-01: y\ntrue: z\n"
    doc = parse_yaml(text, "f")
    assert doc.data == {"1": "x", "2022-01-01": "y", "true": "z"}
    assert problems(text) == [
        ("clé « 1 » : une clé doit être un texte", 1, 1),
        ("clé « 2022-01-01 » : une clé doit être un texte", 2, 1),
        ("clé « true » : une clé doit être un texte", 3, 1),
    ]


def test_collection_key():
    assert one_problem("? [a, b]\n: 1\n") == (
        "une clé doit être un texte, pas une liste",
        1,
        3,
    )


def test_anchor_and_alias(both_loaders):
    text = "a: &defaut Lyon\nb: *defaut\n"
    doc = parse_yaml(text, "f")
    assert doc.data == {"a": "Lyon", "b": None}
    assert problems(text) == [(ALIAS, 1, 4), (ALIAS, 2, 4)]


def test_merge_key(both_loaders):
    assert problems("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n") == [(ALIAS, 1, 7), (ALIAS, 3, 7)]
    assert problems("c:\n  <<: {x: 1}\n") == [(ALIAS, 2, 3)]


def test_billion_laughs_rejected_without_expansion(both_loaders):
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        text += f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
    start = time.perf_counter()
    doc = parse_yaml(text, "f")
    assert time.perf_counter() - start < 0.5
    assert [(p.message, p.location.line) for p in doc.problems] == [
        (ALIAS, line) for line in range(1, 10)
    ]
    assert doc.data["i"] == [None] * 9


def test_refused_tag():
    text = "a: !!python/object:os.system x\n"
    assert parse_yaml(text, "f").data == {"a": "x"}
    assert one_problem(text) == (
        "étiquette YAML « !!python/object:os.system » non acceptée : retirez-la",
        1,
        4,
    )


def test_too_deep():
    message, line, col = one_problem("a: " + "[" * 200 + "]" * 200 + "\n")
    assert (message, line, col) == ("structure trop imbriquée (plus de 100 niveaux)", 1, 103)


# --- syntax errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n\tb: 1\n", ("tabulation interdite : indentez avec des espaces", 2, 1)),
        ("a:\n  b: 1\n\tc: 2\n", ("tabulation interdite : indentez avec des espaces", 3, 1)),
        ("titre: Séance: ordinaire\n", (COLON, 1, 14)),
        ("a: 1\nb\nc: 2\n", ("« : » attendu après la clé", 3, 1)),
        ('a: 1\nb: "abc\nc: 2\n', ("guillemet non fermé", 2, 4)),
        ("a: 'abc\n", ("guillemet non fermé", 1, 4)),
        ("a:\n  - 1\n  b: 2\n", ("indentation incohérente", 3, 3)),
        ("a:\n    b: 1\n  c: 2\n", ("indentation incohérente", 3, 3)),
        ("- a\n- b\nc: 1\n", ("indentation incohérente", 3, 1)),
        (
            "a: [1, 2\nb: 3\n",
            ("liste entre crochets mal formée : « , » ou « ] » attendu", 2, 2),
        ),
        (
            "a: {b: 1\n",
            ("dictionnaire entre accolades mal formé : « , » ou « } » attendu", 2, 1),
        ),
        ("a: @b\n", ("caractère « @ » inattendu : mettez la valeur entre guillemets", 1, 4)),
        ("a: 1\n%YAML 1.2\n", ("syntaxe YAML invalide", 3, 1)),
    ],
)
def test_syntax_errors(both_loaders, text, expected):
    doc = parse_yaml(text, "f")
    assert doc.data is None
    assert problems(text) == [expected]


@pytest.mark.parametrize(
    ("problem", "context"),
    [
        ("found undefined alias 'x'", ""),
        ("second occurrence", "found duplicate anchor 'x'; first occurrence"),
    ],
)
def test_composer_alias_errors_translated(problem, context):
    assert yamlfile.msg.syntax_error(problem, context, "") == (ALIAS, False)


def test_unknown_syntax_error_is_not_english():
    assert yamlfile.msg.syntax_error("some new libyaml message", "while parsing", "x") == (
        "syntaxe YAML invalide",
        False,
    )


# --- performance ------------------------------------------------------------------------------


def test_a_large_file_is_read_whole_with_its_marks(tmp_path):
    """Its speed is the benchmark's (bench/: validate on synthetic territories), never a timing
    assertion here: one failed when two suites shared the machine."""
    lines = ["seance:", "  date: 2024-03-12", "  presents:"]
    for i in range(400):
        lines += [f"    - nom: Dupont {i}", "      qualite: conseillère"]
    lines.append("points:")
    for i in range(400):
        lines += [f"  - numero: {i}", f'    objet: "Objet {i} : vote"', "    pour: 12"]
    path: Path = tmp_path / "grand.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    doc = read_yaml(path)
    assert doc.problems == []
    assert len(doc.data["points"]) == 400
    assert doc.marks.value(("points", 399, "pour")) == Mark(2004, 11)


# --- \u escapes of UTF-16 pairs (as JSON writes an emoji) ------------------------------------


def test_a_pair_of_surrogate_escapes_is_the_character_it_stands_for():
    doc = parse_yaml('a: "famille \\ud83d\\udc6a et \\uD83D\\uDE00"\nb: 2\n', "f.yaml")
    assert doc.problems == []
    assert doc.data == {"a": "famille 👪 et 😀", "b": 2}
    assert doc.marks.value(("b",)) == Mark(2, 4)


def test_many_pairs_in_one_file_are_read():
    text = "".join(f'k{n}: "\\ud83d\\udc6a"\n' for n in range(50))
    doc = parse_yaml(text, "f.yaml")
    assert doc.problems == [] and set(doc.data.values()) == {"👪"}


def test_surrogate_escapes_outside_double_quotes_stay_literal():
    doc = parse_yaml("a: '\\ud83d\\udc6a'\nb: x\\ud83d\n", "f.yaml")
    assert doc.problems == []
    assert doc.data == {"a": "\\ud83d\\udc6a", "b": "x\\ud83d"}


def test_a_lone_surrogate_escape_says_so_at_its_place():
    doc = parse_yaml('a: 1\nb: "x \\ud83d y"\n', "f.yaml")
    (problem,) = doc.problems
    assert (problem.location.line, problem.location.col) == (2, 7)
    assert problem.message == (
        "échappement « \\ud83d » : moitié d'une paire de substitution UTF-16, sans l'autre "
        "moitié ; écrivez le caractère lui-même, ou la paire entière (ex. : « \\ud83d\\udc6a » "
        "pour 👪)"
    )


def test_a_low_surrogate_alone_says_so_too():
    (problem,) = parse_yaml('a: "\\udc6a"\n', "f.yaml").problems
    assert problem.message.startswith("échappement « \\udc6a » : moitié d'une paire")


def test_too_many_surrogate_pairs_are_said(monkeypatch):
    monkeypatch.setattr(yamlfile, "MAX_SURROGATE_REPAIRS", 2)
    (problem,) = parse_yaml('a: "\\ud83d\\udc6a\\ud83d\\udc6a\\ud83d\\udc6a"\n', "f.yaml").problems
    assert problem.message == (
        "plus de 2 paires d'échappements « \\u » : écrivez les caractères eux-mêmes (le fichier "
        "est en UTF-8)"
    )
