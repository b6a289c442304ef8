"""Click's own messages are French: usage errors, help and version (issue 16, « Messages »).
A usage error exits with status 2, as click and the docs (docs/ligne-de-commande.md) say."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ctgdocs import cli_fr
from ctgdocs.cli import main

CLICK = Path(click.__file__).parent

# Click's messages a user of ctgdocs cannot meet: a developer's mistake declaring parameters,
# shell completion, the external editor, the Windows console, a bad colour or stream name.
DEVELOPERS = {
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Unknown color {colour!r}",
}


# Messages click translates through a variable: `_(extra["required"])` after
# `extra["required"] = "required"` (the « [required] » of a required option's help).
DYNAMIC = {"required": 'extra["required"] = "required"'}


def click_messages() -> tuple[set[str], set[tuple[str, str]]]:
    singles: set[str] = set()
    core = (CLICK / "core.py").read_text(encoding="utf-8")
    for message, assignment in DYNAMIC.items():
        if assignment in core and f"_(extra[{message!r}])".replace("'", '"') in core:
            singles.add(message)
    plurals: set[tuple[str, str]] = set()
    for module in cli_fr.MODULES:
        source = (CLICK / f"{module.split('.')[1]}.py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
                if node.func.id == "_" and texts:
                    singles.add(texts[0])
                elif node.func.id == "ngettext" and len(texts) >= 2:
                    plurals.add((texts[0], texts[1]))
    return singles, plurals


def test_every_translation_is_one_of_click_s_messages():
    singles, plurals = click_messages()
    assert set(cli_fr.FR) <= singles, set(cli_fr.FR) - singles
    assert set(cli_fr.FR_PLURAL) <= plurals, set(cli_fr.FR_PLURAL) - plurals


def test_every_message_a_user_can_meet_is_translated():
    singles, plurals = click_messages()
    assert singles - DEVELOPERS - set(cli_fr.FR) == set()
    assert plurals - set(cli_fr.FR_PLURAL) == set()


def test_a_translation_keeps_the_placeholders_of_its_message():
    for english, french in cli_fr.FR.items():
        fields = set(re.findall(r"\{(\w+)", english)) | set(re.findall(r"%\((\w+)\)", english))
        assert fields == set(re.findall(r"\{(\w+)", french)) | set(
            re.findall(r"%\((\w+)\)", french)
        ), english


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), prog_name="ctgdocs")
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["buidl"], "Erreur : commande inconnue « buidl ». vouliez-vous dire 'build' ?"),
        (["nope"], "Erreur : commande inconnue « nope »."),
        (["build", "--foo"], "Erreur : option inconnue « --foo »."),
        (
            ["build", "--jobs", "x"],
            "Erreur : valeur invalide pour '--jobs' : « x » n'est pas un nombre entier valide.",
        ),
        (
            ["build", "--jobs", "-1"],
            "Erreur : valeur invalide pour '--jobs' : -1 n'est pas dans l'intervalle x>=0.",
        ),
        (["build", "data", "--format"], "Erreur : l'option « --format » demande une valeur."),
        (
            ["schema", "xx"],
            "« xx » n'est pas parmi 'territoire', 'seance', 'convention', 'coordination', 'acte', 'avenant', 'modele'.",
        ),
        (["kinds", "en-trop"], "Erreur : argument en trop (en-trop)"),
    ],
)
def test_usage_errors_are_french_and_exit_2(args, message):
    code, output = run(*args)
    assert code == 2
    assert message in output
    assert "Utilisation : ctgdocs" in output or args[-1] == "--format"
    for english in ("Error:", "Usage:", "Invalid value", "No such", "Try '", "is not"):
        assert english not in output


def test_help_and_version_are_french():
    code, output = run("--help")
    assert code == 0
    assert output.startswith("Utilisation : ctgdocs [OPTIONS] COMMAND [ARGS]...")
    assert "Affiche cette aide et s'arrête." in output and "Commandes:" in output
    assert "Show this message" not in output
    code, output = run("build", "-h")
    assert code == 0 and "Utilisation : ctgdocs build" in output
    code, output = run("--version")
    assert (code, output) == (0, "ctgdocs, version 0.1.0\n")
