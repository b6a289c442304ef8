"""MkDocs hooks of the docs site (mkdocs.yml: `hooks:`): the pages that must not drift from the
code are generated at build time, from the code itself.

A page asks for a generated part with a marker alone on its line, `<!-- ctgdocs:NAME ARGS -->`,
replaced before the page is converted:

- `cli`: the help of every command, from the click commands of ctgdocs/cli.py (in French);
- `types`: the document kinds (documents.KINDS);
- `fichiers`: the data files of a territory (model/fichiers.py FICHIERS);
- `schema NAME`: every field of data file NAME, from its JSON Schema (the models' field
  descriptions), which must be the committed schema/NAME.schema.json;
- `filtres`: the template filters (render/filters.py FILTERS and the environment's own), each
  with its signature, its docstring and an example computed by the filter itself;
- `contextes`: what each template reads of its context, found in the templates themselves;
- `structures`: the typed contexts the document kinds build (the TypedDicts of documents/),
  each key with its type and the comment beside it in the code;
- `formats`: the registry of writers (writers/__init__.py WRITERS);
- `arborescence`: the modules of the package, by stage;
- `galerie`: the previews committed under docs/apercus/;
- `bench`: the benchmark results committed under bench/results/;
- `vocabulaire`: the values a clause file may name (model/vocabulaire.py VOCABULAIRE);
  `vocabulaire deliberation`: the values a formula of a deliberation's house style may name
  (model/vocabulaire_deliberation.py);
- `styles`: every option of a deliberation's house style with its default in each layout
  (templates/deliberation/styles.yaml, read as the pipeline reads it).

An unknown marker, a data file without its `schema` page, a filter without its French
description here, or a committed schema that differs from the models fails the build.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from jinja2 import meta, nodes
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- ctgdocs:(?P<name>[a-z]+)(?: (?P<args>[^>]*?))? -->$", re.MULTILINE)

_schemas_rendered: set[str] = set()


# --- MkDocs events -----------------------------------------------------------------------------


def on_pre_build(config: Any) -> None:
    _schemas_rendered.clear()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        name, args = match["name"], (match["args"] or "").split()
        generator = GENERATORS.get(name)
        if generator is None:
            raise PluginError(f"{page.file.src_uri} : marqueur inconnu « ctgdocs:{name} »")
        return generator(*args)

    return MARKER.sub(replace, markdown)


def on_post_build(config: Any) -> None:
    from ctgdocs.model.fichiers import FICHIERS

    missing = sorted(set(FICHIERS) - _schemas_rendered)
    if missing:
        raise PluginError(f"fichiers de données sans page de référence : {', '.join(missing)}")


# --- The command line --------------------------------------------------------------------------


def cli() -> str:
    from ctgdocs.cli import main

    parts = []
    for path, command, ctx in _commands(main, ["ctgdocs"], None):
        if isinstance(command, click.Group) and path != ["ctgdocs"]:
            continue  # a group without a behaviour of its own: its commands say it all
        title = " ".join(path)
        parts += [f"### `{title}`", "", "```text", command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


def _commands(
    command: click.Command, path: list[str], parent: click.Context | None
) -> Iterator[tuple[list[str], click.Command, click.Context]]:
    # The command's own settings (-h beside --help), as click's make_context would apply them:
    # click caches each command's help option from the first context it sees.
    settings = {"max_content_width": 96, "terminal_width": 96, **command.context_settings}
    ctx = click.Context(command, info_name=path[-1], parent=parent, **settings)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _commands(command.commands[name], [*path, name], ctx)


def types() -> str:
    from ctgdocs.documents import KINDS

    lines = ["| type (`--kind`) | document |", "|---|---|"]
    lines += [f"| `{k.name}` | {k.title} |" for k in KINDS.values()]
    return "\n".join(lines)


# --- The data files ----------------------------------------------------------------------------


def fichiers() -> str:
    from ctgdocs.model.fichiers import FICHIERS

    lines = [
        "| fichier | où | clés de premier niveau | obligatoire | page |",
        "|---|---|---|---|---|",
    ]
    for f in FICHIERS.values():
        where = f"`{f.chemin}/*.yaml` (un fichier par {f.nom})" if f.dossier else f"`{f.chemin}`"
        keys = ", ".join(f"`{k}`" for k in f.cles)
        lines.append(
            f"| `{f.nom}` | {where} | {keys} | {'oui' if f.obligatoire else 'non'} "
            f"| [{f.nom}]({f.nom}.md) |"
        )
    return "\n".join(lines)


def schema(nom: str) -> str:
    from ctgdocs.model.fichiers import FICHIERS
    from ctgdocs.model.schema import json_schema

    if nom not in FICHIERS:
        raise PluginError(f"ctgdocs:schema {nom} : fichier de données inconnu")
    live = json_schema(nom)
    committed = ROOT / "schema" / f"{nom}.schema.json"
    if not committed.is_file() or json.loads(committed.read_text("utf-8")) != live:
        raise PluginError(
            f"{committed.relative_to(ROOT)} ne suit plus le modèle : lancez make schema"
        )
    _schemas_rendered.add(nom)
    return SchemaPage(nom, live).markdown()


class SchemaPage:
    """One table per object of a schema: the file itself, then its objects in reading order."""

    def __init__(self, nom: str, schema: dict[str, Any]) -> None:
        self.nom = nom
        self.schema = schema
        self.defs: dict[str, Any] = schema.get("$defs", {})

    def anchor(self, name: str) -> str:
        return f"{self.nom}-{name.lower()}"

    def order(self) -> list[str]:
        """The objects as a reader meets them: breadth first from the file's own keys."""
        seen: list[str] = []
        queue = [self.schema]
        while queue:
            for ref in _refs(queue.pop(0)):
                if ref not in seen:
                    seen.append(ref)
                    queue.append(self.defs[ref])
        return seen + sorted(set(self.defs) - set(seen))

    def markdown(self) -> str:
        parts = [
            f"Schéma publié : `schema/{self.nom}.schema.json` (`ctgdocs schema {self.nom}` "
            "l'affiche). Les tableaux ci-dessous en sont tirés à chaque construction du site.",
            "",
            f"### Le fichier {{ #{self.anchor('fichier')} }}",
            "",
            self.table(self.schema),
        ]
        for name in self.order():
            parts += ["", f"### `{name}` {{ #{self.anchor(name)} }}", ""]
            definition = self.defs[name]
            if definition.get("description"):
                parts += [_cell(definition["description"]), ""]
            parts.append(self.table(definition))
        return "\n".join(parts)

    def table(self, obj: dict[str, Any]) -> str:
        props = obj.get("properties", {})
        if not props:
            return f"Valeur : {self.type(obj)}."
        required = set(obj.get("required", ()))
        lines = ["| clé | type | obligatoire | description |", "|---|---|---|---|"]
        for key, prop in props.items():
            description = prop.get("description", "")
            extra = self.constraints(prop)
            if "default" in prop and prop["default"] not in (None, [], {}):
                extra.append(f"par défaut : `{json.dumps(prop['default'], ensure_ascii=False)}`")
            text = " ; ".join(x for x in [description, *extra] if x)
            lines.append(
                f"| `{key}` | {self.type(prop)} | {'oui' if key in required else 'non'} "
                f"| {_cell(text)} |"
            )
        if obj.get("additionalProperties") is False:
            lines += ["", "Toute autre clé est refusée."]
        return "\n".join(lines)

    def type(self, s: dict[str, Any]) -> str:
        if "$ref" in s:
            name = s["$ref"].rsplit("/", 1)[-1]
            return f"[{name}](#{self.anchor(name)})"
        if "anyOf" in s:
            options = [o for o in s["anyOf"] if o.get("type") != "null"]
            return " ou ".join(dict.fromkeys(self.type(o) for o in options)) or "rien"
        if "const" in s:
            return f"`{json.dumps(s['const'], ensure_ascii=False)}`"
        if "enum" in s:
            return "l'une de " + ", ".join(f"`{v}`" for v in s["enum"])
        kind = s.get("type")
        if kind == "array":
            items = s.get("items", {})
            return f"liste de {self.type(items)}" if items else "liste"
        if kind == "object":
            values = s.get("additionalProperties")
            if not values and s.get("patternProperties"):
                values = next(iter(s["patternProperties"].values()))
            if isinstance(values, dict):
                return f"table (identifiant → {self.type(values)})"
            return "table"
        if kind == "string" and s.get("format") == "date":
            return "date (AAAA-MM-JJ)"
        return TYPES.get(kind, kind or "valeur")

    @staticmethod
    def constraints(s: dict[str, Any]) -> list[str]:
        found = []
        for option in [s, *s.get("anyOf", [])]:
            if option.get("format") == "date":
                continue  # said by the type; its pattern only spells the calendar
            if "pattern" in option:
                found.append(f"motif `{option['pattern']}`")
            for key, word in BOUNDS.items():
                if key in option:
                    found.append(f"{word} {option[key]}")
        return list(dict.fromkeys(found))


