"""The report of a build, and how it reads in French: the summary, the errors, the diffs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ctgdocs.errors import CtgError, DataError, display_path
from ctgdocs.fr.accord import accord
from ctgdocs.render.texte import unified

RAPPEL_FORCE = "--force le met de côté puis le régénère"


@dataclass(frozen=True)
class Echec:
    """A territory that wrote nothing: the error lines (stderr) and a short reason."""

    territoire: str
    erreurs: tuple[str, ...]
    resume: str


@dataclass(frozen=True)
class Changement:
    """The text of a document before and after (None before: a new document)."""

    document: str  # "territoire/stem"
    avant: str | None
    apres: str


@dataclass
class BuildReport:
    """What a build did (or, with dry_run, would do). Paths are under the output folder."""

    output: Path
    dry_run: bool = False
    ecrits: list[Path] = field(default_factory=list)
    inchanges: list[Path] = field(default_factory=list)
    proteges: list[tuple[Path, str]] = field(default_factory=list)  # path, why
    mis_de_cote: list[tuple[Path, Path]] = field(default_factory=list)  # from, to
    a_reconstruire: list[tuple[Path, str]] = field(default_factory=list)  # path, why
    echecs: list[Echec] = field(default_factory=list)
    rendus: int = 0  # documents rendered (a no-op rebuild renders none)
    changements: list[Changement] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.echecs


def compte(n: int, mot: str) -> str:
    """« 0 écrit », « 1 écrit », « 2 écrits » (fr/accord: the plural starts at 2)."""
    return f"{n} {accord(mot, n)}"


def error_lines(error: CtgError) -> list[str]:
    if isinstance(error, DataError):
        return [f"erreur : {problem}" for problem in error.problems]
    return [f"erreur ({error.category}) : {error}"]


def data_failure(territoire: str, error: DataError) -> Echec:
    n = len(error.problems)
    return Echec(territoire, tuple(error_lines(error)), f"{compte(n, 'erreur')} dans les données")


def frozen_message(
    territoire: str,
    stem: str,
    signe_le: dt.date,
    dossier: Path | None,
    changed: list[str],
    projet: bool = False,
) -> str:
    """A signed document's text changed; `projet`: its data no longer give its date of
    signature, as if it were a draft again."""
    from ctgdocs.fr.dates import date_fr

    where = display_path(dossier) if dossier is not None else territoire
    quoi = (
        "sa date de signature ne peut pas être retirée de ses données : un acte signé ne "
        "redevient pas un projet"
        if projet
        else "son texte ne peut plus changer"
    )
    return (
        f"erreur : {territoire}/{stem} : document signé le {date_fr(signe_le)} ; {quoi} "
        f"(modifié depuis : {', '.join(changed)}). Pour le modifier, écrivez un avenant dans "
        f"{where}/avenants/ ; le document signé reste tel quel."
    )


def summary_lines(report: BuildReport) -> list[str]:
    """One line per file written, set aside or protected, per failed territory, then the
    counts."""
    lines = []
    if report.dry_run:
        lines += [f"à reconstruire : {path} ({why})" for path, why in report.a_reconstruire]
    lines += [f"écrit : {path}" for path in sorted(report.ecrits)]
    lines += [f"mis de côté : {old} → {new}" for old, new in report.mis_de_cote]
    lines += [f"protégé : {path} ({why} ; {RAPPEL_FORCE})" for path, why in report.proteges]
    lines += [
        f"échec : {e.territoire} : {e.resume} ; rien n'a été écrit pour ce territoire"
        for e in report.echecs
    ]
    counts = [
        compte(len(report.inchanges), "inchangé"),
        f"{len(report.echecs)} en échec",
        compte(len(report.proteges), "protégé"),
    ]
    if report.dry_run:
        counts.insert(0, f"{len(report.a_reconstruire)} à reconstruire")
        lines.append(f"Résumé : {', '.join(counts)} (--dry-run : rien n'a été écrit).")
    else:
        counts.insert(0, compte(len(report.ecrits), "écrit"))
        lines.append(f"Résumé : {', '.join(counts)}.")
    return lines


def diff_lines(changement: Changement) -> list[str]:
    """What changed in a document's text, as a unified diff."""
    if changement.avant is None:
        return [f"{changement.document} : nouveau document"]
    if changement.avant == changement.apres:
        return [f"{changement.document} : texte inchangé"]
    return unified(changement.document, changement.avant, changement.apres)
