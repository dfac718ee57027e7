"""Writing an export's bytes to its file: all of them or, on any error, nothing at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

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
    """Replace `target` with `data` through a temporary file in the same folder."""
    folder = check_target(target)
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
