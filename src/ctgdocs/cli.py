"""The command line: thin, French, never a traceback (unless --debug)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ctgdocs import __version__, cli_fr
from ctgdocs.errors import CtgError, DataError
from ctgdocs.fr.accord import accord
from ctgdocs.model.fichiers import FICHIERS

if TYPE_CHECKING:
    from ctgdocs.build.report import BuildReport
    from ctgdocs.imports.commande import Resultat

FORMATS = "docx,pdf,html"

cli_fr.install()  # click's own messages in French


class Entier(click.IntRange):
    """An integer option, named in French in click's messages."""

    name = "nombre entier"


def _fail(error: CtgError) -> None:
    if isinstance(error, DataError):
        for problem in error.problems:
            click.echo(f"erreur : {problem}", err=True)
        n = len(error.problems)
        click.echo(f"{n} {accord('erreur', n)} : rien n'a été écrit.", err=True)
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


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ctgdocs", message="%(prog)s, version %(version)s")
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
    from ctgdocs.app import a_completer
    from ctgdocs.app import validate as run

    territoires = run(_paths(paths))
    n = len(territoires)
    click.echo(
        f"données valides : {n} {accord('territoire', n)} ({', '.join(t.slug for t in territoires)})"
    )
    for territoire in territoires:
        manques = a_completer(territoire)
        if manques:
            click.echo(f"à compléter ({territoire.slug}) :")
        for manque in manques:
            click.echo(f"  {manque}")


def _selection(f: Callable[..., None]) -> Callable[..., None]:
    """The options that choose what to build and where: --kind, --format, --output."""
    f = click.option(
        "--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True
    )(f)
    f = click.option(
        "--format",
        "formats",
        default=FORMATS,
        show_default=True,
        help="Formats, séparés par des virgules.",
    )(f)
    return click.option(
        "--kind",
        "kinds",
        multiple=True,
        help="Type de document (répétable ; voir « ctgdocs kinds »).",
    )(f)


