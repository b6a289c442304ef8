"""The DOCX package: fixed core properties and a normalised zip, for reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document as DocxDocument

from ctgdocs.writers.base import DocumentMeta

CORE_TEXT_LIMIT = 255  # python-docx refuses longer core properties
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CONTENT_TYPES = "[Content_Types].xml"


def clip(text: str) -> str:
    return text if len(text) <= CORE_TEXT_LIMIT else text[: CORE_TEXT_LIMIT - 1] + "…"


def set_core_properties(doc: DocxDocument, meta: DocumentMeta) -> None:
    """Properties from the meta only, dated at midnight UTC of the act: reproducible bytes."""
    props = doc.core_properties
    props.title = clip(meta.title)
    props.subject = clip(meta.subject)
    props.author = clip(meta.author)
    props.language = meta.lang
    props.last_modified_by = "ctgdocs"
    props.comments = props.keywords = props.category = ""
    props.revision = 1
    midnight = dt.datetime(meta.date.year, meta.date.month, meta.date.day)  # naive = UTC here
    props.created = props.modified = midnight


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
