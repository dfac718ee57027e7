"""Finds resources/ (fonts, icons, templates) from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources folder: inside the PyInstaller bundle when frozen, else beside the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. `resource_path("fonts", "DejaVuSans.ttf")`.

    Raises FileNotFoundError naming the path, so a broken install says what is missing.
    """
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource not found: {path}")
    return path