def _formats(formats: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in formats.split(",") if f.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_selection
@click.option(
    "--jobs",
    type=Entier(min=0),
    default=0,
    help="Processus en parallèle (0 : un par cœur).",
)
@click.option(
    "--executor",
    default="local",
    show_default=True,
    help="Où écrire les fichiers : local (processus de cette machine), dask (un LocalCluster "
    "de --jobs processus) ou l'adresse d'un ordonnanceur Dask (tcp://hôte:port).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Met de côté les fichiers modifiés à la main (<nom>.modifie-N), puis les régénère.",
)
@click.option(
    "--dry-run", is_flag=True, help="Dit ce qui serait reconstruit et pourquoi ; n'écrit rien."
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Montre ce qui a changé dans le texte de chaque document régénéré.",
)
def build(
    paths: tuple[Path, ...],
    kinds: tuple[str, ...],
    formats: str,
    output: Path,
    jobs: int,
    executor: str,
    force: bool,
    dry_run: bool,
    verbose: bool,
) -> None:
    """Produit les documents (DOCX, PDF, HTML) dans output/<territoire>/ : seulement ceux dont
    les données, les gabarits ou ctgdocs ont changé depuis le dernier build."""
    from ctgdocs.app import BuildOptions
    from ctgdocs.app import build as run
    from ctgdocs.build.progress import ProgressBar
    from ctgdocs.build.report import diff_lines, summary_lines

    options = BuildOptions(
        output=output,
        kinds=kinds,
        formats=_formats(formats),
        jobs=jobs,
        executor=executor,
        force=force,
        dry_run=dry_run,
    )
    bar = ProgressBar()
    try:
        report = run(_paths(paths), options, progress=bar, notify=_notify)
    finally:
        bar.close()
    _errors(report)
    if verbose:
        for changement in report.changements:
            for line in diff_lines(changement):
                click.echo(line)
    for line in summary_lines(report):
        click.echo(line)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_selection
def diff(paths: tuple[Path, ...], kinds: tuple[str, ...], formats: str, output: Path) -> None:
    """Montre ce que changerait un build dans le texte des documents ; n'écrit rien."""
    from ctgdocs.app import BuildOptions
    from ctgdocs.app import diff as run
    from ctgdocs.build.report import diff_lines

    report = run(_paths(paths), BuildOptions(output=output, kinds=kinds, formats=_formats(formats)))
    _errors(report)
    if not report.changements:
        click.echo("rien à reconstruire")
    for changement in report.changements:
        for line in diff_lines(changement):
            click.echo(line)
    if not report.ok:
        sys.exit(1)


def _errors(report: BuildReport) -> None:
    for echec in report.echecs:
        for line in echec.erreurs:
            click.echo(line, err=True)


def _notify(message: str) -> None:
    click.echo(message, err=True)


@main.group()
def export() -> None:
    """Exporte les données dans un format d'échange (scdl)."""


@export.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Fichier CSV à écrire (par défaut : la sortie standard).",
)
@click.option(
    "--url-base",
    default=None,
    help="Adresse où les PDF sont publiés : DELIB_URL = <url-base><territoire>/<fichier>.pdf",
)
def scdl(paths: tuple[Path, ...], output: Path | None, url_base: str | None) -> None:
    """Délibérations au format SCDL 2.1.5 (open data), une ligne par délibération."""
    from ctgdocs.app import scdl as exporter
    from ctgdocs.build import destination
    from ctgdocs.errors import OutputError
    from ctgdocs.load.territoire import find_territoires
    from ctgdocs.writers.atomic import write_bytes_atomic

    if output is not None:  # before anything is read: never over a file that is read
        destination.check_file(output, find_territoires(_paths(paths))[0])
    text = exporter(_paths(paths), url_base)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_bytes_atomic(output, text.encode("utf-8"))
    except OSError as error:
        raise OutputError(f"{output} : {destination.reason(error)}") from error
    n = text.count("\r\n") - 1
    click.echo(f"écrit : {output} ({n} {accord('délibération', n)})", err=True)


@main.command()
def kinds() -> None:
    """Liste les types de documents."""
    from ctgdocs.documents import KINDS

    for kind in KINDS.values():
        click.echo(f"{kind.name}\t{kind.title}")


@main.command()
@click.argument(
    "fichier",
    type=click.Choice(list(FICHIERS)),
    default="territoire",
)
def schema(fichier: str) -> None:
    """Affiche le schéma JSON d'un type de fichier de données (par défaut territoire)."""
    from ctgdocs.model.schema import json_schema

    click.echo(json.dumps(json_schema(fichier), ensure_ascii=False, indent=2))


@main.group(name="import")
def import_() -> None:
    """Importe les données officielles : communes et EPCI (COG), élus (RNE), SIRET (SIRENE)."""


# An official file the import reads (never fetched: the machine may be offline).
FICHIER_LU = click.Path(path_type=Path, dir_okay=False, exists=True)
_dry_run = click.option("--dry-run", is_flag=True, help="Montre les changements ; n'écrit rien.")


def _mise_a_jour(f: Callable[..., None]) -> Callable[..., None]:
    f = _dry_run(f)
    return click.option(
        "--mise-a-jour",
        is_flag=True,
        help="Met à jour un territoire.yaml existant (ses commentaires et vos clés sont gardés).",
    )(f)


