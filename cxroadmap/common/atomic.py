"""The one atomic file replacement: a temp file beside the target, flushed, then one rename."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temp_beside(path: Path) -> Path:
    """A fresh, unused name in `path`'s folder (so the rename stays on one file system)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")


def temp_pattern(path: Path) -> str:
    """A regular expression for `temp_beside(path)` names; group 1 is the writer's process id
    (so a temp file left by a killed writer can be told from a live one's)."""
    return re.escape(f".{path.name}.") + r"(\d+)(?:-[0-9a-f]+)?\.tmp"


def sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_to_disk(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def replacing(path: str | os.PathLike[str], companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield a temp path beside `path` to write; when the block succeeds, it replaces `path`.

    Readers see the old file or the new one, never a half. The new file keeps the old one's
    permissions (a new one gets the user's umask). On any error the temp file is removed
    and `path` is untouched. `companions` are suffixes of files that belong to one file
    (SQLite's "-journal"): the temp file's go on failure, the old file's before the rename,
    since played back onto the new file they would corrupt it.
    """
    target = Path(path)
    temp = temp_beside(target)
    try:
        yield temp
        _flush_to_disk(temp)
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
        for suffix in companions:
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        for suffix in companions:
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` (see `replacing`)."""
    with replacing(path) as temp:
        # 0o666 lets the umask decide a new file's mode, as for any file the user saves.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(temp, flags, 0o666), "wb") as handle:
            handle.write(data)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` encoded as UTF-8 (see `replacing`)."""
    write_bytes_atomically(path, text.encode("utf-8"))
