"""The first page of every PDF under output/ as a PNG in docs/apercus/<territoire>/, the images
of the docs' gallery (docs/galerie.md, laid out by tools/docs_hooks.py). The folder is rewritten
to match: a preview whose PDF is gone is removed. Run by `make previews`, after `make demo`;
`make demo` itself writes output/ only.

    python tools/apercus.py [output] [docs/apercus]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LARGEUR = 280  # pixels: a thumbnail, enough to see the layout


def apercu(pdf: Path, png: Path) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    taille = ["-scale-to-x", str(LARGEUR), "-scale-to-y", "-1"]
    pages = ["-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(
        ["pdftoppm", "-png", *pages, *taille, str(pdf), str(png.with_suffix(""))], check=True
    )


def pdfs(output: Path) -> list[Path]:
    """The documents' PDFs of an output folder (not the copies set aside by --force)."""
    return sorted(p for p in output.glob("*/*.pdf") if ".modifie-" not in p.name)


def main(output: Path, dossier: Path) -> None:
    found = pdfs(output)
    if not found:
        sys.exit(f"aucun PDF dans {output} : lancez d'abord make demo (ou ctgdocs build)")
    shutil.rmtree(dossier, ignore_errors=True)
    for pdf in found:
        apercu(pdf, dossier / pdf.parent.name / f"{pdf.stem}.png")
    print(f"aperçus : {len(found)} images dans {dossier}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(
        Path(args[0]) if args else ROOT / "output",
        Path(args[1]) if len(args) > 1 else ROOT / "docs" / "apercus",
    )
