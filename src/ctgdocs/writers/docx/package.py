"""The DOCX package: its properties and a normalised zip, for reproducible bytes.

`docProps/core.xml` describes the document (title, subject, the issuing body as creator, its
language, its @CTES identifier when it is an act) and `docProps/app.xml` the application that
wrote it: ctgdocs and its version, not the Word that made python-docx's template. Both depend on
the document only, never on the time or the machine.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ctgdocs import __version__
from ctgdocs.render.document import DocumentMeta

CORE_TEXT_LIMIT = 255  # python-docx refuses longer core properties
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CONTENT_TYPES = "[Content_Types].xml"
APPLICATION = f"ctgdocs/{__version__}"  # "name/version", as LibreOffice writes its own
APP_PART = "/docProps/app.xml"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def clip(text: str) -> str:
    return text if len(text) <= CORE_TEXT_LIMIT else text[: CORE_TEXT_LIMIT - 1] + "…"


def set_core_properties(doc: DocxDocument, meta: DocumentMeta, identifier: str = "") -> None:
    """Properties from the meta only, dated at midnight UTC of the act: reproducible bytes.
    `identifier`: the act's @CTES identifier, when it is sent to the préfecture."""
    props = doc.core_properties
    props.title = clip(meta.title)
    props.subject = clip(meta.subject)
    props.author = clip(meta.author)
    props.language = meta.lang
    props.identifier = identifier
    props.last_modified_by = "ctgdocs"
    props.comments = props.keywords = props.category = ""
    props.revision = 1
    midnight = dt.datetime(meta.date.year, meta.date.month, meta.date.day)  # naive = UTC here
    props.created = props.modified = midnight


def app_properties_xml(title: str, company: str) -> bytes:
    """docProps/app.xml: the application (ctgdocs and its version), the document's title and
    the body that issues it. No statistics (pages, words): only a layout knows them, and Word
    and LibreOffice recompute them when they save."""
    root = etree.Element(f"{{{EXTENDED}}}Properties", nsmap={None: EXTENDED, "vt": VT})

    def add(name: str, text: str) -> etree._Element:
        child = etree.SubElement(root, f"{{{EXTENDED}}}{name}")
        child.text = text
        return child

    def vector(name: str, base: str, values: list[tuple[str, str]]) -> None:
        holder = etree.SubElement(root, f"{{{EXTENDED}}}{name}")
        items = etree.SubElement(holder, f"{{{VT}}}vector", size=str(len(values)), baseType=base)
        for kind, value in values:
            parent = items
            if base == "variant":
                parent = etree.SubElement(items, f"{{{VT}}}variant")
            etree.SubElement(parent, f"{{{VT}}}{kind}").text = value

    add("Application", APPLICATION)
    add("DocSecurity", "0")
    add("ScaleCrop", "false")
    vector("HeadingPairs", "variant", [("lpstr", "Titre"), ("i4", "1")])
    vector("TitlesOfParts", "lpstr", [("lpstr", clip(title))])
    add("Company", clip(company))
    add("LinksUpToDate", "false")
    add("SharedDoc", "false")
    add("HyperlinksChanged", "false")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_app_properties(doc: DocxDocument, title: str, company: str) -> None:
    """Replace the package's docProps/app.xml (or add one, for a frame without it)."""
    package = doc.part.package
    blob = app_properties_xml(title, company)
    for part in package.iter_parts():
        if part.partname == APP_PART:
            part._blob = blob  # python-docx keeps this part as bytes
            return
    part = Part(PackURI(APP_PART), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed dates, `[Content_Types].xml` first then sorted names, deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = sorted(src.namelist(), key=lambda name: (name != CONTENT_TYPES, name))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                dst.writestr(info, src.read(name))
    return out.getvalue()
