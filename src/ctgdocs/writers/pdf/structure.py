"""What WeasyPrint 70 leaves out of the PDF's structure, or puts in it that does not belong there.

Before the pages are drawn, `drop_invisible_leaders`: the sommaire's dots are drawn by print.css
without text, next to an invisible leader() that only lays the line out (see print.css); its
text pieces, drawn as nothing, would still each be tagged, hundreds of empty elements per
sommaire. They are dropped from the laid-out pages, which changes no position.

Then the finisher, on pydyf's objects before they are written:

- `sort_embedded_files`: the embedded files' name tree lists its keys in the order the files
  were attached; ISO 32000-1 (7.9.6) wants them sorted, and readers that search the tree
  (qpdf, pikepdf) find no file in an unsorted one.
- `tag_footnotes`: WeasyPrint tags a footnote as a `Span` in an untyped group at the end of its
  page; it becomes a `Note` (ISO 32000-1, 14.8.4.4), with an identifier, as screen readers and
  PDF/UA expect.
- `add_id_tree`: elements with an identifier (the notes, and the table headers WeasyPrint
  names) must be listed in the structure tree root's `IDTree` (ISO 32000-1, 14.7.2).
"""

from __future__ import annotations

from codecs import BOM_UTF16_BE

import pydyf
from weasyprint.document import Document

NOTE_ID = "note-{}"  # the identifier of the n-th footnote, from 1


def drop_invisible_leaders(document: Document) -> None:
    for page in document.pages:
        for box in page._page_box.descendants():
            if box.is_leader and box.style["visibility"] == "hidden":
                box.children = ()


def sort_embedded_files(pdf: pydyf.PDF) -> None:
    names = pdf.catalog.get("Names", {})
    if "EmbeddedFiles" in names:
        _sort_name_tree(_object(pdf, names["EmbeddedFiles"]))


def tag_footnotes(pdf: pydyf.PDF) -> None:
    """Every footnote area (the untyped group a page's `Document` kids end with) holds one
    element per footnote: each becomes a `Note`, numbered in reading order."""
    number = 0
    for area in _kids(pdf, _document(pdf)):
        if area.get("S") != "/NonStruct":
            continue
        for note in _kids(pdf, area):
            if note.get("S") == "/Span":
                number += 1
                note["S"] = "/Note"
                note["ID"] = pydyf.String(NOTE_ID.format(number))


def add_id_tree(pdf: pydyf.PDF) -> None:
    named = [
        obj
        for obj in pdf.objects
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem" and "ID" in obj
    ]
    if not named:
        return
    tree = pydyf.Dictionary({"Names": pydyf.Array()})
    for element in named:
        tree["Names"].extend((element["ID"], element.reference))
    _sort_name_tree(tree)
    pdf.add_object(tree)
    _object(pdf, pdf.catalog["StructTreeRoot"])["IDTree"] = tree.reference


def _sort_name_tree(node: pydyf.Dictionary) -> None:
    """A one-node name tree's pairs in the order of their keys' bytes (7.9.6)."""
    pairs = list(zip(node["Names"][::2], node["Names"][1::2], strict=True))
    pairs.sort(key=lambda pair: _string_bytes(pair[0]))
    node["Names"] = pydyf.Array(item for pair in pairs for item in pair)


def _string_bytes(string: pydyf.String) -> bytes:
    """The bytes of a string as pydyf writes it (PDFDocEncoding's ASCII part, or UTF-16BE)."""
    text = str(string.string)
    try:
        return text.encode("ascii")
    except UnicodeEncodeError:
        return BOM_UTF16_BE + text.encode("utf-16-be")


def _object(pdf: pydyf.PDF, reference: object) -> pydyf.Object:
    """The object an indirect reference (`b"12 0 R"` or `"12 0 R"`) points at, or the object."""
    if isinstance(reference, bytes | str):
        text = reference.decode("ascii") if isinstance(reference, bytes) else reference
        return pdf.objects[int(text.split()[0])]
    return reference


def _document(pdf: pydyf.PDF) -> pydyf.Dictionary | None:
    if "StructTreeRoot" not in pdf.catalog:
        return None
    root = _object(pdf, pdf.catalog["StructTreeRoot"])
    return next(iter(_kids(pdf, root)), None)


def _kids(pdf: pydyf.PDF, element: pydyf.Dictionary | None) -> list[pydyf.Dictionary]:
    """The structure elements among an element's kids (not its marked content)."""
    if element is None:
        return []
    kids = [_object(pdf, kid) for kid in element.get("K", ())]
    return [kid for kid in kids if isinstance(kid, pydyf.Dictionary) and "S" in kid]
