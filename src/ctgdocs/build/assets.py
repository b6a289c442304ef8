"""The files an output folder holds besides the documents: the fonts of the HTML previews, in
DIR/_polices/ (render/fonts.py names them).

A build that writes or keeps a preview keeps them too: each is copied from fonts/ into the
staging folder, renamed into place with the documents and recorded in the manifest like every
output (kind « police »). It is decided by its bytes: a copy that holds the shipped file is
left as it is; a missing one is copied; one edited by hand (or unknown to the manifest) is
protected as a document is, and --force sets it aside, then copies it again. The summary does
not count them: it counts the documents' files; a protected or set-aside font is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ctgdocs.build import destination
from ctgdocs.build.decide import (
    ABSENT,
    BUILD,
    GABARITS,
    INCONNU,
    MODIFIE,
    NOUVEAU,
    PROTECTED,
    UNCHANGED,
    reason,
)
from ctgdocs.build.manifest import Entry, Fingerprints, Manifest, sha256_file
from ctgdocs.render.fonts import assets

KIND = "police"


@dataclass(frozen=True)
class AssetDecision:
    """One file of DIR/_polices/: copy it (and why), leave it, or protect it."""

    key: str  # path under the output folder, posix: "_polices/LiberationSans-Regular.ttf"
    source: Path
    dest: Path
    sha256: str  # of the source: what the copy holds
    action: str  # BUILD, UNCHANGED or PROTECTED
    reason: str
    current: str | None  # sha256 of the file there now (None: no file)
    set_aside: bool = False  # --force on a protected file: rename it aside, then copy

    @property
    def aside(self) -> Path:
        """The first free « <name>.modifie-<n><suffix> » beside the file."""
        return destination.aside(self.dest, self.dest.stem, self.dest.suffix)

    def entry(self, fp: Fingerprints) -> Entry:
        return Entry(
            kind=KIND,
            format=self.source.suffix.lstrip("."),
            territoire="",
            stem=self.source.name,
            inputs={f"fonts/{self.source.name}": self.sha256},
            templates=fp.templates,
            version=fp.version,
            code=fp.code,
            sha256=self.sha256,
            text_sha256="",
            signe_le=None,
        )


@cache
def _sha256(source: Path) -> str:
    return sha256_file(source) or ""


def decide_assets(output: Path, manifest: Manifest, force: bool) -> list[AssetDecision]:
    """What to do with each file of DIR/_polices/. Reads only."""
    decisions = []
    for key, source in assets().items():
        dest = output / key
        wanted, current = _sha256(source), sha256_file(dest)
        entry = manifest.entries.get(key)
        found = (key, source, dest, wanted)
        if current == wanted:
            decisions.append(AssetDecision(*found, UNCHANGED, "", current))
        elif current is None:
            decisions.append(AssetDecision(*found, BUILD, ABSENT if entry else NOUVEAU, None))
        elif entry is None or entry.sha256 != current:
            why = INCONNU if entry is None else MODIFIE
            if force:
                why = f"{why} : mis de côté puis régénéré"
                decisions.append(AssetDecision(*found, BUILD, why, current, set_aside=True))
            else:
                decisions.append(AssetDecision(*found, PROTECTED, why, current))
        else:  # the copy the build wrote, of another version of the font
            decisions.append(AssetDecision(*found, BUILD, reason([GABARITS]), current))
    return decisions