TYPES = {"string": "texte", "integer": "nombre entier", "number": "nombre", "boolean": "oui/non"}
BOUNDS = {
    "minimum": "au moins",
    "exclusiveMinimum": "plus de",
    "maximum": "au plus",
    "exclusiveMaximum": "moins de",
    "minLength": "caractères : au moins",
    "maxLength": "caractères : au plus",
    "minItems": "éléments : au moins",
    "maxItems": "éléments : au plus",
}


def _refs(s: Any) -> Iterator[str]:
    if isinstance(s, dict):
        for key, value in s.items():
            if key == "$ref":
                yield value.rsplit("/", 1)[-1]
            elif key != "$defs":
                yield from _refs(value)
    elif isinstance(s, list):
        for value in s:
            yield from _refs(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- The templates: filters and contexts -------------------------------------------------------

D = dt.date(2022, 7, 29)
# Each filter of the templates: what it does, in French, and examples computed by the filter
# itself (the argument as a template writes it, the values given to the filter).
FILTRES: dict[str, tuple[str, list[tuple[str, tuple[Any, ...]]]]] = {
    "date_fr": (
        "Une date en toutes lettres, « 1er » le premier du mois.",
        [("2022-07-29", (D,)), ("2022-08-01", (dt.date(2022, 8, 1),))],
    ),
    "date_courte": (
        "Une date en chiffres, pour les formulaires.",
        [("2023-06-20", (dt.date(2023, 6, 20),))],
    ),
    "date_iso": ("Une date au format AAAA-MM-JJ.", [("2023-06-20", (dt.date(2023, 6, 20),))]),
    "date_lettres": (
        "Une date en mots, comme l'ouverture d'une délibération ; `mil=true` écrit « mil » (style de la maison).",
        [("2022-07-29", (D,)), ("2022-07-29, mil=true", (D, True))],
    ),
    "annee_lettres": (
        "Une année en mots ; `mil=true` écrit « mil ».",
        [("2022", (2022,)), ("2022, mil=true", (2022, True))],
    ),
    "heure": (
        "Une heure, à la française.",
        [("19:00", (dt.time(19, 0),)), ("09:05", (dt.time(9, 5),))],
    ),
    "heure_lettres": (
        "Une heure en mots.",
        [("19:00", (dt.time(19, 0),)), ("21:15", (dt.time(21, 15),))],
    ),
    "nombre_lettres": (
        "Un nombre en mots (orthographe traditionnelle) ; `feminin=true` accorde « une ».",
        [("21", (21,)), ("80", (80,)), ("1, feminin=true", (1, True))],
    ),
    "nombre": (
        "Un nombre à la française : espace fine entre les milliers, virgule décimale ; `decimales` fixe le nombre de décimales.",
        [("1234.5", (1234.5,)), ("0.7, 2", (Decimal("0.7"), 2))],
    ),
    "euros": (
        "Un montant en chiffres ; les centimes seulement s'il y en a.",
        [("24000", (24000,)), ("1234.5", (Decimal("1234.50"),))],
    ),
    "montant_lettres": (
        "Un montant en mots.",
        [("24000", (24000,)), ("1234.5", (Decimal("1234.50"),))],
    ),
    "pourcentage": (
        "Un pourcentage, à partir d'un taux.",
        [("0.5", (Decimal("0.5"),)), ("0.625", (Decimal("0.625"),))],
    ),
    "ordinal": (
        "Un ordinal abrégé (l'exposant est posé par les formats) ; `feminin=true` : « 1re ».",
        [("1", (1,)), ("1, feminin=true", (1, True)), ("2", (2,))],
    ),
    "liste": (
        "Une énumération à la française, sans virgule avant « et » ; les éléments vides sont omis ; `conjonction` remplace « et ».",
        [('["A", "B", "C"]', (["A", "B", "C"],)), ('["A", "B"], "ou"', (["A", "B"], "ou"))],
    ),
    "majuscule_initiale": ("La première lettre en majuscule.", [('"l\'EPCI"', ("l'EPCI",))]),
    "de": (
        "« de » accordé au nom qui suit : du, de la, des, d'.",
        [
            ('"Le Pradet"', ("Le Pradet",)),
            ('"Arles"', ("Arles",)),
            ('"Les Baux-de-Provence"', ("Les Baux-de-Provence",)),
        ],
    ),
    "a": (
        "« à » accordé au nom qui suit : au, à la, aux, à l'.",
        [('"Le Pradet"', ("Le Pradet",)), ('"Les Pennes-Mirabeau"', ("Les Pennes-Mirabeau",))],
    ),
    "elide": (
        "« de » devant un mot sans article (un verbe, un nom commun) : « d' » devant une voyelle.",
        [('"intégrer"', ("intégrer",)), ('"prolonger"', ("prolonger",))],
    ),
    "lignes": ("Les éléments d'une liste, un par ligne dans une même cellule de tableau.", []),
    "accord": (
        "Accorde des mots écrits au masculin singulier : au féminin avec `feminin=true`, au "
        "pluriel quand le nombre (ou la longueur de la liste) dépasse un — zéro et un restent "
        "au singulier. Les déterminants irréguliers suivent (le → la → les, son → sa → ses).",
        [
            ('"désigné", feminin=true', ("désigné", None, True)),
            ('"Absent excusé", 2', ("Absent excusé", 2)),
            ('"adoptée", 0', ("adoptée", 0)),
            ('"son", feminin=true', ("son", None, True)),
        ],
    ),
}


def filtres() -> str:
    import jinja2.defaults

    from ctgdocs.render.environment import body_environment
    from ctgdocs.render.filters import FILTERS

    env = body_environment()
    ours = sorted(set(env.filters) - set(jinja2.defaults.DEFAULT_FILTERS))
    undocumented = sorted(set(ours) - set(FILTRES))
    if undocumented:
        raise PluginError(
            f"filtres sans description dans tools/docs_hooks.py FILTRES : {', '.join(undocumented)}"
        )
    parts = []
    for name in ours:
        fn = env.filters[name]
        source = "render/filters.py" if name in FILTERS else "render/environment.py"
        description, exemples = FILTRES[name]
        signature = _signature(FILTERS.get(name, fn))
        parts += [f"### `{name}`", "", description, ""]
        parts += [f"- signature : `{name}{signature}` ({source})"]
        doc = inspect.getdoc(FILTERS.get(name, fn))
        if doc:
            parts.append(f"- docstring : *{_cell(doc)}*")
        if exemples:
            parts += ["", "| valeur (et arguments) | résultat |", "|---|---|"]
            parts += [
                f"| `{_cell(shown)}` | « {_cell(str(fn(*args)))} » |" for shown, args in exemples
            ]
        parts.append("")
    return "\n".join(parts)


def _signature(fn: Callable[..., Any]) -> str:
    try:
        params = list(inspect.signature(fn).parameters.values())[1:]
    except (TypeError, ValueError):
        return ""
    shown = [p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params]
    return f"({', '.join(shown)})" if shown else ""


def contextes() -> str:
    from ctgdocs.paths import TEMPLATES_DIR
    from ctgdocs.render.environment import body_environment

    env = body_environment()
    parts = []
    for folder in sorted(p for p in TEMPLATES_DIR.iterdir() if p.is_dir()):
        templates = sorted(folder.glob("*.md.j2"))
        if not templates:
            continue
        parts += [f"### `templates/{folder.name}/`", ""]
        for path in templates:
            reads, includes = template_reads(env, path.read_text("utf-8"))
            parts.append(f"- **`{path.name}`**")
            for root, chains in reads.items():
                shown = ", ".join(f"`{c}`" for c in chains) if chains else "(la valeur elle-même)"
                parts.append(f"    - `{root}` : {shown}")
            if includes:
                parts.append("    - inclut : " + ", ".join(f"`{i}`" for i in includes))
            if not reads and not includes:
                parts.append("    - ne lit rien du contexte")
        parts.append("")
    return "\n".join(parts)


def structures() -> str:
    """Every TypedDict of the documents/ modules, in source order: its keys (inherited ones
    too), their types (another context is a link to its section) and the code's comments."""
    import importlib
    import pkgutil
    import typing

    import ctgdocs.documents as package

    found: list[tuple[str, type]] = []
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        if info.ispkg and not any(
            typing.is_typeddict(c) and c.__module__ == module.__name__
            for c in vars(module).values()
        ):
            continue
        source = inspect.getsource(module)
        classes = [
            c
            for c in vars(module).values()
            if isinstance(c, type) and typing.is_typeddict(c) and c.__module__ == module.__name__
        ]
        classes.sort(key=lambda c: source.index(f"class {c.__name__}("))
        found += [
            (info.name.removeprefix(f"{package.__name__}.").replace(".", "/"), c) for c in classes
        ]
    if not found:
        raise PluginError("ctgdocs:structures : aucun contexte typé dans ctgdocs.documents")
    names = {c.__name__ for _, c in found}
    parts: list[str] = []
    current = ""
    for module_name, cls in found:
        if module_name != current:
            current = module_name
            parts += [f"### `documents/{module_name}.py`", ""]
        parts += [f"#### `{cls.__name__}` {{ #{cls.__name__.lower()} }}", ""]
        if cls.__doc__ and cls.__doc__ != _TYPEDDICT_DOC:
            parts += [" ".join(cls.__doc__.split()), ""]
        comments = _key_comments(cls)
        parts += ["| clé | type | note du code |", "|---|---|---|"]
        # With string annotations, Python 3.11 leaves NotRequired keys out of __optional_keys__
        hints = typing.get_type_hints(cls, include_extras=True)
        for key, hint in hints.items():
            facultative = typing.get_origin(hint) is typing.NotRequired
            if facultative:
                (hint,) = typing.get_args(hint)
            optional = " (facultative)" if facultative or key in cls.__optional_keys__ else ""
            shown = _cell(_type_name(hint, names))
            parts.append(f"| `{key}`{optional} | {shown} | {_cell(comments.get(key, ''))} |")
        parts.append("")
    return "\n".join(parts)


_TYPEDDICT_DOC = dict.__doc__


def _key_comments(cls: type) -> dict[str, str]:
    """The comment at the end of each key's line in the class's source, and its parents'."""
    import ast
    import io
    import sys
    import tokenize
    import typing

    found: dict[str, str] = {}
    source = inspect.getsource(cls)
    # A TypedDict's parents are in neither its MRO nor (Python 3.11) __orig_bases__: its source
    # names them, in its module.
    module = vars(sys.modules[cls.__module__])
    (node,) = ast.parse(source).body
    assert isinstance(node, ast.ClassDef)
    for base in node.bases:
        parent = module.get(base.id) if isinstance(base, ast.Name) else None
        if parent is not None and typing.is_typeddict(parent):
            found.update(_key_comments(parent))
    key = None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NAME and token.start[1] == 4 and key is None:
            key = token.string
        elif token.type == tokenize.COMMENT and key is not None:
            found[key] = token.string.lstrip("# ").strip()
        if token.type in (tokenize.NEWLINE, tokenize.NL):
            key = None
    return found


def _type_name(hint: Any, names: set[str]) -> str:
    """A type as a reader reads it: other contexts as links, Optional as « ou None »."""
    import types as pytypes
    import typing

    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, pytypes.UnionType):
        return " ou ".join(_type_name(a, names) for a in args)
    if origin is typing.Literal:
        return " ou ".join(f"« {a} »" for a in args)
    if origin is not None:
        inner = ", ".join(_type_name(a, names) for a in args)
        return f"{getattr(origin, '__name__', str(origin))}[{inner}]"
    if hint is type(None):
        return "None"
    name = getattr(hint, "__name__", str(hint))
    return f"[`{name}`](#{name.lower()})" if name in names else f"`{name}`"


