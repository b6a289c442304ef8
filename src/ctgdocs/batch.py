"""One build of planned documents into an output folder, under its lock: decide against the
manifest, render once per document what must be built, stage every file, then rename the
files of the territories that succeeded into place and record them in the manifest."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ctgdocs import workdir
from ctgdocs.errors import CtgError
from ctgdocs.incremental import (
    BUILD,
    MODIFIE,
    PROTECTED,
    UNCHANGED,
    Decision,
    InputHashes,
    Target,
    decide,
    frozen_changes,
)
from ctgdocs.manifest import Entry, Manifest, fingerprints, sha256_bytes, sha256_file
from ctgdocs.pool import WriteJob, write_all
from ctgdocs.rapport import BuildReport, Changement, Echec, error_lines, frozen_message
from ctgdocs.texte import document_text
from ctgdocs.writers import SUFFIXES
from ctgdocs.writers.base import RenderedDocument

if TYPE_CHECKING:
    from ctgdocs.app import BuildOptions, Notify, Progress


@dataclass(frozen=True)
class Rendu:
    document: RenderedDocument
    text: str
    text_sha: str


class Batch:
    def __init__(self, targets: list[Target], options: BuildOptions, report: BuildReport):
        self.targets = targets
        self.options = options
        self.output = options.output
        self.report = report
        self.fp = fingerprints()
        self.hashes = InputHashes()
        self.manifest = Manifest(self.output, {})
        self.decisions: list[Decision] = []
        self.rendered: dict[tuple[str, str], Rendu] = {}
        self.failed: dict[str, tuple[list[str], list[str]]] = {}  # territoire → lines, reasons

    def decide(self) -> None:
        """For each output: build it (and why), leave it, or protect it. Reads only."""
        self.manifest = Manifest.load(self.output)
        for target in self.targets:
            entry = self.manifest.entries.get(target.key)
            inputs = self.hashes.of(target.doc)
            decision = decide(target, entry, inputs, self.fp, self.options.force)
            self.decisions.append(decision)
            if decision.action == PROTECTED:
                self.report.proteges.append((target.dest, decision.reason))
            elif decision.action == UNCHANGED:
                self.report.inchanges.append(target.dest)
            else:
                self.report.a_reconstruire.append((target.dest, decision.reason))

    def render(self, every_document: bool = False) -> None:
        """Render each document with a file to build, once; refuse a signed text changed. Once
        a territory failed, its other documents are not rendered, unless `every_document`."""
        for decision in self._live(every_document):
            doc = decision.target.doc
            if (doc.territoire, doc.stem) in self.rendered or (
                doc.territoire in self.failed and not every_document
            ):
                continue
            try:
                rendered = doc.render()
            except CtgError as error:
                self._fail(
                    doc.territoire, error_lines(error), "un document n'a pas pu être produit"
                )
                continue
            self.report.rendus += 1
            text = document_text(rendered.tree)
            rendu = Rendu(rendered, text, sha256_bytes(text.encode("utf-8")))
            self.rendered[(doc.territoire, doc.stem)] = rendu
            inputs = self.hashes.of(doc)
            changed = frozen_changes(doc, self.manifest, rendu.text_sha, inputs, self.fp)
            if changed and doc.signe_le is not None:
                message = frozen_message(
                    doc.territoire, doc.stem, doc.signe_le, doc.dossier, changed
                )
                self._fail(doc.territoire, [message], f"document signé modifié ({doc.stem})")

    def run(self, progress: Progress | None, notify: Notify | None) -> BuildReport:
        with workdir.locked(self.output, notify) as lock_fd:
            workdir.clean_stale(self.output)
            self.decide()
            self.render()
            staging = workdir.new_staging(self.output)
            try:
                self._stage(staging, lock_fd, progress)
                self._commit(staging)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        self.close()
        return self.report

    def record_changes(self) -> None:
        """The text before (the text store) and now of each rendered document."""
        for (territoire, stem), rendu in self.rendered.items():
            before = workdir.read_text(self.output, territoire, stem)
            self.report.changements.append(Changement(f"{territoire}/{stem}", before, rendu.text))

    def close(self) -> None:
        """The failed territories, into the report."""
        self.report.echecs += [
            Echec(territoire, tuple(lines), " ; ".join(reasons))
            for territoire, (lines, reasons) in self.failed.items()
        ]
        self.report.echecs.sort(key=lambda e: e.territoire)

    # --- internals ---------------------------------------------------------------------

    def _live(self, every_territory: bool = False) -> list[Decision]:
        """The outputs to build whose territory has not failed."""
        return [
            d
            for d in self.decisions
            if d.action == BUILD and (every_territory or d.target.doc.territoire not in self.failed)
        ]

    def _fail(self, territoire: str, lines: list[str], reason: str) -> None:
        known_lines, reasons = self.failed.setdefault(territoire, ([], []))
        known_lines += lines
        if reason not in reasons:
            reasons.append(reason)

    def _stage(self, staging: Path, lock_fd: int, progress: Progress | None) -> None:
        jobs = [
            WriteJob(
                d.target.key,
                d.target.format,
                self.rendered[(d.target.doc.territoire, d.target.doc.stem)].document,
                staging / d.target.key,
                d.target.dest,
            )
            for d in self._live()
        ]
        jobs.sort(key=lambda j: j.format != "pdf")  # longest first: no PDF straggles at the end
        workers = self.options.jobs or os.cpu_count() or 1
        errors = write_all(jobs, workers, lock_fd, progress)
        for decision in self.decisions:
            if decision.target.key in errors:
                territoire = decision.target.doc.territoire
                self._fail(
                    territoire, errors[decision.target.key], "un fichier n'a pas pu être écrit"
                )

    def _commit(self, staging: Path) -> None:
        """Record the new entries as pending, rename the files into place, record them final."""
        live = self._live()
        pending: dict[str, Entry | None] = {}
        moves: list[tuple[Decision, Path]] = []
        for decision in live:
            target = decision.target
            staged = staging / target.key
            previous = self.manifest.entries.get(target.key)
            self.manifest.entries[target.key] = self._entry(target, sha256_file(staged) or "")
            if self.manifest.entries[target.key].sha256 == decision.current:
                self.report.inchanges.append(target.dest)  # rendered again, same bytes
            else:
                pending[target.key] = previous
                moves.append((decision, staged))
        if not live and not self.manifest.settled:
            return
        self.manifest.save(pending)
        written: set[tuple[str, str]] = set()
        for decision, staged in moves:
            target = decision.target
            if sha256_file(target.dest) != decision.current:  # edited while we were building
                self._restore(target.key, pending[target.key])
                self.report.proteges.append((target.dest, MODIFIE))
                continue
            if decision.set_aside and decision.current is not None:
                aside = _aside(target)
                os.replace(target.dest, aside)
                self.report.mis_de_cote.append((target.dest, aside))
            target.dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target.dest)
            self.report.ecrits.append(target.dest)
            written.add((target.doc.territoire, target.doc.stem))
        for (territoire, stem), rendu in self.rendered.items():
            if territoire in self.failed:
                continue
            stored = workdir.read_text(self.output, territoire, stem)
            if (territoire, stem) in written:  # what changed, for --verbose
                self.report.changements.append(
                    Changement(f"{territoire}/{stem}", stored, rendu.text)
                )
            if stored != rendu.text:
                workdir.write_text(self.output, territoire, stem, rendu.text)
        self.manifest.save()

    def _entry(self, target: Target, sha: str) -> Entry:
        doc = target.doc
        return Entry(
            kind=doc.kind,
            format=target.format,
            territoire=doc.territoire,
            stem=doc.stem,
            inputs=self.hashes.of(doc),
            templates=self.fp.templates,
            version=self.fp.version,
            code=self.fp.code,
            sha256=sha,
            text_sha256=self.rendered[(doc.territoire, doc.stem)].text_sha,
            signe_le=doc.signe_le.isoformat() if doc.signe_le else None,
        )

    def _restore(self, key: str, previous: Entry | None) -> None:
        if previous is None:
            self.manifest.entries.pop(key, None)
        else:
            self.manifest.entries[key] = previous


def _aside(target: Target) -> Path:
    """The first free « <stem>.modifie-<n><suffix> » beside the output."""
    n = 1
    while True:
        aside = target.dest.with_name(f"{target.doc.stem}.modifie-{n}{SUFFIXES[target.format]}")
        if not aside.exists():
            return aside
        n += 1
