"""The command line: thin, French, never a traceback (unless --debug)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ctgdocs import __version__
from ctgdocs.errors import CtgError, DataError

FORMATS = "docx,pdf,html"


def _fail(error: CtgError) -> None:
    if isinstance(error, DataError):
        for problem in error.problems:
            click.echo(f"erreur : {problem}", err=True)
        n = len(error.problems)
        click.echo(f"{n} erreur{'s' if n > 1 else ''} : rien n'a été écrit.", err=True)
    else:
        click.echo(f"erreur ({error.category}) : {error}", err=True)
    sys.exit(1)


class Group(click.Group):
    """Turns every user error into a French message and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CtgError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _fail(error)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as error:  # a bug of ours: say so plainly, keep the trace for --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"erreur interne de ctgdocs : {error!r} (relancez avec --debug pour le détail)",
                err=True,
            )
            sys.exit(2)
        return None


@click.group(cls=Group)
@click.version_option(__version__, prog_name="ctgdocs")
@click.option("--debug", is_flag=True, help="Affiche la trace Python des erreurs.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """ctgdocs : les documents d'une Convention territoriale globale, à partir des données."""
    ctx.obj = {"debug": debug}


def _paths(paths: tuple[Path, ...]) -> list[Path]:
    if not paths:
        raise click.UsageError("indiquez au moins un dossier de données (ex. : data/)")
    return list(paths)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Vérifie les données sans rien écrire."""
    from ctgdocs.app import validate as run

    territoires = run(_paths(paths))
    n = len(territoires)
    click.echo(
        f"données valides : {n} territoire{'s' if n > 1 else ''} ({', '.join(t.slug for t in territoires)})"
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--kind", "kinds", multiple=True, help="Type de document (répétable ; voir « ctgdocs kinds »)."
)
@click.option(
    "--format",
    "formats",
    default=FORMATS,
    show_default=True,
    help="Formats, séparés par des virgules.",
)
@click.option(
    "--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Processus en parallèle (0 : un par cœur).",
)
def build(
    paths: tuple[Path, ...], kinds: tuple[str, ...], formats: str, output: Path, jobs: int
) -> None:
    """Produit les documents (DOCX, PDF, HTML) dans output/<territoire>/."""
    from ctgdocs.app import BuildOptions
    from ctgdocs.app import build as run

    fmts = tuple(f.strip() for f in formats.split(",") if f.strip())
    written = run(_paths(paths), BuildOptions(output=output, kinds=kinds, formats=fmts, jobs=jobs))
    for path in sorted(written):
        click.echo(f"écrit : {path}")
    click.echo(
        f"{len(written)} fichier{'s' if len(written) > 1 else ''} écrit{'s' if len(written) > 1 else ''} dans {output}/"
    )


@main.command()
def kinds() -> None:
    """Liste les types de documents."""
    from ctgdocs.documents import KINDS

    for kind in KINDS.values():
        click.echo(f"{kind.name}\t{kind.title}")


@main.command()
@click.argument(
    "fichier",
    type=click.Choice(["territoire", "seance", "convention", "coordination", "acte"]),
    default="territoire",
)
def schema(fichier: str) -> None:
    """Affiche le schéma JSON d'un fichier de données (territoire, seance, convention,
    coordination, acte)."""
    from ctgdocs.schema import json_schema

    click.echo(json.dumps(json_schema(fichier), ensure_ascii=False, indent=2))
