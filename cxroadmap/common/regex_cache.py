"""Keeps what Python's regular expressions compile to across processes, as bytecode is kept.

Python parses and compiles each pattern in Python code (`re._parser`, `re._compiler`) the
first time a process uses it. PySide6's signature support alone compiles some large ones
when it is imported: about a tenth of the instructions to the app's first paint. What a
pattern compiles to (the program and group names `_sre.compile` takes) depends only on the
pattern, its flags and Python's build, so it is kept in one file beside the package's
bytecode and the next process builds the same Pattern from it without parsing. A pattern
whose parsing may warn is never kept, so it warns as before; a bad one raises as before.
"""

from __future__ import annotations

import _sre
import atexit
import re
import sys
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from cxroadmap.common.kept_file import KeptFile

FOLDER = Path(__file__).resolve().parent.parent / "__pycache__"
FILE = FOLDER / f"regex-programs.{sys.implementation.cache_tag}.marshal"
MOST = 2000  # entries kept at most: a file grown past it starts again from this process's
SUPPORTED = ((3, 11),)  # the re._compiler.compile this reproduces (tested against it)
# Python's exact build and its regular expression engine made the programs kept.
_VERSION = f"{sys.version} sre {_sre.MAGIC}"

Key = tuple[str | bytes, int]
# (pattern, flags) -> what _sre.compile takes besides the pattern.
KEPT = KeptFile(FILE, _VERSION, MOST)
_plain = _compiler.compile


# What re._parser may warn about (a FutureWarning for "[[", "--", "&&", "~~" and "||" in a
# set, a DeprecationWarning for group names that are not ASCII, or in a condition): a
# pattern with any of these, or any character that is not ASCII, is compiled as Python
# does at each use and never kept, so it warns as before.
_MAY_WARN = re.compile(r"\[\[|--|&&|~~|\|\||\(\?\(|[^\x00-\x7f]")


def _may_warn(pattern: str | bytes) -> bool:
    text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    return _MAY_WARN.search(text) is not None


def program(parsed: Any, flags: int) -> tuple[Any, ...]:
    """What re._compiler.compile (Python 3.11) gives `_sre.compile` besides the pattern,
    for the pattern `_parser.parse` made `parsed` of."""
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    # Plain ints: the opcodes are an int subclass, which marshal does not write.
    return (int(flags | parsed.state.flags), [int(c) for c in code], int(groups),
            {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))  # fmt: skip


def _compile(pattern: Any, flags: int = 0) -> Any:
    if type(pattern) not in (str, bytes) or flags & re.DEBUG or _may_warn(pattern):
        return _plain(pattern, flags)  # kept: exact str or bytes (what marshal writes)
    flags = int(flags)
    key = (pattern, flags)
    kept = KEPT.known.get(key)
    if kept is None:
        kept = program(_parser.parse(pattern, flags), flags)
        KEPT.missed = True
    KEPT.used[key] = kept
    return _sre.compile(pattern, *kept)


def save() -> bool:
    """Write the file when this process compiled what it did not hold; True if written."""
    return KEPT.save()


def install() -> None:
    """Route re's compiling through the kept programs (re._compiler.compile, a module name)."""
    if sys.version_info[:2] not in SUPPORTED or _compiler.compile is not _plain:
        return
    KEPT.load()
    _compiler.compile = _compile
    atexit.register(save)
