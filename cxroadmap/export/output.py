"""Where an export may be written: the folder must exist and be writable (checked first)."""

from __future__ import annotations

import os
from pathlib import Path

from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.errors import ValidationError


def check_target(path: Path) -> Path:
    """The folder `path` will be written in; ValidationError (naming -o) if it cannot be."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ValidationError("-o", f"{path} is a folder, not a file")
    if not folder.is_dir():
        raise ValidationError("-o", f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError("-o", f"cannot write {path}: folder {folder} is not writable")
    return folder


def write_atomically(target: Path, data: bytes) -> None:
    """Check the target, then replace it with `data` in one rename (common/atomic.py)."""
    check_target(target)
    write_bytes_atomically(target, data)