def template_reads(env: Any, source: str) -> tuple[dict[str, list[str]], list[str]]:
    """What a template reads of its context: each name it does not define itself, with the
    attributes it reads of it (`d.vote.pour` where `{% set d = deliberation %}`: `vote.pour`
    of `deliberation`; `x[].nom` for the items of a list it loops over), and its includes."""
    tree = env.parse(source)
    roots = meta.find_undeclared_variables(tree) - set(env.globals)
    aliases: dict[str, str] = {}
    chains: set[str] = set()
    includes: list[str] = []

    def chain(node: nodes.Node) -> str | None:
        if isinstance(node, nodes.Name):
            return aliases.get(node.name, node.name)
        if isinstance(node, nodes.Getattr):
            base = chain(node.node)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            base = chain(node.node)
            return f"{base}.{node.arg.value}" if base and isinstance(node.arg.value, str) else base
        if isinstance(node, nodes.Filter) and node.name == "map" and node.node is not None:
            attribute = next((k.value for k in node.kwargs if k.key == "attribute"), None)
            base = chain(node.node)
            if base and isinstance(attribute, nodes.Const):
                return f"{base}[].{attribute.value}"
        return None

    def visit(node: nodes.Node) -> None:
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            visit(node.node)
            value = chain(node.node)
            if value:
                aliases[node.target.name] = value
            return
        if isinstance(node, nodes.For):
            visit(node.iter)
            items = chain(node.iter)
            if items and isinstance(node.target, nodes.Name):
                aliases[node.target.name] = f"{items}[]"
            for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
                visit(child)
            return
        if isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
            includes.append(node.template.value)
        found = chain(node) if isinstance(node, nodes.Name | nodes.Getattr | nodes.Filter) else None
        if found:
            chains.add(found)
        for child in node.iter_child_nodes():
            visit(child)

    visit(tree)
    reads: dict[str, list[str]] = {}
    for root in sorted(roots):
        mine = sorted(
            c.removeprefix(root).lstrip(".")
            for c in chains
            if c == root or c.startswith((f"{root}.", f"{root}[]"))
        )
        # Keep the longest reads: « vote.pour » says that « vote » is read.
        kept = [c for c in mine if c and not any(o.startswith((f"{c}.", f"{c}[]")) for o in mine)]
        reads[root] = kept
    return reads, sorted(dict.fromkeys(includes))


