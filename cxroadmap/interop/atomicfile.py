"""Atomic file replacement for exports: a temp file in the same folder, then one rename."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data`; readers see the old file or the new one, never a half.

    On any error the temp file is removed and an existing `path` is left untouched.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666 lets the umask decide the mode, as for any file the user saves.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` encoded as UTF-8 (see write_bytes_atomically)."""
    write_bytes_atomically(path, text.encode("utf-8"))
