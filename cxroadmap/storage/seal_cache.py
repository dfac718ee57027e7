"""Which file contents have had their checksum verified, so an unchanged file opens quickly.

Recomputing the seal (seal.py) hashes every row: about 60 ms at 5,000 initiatives and
270 ms at 20,000, on every open; SQLite's structural check (`PRAGMA quick_check`) reads
every page, about as long again. What is remembered is a BLAKE2b digest of the file's own
bytes (2 ms at 5,000): the same bytes always give the same verdict, so a file changed by
a single bit (a flip on disk, a torn write, another program's edit) has another digest and
is verified in full again. Only a sound verdict is remembered, and only for a file whose
whole content is in the file (no rollback journal, not in WAL mode).

The digests live in this process and in `sealed` in the user's cache folder
(platformdirs; `XDG_CACHE_HOME` on Linux), one per line, the newest last. Anyone able to
write that file could equally recompute the seal itself: the seal guards against damage,
not against a deliberate forger, and the cache keeps exactly that guarantee.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# Part of every digest: change it if what a verdict means ever changes (the row hash).
_TAG = b"cxroadmap-seal-1\n"
_KEEP = 256  # digests kept on disk; older ones are forgotten
_CHUNK = 1 << 20

_known: set[str] = set()


def file_key(path: Path) -> str | None:
    """The digest of `path`'s bytes, or None when its content is not only in the file."""
    if Path(f"{path}-journal").exists() or Path(f"{path}-wal").exists():
        return None
    digest = hashlib.blake2b(_TAG, digest_size=20)
    try:
        with open(path, "rb") as file:
            header = file.read(100)
            if len(header) < 100 or header[18:20] == b"\x02\x02":
                return None  # too short to be a database, or in WAL mode
            digest.update(header)
            while chunk := file.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _store() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("cxroadmap", appauthor=False) / "sealed"


def known_sound(key: str | None) -> bool:
    """Whether contents with this digest were verified sound (here or in an earlier run)."""
    if key is None:
        return False
    if key in _known:
        return True
    try:
        found = key in _store().read_text(encoding="ascii").split()
    except (OSError, UnicodeError):
        return False
    if found:
        _known.add(key)
    return found


def remember_sound(key: str | None) -> None:
    """Note that contents with this digest were verified sound; a failure to write is ignored
    (the cache only saves time)."""
    if key is None:
        return
    _known.add(key)
    store = _store()
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        # One short append is atomic on a local file system: concurrent runs do not mix lines.
        with open(store, "a", encoding="ascii") as file:
            file.write(key + "\n")
        if store.stat().st_size > 2 * _KEEP * (len(key) + 1):
            _trim(store)
    except OSError:
        pass


def _trim(store: Path) -> None:
    lines = store.read_text(encoding="ascii").split()[-_KEEP:]
    temp = store.with_name(f".{store.name}.{os.getpid()}.tmp")
    temp.write_text("".join(f"{line}\n" for line in lines), encoding="ascii")
    os.replace(temp, store)