# --- Writers, modules ---------------------------------------------------------------------------


def formats() -> str:
    from ctgdocs.writers import WRITERS

    lines = ["| format (`--format`) | classe (module:classe) |", "|---|---|"]
    lines += [f"| `{name}` | `{path}` |" for name, path in WRITERS.items()]
    return "\n".join(lines)


def arborescence() -> str:
    package = ROOT / "src" / "ctgdocs"
    lines = ["```text", "src/ctgdocs/"]
    top = sorted(p.name for p in package.glob("*.py"))
    lines.append("    " + " ".join(top))
    for folder in sorted(p for p in package.iterdir() if (p / "__init__.py").is_file()):
        shown = sorted(
            p.relative_to(folder).with_suffix("").as_posix()
            for p in folder.rglob("*.py")
            if p.name != "__init__.py"
        )
        if not shown:  # references/: data shipped with the package
            shown = [f"({len(list(folder.rglob('*.yaml')))} fichiers YAML)"]
        lines.append(f"  {folder.name + '/':14}" + " ".join(shown))
    lines.append("```")
    return "\n".join(lines)


# --- Previews and benchmark ---------------------------------------------------------------------

COLONNES = 4


def galerie(dossier: Path = ROOT / "docs" / "apercus") -> str:
    """The previews of `dossier` (docs/apercus/<territoire>/<document>.png), COLONNES a row,
    each captioned with its document; linked from docs/galerie.md."""
    pngs = sorted(dossier.glob("*/*.png"))
    if not pngs:
        return (
            '!!! note "Aucun aperçu"\n\n    Le dossier `docs/apercus/` est vide : '
            "`make demo` puis `make previews` le remplissent."
        )
    cells = [
        f"![{p.parent.name}/{p.stem}](apercus/{p.parent.name}/{p.name})<br>"
        f"`{p.parent.name}/{p.stem}`"
        for p in pngs
    ]
    lines = [f"{len(pngs)} aperçus.", "", "| " + " | ".join([" "] * COLONNES) + " |"]
    lines.append("|" + "---|" * COLONNES)
    for i in range(0, len(cells), COLONNES):
        row = cells[i : i + COLONNES]
        lines.append("| " + " | ".join(row + [" "] * (COLONNES - len(row))) + " |")
    return "\n".join(lines)


