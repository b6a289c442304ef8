"""A tagged PDF as assistive technology reads it: the structure tree, each element with the text
of the marked content it owns, and the text drawn as artifacts (which a screen reader skips).

Text is decoded with each font's ToUnicode map, the way text extractors do; it reads the fonts
WeasyPrint writes (Type 0, Identity-H, two-byte codes) and simple fonts (one-byte codes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

ARTIFACT = -1  # the "MCID" of text drawn inside an /Artifact sequence


@dataclass
class Element:
    """A structure element: its type (`/H1`, `/P`…), its identifier, and its kids in order:
    the text of the marked content it owns, and its child elements."""

    type: str
    kids: list[str | Element] = field(default_factory=list)
    id: str | None = None
    parent: Element | None = None
    page: int | None = None  # from 1: the page the element starts on (its /Pg)

    @property
    def children(self) -> list[Element]:
        return [kid for kid in self.kids if isinstance(kid, Element)]

    @property
    def own(self) -> str:
        """The text of the marked content the element owns itself."""
        return "".join(kid for kid in self.kids if isinstance(kid, str))

    @property
    def text(self) -> str:
        return "".join(kid if isinstance(kid, str) else kid.text for kid in self.kids)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass
class TaggedPdf:
    root: Element  # the /StructTreeRoot, as an element of type "StructTreeRoot"
    artifacts: str  # every text drawn as an artifact, pages one after the other
    untagged: str  # text in marked content that no structure element owns
    ids: dict[str, str]  # the /IDTree: identifier → type of the element it names

    def elements(self, kind: str) -> list[Element]:
        return [e for e in self.root.walk() if e.type == kind]

    def sommaire(self) -> dict[str, str]:
        """Title → page number of the sommaire's entries (writers/html.py): each is a link
        whose last part is the link of its page number (print.css draws the dots, no text)."""
        entries = {}
        for link in self.elements("/Link"):
            page = link.children[-1] if link.children else None
            if page is not None and page.type == "/Link" and page.text.isdigit():
                entries[" ".join(link.text.removesuffix(page.text).split())] = page.text
        return entries


def tagged_pdf(path: Path) -> TaggedPdf:
    with pikepdf.open(path) as pdf:
        texts: dict[tuple[int, int], str] = {}  # (page object number, MCID) → text
        artifacts = []
        for page in pdf.pages:
            marked = _marked_text(page)
            artifacts.append(marked.pop(ARTIFACT, ""))
            for mcid, text in marked.items():
                texts[(page.obj.objgen[0], mcid)] = text
        numbers = {page.obj.objgen[0]: n for n, page in enumerate(pdf.pages, start=1)}
        struct = pdf.Root.StructTreeRoot
        root = Element("StructTreeRoot")
        owned: set[tuple[int, int]] = set()
        for kid in _kids(struct):
            _element(kid, root, None, texts, owned, numbers)
        untagged = "".join(t for key, t in texts.items() if key not in owned)
        ids = {}
        if "/IDTree" in struct:
            for key, value in pikepdf.NameTree(struct.IDTree).items():
                ids[key] = str(value.S)
        return TaggedPdf(root, "".join(artifacts), untagged, ids)


def _kids(node: pikepdf.Object) -> list[pikepdf.Object]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _element(
    node: pikepdf.Object,
    parent: Element,
    page: pikepdf.Object | None,
    texts: dict[tuple[int, int], str],
    owned: set[tuple[int, int]],
    numbers: dict[int, int],
) -> None:
    """Adds to `parent` what `node` (a kid of a structure element) stands for."""
    if isinstance(node, int):  # an MCID on the parent's page
        parent.kids.append(_owned_text(page, int(node), texts, owned))
    elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/MCR":
        parent.kids.append(_owned_text(node.get("/Pg", page), int(node.MCID), texts, owned))
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        element = Element(str(node.S), parent=parent)
        if "/ID" in node:
            element.id = str(node.ID)
        own_page = node.get("/Pg", page)
        if own_page is not None:
            element.page = numbers.get(own_page.objgen[0])
        parent.kids.append(element)
        for kid in _kids(node):
            _element(kid, element, own_page, texts, owned, numbers)
    # /OBJR (an annotation, such as a link's): no text of its own


def _owned_text(page, mcid, texts, owned) -> str:
    key = (page.objgen[0], mcid)
    owned.add(key)
    return texts.get(key, "")


# --- Content streams --------------------------------------------------------------------


def _marked_text(page: pikepdf.Page) -> dict[int, str]:
    """MCID → the text drawn inside that marked-content sequence (ARTIFACT for artifacts)."""
    fonts = {name: _to_unicode(font) for name, font in page.Resources.get("/Font", {}).items()}
    found: dict[int, str] = {}
    stack: list[int | None] = []  # the MCID (or ARTIFACT, or None) of each open sequence
    font: dict[bytes, str] = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            if tag == "/Artifact":
                stack.append(ARTIFACT)
            elif op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                stack.append(int(operands[1].get("/MCID", -2)))
            else:
                stack.append(stack[-1] if stack else None)
        elif op == "EMC":
            stack.pop()
        elif op == "Tf":
            font = fonts.get(str(operands[0]), {})
        elif op in ("Tj", "'", '"', "TJ"):
            text = _decode(operands[-1], font)
            owner = next((m for m in reversed(stack) if m is not None), None)
            if owner is not None:
                found[owner] = found.get(owner, "") + text
    return found


def _decode(operand: pikepdf.Object, font: dict[bytes, str]) -> str:
    strings = list(operand) if isinstance(operand, pikepdf.Array) else [operand]
    out = []
    width = max((len(code) for code in font), default=1)
    for item in strings:
        if isinstance(item, pikepdf.String):
            data = bytes(item)
            for i in range(0, len(data), width):
                out.append(font.get(data[i : i + width], "\ufffd"))
    return "".join(out)


HEX = r"<([0-9A-Fa-f]+)>"


def _to_unicode(font: pikepdf.Object) -> dict[bytes, str]:
    """A font's ToUnicode map: character code (bytes) → text."""
    if "/ToUnicode" not in font:
        return {}
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    mapping: dict[bytes, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(HEX + r"\s*" + HEX, block):
            mapping[bytes.fromhex(src)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(
            HEX + r"\s*" + HEX + r"\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            start, end, size = int(lo, 16), int(hi, 16), len(lo) // 2
            if dst.startswith("["):
                targets = [bytes.fromhex(t).decode("utf-16-be") for t in re.findall(HEX, dst)]
            else:
                first = bytes.fromhex(dst[1:-1]).decode("utf-16-be")
                targets = [first[:-1] + chr(ord(first[-1]) + n) for n in range(end - start + 1)]
            for code, text in zip(range(start, end + 1), targets, strict=False):
                mapping[code.to_bytes(size, "big")] = text
    return mapping
