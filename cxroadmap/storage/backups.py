"""Rolling backups, as Anki keeps them: a copy of a document before the first edit of a session.

At most `keep_count()` per document, in the user's data directory (platformdirs), newest
first; each is a whole, verified-on-restore SQLite copy made with SQLite's backup API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cxroadmap.common import atomic
from cxroadmap.storage.errors import DocumentError

DEFAULT_KEEP = 10
SUFFIX = ".cxroadmap"
_STAMP = "%Y%m%d-%H%M%S-%f"
_TEMP = re.compile(r"\..+\.(\d+)(?:-[0-9a-f]+)?\.tmp(?:-journal)?")


def keep_count() -> int:
    """How many backups a document keeps (CXROADMAP_BACKUPS overrides the default 10)."""
    try:
        return max(1, int(os.environ.get("CXROADMAP_BACKUPS", DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def backups_root() -> Path:
    from platformdirs import user_data_path

    return user_data_path("cxroadmap", appauthor=False) / "backups"


def backup_dir(document: str | os.PathLike[str]) -> Path:
    """The folder of one document's backups: its name plus a hash of its full path."""
    path = Path(document).absolute()
    tag = hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in path.stem)[:40] or "document"
    return backups_root() / f"{stem}-{tag}"


@dataclass(frozen=True)
class Backup:
    """One backup file: its number in the list (1 = newest), path, time taken and size."""

    number: int
    path: Path
    taken: dt.datetime
    size: int


def list_backups(document: str | os.PathLike[str]) -> list[Backup]:
    """The document's backups, newest first, numbered from 1."""
    folder = backup_dir(document)
    found: list[tuple[dt.datetime, Path]] = []
    if folder.is_dir():
        for item in folder.iterdir():
            if item.suffix != SUFFIX or item.name.startswith("."):
                continue
            try:
                taken = dt.datetime.strptime(item.stem, _STAMP).replace(tzinfo=dt.UTC)
            except ValueError:
                continue
            found.append((taken, item))
    found.sort(reverse=True)
    return [
        Backup(n, item, taken, item.stat().st_size)
        for n, (taken, item) in enumerate(found, start=1)
    ]


def take_backup(document: Path, source: sqlite3.Connection) -> Path:
    """Copy the open database into the document's backup folder, then prune the oldest."""
    folder = backup_dir(document)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    target = folder / f"{stamp}{SUFFIX}"
    _clean_temps(folder)
    temp = atomic.temp_beside(target)
    try:
        dest = sqlite3.connect(temp)
        try:
            source.backup(dest)
        finally:
            dest.close()
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    for old in list_backups(document)[keep_count() :]:
        old.path.unlink(missing_ok=True)
    return target


def _clean_temps(folder: Path) -> None:
    """Remove the temp files of backups whose writer was killed (a live one's stay)."""
    from cxroadmap.storage.lock import pid_alive

    for item in folder.iterdir():
        found = _TEMP.fullmatch(item.name)
        if found is not None and not pid_alive(int(found.group(1))):
            item.unlink(missing_ok=True)


def pick(document: str | os.PathLike[str], number: int) -> Backup:
    """Backup `number` (1 = newest) of the document; DocumentError naming the range if none."""
    backups = list_backups(document)
    if not backups:
        raise DocumentError(document, "has no backups")
    if not 1 <= number <= len(backups):
        raise DocumentError(
            document, f"has no backup {number} (there are {len(backups)}: 1 is the newest)"
        )
    return backups[number - 1]


def save_aside(document: Path, files: list[Path], label: str) -> list[Path]:
    """Copy `files` (an original and its journal) into the backup folder, named by `label`."""
    folder = backup_dir(document)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
    kept = []
    for item in files:
        rest = item.name[len(document.name) :]
        target = folder / f"{label}-{stamp}{SUFFIX}{rest}.kept"
        shutil.copyfile(item, target)
        kept.append(target)
    return kept


def restore(
    document: str | os.PathLike[str], number: int, output: Path, force: bool = False
) -> Path:
    """Copy backup `number` to `output` after verifying it; `force` replaces an existing file.

    The output may be the document itself (with `force`) unless a program edits it.
    """
    from cxroadmap.storage import verify
    from cxroadmap.storage.errors import DocumentDamaged
    from cxroadmap.storage.fileguard import file_read_only
    from cxroadmap.storage.lock import EditLock

    chosen = pick(document, number)
    problems = verify.file_problems(chosen.path)
    if problems:
        raise DocumentDamaged(chosen.path, f"backup {number} is damaged ({problems[0]})")
    if output.suffix.lower() != SUFFIX:
        raise DocumentError(output, "the output must end in .cxroadmap")
    if output.exists() and not force:
        raise DocumentError(output, "already exists (use --force to replace it)")
    if output.exists() and file_read_only(output):
        raise DocumentError(output, "the file is read-only (no permission to write it)")
    lock = EditLock.acquire(output)
    try:
        with atomic.replacing(output, companions=("-journal",)) as temp:
            shutil.copyfile(chosen.path, temp)
    finally:
        lock.release()
    return output
