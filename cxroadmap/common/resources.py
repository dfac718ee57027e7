"""Finds resources/ (fonts, icons) from a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources folder: in the PyInstaller bundle when frozen, inside the installed
    package for a wheel (setup.py copies it there), else beside the package (a checkout)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parents[1]
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. `resource_path("fonts", "DejaVuSans.ttf")`.

    Raises FileNotFoundError naming the path, so a broken install says what is missing.
    """
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource not found: {path}")
    return path
