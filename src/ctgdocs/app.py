"""The whole pipeline: read and check the data, decide what to build, render, write.

paths → territories → load + rules (problems per territory) → plan → decide against the
manifest → render what changed → stage in parallel → rename into place, manifest updated.

A territory is written whole or not at all: invalid data, a render or write error, or a signed
document whose text would change, and none of its files is replaced; the others are built.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ctgdocs import rules
from ctgdocs.build import commit as workdir
from ctgdocs.build import destination
from ctgdocs.build.decide import Target
from ctgdocs.build.manifest import MANIFEST
from ctgdocs.build.plan import BuildOptions, Notify, Progress, check_formats, plan, targets
from ctgdocs.build.report import BuildReport, data_failure
from ctgdocs.errors import DataError, Problem, display_path
from ctgdocs.load.territoire import DonneesTerritoire, find_territoires, load_territoire

if TYPE_CHECKING:
    from ctgdocs.imports.commande import Resultat


def _check(
    paths: Sequence[Path],
) -> tuple[list[DonneesTerritoire], list[Problem], dict[str, list[Problem]], list[Path]]:
    """Valid territories, problems with the paths themselves, problems per invalid territory,
    and every territory folder found."""
    dossiers, path_problems = find_territoires(paths)
    territoires = []
    invalid: dict[str, list[Problem]] = {}
    for dossier in dossiers:
        donnees, found = load_territoire(dossier)
        if donnees is not None:
            found = rules.check(donnees)
        if found:
            invalid[dossier.name] = found
        elif donnees is not None:
            territoires.append(donnees)
    return territoires, path_problems, invalid, dossiers


def validate(paths: Sequence[Path]) -> list[DonneesTerritoire]:
    """Load and check every territory under paths; raise DataError with every problem found."""
    territoires, problems, invalid, _ = _check(paths)
    problems += [p for found in invalid.values() for p in found]
    if problems:
        raise DataError(problems)
    return territoires


def scdl(paths: Sequence[Path], url_base: str | None = None) -> str:
    """The SCDL file (open data) of the deliberations under paths; the address checked first."""
    from ctgdocs.export import scdl as export

    url = export.url_de_base(url_base)
    return export.exporter(validate(paths), url)


def build(
    paths: Sequence[Path],
    options: BuildOptions,
    *,
    progress: Progress | None = None,
    notify: Notify | None = None,
) -> BuildReport:
    """Build what changed since the last build into options.output and report what was done.

    Raises DataError when no territory is valid (or a path is not a territory), UsageError and
    OutputError (two documents with one file name) before anything is written. Otherwise the
    failures of single territories are in the report (report.echecs), the others are built."""
    from ctgdocs.build.batch import Batch

    planned, report = _prepare(paths, options)
    batch = Batch(planned, options, report)
    if options.dry_run:
        batch.decide()
        batch.close()
        return report
    return batch.run(progress=progress, notify=notify)


def diff(paths: Sequence[Path], options: BuildOptions) -> BuildReport:
    """Render what a build would rebuild, and return its texts before and after
    (report.changements); write nothing."""
    from ctgdocs.build.batch import Batch

    planned, report = _prepare(paths, options)
    batch = Batch(planned, options, report)
    batch.decide()
    batch.render(every_document=True)
    batch.record_changes()
    batch.close()
    return report


def _prepare(paths: Sequence[Path], options: BuildOptions) -> tuple[list[Target], BuildReport]:
    check_formats(options.formats)
    territoires, problems, invalid, dossiers = _check(paths)
    if problems or not territoires:
        raise DataError(problems + [p for found in invalid.values() for p in found])
    destination.check_folder(
        options.output, dossiers, [d.name for d in dossiers] + [workdir.WORKDIR, MANIFEST]
    )
    planned = targets(plan(territoires, options.kinds), options)
    report = BuildReport(output=options.output, dry_run=options.dry_run)
    report.echecs += [data_failure(t, DataError(found)) for t, found in invalid.items()]
    return planned, report


__all__ = [
    "BuildOptions",
    "BuildReport",
    "Notify",
    "Progress",
    "build",
    "diff",
    "plan",
    "scdl",
    "validate",
]


def a_completer(territoire: DonneesTerritoire) -> list[Problem]:
    """What an imported territory still lacks (not errors): rules/a_completer."""
    from ctgdocs.rules.a_completer import manques

    return sorted(manques(territoire), key=lambda p: (p.location.line or 0, p.location.col or 0))


def importer(resultat: Resultat, *, dry_run: bool, lus: Sequence[Path] = ()) -> bool:
    """Write what an import gives (ctgdocs.imports.commande), unless dry_run or nothing changed:
    atomically, and never over one of the official files it read. Whether it wrote."""
    from ctgdocs.errors import OutputError, UsageError
    from ctgdocs.writers.atomic import write_bytes_atomic

    for lu in lus:
        if lu.resolve() == resultat.cible.resolve():
            raise UsageError(
                f"{display_path(lu)} est lu par l'import : il ne peut pas être aussi le "
                "territoire écrit"
            )
    if dry_run or resultat.texte is None:
        return False
    try:
        write_bytes_atomic(resultat.cible, resultat.texte.encode("utf-8"))
    except OSError as error:
        raise OutputError(
            f"{display_path(resultat.cible)} : {destination.reason(error)}"
        ) from error
    return True
