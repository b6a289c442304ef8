"""The first page of every PDF under output/ as a PNG in docs/apercus/<territoire>/ (beside the
README), and the README's gallery of them, between its « apercus » markers, rewritten to match.
Run by `make demo`.

    python tools/apercus.py [output] [README.md]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APERCUS = Path("docs") / "apercus"  # beside the README
DEBUT, FIN = "<!-- apercus:debut -->", "<!-- apercus:fin -->"
LARGEUR = 280  # pixels: a thumbnail, enough to see the layout
COLONNES = 4


def apercu(pdf: Path, png: Path) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    taille = ["-scale-to-x", str(LARGEUR), "-scale-to-y", "-1"]
    pages = ["-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(
        ["pdftoppm", "-png", *pages, *taille, str(pdf), str(png.with_suffix(""))], check=True
    )


def galerie(pngs: list[Path], base: Path) -> str:
    """A Markdown table, COLONNES previews a row, each captioned with its file."""
    cells = [
        f"![{p.parent.name}/{p.stem}]({p.relative_to(base).as_posix()})<br>`{p.parent.name}/{p.stem}`"
        for p in pngs
    ]
    lines = ["| " + " | ".join([" "] * COLONNES) + " |", "|" + "---|" * COLONNES]
    for i in range(0, len(cells), COLONNES):
        row = cells[i : i + COLONNES]
        lines.append("| " + " | ".join(row + [" "] * (COLONNES - len(row))) + " |")
    return "\n".join(lines)


def main(output: Path, readme: Path) -> None:
    pdfs = sorted(p for p in output.glob("*/*.pdf") if ".modifie-" not in p.name)
    if not pdfs:
        sys.exit(f"aucun PDF dans {output} : lancez d'abord ctgdocs build")
    text = readme.read_text(encoding="utf-8")
    avant, _, reste = text.partition(DEBUT)
    _, _, apres = reste.partition(FIN)
    if not reste:
        sys.exit(f"{readme} : marqueurs {DEBUT} … {FIN} absents")
    dossier = readme.parent / APERCUS
    shutil.rmtree(dossier, ignore_errors=True)
    pngs = []
    for pdf in pdfs:
        png = dossier / pdf.parent.name / f"{pdf.stem}.png"
        apercu(pdf, png)
        pngs.append(png)
    gallery = galerie(pngs, readme.parent)
    readme.write_text(f"{avant}{DEBUT}\n{gallery}\n{FIN}{apres}", encoding="utf-8")
    print(f"aperçus : {len(pngs)} images dans {APERCUS}, galerie de {readme.name}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(
        Path(args[0]) if args else ROOT / "output",
        Path(args[1]) if len(args) > 1 else ROOT / "README.md",
    )
