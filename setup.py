"""Build hook: carry the top-level resources/ folder into the package as cxroadmap/resources.

The project keeps fonts and icons in resources/ beside the package (the PyInstaller spec
and a checkout use it there); a wheel holds only packages, so build_py copies the folder
into the built package, where cxroadmap.common.resources finds it in an installed copy.
Everything else about the build is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    """build_py, plus resources/ copied to <build>/cxroadmap/resources."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "cxroadmap" / "resources"
        shutil.copytree(source, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
