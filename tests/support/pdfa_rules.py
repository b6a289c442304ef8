"""The PDF/A-3b rules that can be checked on a file's structure, read with pikepdf (and the font
programs with fontTools): a check of our own where veraPDF, the authoritative validator, cannot
be installed (it is in neither Debian, PyPI nor npm).

Each rule is the one of veraPDF's PDF/A-3B validation profile with the same clause number
(ISO 19005-3); `pdfa_problems` lists, for one PDF, every rule it breaks, as "clause: what".
Rules about objects our PDFs never contain (JPEG 2000, halftones, separations, forms,
signatures, optional content, PostScript) are checked by the absence of those objects. Not
checked here: glyph outlines against their rendering, ICC profile internals beyond their header,
and the RDF value types of XMP properties. Beside the PDF/A rules, a few of ISO 32000-1 that
readers depend on: name trees sorted, tagged structure and language, Info/XMP agreement.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

# ISO 32000-1, Annex A: every content stream operator.
OPERATORS = set(
    [
        "b",
        "B",
        "b*",
        "B*",
        "BDC",
        "BI",
        "BMC",
        "BT",
        "BX",
        "c",
        "cm",
        "CS",
        "cs",
        "d",
        "d0",
        "d1",
        "Do",
        "DP",
        "EI",
        "EMC",
        "ET",
        "EX",
        "f",
        "F",
        "f*",
        "G",
        "g",
        "gs",
        "h",
        "i",
        "ID",
        "j",
        "J",
        "K",
        "k",
        "l",
        "m",
        "M",
        "MP",
        "n",
        "q",
        "Q",
        "re",
        "RG",
        "rg",
        "ri",
        "s",
        "S",
        "SC",
        "sc",
        "SCN",
        "scn",
        "sh",
        "T*",
        "Tc",
        "Td",
        "TD",
        "Tf",
        "Tj",
        "TJ",
        "TL",
        "Tm",
        "Tr",
        "Ts",
        "Tw",
        "Tz",
        "v",
        "w",
        "W",
        "W*",
        "y",
    ]
) | {"'", '"'}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
FORBIDDEN_ACTIONS = {
    "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState",
    "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript", "/SetState", "/NOP",
}  # fmt: skip
NAMED_ACTIONS = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
BLEND_MODES = {
    "/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
    "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
    "/Hue", "/Saturation", "/Color", "/Luminosity",
}  # fmt: skip
FORBIDDEN_ANNOTATIONS = {"/3D", "/Sound", "/Screen", "/Movie"}
MIME = re.compile(r"^/[-\w+.]+#2[fF][-\w+.]+$|^/[-\w+.]+/[-\w+.]+$")
INT_MAX, NAME_MAX, STRING_MAX, OBJECTS_MAX = 2**31 - 1, 127, 32767, 8388607

# The XMP properties of the schemas predefined by the XMP Specification (2005) and ISO 19005
# that a PDF writer puts in its metadata; any other needs a PDF/A extension schema (6.6.2.3.1).
XMP_PROPERTIES = {
    "http://purl.org/dc/elements/1.1/": {
        "contributor", "coverage", "creator", "date", "description", "format", "identifier",
        "language", "publisher", "relation", "rights", "source", "subject", "title", "type",
    },
    "http://ns.adobe.com/xap/1.0/": {
        "Advisory", "BaseURL", "CreateDate", "CreatorTool", "Identifier", "Label", "MetadataDate",
        "ModifyDate", "Nickname", "Rating", "Thumbnails",
    },
    "http://ns.adobe.com/pdf/1.3/": {"Keywords", "PDFVersion", "Producer", "Trapped"},
    "http://www.aiim.org/pdfa/ns/id/": {"part", "conformance", "amd", "corr"},
    "http://ns.adobe.com/xap/1.0/mm/": {
        "DerivedFrom", "DocumentID", "History", "InstanceID", "ManagedFrom", "Manager",
        "ManageTo", "ManageUI", "ManagerVariant", "RenditionClass", "RenditionParams",
        "VersionID", "Versions", "LastURL", "RenditionOf", "SaveID",
    },
    "http://ns.adobe.com/xap/1.0/rights/": {"Certificate", "Marked", "Owner", "UsageTerms", "WebStatement"},
}  # fmt: skip
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_NS = "http://www.w3.org/XML/1998/namespace"
EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"


def pdfa_problems(path: Path) -> list[str]:
    """Every PDF/A-3b rule (and reader requirement) the file breaks; empty when none."""
    data = path.read_bytes()
    problems = _file_structure(data)
    with pikepdf.open(path) as pdf:
        checks = (
            _limits_and_streams,
            _output_intent,
            _content,
            _annotations_and_actions,
            _metadata,
            _embedded_files,
            _catalog,
            _name_trees,
        )
        for check in checks:
            problems += check(pdf)
        problems += [f"qpdf warning: {w}" for w in pdf.get_warnings()]
    return problems


# --- 6.1 File structure -------------------------------------------------------------------


def _file_structure(data: bytes) -> list[str]:
    problems = []
    header = re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%(....)", data, re.S)
    if header is None:
        problems.append("6.1.2: no %PDF-1.n header at byte 0, or no comment line after it")
    elif any(byte <= 127 for byte in header[2]):
        problems.append("6.1.2: the header's comment has a byte below 128")
    end = data.rfind(b"%%EOF")
    if end < 0 or data[end + 5 :] not in (b"", b"\n", b"\r\n", b"\r"):
        problems.append("6.1.3: data after the last %%EOF")
    return problems


def _walk(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Every object of the file, direct ones inside indirect ones too (each once)."""
    seen: set[tuple[int, int]] = set()
    stack: list[pikepdf.Object] = [pdf.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        yield obj
        if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary):
            stack.extend(v for k, v in obj.items() if k != "/Parent")
        elif isinstance(obj, pikepdf.Array):
            stack.extend(obj)


