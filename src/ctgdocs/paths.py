"""Where the project's own resources live (templates, fonts, references)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
TEMPLATES_DIR = Path(os.environ.get("CTGDOCS_TEMPLATES", PROJECT_DIR / "templates"))
FONTS_DIR = PROJECT_DIR / "fonts"
REFERENCES_DIR = PACKAGE_DIR / "references"
