"""Click's own messages in French (usage errors, help headings, --help and --version).

Click marks its messages with gettext's `_` and `ngettext`, which each of its modules imports by
name; `install()` points those names at this catalogue, so « Error: No such command 'x'. »
reads « Erreur : commande inconnue « x ». ». Messages a user cannot meet (a developer's mistake
in declaring options, shell completion, the editor) keep click's wording. A test checks that
every message here is still one of click's, and that every message a user can meet is here.
"""

from __future__ import annotations

import importlib

MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
)

FR: dict[str, str] = {
    # core
    "Missing command.": "commande manquante.",
    "Options": "Options",
    "Commands": "Commandes",
    "Aborted!": "Interrompu.",
    "Value must be an iterable.": "la valeur doit être une liste.",
    "env var: {var}": "variable d'environnement : {var}",
    "default: {default}": "par défaut : {default}",
    "(dynamic)": "(calculé)",
    "required": "obligatoire",  # « [required] » after a required option's help
    "deprecated": "obsolète",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Avertissement : la commande « {name} » est obsolète.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Avertissement : le {param_type} « {name} » est obsolète.{extra_message}"
    ),
    # decorators
    "Do you want to continue?": "Voulez-vous continuer ?",
    "Confirm the action without prompting.": "Confirme l'action sans la demander.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Show the version and exit.": "Affiche la version et s'arrête.",
    "Show this message and exit.": "Affiche cette aide et s'arrête.",
    # exceptions
    "Missing argument": "argument manquant",
    "unknown error": "erreur inconnue",
    "Invalid value for {param_hint}: {message}": "valeur invalide pour {param_hint} : {message}",
    "Missing option": "option manquante",
    "Could not open file {filename!r}: {message}": (
        "impossible d'ouvrir le fichier « {filename} » : {message}"
    ),
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour l'aide.",
    "Missing parameter": "paramètre manquant",
    "Missing parameter: {param_name}": "paramètre manquant : {param_name}",
    "No such option {name!r}.": "option inconnue « {name} ».",
    "No such command {name!r}.": "commande inconnue « {name} ».",
    "Invalid value: {message}": "valeur invalide : {message}",
    "Missing {param_type}": "{param_type} manquant",
    # formatting
    "Usage:": "Utilisation :",
    # parser
    "Invalid start character for option ({option})": (
        "caractère invalide au début de l'option ({option})"
    ),
    "Option {name!r} does not take a value.": "l'option « {name} » ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "l'argument « {name} » prend {nargs} valeurs.",
    # termui
    "Press any key to continue...": "Appuyez sur une touche pour continuer…",
    "Repeat for confirmation": "Répétez pour confirmer",
    "Error: The two entered values do not match.": "Erreur : les deux valeurs diffèrent.",
    "Error: invalid input": "Erreur : saisie invalide",
    # types
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "Choice({choices})": "Choix({choices})",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "« {value} » n'est pas un booléen. Valeurs reconnues : {states}"
    ),
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un {number_type} valide.",
    "{value!r} is not a valid UUID.": "« {value} » n'est pas un UUID valide.",
    "{name} {filename!r} is a file.": "{name} « {filename} » : est un fichier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » : est un dossier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » : illisible.",
    "{name} {filename!r} is not writable.": "{name} « {filename} » : écriture interdite.",
    "{name} {filename!r} is not executable.": "{name} « {filename} » : non exécutable.",
    "{name} {filename!r} does not exist.": "{name} « {filename} » : introuvable.",
}

# (singular, plural) → (French singular, French plural)
FR_PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "argument en trop ({args})",
        "arguments en trop ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "prend {nargs} valeurs, mais 1 a été donnée.",
        "prend {nargs} valeurs, mais {len} ont été données.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire : {possibilities} ?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "l'option « {name} » demande une valeur.",
        "l'option « {name} » demande {nargs} valeurs.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "« {value} » n'est pas {choice}.",
        "« {value} » n'est pas parmi {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "« {value} » ne suit pas le format {format}.",
        "« {value} » ne suit aucun des formats {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} valeurs sont demandées, mais {len_value} a été donnée.",
        "{len_type} valeurs sont demandées, mais {len_value} ont été données.",
    ),
}


def gettext(message: str) -> str:
    return FR.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    french = FR_PLURAL.get((singular, plural))
    if french is None:
        return singular if n == 1 else plural
    return french[0] if n == 1 else french[1]


def install() -> None:
    """Point click's `_` and `ngettext` at the French catalogue (idempotent)."""
    for name in MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]  # click's global, replaced
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]  # click's global, replaced


__all__ = ["FR", "FR_PLURAL", "install"]
