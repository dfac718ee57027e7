"""Errors about a document file as a whole: not ours, too new, damaged, or locked by another."""

from __future__ import annotations

import os

from cxroadmap.domain.errors import CxRoadmapError


class DocumentError(CxRoadmapError):
    """A .cxroadmap file cannot be used; `path` names it and `problem` says why."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = os.fspath(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DocumentLocked(DocumentError):
    """Another live process has the file open for editing; it can still be opened read-only."""

    def __init__(self, path: str | os.PathLike[str], problem: str, pid: int, host: str) -> None:
        super().__init__(path, problem)
        self.pid = pid
        self.host = host


class DocumentReadOnly(DocumentLocked):
    """The file or its folder may not be written by this user: like a lock, read-only works."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(path, problem, 0, "")


class DocumentDamaged(DocumentError):
    """The file is ours but fails verification; `cxroadmap check --repair` can make a copy."""


class DocumentChanged(DocumentError):
    """The file was moved, deleted, replaced or changed by another program while open here."""
