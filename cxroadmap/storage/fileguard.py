"""The file under a document: may it be written, is it the one opened, killed writers' temps."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from cxroadmap.common.atomic import temp_pattern
from cxroadmap.storage.errors import DocumentReadOnly
from cxroadmap.storage.lock import pid_alive


def file_read_only(path: Path) -> bool:
    """True when the file may not be written: no permission, or no write bit at all.

    The mode bits count even for root (who may write anything): `chmod 0444` is the
    user saying "do not change this file", and cxroadmap honours it.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def folder_read_only(folder: Path) -> bool:
    """True when no file can be created or replaced in `folder`."""
    try:
        mode = folder.stat().st_mode
    except FileNotFoundError:
        return False
    return not os.access(folder, os.W_OK | os.X_OK) or not mode & (
        stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    )


@dataclass(frozen=True)
class Identity:
    """What tells one file apart from another at the same path, and a changed file from itself."""

    device: int
    inode: int
    size: int
    mtime_ns: int


def identity(path: Path) -> Identity | None:
    """The file's identity now, or None when nothing is at `path`."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return Identity(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _leftover_pattern(path: Path) -> re.Pattern[str]:
    return re.compile(temp_pattern(path) + r"(-journal)?")


def clean_leftovers(path: Path) -> list[Path]:
    """Remove `.<name>.<pid>.tmp` (and its journal) left beside `path` by a killed writer.

    Only files of processes that no longer run are removed: a live import's temp file
    is its own. Returns what was removed.
    """
    pattern = _leftover_pattern(path)
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        pid = int(match.group(1))
        if pid_alive(pid):
            continue
        leftover = path.parent / name
        try:
            leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed


class Watch:
    """Tells whether the file was changed by anyone but us since we last wrote or opened it.

    Two signs: the path's identity (inode, device, size, modification time: a file moved,
    deleted, replaced or copied over) and SQLite's `PRAGMA data_version` (a commit by
    another connection, e.g. a tool that ignored the lock).
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._identity: Identity | None = None
        self._version = 0
        self.remember()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def remember(self) -> None:
        """Take the file as it is now as ours (after opening, and after each of our writes)."""
        self._identity = identity(self.path)
        self._version = self._data_version()

    def change(self) -> str | None:
        """What happened to the file behind our back, or None when it is as we left it."""
        now = identity(self.path)
        if now is None:
            return "was moved or deleted"
        assert self._identity is not None
        if (now.device, now.inode) != (self._identity.device, self._identity.inode):
            return "was replaced by another file"
        if now != self._identity or self._data_version() != self._version:
            return "was changed by another program"
        return None


def refuse_read_only(target: Path, then: str) -> None:
    """DocumentReadOnly when the file or its folder may not be written, saying which."""
    if target.exists() and file_read_only(target):
        raise DocumentReadOnly(target, f"the file is read-only (no permission to write it); {then}")
    if folder_read_only(target.parent):
        raise DocumentReadOnly(
            target, f"its folder {target.parent} is read-only (no permission to write it); {then}"
        )
