"""What to build, decided before rendering: per planned document and format, build it (and
why), leave it (unchanged), or protect it (a file edited by hand, or unknown to the manifest)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ctgdocs.build.manifest import Entry, Fingerprints, Manifest, sha256_file
from ctgdocs.documents import PlannedDocument
from ctgdocs.load.clauses import dossier_modeles

ABSENT = "absent"
NOUVEAU = "nouveau document"
MODIFIE = "modifié depuis sa génération"
INCONNU = "fichier inconnu du manifeste"
GABARITS = "gabarits"
VERSION = "version de ctgdocs"

BUILD, UNCHANGED, PROTECTED = "build", "unchanged", "protected"


@dataclass(frozen=True)
class Target:
    """One output file: a planned document in one format."""

    doc: PlannedDocument
    format: str
    key: str  # path under the output folder, posix: "le-pradet/acte-engagement.pdf"
    dest: Path


@dataclass(frozen=True)
class Decision:
    target: Target
    action: str  # BUILD, UNCHANGED or PROTECTED
    reason: str
    current: str | None  # sha256 of the file there now (None: no file)
    set_aside: bool = False  # --force on a protected file: rename it aside, then build


class InputHashes:
    """The sha256 of each data file, read once per build."""

    def __init__(self) -> None:
        self._cache: dict[Path, str] = {}

    def of(self, doc: PlannedDocument) -> dict[str, str]:
        result = {}
        for path in doc.entrees:
            if path not in self._cache:
                self._cache[path] = sha256_file(path) or ABSENT
            result[input_name(path, doc.dossier)] = self._cache[path]
        return result


def input_name(path: Path, dossier: Path | None) -> str:
    """A data file as the manifest names it: relative to its territory folder."""
    if dossier is not None:
        for p, d in ((path, dossier), (path.resolve(), dossier.resolve())):
            try:
                return p.relative_to(d).as_posix()
            except ValueError:
                continue
        # A model's file, beside the territories: « modeles/caf-80/duree.md ».
        modeles = dossier_modeles(dossier)
        for p, d in ((path.absolute(), modeles), (path.resolve(), modeles.resolve())):
            try:
                return p.relative_to(d.parent).as_posix()
            except ValueError:
                continue
    return path.name


def changes(entry: Entry, inputs: dict[str, str], fp: Fingerprints) -> list[str]:
    """What changed since the entry was built: the data files by name, then "gabarits", then
    "version de ctgdocs" (a new version, or the same version with other code)."""
    changed = [name for name, sha in inputs.items() if entry.inputs.get(name) != sha]
    changed += [name for name in entry.inputs if name not in inputs]
    if entry.templates != fp.templates:
        changed.append(GABARITS)
    if (entry.version, entry.code) != (fp.version, fp.code):
        changed.append(VERSION)
    return changed


def reason(changed: list[str]) -> str:
    """Why a document is built again: « données modifiées : acte.yaml ; gabarits modifiés »."""
    data = [c for c in changed if c not in (GABARITS, VERSION)]
    parts = [f"données modifiées : {', '.join(data)}"] if data else []
    if GABARITS in changed:
        parts.append("gabarits modifiés")
    if VERSION in changed:
        parts.append("nouvelle version de ctgdocs")
    return " ; ".join(parts)


def decide(
    target: Target,
    entry: Entry | None,
    inputs: dict[str, str],
    fp: Fingerprints,
    force: bool,
) -> Decision:
    current = sha256_file(target.dest)
    if current is None:
        return Decision(target, BUILD, ABSENT if entry else NOUVEAU, None)
    if entry is None or entry.sha256 != current:
        why = INCONNU if entry is None else MODIFIE
        if force:
            return Decision(target, BUILD, f"{why} : mis de côté puis régénéré", current, True)
        return Decision(target, PROTECTED, why, current)
    changed = changes(entry, inputs, fp)
    if changed:
        return Decision(target, BUILD, reason(changed), current)
    return Decision(target, UNCHANGED, "", current)


def frozen_changes(
    doc: PlannedDocument,
    manifest: Manifest,
    text_sha: str,
    inputs: dict[str, str],
    fp: Fingerprints,
) -> tuple[dt.date, list[str]] | None:
    """For a document the manifest recorded as signed, whose text differs from the signed text
    or whose data no longer give a date of signature (a signed act made a draft again): the
    date it was signed on, as recorded, and what changed since (never empty). None when the
    document may be written."""
    for entry in manifest.signed(doc.territoire, doc.stem):
        if doc.signe_le is None or entry.text_sha256 != text_sha:
            assert entry.signe_le is not None  # manifest.signed
            return dt.date.fromisoformat(entry.signe_le), changes(entry, inputs, fp) or [VERSION]
    return None
