"""Where ctgdocs' own resources live: templates, fonts, references.

From a checkout (an editable install, or src/ on the path), the templates and the fonts are the
repository's own: templates/ and fonts/ at its root, where their authors edit them. An installed
wheel holds copies of both inside the package, in ctgdocs/_resources/ (setup.py copies them
in); they are used when they are there. Either way, CTGDOCS_TEMPLATES names other templates.
The references are package data (ctgdocs/references/) in both.

The two layouts are alike: fonts/ beside templates/, so print.css's « ../../fonts/ » leads to
the fonts, and the fingerprints (build/manifest.py) hash the same names and bytes.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent  # the checkout's root, when running from one
BUNDLED_DIR = PACKAGE_DIR / "_resources"  # the copies an installed wheel holds (setup.py)
RESOURCES_DIR = BUNDLED_DIR if BUNDLED_DIR.is_dir() else PROJECT_DIR
TEMPLATES_DIR = Path(os.environ.get("CTGDOCS_TEMPLATES", RESOURCES_DIR / "templates"))
FONTS_DIR = RESOURCES_DIR / "fonts"
REFERENCES_DIR = PACKAGE_DIR / "references"