def bench(dossier: Path = ROOT / "bench" / "results") -> str:
    results = sorted(dossier.glob("*.json"))
    if not results:
        return (
            '!!! note "Aucun résultat versionné"\n\n'
            "    Le dépôt ne contient aucun fichier de résultats dans `bench/results/` : "
            "`make bench` écrit `bench/results/latest.json`, à versionner avec le commit "
            "mesuré ; cette section en affichera alors les chiffres."
        )
    return "\n\n".join(bench_result(p.name, json.loads(p.read_text("utf-8"))) for p in results)


def bench_result(name: str, r: dict[str, Any]) -> str:
    machine = r.get("machine", {})
    lines = [
        f"#### `bench/results/{name}`",
        "",
        f"- date : {r.get('date', '?')}, mode : {r.get('mode', '?')}",
        f"- machine : {machine.get('description', '?')}",
    ]
    if "weasyprint" in machine:
        lines.append(
            f"- WeasyPrint {machine['weasyprint']}, sous-ensembles HarfBuzz : "
            f"{machine.get('harfbuzz_subset', '?')}"
        )
    if "bench_minutes" in r:
        lines.append(f"- durée du banc : {r['bench_minutes']} min")
    targets = r.get("targets", [])
    if targets:
        lines += ["", "| objectif (tel qu'enregistré) | mesuré | atteint |", "|---|---|---|"]
        lines += [
            f"| {_cell(t['target'])} | {_cell(str(t['measured']))} | "
            f"{'oui' if t['met'] else '**non**'} |"
            for t in targets
        ]
    rows = r.get("per_document", [])
    if rows:
        lines += [
            "",
            "| document | format | ctgdocs (ms) | bibliothèque seule (ms) | rapport | pages |",
            "|---|---|--:|--:|--:|--:|",
        ]
        for row in rows:
            lines.append(
                f"| `{row['document']}` | {row['format']} | {row['ctgdocs_ms']} | "
                f"{_blank(row.get('raw_ms'))} | {_blank(row.get('ratio'))} | "
                f"{_blank(row.get('pages'))} |"
            )
    return "\n".join(lines)


