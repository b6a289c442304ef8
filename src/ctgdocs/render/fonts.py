"""The fonts of the HTML preview: one copy per output folder, in DIR/_polices/.

print.css's @font-face rules name font files by a path relative to templates/html/: that is
how WeasyPrint finds them for the PDF. A page written to DIR/<territoire>/ cannot follow that
path (it leads nowhere from there, whatever --output is). The build therefore copies each font
print.css names, byte for byte, with its licence, into DIR/_polices/ (batch.py, assets.py), and
the preview gets the same @font-face rules with each `src` pointing there: `../_polices/<file>`,
since every output is DIR/<territoire>/<file>. A preview copied away from its folder falls back
to Arial, a font with the same metrics (print.css: font-family), so its lines hold.

A font is the file the rule's path leads to, if that is inside fonts/ or the templates, else
the file of that name in fonts/ (templates copied elsewhere with CTGDOCS_TEMPLATES keep the
project's fonts). Nothing else can reach an output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypeGuard

import tinycss2
from tinycss2.ast import AtRule, Declaration, FunctionBlock, Node, StringToken, URLToken

from ctgdocs import paths
from ctgdocs.errors import OutputError

FOLDER = "_polices"  # under the output folder
FROM_PREVIEW = f"../{FOLDER}/"  # the folder as a preview at DIR/<territoire>/<file> sees it
PRINT_CSS = "html/print.css"  # under the templates
FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}
LICENCES = "LICENSE*"  # the fonts' licence files in fonts/, copied beside them


def link_fonts(css: str, base: Path) -> str:
    """The stylesheet with every @font-face `src` pointing at its copy in DIR/_polices/;
    `base` is the folder its relative paths start from."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    return "".join(
        _linked(rule, base) if _is_font_face(rule) else tinycss2.serialize([rule]) for rule in rules
    )


def font_files(css: str, base: Path) -> list[Path]:
    """The font files the stylesheet's @font-face rules name, in order, each once."""
    found: dict[Path, None] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if _is_font_face(rule):
            for declaration in _declarations(rule):
                if declaration.lower_name == "src":
                    found.update((font_file(url, base), None) for url in _urls(declaration.value))
    return list(found)


@cache
def assets() -> dict[str, Path]:
    """What DIR/_polices/ holds: its key under the output folder → the file it copies (the
    fonts print.css names, then their licence files)."""
    css = paths.TEMPLATES_DIR / PRINT_CSS
    files = font_files(css.read_text(encoding="utf-8"), css.parent)
    files += sorted(paths.FONTS_DIR.glob(LICENCES))
    keyed: dict[str, Path] = {}
    for path in files:
        key = f"{FOLDER}/{path.name}"
        if keyed.setdefault(key, path) != path:
            raise OutputError(
                f"{css}: deux polices portent le même nom « {path.name} » ({keyed[key]}, {path})"
            )
    return keyed


def font_file(url: str, base: Path) -> Path:
    """The file a @font-face url names (see the module's docstring)."""
    relative = (base / url).resolve()
    allowed = (paths.FONTS_DIR.resolve(), paths.TEMPLATES_DIR.resolve())
    if relative.is_file() and any(relative.is_relative_to(root) for root in allowed):
        found = relative
    else:
        found = paths.FONTS_DIR / Path(url).name
    if not found.is_file() or found.suffix.lower() not in FORMATS:
        raise OutputError(
            f"print.css : police « {url} » introuvable dans fonts/ ; l'aperçu HTML n'utilise "
            "que les polices du projet"
        )
    return found


def _is_font_face(rule: Node) -> TypeGuard[AtRule]:
    return isinstance(rule, AtRule) and rule.lower_at_keyword == "font-face"


def _declarations(rule: AtRule) -> list[Declaration]:
    items = tinycss2.parse_blocks_contents(rule.content or [], skip_comments=True)
    return [item for item in items if isinstance(item, Declaration)]


def _linked(rule: AtRule, base: Path) -> str:
    parts = []
    for declaration in _declarations(rule):
        if declaration.lower_name == "src":
            files = [font_file(url, base) for url in _urls(declaration.value)]
            value = ", ".join(
                f'url("{FROM_PREVIEW}{f.name}") format("{FORMATS[f.suffix.lower()]}")'
                for f in files
            )
        else:
            value = tinycss2.serialize(declaration.value).strip()
        parts.append(f"{declaration.name}: {value};")
    return "@font-face { " + " ".join(parts) + " }"


def _urls(tokens: list[Node]) -> list[str]:
    urls = []
    for token in tokens:
        if isinstance(token, URLToken):
            urls.append(token.value)
        elif isinstance(token, FunctionBlock) and token.lower_name == "url":
            urls += [t.value for t in token.arguments if isinstance(t, StringToken)]
    return urls