def _limits_and_streams(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    trailer = pdf.trailer
    ident = trailer.get("/ID")
    if not isinstance(ident, pikepdf.Array) or len(ident) != 2:
        problems.append("6.1.3: the trailer has no /ID pair")
    if "/Encrypt" in trailer:
        problems.append("6.1.3: the file is encrypted")
    if len(pdf.objects) > OBJECTS_MAX:
        problems.append("6.1.13: more than 8388607 indirect objects")
    for obj in _walk(pdf):
        if isinstance(obj, int) and not isinstance(obj, bool) and abs(obj) > INT_MAX:
            problems.append(f"6.1.13: integer {obj} out of range")
        elif isinstance(obj, Decimal) and abs(obj) > Decimal("3.403e38"):
            problems.append(f"6.1.13: real {obj} out of range")
        elif isinstance(obj, pikepdf.Name) and len(str(obj).encode()) - 1 > NAME_MAX:
            problems.append(f"6.1.13: name longer than 127 bytes: {str(obj)[:40]}…")
        elif isinstance(obj, pikepdf.String) and len(bytes(obj)) > STRING_MAX:
            problems.append("6.1.13: string longer than 32767 bytes")
        if isinstance(obj, pikepdf.Stream):
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if key in obj.stream_dict:
                    problems.append(f"6.1.7.1: stream {obj.objgen} has {key}")
            filters = obj.get("/Filter")
            names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
            for name in names:
                if str(name) in ("/LZWDecode", "/Crypt"):
                    problems.append(f"6.1.7.2: stream {obj.objgen} uses {name}")
    return problems


# --- 6.2 Graphics and fonts ------------------------------------------------------------------


def _output_intent(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if "/DestOutputProfile" in i]
    if not any(str(i.get("/S")) == "/GTS_PDFA1" for i in intents):
        return ["6.2.3: no PDF/A output intent with a destination profile"]
    profiles = {i.DestOutputProfile.objgen for i in intents}
    problems = [] if len(profiles) == 1 else ["6.2.3: output intents with different profiles"]
    icc = intents[0].DestOutputProfile.read_bytes()
    if icc[12:16] not in (b"prtr", b"mntr") or icc[16:20] not in (b"RGB ", b"CMYK", b"GRAY"):
        problems.append(f"6.2.3: output profile class {icc[12:16]!r}, space {icc[16:20]!r}")
    if icc[8] >= 5:
        problems.append("6.2.3: ICC profile version 5 or later")
    return problems


def _output_space(pdf: pikepdf.Pdf) -> bytes:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if "/DestOutputProfile" in i]
    return intents[0].DestOutputProfile.read_bytes()[16:20] if intents else b""