def _blank(value: Any) -> str:
    return "" if value is None else str(value)


# --- The vocabulary of clause files -------------------------------------------------------------


def vocabulaire(quoi: str = "contrats") -> str:
    if quoi == "deliberation":
        return _vocabulaire_deliberation()
    if quoi != "contrats":
        raise PluginError(f"ctgdocs:vocabulaire : « {quoi} » inconnu (contrats, deliberation)")
    from ctgdocs.model.vocabulaire import ACTE, AVENANT, CONVENTION, VOCABULAIRE

    noms = {CONVENTION: "convention", ACTE: "acte d'engagement", AVENANT: "avenant"}
    lines = ["| valeur | ce qu'elle imprime | exemple | contrats |", "|---|---|---|---|"]
    for nom, v in VOCABULAIRE.items():
        contrats = ", ".join(noms[c] for c in (CONVENTION, ACTE, AVENANT) if c in v.contrats)
        lines.append(f"| `{{{nom}}}` | {v.description} | « {v.exemple} » | {contrats} |")
    return "\n".join(lines)


def _vocabulaire_deliberation() -> str:
    from ctgdocs.model.vocabulaire_deliberation import VOCABULAIRE_DELIBERATION

    lines = ["| valeur | ce qu'elle imprime | exemple | absente |", "|---|---|---|---|"]
    for nom, v in VOCABULAIRE_DELIBERATION.items():
        absente = _cell(v.absente) if v.absente else "toujours là"
        lines.append(
            f"| `{{{nom}}}` | {_cell(v.description)} | « {_cell(v.exemple)} » | {absente} |"
        )
    return "\n".join(lines)


