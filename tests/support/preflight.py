"""Apache PDFBox Preflight (Debian's libpdfbox2-java), the one PDF/A validator that installs here
from a package registry: an independent reader of the file structure, the fonts (their
programs, widths and encodings), the XMP metadata and its agreement with the Info dictionary,
the annotations and the actions.

It validates PDF/A-1b only. Our PDFs are PDF/A-3b, so the few things PDF/A-1 forbids and
PDF/A-3 allows are expected, each by its exact code and message (`PDF_A3_ALLOWS`); any other
error is a real one.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

JARS = Path("/usr/share/java")
# preflight and the libraries it loads (javax.activation and JAXB left the JDK after Java 8).
CLASSPATH = ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api")  # fmt: skip
MAIN = "org.apache.pdfbox.preflight.Validator_A1b"
TIMEOUT = 600  # seconds, for every example at once (about 5 s here)

# (code, message) that PDF/A-1b forbids and PDF/A-3b allows (ISO 19005-3 clause).
PDF_A3_ALLOWS = (
    # Embedded files: PDF/A-3 allows any, as associated files (6.8).
    ("1.4.7", r"Trailer Syntax error, EmbeddedFile entry is present in the Names dictionary"),
    (
        "1.2.9",
        r"Body Syntax error, EmbeddedFile entry is present in a FileSpecification dictionary",
    ),
    # Cross-reference streams: PDF/A-1 is PDF 1.4; PDF/A-3 is PDF 1.7 (6.1.4 allows them).
    ("1.4", r"Trailer Syntax error, /XRef cross reference streams are not allowed"),
    # CIDSet: required for subsets by PDF/A-1, optional in PDF/A-3 (6.2.11.4.2).
    (
        "3.1.11",
        r"Invalid Font definition, [A-Z]{6}\+[-\w]+: The CIDSet entry is missing for the Composite Subset",
    ),
    # A compressed metadata stream: forbidden by PDF/A-1 (6.7.2), allowed by PDF/A-3 (6.6.2.1).
    ("1.2.7", r"Body Syntax error, Filter specified in metadata dictionary"),
    # A transparency group (WeasyPrint draws each background image in one, the sommaire's dots
    # too): forbidden by PDF/A-1 (6.4), allowed by PDF/A-3 with an output intent (6.2.10).
    (
        "2.2.1",
        r"Invalid graphics transparency, Group has a transparency S entry or the S entry is null \[COSDictionary\{.*",
    ),
)


def preflight(paths: list[Path], workdir: Path) -> dict[Path, list[tuple[str, str]]]:
    """Every PDF's Preflight errors, as (code, message), but the PDF/A-1-only ones (one JVM
    for all: Preflight's group mode)."""
    listing = workdir / "preflight.txt"
    listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    classpath = ":".join(str(JARS / f"{jar}.jar") for jar in CLASSPATH)
    subprocess.run(
        ["java", "-cp", classpath, MAIN, "xml", "group", str(listing)],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,  # its exit status is not documented; the report says everything
    )
    report = ET.parse(workdir / "preflight.txt.preflight.xml").getroot()
    results = report.findall("preflight")
    assert len(results) == len(paths), ET.tostring(report)[:2000]
    found = {}
    for path, result in zip(paths, results, strict=True):
        assert result.get("name") == path.name
        errors = [(e.findtext("code") or "", e.findtext("details") or "") for e in result.iter("error")]  # fmt: skip
        found[path] = [e for e in errors if not _allowed(*e)]
    return found


def _allowed(code: str, details: str) -> bool:
    return any(code == c and re.fullmatch(m, details) for c, m in PDF_A3_ALLOWS)
