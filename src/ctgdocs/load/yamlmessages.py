"""French messages for the problems found while reading a YAML file.

PyYAML and libyaml speak English; nothing of theirs reaches the user. Each syntax error is
mapped to a short French sentence that says what to fix.
"""

from __future__ import annotations

ALIAS = (
    "les ancres et alias YAML (& et *) ne sont pas acceptés : écrivez la valeur, "
    "ou faites référence à l'identifiant"
)
EMPTY = "fichier vide : aucune donnée"
SEVERAL_DOCUMENTS = "un seul document YAML par fichier"
TAB = "tabulation interdite : indentez avec des espaces"
COLON = (
    "deux-points inattendu : une valeur contenant « : » doit être entre guillemets, "
    "ou l'indentation est incorrecte"
)
COLON_EXPECTED = "« : » attendu après la clé"
UNCLOSED_QUOTE = "guillemet non fermé"
INDENTATION = "indentation incohérente"
FLOW_SEQUENCE = "liste entre crochets mal formée : « , » ou « ] » attendu"
FLOW_MAPPING = "dictionnaire entre accolades mal formé : « , » ou « } » attendu"
SYNTAX = "syntaxe YAML invalide"
FORBIDDEN_CHARACTER = "caractère interdit dans le fichier"

_KINDS = {
    list: "une liste",
    str: "un texte",
    int: "un nombre",
    float: "un nombre",
    bool: "un booléen (true/false)",
}


def too_big(size: int, limit: int) -> str:
    mib = f"{size / 2**20:.1f}".replace(".", ",")
    return f"fichier trop volumineux ({mib} Mo ; maximum {limit // 2**20} Mo)"


def read_error(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "fichier introuvable"
    if isinstance(exc, IsADirectoryError):
        return "ce chemin est un dossier, pas un fichier"
    if isinstance(exc, PermissionError):
        return "lecture refusée : droits insuffisants"
    return "lecture impossible"


def not_utf8(byte: int) -> str:
    return (
        f"le fichier n'est pas encodé en UTF-8 (octet 0x{byte:02X} invalide) : "
        "enregistrez-le en UTF-8"
    )


def forbidden_character(char: str) -> str:
    code = ord(char)
    kind = "caractère de contrôle" if code < 0x20 or 0x7F <= code <= 0x9F else "caractère"
    return f"{kind} U+{code:04X} interdit"


def unexpected_character(char: str) -> str:
    return f"caractère « {char} » inattendu : mettez la valeur entre guillemets"


def too_deep(limit: int) -> str:
    return f"structure trop imbriquée (plus de {limit} niveaux)"


def impossible_date(text: str) -> str:
    return f"date impossible « {text} » : ce jour n'existe pas (format attendu AAAA-MM-JJ)"


def invalid_value(text: str, tag: str) -> str:
    return f"valeur « {text} » invalide pour l'étiquette « {short_tag(tag)} »"


def refused_tag(tag: str) -> str:
    return f"étiquette YAML « {short_tag(tag)} » non acceptée : retirez-la"


def duplicate_key(key: str, first_line: int) -> str:
    return f"clé « {key} » en double (déjà définie ligne {first_line})"


def key_not_text(text: str) -> str:
    return f"clé « {text} » : une clé doit être un texte"


def key_is_collection(is_list: bool) -> str:
    return f"une clé doit être un texte, pas {'une liste' if is_list else 'un dictionnaire'}"


def top_level_not_mapping(value: object) -> str:
    kind = next((k for t, k in _KINDS.items() if type(value) is t), "une date")
    return f"le fichier doit contenir des clés (un dictionnaire), pas {kind}"


def short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def syntax_error(problem: str, context: str, char: str) -> tuple[str, bool]:
    """The French message for a PyYAML/libyaml syntax error, and whether it is better placed at
    the error's context mark (where the faulty construct starts) than at its problem mark.

    `char` is the character found at the problem mark ("" past the end).
    """
    if "tab character" in problem or ("cannot start any token" in problem and char == "\t"):
        return TAB, False
    if "cannot start any token" in problem and char:
        return unexpected_character(char), False
    if "quoted scalar" in context:
        return UNCLOSED_QUOTE, True
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem or needle in context:
            return message, False
    return SYNTAX, False


_SYNTAX_MESSAGES = (
    ("mapping values are not allowed", COLON),
    ("could not find expected ':'", COLON_EXPECTED),
    ("found unexpected end of stream", UNCLOSED_QUOTE),
    ("expected <block end>", INDENTATION),
    ("did not find expected key", INDENTATION),
    ("did not find expected '-' indicator", INDENTATION),
    ("while parsing a flow sequence", FLOW_SEQUENCE),
    ("while parsing a flow mapping", FLOW_MAPPING),
    ("undefined alias", ALIAS),
    ("duplicate anchor", ALIAS),
)


def lone_surrogate(escape: str) -> str:
    return (
        f"échappement « {escape} » : moitié d'une paire de substitution UTF-16, sans l'autre "
        "moitié ; écrivez le caractère lui-même, ou la paire entière (ex. : "
        "« \\ud83d\\udc6a » pour 👪)"
    )


def too_many_surrogates(limit: int) -> str:
    return (
        f"plus de {limit} paires d'échappements « \\u » : écrivez les caractères eux-mêmes "
        "(le fichier est en UTF-8)"
    )