def styles() -> str:
    """Each option of the house style, with its default in each layout; « — » where the layout
    does not use it (the option is then refused)."""
    from pydantic import BaseModel

    from ctgdocs.documents.deliberation.styles import MISES_EN_PAGE
    from ctgdocs.load.styles_deliberation import styles_livres
    from ctgdocs.model.style_deliberation import GROUPES, StyleDeliberation

    livres = styles_livres().mises_en_page
    options: list[tuple[str, ...]] = []
    for nom, champ in StyleDeliberation.model_fields.items():
        groupe = champ.annotation
        if nom in GROUPES and isinstance(groupe, type) and issubclass(groupe, BaseModel):
            options += [(nom, sous) for sous in groupe.model_fields]
        elif nom not in ("mise_en_page", "annee_en_lettres"):
            options.append((nom,))
    lines = [
        "| option | " + " | ".join(f"`{m}`" for m in MISES_EN_PAGE) + " |",
        "|---|" + "---|" * len(MISES_EN_PAGE),
    ]
    for option in options:
        cells = []
        for m in MISES_EN_PAGE:
            node: Any = livres[m]
            for part in option:
                node = node.get(part, _ABSENTE) if isinstance(node, dict) else _ABSENTE
            cells.append("—" if node is _ABSENTE else _defaut(node))
        lines.append(f"| `{'.'.join(option)}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


_ABSENTE = object()


def _defaut(valeur: Any) -> str:
    if valeur is None:
        return "`null`"
    if isinstance(valeur, bool):
        return f"`{str(valeur).lower()}`"
    if isinstance(valeur, list):
        return "[" + ", ".join(_defaut(v) for v in valeur) + "]" if valeur else "`[]`"
    if isinstance(valeur, dict):
        return ", ".join(f"{k} : {_defaut(v)}" for k, v in valeur.items()) or "`{}`"
    return f"`{_cell(str(valeur))}`"


GENERATORS: dict[str, Callable[..., str]] = {
    "cli": cli,
    "vocabulaire": vocabulaire,
    "styles": styles,
    "types": types,
    "fichiers": fichiers,
    "schema": schema,
    "filtres": filtres,
    "contextes": contextes,
    "structures": structures,
    "formats": formats,
    "arborescence": arborescence,
    "galerie": galerie,
    "bench": bench,
}