def _content_streams(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Object, pikepdf.Dictionary]]:
    """(content owner, its resources) for every page, form XObject and tiling pattern."""
    seen: set[tuple[int, int]] = set()
    stack = [(page.obj, page.obj.get("/Resources", pikepdf.Dictionary())) for page in pdf.pages]
    while stack:
        owner, resources = stack.pop()
        yield owner, resources
        for kind in ("/XObject", "/Pattern"):
            for child in resources.get(kind, {}).values():
                if not isinstance(child, pikepdf.Stream) or child.objgen in seen:
                    continue
                seen.add(child.objgen)
                if child.get("/Subtype") == "/Form" or child.get("/PatternType") == 1:
                    stack.append((child, child.get("/Resources", resources)))


def _content(pdf: pikepdf.Pdf) -> list[str]:
    problems: set[str] = set()
    space = _output_space(pdf)
    fonts: dict[tuple[int, int], _Font] = {}
    for owner, resources in _content_streams(pdf):
        problems |= _resources(resources, space)
        font = None
        for operands, operator in pikepdf.parse_content_stream(owner):
            op = str(operator)
            if op not in OPERATORS:
                problems.add(f"6.2.2: operator {op} not defined in ISO 32000-1")
            elif op in ("k", "K") and space != b"CMYK":
                problems.add("6.2.4.3: DeviceCMYK used without a CMYK output intent")
            elif op in ("rg", "RG") and space != b"RGB ":
                problems.add("6.2.4.3: DeviceRGB used without an RGB output intent")
            elif op == "Tf":
                obj = resources.Font[str(operands[0])]
                if obj.objgen not in fonts or obj.objgen == (0, 0):
                    fonts[obj.objgen] = _Font(obj)
                font = fonts[obj.objgen]
                problems |= font.problems
            elif op in TEXT_SHOWING and font is not None:
                problems |= font.show(operands[-1])
    return sorted(problems)


def _resources(resources: pikepdf.Dictionary, space: bytes) -> set[str]:
    problems = set()
    for state in resources.get("/ExtGState", {}).values():
        if "/TR" in state or "/HTP" in state:
            problems.add("6.2.5: ExtGState with TR or HTP")
        if "/TR2" in state and str(state.TR2) != "/Default":
            problems.add("6.2.5: ExtGState with a TR2 other than Default")
        modes = state.get("/BM")
        for mode in modes if isinstance(modes, pikepdf.Array) else [modes]:
            if mode is not None and str(mode) not in BLEND_MODES:
                problems.add(f"6.2.10: blend mode {mode}")
    for xobject in resources.get("/XObject", {}).values():
        subtype = str(xobject.get("/Subtype"))
        if subtype == "/Image":
            if "/Alternates" in xobject or "/OPI" in xobject:
                problems.add("6.2.8: image with Alternates or OPI")
            if xobject.get("/Interpolate", False):
                problems.add("6.2.8: image with Interpolate true")
            if str(xobject.get("/ColorSpace")) == "/DeviceCMYK" and space != b"CMYK":
                problems.add("6.2.4.3: DeviceCMYK image without a CMYK output intent")
        elif subtype == "/PS" or xobject.get("/Subtype2") == "/PS" or "/PS" in xobject:
            problems.add("6.2.9: PostScript XObject")
        elif subtype == "/Form" and ("/Ref" in xobject or "/OPI" in xobject):
            problems.add("6.2.9: reference XObject or OPI in a form")
    for name, value in resources.get("/ColorSpace", {}).items():
        family = value[0] if isinstance(value, pikepdf.Array) else value
        if str(family) == "/DeviceCMYK" and space != b"CMYK":
            problems.add(f"6.2.4.3: colour space {name} is DeviceCMYK")
    return problems


