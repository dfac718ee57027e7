"""Storage: the .cxroadmap SQLite document written through SQLModel; rows never leave here.

`import cxroadmap.storage` stays cheap: SQLModel is loaded only when a Document is used.
"""

from typing import TYPE_CHECKING, Any

from cxroadmap.storage.errors import DocumentError, DocumentLocked, DocumentReadOnly

if TYPE_CHECKING:
    from cxroadmap.storage.checks import check
    from cxroadmap.storage.document import Document, write_document
    from cxroadmap.storage.reading import read_document

__all__ = [
    "Document",
    "DocumentError",
    "DocumentLocked",
    "DocumentReadOnly",
    "check",
    "read_document",
    "write_document",
]

_LAZY = {
    "Document": "cxroadmap.storage.document",
    "read_document": "cxroadmap.storage.reading",
    "write_document": "cxroadmap.storage.document",
    "check": "cxroadmap.storage.checks",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
