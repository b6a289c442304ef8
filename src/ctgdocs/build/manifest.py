"""The manifest: what each output file was built from, and the bytes it was written with.

output/manifest.json maps each output (its path under the output folder, posix) to the hashes
of its data files, of the templates and of the code of ctgdocs that can change it
(CODE_WITH_OUTPUT), to the hash of its bytes and of its text. A build compares them to decide
what to render again, and the bytes' hash tells a file edited by hand from a generated one.

An update is written twice: first with every entry about to change marked pending (the new
entry, and the previous one beside it), then, once the files are renamed into place, final. A
pending entry found on load (a build killed in between) is settled by the file's bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctgdocs import __version__, paths
from ctgdocs.errors import OutputError
from ctgdocs.writers.atomic import write_bytes_atomic

MANIFEST = "manifest.json"
SCHEMA = 1


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The file's hash, or None when there is no such file."""
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except FileNotFoundError:
        return None


# The code that can change an output's bytes, hashed into Fingerprints.code: the stages a
# document goes through from its data to its files, and the two modules of the build that drive
# them. Paths under the package; a folder stands for every module under it. Editing any of them
# rebuilds every document; editing the rest (CODE_WITHOUT_OUTPUT) rebuilds none.
# tests/test_fingerprint.py checks that every module of the package is in exactly one of the two.
CODE_WITH_OUTPUT = (
    "load/",  # reads the data files
    "model/",
    "rules/",  # also computes what documents print: quorum, vote, financement
    "avenants/",
    "documents/",
    "render/",
    "fr/",
    "writers/",
    "export/",  # the @CTES sidecar of a PDF
    "references/",  # reads the reference texts (their YAML is in the templates digest)
    "build/plan.py",  # the writer of each file, the sidecars beside a PDF
    "build/produce.py",  # a document's render, pagination and writers, in a worker
)
# The rest of the package, and why editing it leaves every output's bytes as they are.
CODE_WITHOUT_OUTPUT = {
    "__init__.py": "the version: a fingerprint of its own (Fingerprints.version)",
    "__main__.py": "python -m ctgdocs: runs the command line",
    "cli.py": "the command line: its options choose documents and formats, not their bytes",
    "cli_fr.py": "click's messages in French",
    "app.py": "runs the stages in order; hands what load and rules return to plan as it is",
    "errors.py": "the exceptions and problems: what a failure says",
    "paths.py": "names the template, font and reference folders: their bytes are hashed",
    "build/__init__.py": "a docstring",
    "build/assets.py": "copies the fonts of the previews byte for byte, decided by their bytes",
    "build/batch.py": "decides, hands the jobs to produce, stages and commits their bytes",
    "build/commit.py": "the work folder: lock, staging folders, stored texts",
    "build/decide.py": "what to build, from the manifest and the fingerprints",
    "build/destination.py": "where a build may write; renames staged files into place",
    "build/manifest.py": "records what each output was built from",
    "build/progress.py": "the progress bar",
    "build/report.py": "the build's report, in French",
    "build/executors/": "where produce runs (Dask) and how the bytes it wrote travel back",
    # the data files it writes are inputs of the documents, hashed as such
    "imports/": "reads official files (the COG) to write data files, never an output",
    "serve/": "the web app: it runs the pipeline, never changes what it writes",
}


def fingerprinted(module: str) -> bool:
    """Whether a module (its posix path under the package) is hashed into Fingerprints.code."""
    return any(module == e or (e.endswith("/") and module.startswith(e)) for e in CODE_WITH_OUTPUT)


def _tree_files(root: Path, pattern: str = "*") -> list[tuple[str, Path]]:
    """The files under root by their posix path relative to it, in sorted order. Caches
    (__pycache__, *.pyc) and hidden files (editor and lock files) are left out, by their path
    under root: a package installed under a hidden folder (~/.venv/) is hashed whole."""
    files = ((p.relative_to(root), p) for p in root.rglob(pattern) if p.is_file())
    return sorted(
        (rel.as_posix(), p)
        for rel, p in files
        if p.suffix != ".pyc"
        and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts)
    )


def code_files(package: Path) -> list[tuple[str, Path]]:
    """The modules of the package hashed into the code fingerprint (CODE_WITH_OUTPUT)."""
    return [(name, path) for name, path in _tree_files(package, "*.py") if fingerprinted(name)]


