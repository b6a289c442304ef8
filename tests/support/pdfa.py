"""What a PDF says of itself as an archive: PDF/A identification in its XMP metadata, output
intent, language, tagging, fonts, and its embedded (associated) files. Read with pypdf."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


@dataclass(frozen=True)
class Embedded:
    contenu: bytes
    relation: str  # AFRelationship, e.g. "/Source"
    type: str  # the stream's /Subtype (MIME type)
    description: str


@dataclass
class PdfaFacts:
    part: str | None = None  # pdfaid:part
    conformance: str | None = None  # pdfaid:conformance
    title: str | None = None  # dc:title
    creator: str | None = None  # dc:creator
    description: str | None = None  # dc:description
    output_intents: list[str] = field(default_factory=list)  # /S of each, with a profile
    lang: str | None = None
    tagged: bool = False  # /MarkInfo /Marked and a /StructTreeRoot
    unembedded_fonts: set[str] = field(default_factory=set)
    fonts: set[str] = field(default_factory=set)
    embedded: dict[str, Embedded] = field(default_factory=dict)  # in the catalog's /AF
    info: dict[str, str] = field(default_factory=dict)
    identifier: tuple[str, str] | None = None


def pdfa_facts(path: Path) -> PdfaFacts:
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    facts = PdfaFacts()
    _xmp(root, facts)
    for intent in root.get("/OutputIntents", []):
        intent = intent.get_object()
        if "/DestOutputProfile" in intent:
            facts.output_intents.append(str(intent["/S"]))
    facts.lang = str(root["/Lang"]) if "/Lang" in root else None
    mark = root.get("/MarkInfo")
    facts.tagged = bool(mark and mark.get("/Marked")) and "/StructTreeRoot" in root
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            _font(font.get_object(), facts)
    for spec in root.get("/AF", []):
        spec = spec.get_object()
        stream = spec["/EF"]["/F"].get_object()
        facts.embedded[str(spec["/UF"])] = Embedded(
            stream.get_data(),
            str(spec.get("/AFRelationship")),
            str(stream.get("/Subtype")),
            str(spec.get("/Desc", "")),
        )
    facts.info = {str(k).lstrip("/"): str(v) for k, v in (reader.metadata or {}).items()}
    ident = reader.trailer.get("/ID")
    facts.identifier = (str(ident[0]), str(ident[1])) if ident else None
    return facts


def _xmp(root: DictionaryObject, facts: PdfaFacts) -> None:
    if "/Metadata" not in root:
        return
    xml = ET.fromstring(root["/Metadata"].get_object().get_data())
    for desc in xml.iter(f"{{{NS['rdf']}}}Description"):
        facts.part = desc.get(f"{{{NS['pdfaid']}}}part", facts.part)
        facts.conformance = desc.get(f"{{{NS['pdfaid']}}}conformance", facts.conformance)
        for name in ("title", "creator", "description"):
            element = desc.find(f"dc:{name}", NS)
            if element is not None:
                setattr(facts, name, "".join(element.itertext()).strip())


def _font(font: DictionaryObject, facts: PdfaFacts) -> None:
    name = str(font.get("/BaseFont", "?"))
    facts.fonts.add(name)
    if "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    else:
        descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        facts.unembedded_fonts.add(name)