class _Font:
    """A font dictionary: its own problems (6.2.11), and those of the glyphs text shows with it.
    Type 0 fonts (the only ones WeasyPrint writes) are read to the glyph; others to embedding."""

    def __init__(self, font: pikepdf.Dictionary) -> None:
        self.name = str(font.get("/BaseFont", "?"))
        self.problems: set[str] = set()
        self.program: TTFont | None = None
        descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = descendant.get("/FontDescriptor", {})
        files = [descriptor.get(k) for k in ("/FontFile", "/FontFile2", "/FontFile3")]
        if str(font.get("/Subtype")) != "/Type3" and not any(files):
            self.problems.add(f"6.2.11.4.1: font {self.name} not embedded")
        if str(font.get("/Subtype")) != "/Type0":
            return
        encoding = str(font.get("/Encoding"))
        if encoding not in ("/Identity-H", "/Identity-V"):
            self.problems.add(f"6.2.11.3.3: font {self.name}: CMap {encoding} not checked here")
        if descendant.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in descendant:
            self.problems.add(f"6.2.11.3.2: font {self.name} has no CIDToGIDMap")
        self.cid_to_gid = None
        if isinstance(descendant.get("/CIDToGIDMap"), pikepdf.Stream):
            raw = descendant.CIDToGIDMap.read_bytes()
            self.cid_to_gid = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
        self.widths = _cid_widths(descendant)
        if files[1] is not None:
            self.program = TTFont(io.BytesIO(files[1].read_bytes()))
            self.scale = 1000 / self.program["head"].unitsPerEm
            self.order = self.program.getGlyphOrder()
        if "/CIDSet" in descriptor:
            self.problems.add(f"6.2.11.4.2: font {self.name} has a CIDSet (not checked here)")
        self.checked: set[int] = set()

    def show(self, operand: pikepdf.Object) -> set[str]:
        if self.program is None:
            return set()
        problems = set()
        strings = list(operand) if isinstance(operand, pikepdf.Array) else [operand]
        for item in strings:
            if not isinstance(item, pikepdf.String):
                continue
            raw = bytes(item)
            for cid in (int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)):
                if cid not in self.checked:
                    self.checked.add(cid)
                    problems |= self._glyph(cid)
        return problems

    def _glyph(self, cid: int) -> set[str]:
        gid = self.cid_to_gid[cid] if self.cid_to_gid is not None else cid
        if gid == 0:
            return {f"6.2.11.8: font {self.name} shows .notdef (CID {cid})"}
        if gid >= len(self.order):
            return {f"6.2.11.4.1: font {self.name} lacks the glyph of CID {cid}"}
        advance = self.program["hmtx"][self.order[gid]][0] * self.scale
        if abs(advance - self.widths.get(cid, self.widths.get(None, 1000))) > 1:
            return {
                f"6.2.11.5: font {self.name}: CID {cid} is {advance:.0f} wide, W says otherwise"
            }
        return set()


def _cid_widths(cidfont: pikepdf.Dictionary) -> dict[int | None, float]:
    """CID → width from /W (ISO 32000-1, 9.7.4.3); None → /DW."""
    widths: dict[int | None, float] = {None: float(cidfont.get("/DW", 1000))}
    items = list(cidfont.get("/W", []))
    i = 0
    while i < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            for n, width in enumerate(items[i + 1]):
                widths[first + n] = float(width)
            i += 2
        else:
            for cid in range(first, int(items[i + 1]) + 1):
                widths[cid] = float(items[i + 2])
            i += 3
    return widths


# --- 6.3 Annotations, 6.4 forms, 6.5 actions ----------------------------------------------------


def _annotations_and_actions(pdf: pikepdf.Pdf) -> list[str]:
    problems = set()
    for number, page in enumerate(pdf.pages, start=1):
        if "/AA" in page.obj:
            problems.add(f"6.5.2: page {number} has additional actions")
        if "/PresSteps" in page.obj:
            problems.add(f"6.10: page {number} has PresSteps")
        for annot in page.obj.get("/Annots", []):
            problems |= _annotation(annot, number)
    for obj in _walk(pdf):
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        for key in ("/A", "/OpenAction", "/Next"):
            action = obj.get(key)
            if isinstance(action, pikepdf.Dictionary) and "/S" in action:
                problems |= _action(action)
        if obj.get("/Type") == "/Action":
            problems |= _action(obj)
    return sorted(problems)


def _annotation(annot: pikepdf.Dictionary, page: int) -> set[str]:
    problems = set()
    subtype = str(annot.get("/Subtype"))
    if subtype in FORBIDDEN_ANNOTATIONS:
        problems.add(f"6.3.1: {subtype} annotation on page {page}")
    flags = annot.get("/F")
    if flags is None and subtype != "/Popup":
        problems.add(f"6.3.2: {subtype} annotation on page {page} has no F")
    elif flags is not None and (int(flags) & (1 | 2 | 32 | 256) or not int(flags) & 4):
        problems.add(f"6.3.2: {subtype} annotation on page {page}: flags {int(flags)}")
    rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
    empty = rect[0] == rect[2] and rect[1] == rect[3]
    if "/AP" not in annot and subtype not in ("/Popup", "/Link") and not empty:
        problems.add(f"6.3.3: {subtype} annotation on page {page} has no appearance")
    if "/AP" in annot and set(annot.AP.keys()) != {"/N"}:
        problems.add(f"6.3.3: {subtype} annotation on page {page}: appearance other than N")
    if subtype == "/Widget" and ("/A" in annot or "/AA" in annot):
        problems.add(f"6.4.1: widget on page {page} has actions")
    return problems