def _digest(files: Iterable[tuple[str, Path]]) -> str:
    """One hash over the names and bytes of the files, in the order given."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(f"{name}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Fingerprints:
    """What every output depends on besides its data: templates, fonts, references; the code."""

    templates: str
    version: str
    code: str


def fingerprints() -> Fingerprints:
    resources = [
        ("templates", paths.TEMPLATES_DIR),
        ("fonts", paths.FONTS_DIR),
        ("references", paths.REFERENCES_DIR),
    ]
    templates = _digest(
        (f"{label}/{name}", path) for label, root in resources for name, path in _tree_files(root)
    )
    code = _digest((f"ctgdocs/{name}", path) for name, path in code_files(paths.PACKAGE_DIR))
    return Fingerprints(templates=templates, version=__version__, code=code)


@dataclass(frozen=True)
class Entry:
    """What one output file was built from, and what it holds."""

    kind: str
    format: str
    territoire: str
    stem: str
    inputs: dict[str, str]  # data file, relative to the territory folder → sha256
    templates: str
    version: str
    code: str
    sha256: str  # the output's bytes
    text_sha256: str  # the text a reader reads, whatever the format
    signe_le: str | None  # ISO date of signature, or None for a draft

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Entry:
        fields = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in fields})


class Manifest:
    """The entries of one output folder, keyed by the output's posix path under it."""

    def __init__(self, output: Path, entries: dict[str, Entry], settled: bool = False) -> None:
        self.output = output
        self.entries = entries
        self.settled = settled  # pending entries were settled on load: save it again

    @property
    def path(self) -> Path:
        return self.output / MANIFEST

    @classmethod
    def load(cls, output: Path) -> Manifest:
        """Read the manifest (empty when there is none). A pending entry is settled by the
        file's bytes: the new entry if it holds the new bytes, else the previous one."""
        path = output / MANIFEST
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(output, {})
        try:
            files = json.loads(text)["fichiers"]
            entries = {key: _settle(output / key, item) for key, item in files.items()}
        except json.JSONDecodeError as exc:
            raise _unreadable(
                path, f"JSON invalide ligne {exc.lineno}, colonne {exc.colno}"
            ) from exc
        except (KeyError, TypeError, AttributeError) as exc:
            raise _unreadable(path, "ce n'est pas un manifeste de ctgdocs") from exc
        kept = {key: entry for key, entry in entries.items() if entry is not None}
        return cls(output, kept, settled=any(i.get("pending") for i in files.values()))

    def save(self, pending: dict[str, Entry | None] | None = None) -> None:
        """Write the manifest atomically. `pending` maps keys whose entry is about to change
        to their previous entry (None: no previous one): they are written marked pending."""
        pending = pending or {}
        files: dict[str, Any] = {}
        for key, entry in self.entries.items():
            files[key] = entry.to_json()
            if key in pending:
                previous = pending[key]
                files[key]["pending"] = True
                files[key]["previous"] = previous.to_json() if previous else None
        text = json.dumps(
            {"schema": SCHEMA, "fichiers": files}, ensure_ascii=False, indent=2, sort_keys=True
        )
        write_bytes_atomic(self.path, (text + "\n").encode("utf-8"))

    def signed(self, territoire: str, stem: str) -> list[Entry]:
        """The entries of a document recorded as signed (its text is frozen)."""
        return [
            e
            for e in self.entries.values()
            if e.territoire == territoire and e.stem == stem and e.signe_le is not None
        ]


def _unreadable(path: Path, why: str) -> OutputError:
    return OutputError(
        f"{path}: manifeste illisible ({why}) ; il a été modifié à la main ? Supprimez le "
        f"dossier {path.parent} pour tout reconstruire"
    )


def _settle(path: Path, item: dict[str, Any]) -> Entry | None:
    entry = Entry.from_json(item)
    if not item.get("pending"):
        return entry
    previous = Entry.from_json(item["previous"]) if item.get("previous") else None
    actual = sha256_file(path)
    if actual == entry.sha256:
        return entry  # renamed into place before the build stopped
    if previous is not None:
        return previous  # not renamed (or edited by hand since: then the bytes tell so)
    return entry if actual is not None else None
