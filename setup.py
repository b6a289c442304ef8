"""The templates and the fonts go into the wheel, inside the package: ctgdocs/_resources/.

They live at the root of the repository, where their authors edit them and where a checkout
(an editable install) reads them. setuptools' package-data can only take files from inside the
package's folder, so the wheel's build copies them in: `build_py`, the command that lays out the
package for a wheel, copies templates/ and fonts/ into ctgdocs/_resources/ (src/ctgdocs/paths.py
finds them there). An editable install copies nothing: it reads the repository's own.

Everything else about the package is in pyproject.toml; MANIFEST.in puts both folders in the
source distribution, which a wheel can be built from too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = ("templates", "fonts")  # folders at the root of the repository
INSIDE = Path("ctgdocs", "_resources")  # where the wheel holds them (paths.BUNDLED_DIR)


def resource_files() -> list[Path]:
    """The files of the resource folders, as manifest.py's fingerprints see them: caches and
    hidden files (editors' lock files) are left out."""
    return sorted(
        path
        for folder in RESOURCES
        for path in Path(folder).rglob("*")
        if path.is_file()
        and path.suffix != ".pyc"
        and not any(part.startswith(".") or part == "__pycache__" for part in path.parts)
    )


class BuildPyWithResources(build_py):
    """build_py, then a fresh copy of the resource folders into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, INSIDE)
        shutil.rmtree(target, ignore_errors=True)  # no file deleted since the last build
        for path in resource_files():
            self.mkpath(str((target / path).parent))
            self.copy_file(str(path), str(target / path))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        return outputs + [str(Path(self.build_lib, INSIDE, path)) for path in resource_files()]


setup(cmdclass={"build_py": BuildPyWithResources})
