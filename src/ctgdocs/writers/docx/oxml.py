"""Small OOXML builders shared by the DOCX writer's modules: elements, field characters, runs."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def element(tag: str, attrs: dict[str, str]) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(name), value)
    return element


def fld_char(kind: str) -> Any:
    run = OxmlElement("w:r")
    run.append(element("w:fldChar", {"w:fldCharType": kind}))
    return run


def instr_text(code: str) -> Any:
    run = OxmlElement("w:r")
    instr = element("w:instrText", {"xml:space": "preserve"})
    instr.text = f" {code} "
    run.append(instr)
    return run


def text_run(text: str) -> Any:
    run = OxmlElement("w:r")
    run.text = text  # a tab becomes w:tab
    return run
