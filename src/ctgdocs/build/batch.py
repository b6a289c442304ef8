"""One build of planned documents into an output folder, under its lock: decide against the
manifest, then render each document that must be built and write its files into a staging
folder (in worker processes, local or on a Dask cluster), then rename the files of the
territories that succeeded into place and record them in the manifest.

The build keeps the text of each document it rendered (for the manifest, the text store and
--verbose), never its tree: a worker renders, writes, sends the text back and drops the tree.

A build with HTML previews keeps the fonts they use in DIR/_polices/ beside them (assets.py):
decided with the documents, copied and renamed into place with them.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ctgdocs.build import commit as workdir
from ctgdocs.build import destination
from ctgdocs.build.assets import AssetDecision, decide_assets
from ctgdocs.build.decide import (
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
from ctgdocs.build.manifest import Entry, Manifest, fingerprints, sha256_bytes, sha256_file
from ctgdocs.build.plan import OUTPUTS, SUFFIXES
from ctgdocs.build.produce import (
    LOCAL,
    DocJob,
    Executor,
    LocalExecutor,
    Produit,
    Sortie,
    internal_error,
    parse_executor,
)
from ctgdocs.build.report import BuildReport, Changement, Echec, error_lines, frozen_message
from ctgdocs.errors import CtgError
from ctgdocs.render.texte import document_text

if TYPE_CHECKING:
    from ctgdocs.build.plan import BuildOptions, Notify, Progress
    from ctgdocs.documents import PlannedDocument

# The cost of a document, to hand out the longest first: its text's length at the last build
# (the text store), else a typical length for its kind; times the cost of each format.
FORMAT_COST = {"pdf": 1.0, "docx": 0.3, "html": 0.02, "actes": 0.001}
TYPICAL_LENGTH = {
    "convention": 60_000,
    "acte-engagement": 60_000,
    "referentiel-poste": 12_000,
    "grille-evaluation": 10_000,
    "avenant": 8_000,
    "deliberation": 8_000,
    "tableau-etp": 2_000,
}
FORMATS = OUTPUTS  # the order failures of one document's files are reported in
RENDER, WRITE = 0, 1  # failures of a territory are reported render first, then write


@dataclass(frozen=True)
class Rendu:
    order: int  # rank of the document in the plan
    text: str
    text_sha: str


class Batch:
    def __init__(self, targets: list[Target], options: BuildOptions, report: BuildReport):
        self.targets = targets
        self.options = options
        self.output = options.output
        self.report = report
        self.executor_kind, self.address = parse_executor(options.executor)
        self.fp = fingerprints()
        self.hashes = InputHashes()
        self.manifest = Manifest(self.output, {})
        self.decisions: list[Decision] = []
        self.assets: list[AssetDecision] = []  # DIR/_polices/, when previews are built
        self.rendered: dict[tuple[str, str], Rendu] = {}
        # territoire → (phase, rank in the plan, error lines, reason) of each failure
        self.failed: dict[str, list[tuple[int, int, list[str], str]]] = {}

    def decide(self) -> None:
        """For each output: build it (and why), leave it, or protect it. Reads only."""
        self.manifest = Manifest.load(self.output)
        if not self.options.dry_run:  # a build stopped during its renames: its texts too
            workdir.settle_texts(self.output, self._text_shas)
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
        if any(target.format == "html" for target in self.targets):
            self.assets = decide_assets(self.output, self.manifest, self.options.force)
            for asset in self.assets:
                if asset.action == PROTECTED:
                    self.report.proteges.append((asset.dest, asset.reason))

    def render(self, every_document: bool = False) -> None:
        """Render, here, each document with a file to build, and keep its text (ctgdocs diff);
        refuse a signed text changed. Once a territory failed, its other documents are not
        rendered, unless `every_document`."""
        for job in sorted(self._jobs(every_document), key=lambda j: j.order):
            doc = job.doc
            if doc.territoire in self.failed and not every_document:
                continue
            try:
                text = document_text(doc.render().tree)
            except CtgError as error:
                self._fail(job, RENDER, error_lines(error), "un document n'a pas pu être produit")
                continue
            except Exception as error:  # a bug of ours on this data: this territory's failure
                self._fail(job, RENDER, [internal_error(doc, error)], "erreur interne de ctgdocs")
                continue
            self._rendered(job, text)

    def run(self, progress: Progress | None, notify: Notify | None) -> BuildReport:
        """Build; an output folder that cannot be used (a file, read-only, full) is an
        OutputError in French, and the files already in place are left as they were."""
        try:
            return self._run(progress, notify)
        except OSError as error:
            raise destination.output_error(error, self.output) from error

    def _run(self, progress: Progress | None, notify: Notify | None) -> BuildReport:
        with workdir.locked(self.output, notify) as lock_fd:
            workdir.clean_stale(self.output)
            self.decide()
            staging = workdir.new_staging(self.output)
            try:
                if jobs := self._jobs(staging=staging):
                    self._produce(jobs, staging, lock_fd, progress)
                self._commit(staging)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        self.close()
        return self.report

    def record_changes(self) -> None:
        """The text before (the text store) and now of each rendered document."""
        for (territoire, stem), rendu in self._in_order():
            before = workdir.read_text(self.output, territoire, stem)
            self.report.changements.append(Changement(f"{territoire}/{stem}", before, rendu.text))

    def close(self) -> None:
        """The failed territories, into the report: render failures first, then write
        failures, each in the order of the plan."""
        for territoire, failures in self.failed.items():
            lines: list[str] = []
            reasons: list[str] = []
            for _, _, found, reason in sorted(failures, key=lambda f: (f[0], f[1])):
                lines += found
                if reason not in reasons:
                    reasons.append(reason)
            self.report.echecs.append(Echec(territoire, tuple(lines), " ; ".join(reasons)))
        self.report.echecs.sort(key=lambda e: e.territoire)

    # --- internals ---------------------------------------------------------------------

    def _live(self, every_territory: bool = False) -> list[Decision]:
        """The outputs to build whose territory has not failed."""
        return [
            d
            for d in self.decisions
            if d.action == BUILD and (every_territory or d.target.doc.territoire not in self.failed)
        ]

    def _jobs(self, every_territory: bool = False, staging: Path | None = None) -> list[DocJob]:
        """One job per document with a file to build (its files, costliest format first),
        the longest jobs first."""
        by_doc: dict[tuple[str, str], list[Target]] = {}
        docs: dict[tuple[str, str], PlannedDocument] = {}
        for decision in self._live(every_territory):
            doc = decision.target.doc
            by_doc.setdefault((doc.territoire, doc.stem), []).append(decision.target)
            docs.setdefault((doc.territoire, doc.stem), doc)
        jobs = []
        for order, (key, targets) in enumerate(by_doc.items()):
            targets.sort(key=lambda t: -FORMAT_COST.get(t.format, 1.0))
            sorties = tuple(
                Sortie(t.key, t.format, (staging or self.output) / t.key, t.dest) for t in targets
            )
            cost = self._length(docs[key]) * sum(FORMAT_COST.get(t.format, 1.0) for t in targets)
            jobs.append(DocJob(order, docs[key], sorties, cost))
        jobs.sort(key=lambda j: -j.cost)
        return jobs

    def _length(self, doc: PlannedDocument) -> int:
        try:
            return workdir.text_path(self.output, doc.territoire, doc.stem).stat().st_size
        except OSError:
            return TYPICAL_LENGTH.get(doc.kind, 10_000)

    def _rendered(self, job: DocJob, text: str) -> None:
        """A document's text: kept, and checked against its signed text."""
        doc = job.doc
        self.report.rendus += 1
        rendu = Rendu(job.order, text, sha256_bytes(text.encode("utf-8")))
        self.rendered[(doc.territoire, doc.stem)] = rendu
        fige = frozen_changes(doc, self.manifest, rendu.text_sha, self.hashes.of(doc), self.fp)
        if fige is not None:
            signe_le, changed = fige
            projet = doc.signe_le is None
            message = frozen_message(
                doc.territoire, doc.stem, signe_le, doc.dossier, changed, projet=projet
            )
            self._fail(job, RENDER, [message], f"document signé modifié ({doc.stem})")

    def _fail(self, job: DocJob, phase: int, lines: list[str], reason: str) -> None:
        self.failed.setdefault(job.doc.territoire, []).append((phase, job.order, lines, reason))

    def _executor(self, lock_fd: int) -> Executor:
        workers = self.options.jobs or os.cpu_count() or 1
        if self.executor_kind == LOCAL:
            return LocalExecutor(workers, lock_fd)
        from ctgdocs.build.executors.dask import DaskExecutor

        return DaskExecutor(self.address, workers)

    def _produce(
        self, jobs: list[DocJob], staging: Path, lock_fd: int, progress: Progress | None
    ) -> None:
        """Render and write every job into the staging folder, keep each document's text."""
        total = sum(len(job.sorties) for job in jobs)
        done = 0

        def on_result(job: DocJob, produit: Produit) -> None:
            nonlocal done
            if produit.text is None:
                self._fail(
                    job, RENDER, produit.render_errors, "un document n'a pas pu être produit"
                )
            else:
                self._rendered(job, produit.text)
            for key, data in produit.contents.items():  # from a worker without shared files
                staged = staging / key
                staged.parent.mkdir(parents=True, exist_ok=True)
                staged.write_bytes(data)
            for sortie in sorted(job.sorties, key=lambda s: FORMATS.index(s.format)):
                if failed := produit.write_errors.get(sortie.key):
                    self._fail(job, WRITE, failed, "un fichier n'a pas pu être écrit")
            done += len(job.sorties)
            if progress:
                progress(done, total)

        def skip(job: DocJob) -> bool:
            nonlocal done
            if job.doc.territoire not in self.failed:
                return False
            done += len(job.sorties)
            return True

        executor = self._executor(lock_fd)
        try:
            executor.run(jobs, on_result, skip)
        finally:
            executor.close()

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
        assets, adopted = self._stage_assets(staging, pending)
        if not live and not assets and not adopted and not self.manifest.settled:
            return
        texts = self._new_texts()
        for territoire, stem, stored, text in texts:  # staged beside the stored (settle_texts)
            if stored != text:
                workdir.stage_text(self.output, territoire, stem, text)
        self.manifest.save(pending)
        written: set[tuple[str, str]] = set()
        for decision, staged in moves:
            target = decision.target
            aside = (
                destination.aside(target.dest, target.doc.stem, SUFFIXES[target.format])
                if decision.set_aside
                else None
            )
            if self._place(target.key, staged, target.dest, decision.current, aside, pending):
                self.report.ecrits.append(target.dest)
                written.add((target.doc.territoire, target.doc.stem))
        for asset in assets:
            aside = asset.aside if asset.set_aside else None
            self._place(asset.key, staging / asset.key, asset.dest, asset.current, aside, pending)
        for territoire, stem, stored, text in texts:
            if (territoire, stem) in written:  # what changed, for --verbose
                self.report.changements.append(Changement(f"{territoire}/{stem}", stored, text))
            if stored != text:
                workdir.promote_text(self.output, territoire, stem)
        self.manifest.save()

    def _new_texts(self) -> list[tuple[str, str, str | None, str]]:
        """(territoire, stem, stored text, new text) of each rendered document of a territory
        that did not fail, in the order of the plan."""
        return [
            (territoire, stem, workdir.read_text(self.output, territoire, stem), rendu.text)
            for (territoire, stem), rendu in self._in_order()
            if territoire not in self.failed
        ]

    def _text_shas(self, territoire: str, stem: str) -> set[str]:
        return {
            e.text_sha256
            for e in self.manifest.entries.values()
            if e.territoire == territoire and e.stem == stem
        }

    def _stage_assets(
        self, staging: Path, pending: dict[str, Entry | None]
    ) -> tuple[list[AssetDecision], bool]:
        """The fonts of DIR/_polices/ to copy, staged and recorded as pending; and whether
        the manifest gains the entry of a copy already in place. Only while a preview of a
        territory that did not fail is written or kept."""
        if not any(d.target.format == "html" for d in self._live() + self._kept()):
            return [], False
        copies, adopted = [], False
        for asset in self.assets:
            entry = asset.entry(self.fp)
            previous = self.manifest.entries.get(asset.key)
            if asset.action == UNCHANGED and (previous is None or previous.sha256 != entry.sha256):
                self.manifest.entries[asset.key] = entry  # the right bytes, unknown until now
                adopted = True
            elif asset.action == BUILD:
                staged = staging / asset.key
                staged.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(asset.source, staged)
                pending[asset.key] = previous
                self.manifest.entries[asset.key] = entry
                copies.append(asset)
        return copies, adopted

    def _kept(self) -> list[Decision]:
        """The outputs left as they are, of territories that did not fail."""
        return [
            d
            for d in self.decisions
            if d.action == UNCHANGED and d.target.doc.territoire not in self.failed
        ]

    def _place(
        self,
        key: str,
        staged: Path,
        dest: Path,
        current: str | None,
        aside: Path | None,
        pending: dict[str, Entry | None],
    ) -> bool:
        """Rename a staged file (a document's or a font's) onto dest; False, and the previous
        entry restored, if dest was edited while we were building. With `aside` (--force), the
        file there is first renamed to it."""
        if sha256_file(dest) != current:  # edited while we were building
            self._restore(key, pending[key])
            self.report.proteges.append((dest, MODIFIE))
            return False
        if aside is not None and current is not None:
            os.replace(dest, aside)
            self.report.mis_de_cote.append((dest, aside))
        dest.parent.mkdir(parents=True, exist_ok=True)
        destination.move_into_place(staged, dest)
        return True

    def _in_order(self) -> list[tuple[tuple[str, str], Rendu]]:
        """The rendered documents in the order of the plan."""
        return sorted(self.rendered.items(), key=lambda item: item[1].order)

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