def _action(action: pikepdf.Dictionary) -> set[str]:
    kind = str(action.get("/S"))
    if kind in FORBIDDEN_ACTIONS:
        return {f"6.5.1: {kind} action"}
    if kind == "/Named" and str(action.get("/N")) not in NAMED_ACTIONS:
        return {f"6.5.1: named action {action.get('/N')}"}
    return set()


# --- 6.6 Metadata ------------------------------------------------------------------------------


def _metadata(pdf: pikepdf.Pdf) -> list[str]:
    root = pdf.Root
    meta = root.get("/Metadata")
    if not isinstance(meta, pikepdf.Stream):
        return ["6.6.2.1: no metadata stream in the catalog"]
    problems = []
    if meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML":
        problems.append("6.6.2.1: metadata stream without Type Metadata and Subtype XML")
    raw = meta.read_bytes()
    packet = re.match(rb"<\?xpacket ([^?]*)\?>", raw)
    if packet and re.search(rb"\b(bytes|encoding)=", packet[1]):
        problems.append("6.6.2.1: the xpacket header has a bytes or encoding attribute")
    try:
        xml = ET.fromstring(raw.decode("utf-8"))
    except (UnicodeDecodeError, ET.ParseError) as error:
        return [*problems, f"6.6.2.1: metadata not well-formed UTF-8 XML: {error}"]
    values, properties = _xmp_properties(xml)
    declared = _extension_namespaces(xml)
    for namespace, name in sorted(properties):
        if namespace not in declared and name not in XMP_PROPERTIES.get(namespace, set()):
            problems.append(f"6.6.2.3.1: XMP property {{{namespace}}}{name} in no known schema")
    pdfaid = "http://www.aiim.org/pdfa/ns/id/"
    if (values.get((pdfaid, "part")), values.get((pdfaid, "conformance"))) != ("3", "B"):
        problems.append("6.6.4: pdfaid:part is not 3 or pdfaid:conformance not B")
    if re.search(rb"xmlns:(?!pdfaid=)\w+=\"http://www\.aiim\.org/pdfa/ns/id/\"", raw):
        problems.append("6.6.4: the PDF/A identification schema has a prefix other than pdfaid")
    return problems + _info_agrees(pdf, values)


def _xmp_properties(xml: ET.Element) -> tuple[dict[tuple[str, str], str], set[tuple[str, str]]]:
    """(namespace, name) → text of the top-level properties of every rdf:Description (as
    attributes or elements), and the set of those properties."""
    values: dict[tuple[str, str], str] = {}
    for desc in xml.iter(f"{{{RDF}}}Description"):
        for key, value in desc.attrib.items():
            if key.startswith("{") and not key.startswith(f"{{{RDF}}}"):
                namespace, name = key[1:].split("}")
                values[(namespace, name)] = value
        for child in desc:
            namespace, name = child.tag[1:].split("}")
            values[(namespace, name)] = " ".join("".join(child.itertext()).split())
    return values, set(values)


def _extension_namespaces(xml: ET.Element) -> set[str]:
    uri = "{http://www.aiim.org/pdfa/ns/schema#}namespaceURI"
    return (
        {e.text or "" for e in xml.iter(uri)} if xml.find(f".//{{{EXTENSION}}}schemas") else set()
    )


# Info key → XMP property that must say the same (ISO 19005-1, 6.7.3; kept by PDF/A-2 and 3).
INFO_XMP = {
    "/Title": ("http://purl.org/dc/elements/1.1/", "title"),
    "/Author": ("http://purl.org/dc/elements/1.1/", "creator"),
    "/Subject": ("http://purl.org/dc/elements/1.1/", "description"),
    "/Keywords": ("http://ns.adobe.com/pdf/1.3/", "Keywords"),
    "/Creator": ("http://ns.adobe.com/xap/1.0/", "CreatorTool"),
    "/Producer": ("http://ns.adobe.com/pdf/1.3/", "Producer"),
    "/CreationDate": ("http://ns.adobe.com/xap/1.0/", "CreateDate"),
    "/ModDate": ("http://ns.adobe.com/xap/1.0/", "ModifyDate"),
}


