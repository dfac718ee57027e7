"""The edit lock: a sidecar `<file>.lock` naming the process (pid and host) that edits the file."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

from cxroadmap.common.atomic import temp_beside
from cxroadmap.storage.errors import DocumentLocked

# A lock file too new to hold its text yet belongs to a process that is still writing it.
_FRESH_SECONDS = 10.0


def _host() -> str:
    """This machine's name as `socket.gethostname()` gives it: on POSIX that is uname's
    node name, read here without importing socket (and selectors) at every open."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def lock_path(document: str | os.PathLike[str]) -> Path:
    path = Path(document)
    return path.with_name(f"{path.name}.lock")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return bool(code.value == 259)  # STILL_ACTIVE


def _read(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _holder(path: Path) -> tuple[int, str] | None:
    """(pid, host) of a live holder of the lock file, or None when it is stale or gone."""
    info = _read(path)
    if info is None:
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            return None
        return (0, "") if age < _FRESH_SECONDS else None
    pid = info.get("pid")
    host = info.get("host")
    if not isinstance(pid, int) or not isinstance(host, str):
        return None
    if host != _host():
        # A process on another machine (a shared folder) cannot be checked: assume it is alive.
        return (pid, host)
    return (pid, host) if pid_alive(pid) else None


def _create(path: Path, text: str, temp: Path) -> None:
    """Create the lock file with its text in one step; FileExistsError if it exists.

    Written beside it, then hard-linked into place: a writer killed meanwhile leaves no
    empty lock (which would look held for _FRESH_SECONDS), only a temp file that the next
    run removes. Where hard links are not supported, an exclusive create is used.
    """
    try:
        temp.write_text(text, encoding="utf-8")
        os.link(temp, path)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here (some network and FAT file systems)
    finally:
        temp.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


class EditLock:
    """Held while a document is open for editing; released by `release()`."""

    def __init__(self, document: Path, path: Path, token: str) -> None:
        self.document = document
        self.path = path
        self._token = token
        self.held = True

    @classmethod
    def acquire(cls, document: str | os.PathLike[str]) -> EditLock:
        """Take the lock, clearing a stale one; DocumentLocked when a live process holds it."""
        doc = Path(document)
        path = lock_path(doc)
        token = f"{os.getpid()}-{time.monotonic_ns()}"
        text = json.dumps(
            {
                "pid": os.getpid(),
                "host": _host(),
                "opened": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "token": token,
            }
        )
        for _ in range(3):
            try:
                _create(path, text, temp_beside(doc))
            except FileExistsError:
                holder = _holder(path)
                if holder is not None:
                    raise _locked(doc, path, *holder) from None
                path.unlink(missing_ok=True)
                continue
            return cls(doc, path, token)
        raise _locked(doc, path, 0, "")

    def release(self) -> None:
        """Remove the lock file if it is still ours (idempotent)."""
        if not self.held:
            return
        self.held = False
        info = _read(self.path)
        if info is not None and info.get("token") == self._token:
            self.path.unlink(missing_ok=True)


def _locked(doc: Path, path: Path, pid: int, host: str) -> DocumentLocked:
    if pid == os.getpid() and host == _host():
        who = "already open for editing in this program"
    elif pid:
        who = f"open for editing by another program (process {pid} on {host})"
    else:
        who = "open for editing by another program"
    return DocumentLocked(
        doc,
        f"{who}; it can be opened read-only, or if no program has it open, delete {path.name}",
        pid,
        host,
    )
