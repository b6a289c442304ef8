"""A real `ctgdocs` process with a template override (CTGDOCS_TEMPLATES): the paths module reads
the setting at import, so a hostile override is tried in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_with_templates(templates: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ctgdocs", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**os.environ, "CTGDOCS_TEMPLATES": str(templates)},
    )
