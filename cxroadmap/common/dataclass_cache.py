"""Keeps the methods Python's dataclasses compile from source at each start, as bytecode does.

`@dataclass` writes the source of `__init__`, `__repr__`, `__eq__`, ... of every class and
compiles it with `exec` when the class is defined: about 220 compilations, a tenth of the
instructions to the app's first paint. The compiled code depends only on that source, so it
is kept in one file beside the package's bytecode (`__pycache__`) and the next process
runs the same code objects without compiling them. Nothing else changes: `exec` gets the
code object that compiling the same text gives (tested), with the same globals.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from cxroadmap.common.kept_file import KeptFile

FOLDER = Path(__file__).resolve().parent.parent / "__pycache__"
FILE = FOLDER / f"dataclass-methods.{sys.implementation.cache_tag}.marshal"
MOST = 1000  # entries kept at most: a file grown past it starts again from this process's
# Where dataclasses compiles with the plain `exec(text, globals, namespace)` this relies on,
# from a module without `from __future__` flags (3.11's dataclasses.py).
SUPPORTED = ((3, 11),)

# Python's exact build and optimisation level (-O) made the code kept: any other reads none.
_VERSION = f"{sys.version} -O{sys.flags.optimize}"
# Each method's text -> its code.
KEPT = KeptFile(FILE, _VERSION, MOST)


def compiled(text: str) -> CodeType:
    """The code of `text` as `exec(text)` in dataclasses compiles it (no inherited flags)."""
    return compile(text, "<string>", "exec", dont_inherit=True)


def _exec(source: Any, globals: dict[str, Any], locals: dict[str, Any], /) -> None:
    """`exec` for dataclasses' generated methods: the code of a known text is not compiled.

    dataclasses always passes its globals and namespace (a call without them would fail
    here, loudly, rather than run in this module's globals)."""
    if isinstance(source, str):
        code = KEPT.known.get(source)
        if code is None:
            code = compiled(source)
            KEPT.missed = True
        KEPT.used[source] = code
        source = code
    builtins.exec(source, globals, locals)


def save() -> bool:
    """Write the file when this process compiled what it did not hold; True if written."""
    return KEPT.save()


def install() -> None:
    """Route dataclasses' `exec` through the kept code (a name in its module, not builtins)."""
    if sys.version_info[:2] not in SUPPORTED or "exec" in vars(dataclasses):
        return
    KEPT.load()
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    atexit.register(save)