@import_.command(name="territoire")
@click.argument("dossier", type=click.Path(path_type=Path, file_okay=False))
@click.option("--epci", default=None, help="SIREN de l'EPCI : lui et toutes ses communes.")
@click.option(
    "--commune",
    "communes",
    multiple=True,
    help="Code INSEE d'une commune (répétable) ; avec --epci, une de ses communes.",
)
@click.option(
    "--sirene",
    type=FICHIER_LU,
    default=None,
    help="Extrait SIRENE des établissements (CSV) : le SIRET du siège de chaque organisation.",
)
@_mise_a_jour
def import_territoire(
    dossier: Path,
    epci: str | None,
    communes: tuple[str, ...],
    sirene: Path | None,
    mise_a_jour: bool,
    dry_run: bool,
) -> None:
    """Écrit DOSSIER/territoire.yaml d'après le Code officiel géographique installé : l'EPCI,
    ses communes (nom, code INSEE, SIREN, population légale) et la Caf du département."""
    from ctgdocs.app import importer
    from ctgdocs.imports import commande

    resultat = commande.territoire(
        dossier,
        epci,
        communes,
        mise_a_jour=mise_a_jour,
        sirene=sirene,
        commande=" ".join(
            ["ctgdocs import territoire", str(dossier)]
            + ([f"--epci {epci}"] if epci else [])
            + [f"--commune {c}" for c in communes]
        ),
    )
    ecrit = importer(resultat, dry_run=dry_run, lus=[p for p in (sirene,) if p])
    _rapport(resultat, ecrit, dry_run)


@import_.command(name="elus")
@click.argument("dossier", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--rne",
    type=FICHIER_LU,
    required=True,
    help="Fichier des conseillers municipaux du RNE (elus-conseillers-municipaux-cm.csv).",
)
@click.option(
    "--rne-epci",
    type=FICHIER_LU,
    default=None,
    help="Fichier des conseillers communautaires (elus-conseillers-communautaires-epci.csv).",
)
@_dry_run
def import_elus(dossier: Path, rne: Path, rne_epci: Path | None, dry_run: bool) -> None:
    """Remplit le conseil de chaque commune et de l'EPCI d'après le Répertoire national des
    élus : personnes (civilité, prénom, NOM), maire ou président, adjoints ; jamais les dates
    de naissance, professions ni nationalités."""
    from ctgdocs.app import importer
    from ctgdocs.imports import commande

    resultat = commande.elus(dossier, rne, rne_epci)
    ecrit = importer(resultat, dry_run=dry_run, lus=[p for p in (rne, rne_epci) if p])
    _rapport(resultat, ecrit, dry_run)


def _rapport(resultat: Resultat, ecrit: bool, dry_run: bool) -> None:
    from ctgdocs.errors import display_path
    from ctgdocs.imports.changements import lignes

    for line in lignes(resultat.changements, dry_run=dry_run):
        click.echo(line)
    cible = display_path(resultat.cible)
    if ecrit:
        click.echo(f"écrit : {cible}")
    elif resultat.texte is None:
        click.echo(f"{cible} : rien à changer")
    else:
        click.echo(f"rien n'a été écrit (--dry-run) : {cible}")


@main.command()
@click.argument(
    "donnees", type=click.Path(path_type=Path, exists=True, file_okay=False), default=Path("data")
)
@click.option(
    "--output", type=click.Path(path_type=Path), default=Path("output"), show_default=True
)
@click.option("--port", type=Entier(min=1, max=65535), default=8000, show_default=True)
@click.option(
    "--hote",
    default="127.0.0.1",
    show_default=True,
    help="Adresse d'écoute ; toute autre que cette machine demande un jeton, affiché ici.",
)
def serve(donnees: Path, output: Path, port: int, hote: str) -> None:
    """Ouvre l'application web locale sur les données : territoires, documents et leur état,
    saisie d'une séance vérifiée pendant la frappe, production des documents."""
    import secrets

    import uvicorn

    from ctgdocs.app import build as construire
    from ctgdocs.serve.app import application
    from ctgdocs.serve.securite import locale

    jeton = None if locale(hote) else secrets.token_urlsafe(24)
    adresse = f"http://{hote}:{port}/" + (f"?jeton={jeton}" if jeton else "")
    click.echo(f"ctgdocs serve : {adresse} (Ctrl+C pour arrêter)")
    uvicorn.run(
        application(donnees, output, construire, jeton), host=hote, port=port, log_level="warning"
    )