def _info_agrees(pdf: pikepdf.Pdf, values: dict[tuple[str, str], str]) -> list[str]:
    problems = []
    for key, value in pdf.docinfo.items():
        if key not in INFO_XMP:
            continue
        xmp = values.get(INFO_XMP[key])
        info = str(value)
        if key.endswith("Date"):
            info, xmp = _pdf_date(info), _xmp_date(xmp or "")
        if xmp != info:
            problems.append(f"Info {key} {info!r} but XMP says {xmp!r}")
    return problems


def _pdf_date(text: str) -> tuple[str, ...]:
    match = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?", text)
    return tuple(part for part in match.groups() if part) if match else (text,)


def _xmp_date(text: str) -> tuple[str, ...]:
    match = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T(\d\d):(\d\d)(?::(\d\d))?)?", text)
    return tuple(part for part in match.groups() if part) if match else (text,)


# --- 6.8 Embedded files, 6.9-6.11, and the catalog -------------------------------------------------


def _embedded_files(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    associated = {f.objgen for obj in _walk(pdf) if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) for f in obj.get("/AF", []) if f.is_indirect}  # fmt: skip
    for obj in _walk(pdf):
        if not (isinstance(obj, pikepdf.Dictionary) and "/EF" in obj):
            continue
        name = str(obj.get("/UF", obj.get("/F", "?")))
        if "/F" not in obj or "/UF" not in obj:
            problems.append(f"6.8: file specification {name} lacks F or UF")
        if "/AFRelationship" not in obj:
            problems.append(f"6.8: file specification {name} has no AFRelationship")
        if obj.objgen not in associated:
            problems.append(f"6.8: embedded file {name} is in no AF array")
        subtype = obj.EF.F.get("/Subtype")
        if subtype is None or not MIME.match(str(subtype)):
            problems.append(f"6.8: embedded file {name} has no MIME type ({subtype})")
    return problems


def _catalog(pdf: pikepdf.Pdf) -> list[str]:
    root = pdf.Root
    problems = []
    for key, clause in (("/AA", "6.5.2"), ("/Requirements", "6.11"), ("/NeedsRendering", "6.4.2")):
        if key in root:
            problems.append(f"{clause}: the catalog has {key}")
    names = root.get("/Names", {})
    if "/JavaScript" in names:
        problems.append("6.5.1: the name dictionary has JavaScript")
    if "/AlternatePresentations" in names:
        problems.append("6.10: the name dictionary has AlternatePresentations")
    form = root.get("/AcroForm")
    if form is not None and ("/XFA" in form or form.get("/NeedAppearances", False)):
        problems.append("6.4.1: interactive form with XFA or NeedAppearances")
    if "/OCProperties" in root:
        problems.append("6.9: optional content (not checked here)")
    mark = root.get("/MarkInfo", {})
    if not (mark.get("/Marked", False) and "/StructTreeRoot" in root):
        problems.append("ISO 32000-1 14.8: not a tagged PDF (MarkInfo, StructTreeRoot)")
    if not str(root.get("/Lang", "")):
        problems.append("ISO 32000-1 14.9.2: no document language")
    return problems


def _name_trees(pdf: pikepdf.Pdf) -> list[str]:
    """Name trees (ISO 32000-1, 7.9.6) with their keys sorted, and each key found by a search."""
    trees = {"Dests": pdf.Root.get("/Names", {}).get("/Dests")}
    trees["EmbeddedFiles"] = pdf.Root.get("/Names", {}).get("/EmbeddedFiles")
    trees["IDTree"] = pdf.Root.get("/StructTreeRoot", {}).get("/IDTree")
    problems = []
    for label, tree in trees.items():
        if tree is None:
            continue
        keys = _tree_keys(tree)
        if keys != sorted(keys):
            problems.append(f"7.9.6: the {label} name tree is not sorted")
    return problems


def _tree_keys(node: pikepdf.Dictionary) -> list[bytes]:
    keys = [bytes(k) for k in list(node.get("/Names", []))[::2]]
    for kid in node.get("/Kids", []):
        keys += _tree_keys(kid)
    return keys
