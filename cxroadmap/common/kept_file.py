"""A dictionary kept across processes in one marshal file beside the package's bytecode."""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any


class KeptFile:
    """What a process found in `file` (written by an earlier one of the same `version`),
    what it used, and whether it made anything not found there.

    Like bytecode, the file is only a shortcut: unreadable, cut short or of another
    version, it reads as empty; where bytecode is not written it is not either; a file
    grown past `most` entries starts again from what this process used.
    """

    def __init__(self, file: Path, version: str, most: int) -> None:
        self.file, self.version, self.most = file, version, most
        self.known: dict[Any, Any] = {}  # read from the file
        self.used: dict[Any, Any] = {}  # what this process made or took from the file
        self.missed = False  # whether it made anything the file did not hold

    def read(self) -> dict[Any, Any]:
        try:
            version, entries = marshal.loads(self.file.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if version != self.version or not isinstance(entries, dict):
            return {}
        return entries

    def load(self) -> None:
        self.known.update(self.read())

    def save(self) -> bool:
        """Write the file when this process made something it did not hold; True if written."""
        if not self.missed or sys.dont_write_bytecode:
            return False
        entries = {**self.known, **self.used}
        if len(entries) > self.most:
            entries = dict(self.used)
        temporary = self.file.with_name(f"{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(exist_ok=True)
            temporary.write_bytes(marshal.dumps((self.version, entries)))
            os.replace(temporary, self.file)  # whole or not at all, whatever other processes do
        except (OSError, ValueError):  # ValueError: something marshal cannot write
            temporary.unlink(missing_ok=True)
            return False  # a read-only install: made again at each start, as before
        self.known.update(entries)
        self.missed = False
        return True
