"""Reading a whole document with plain sqlite3: what the CLI and exports need, quickly.

The file is verified exactly as `Document.open` verifies it (schema.inspect_file); only an
older file, which must be upgraded in a private copy first, goes through `Document`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cxroadmap.domain.model import Strategy
from cxroadmap.storage import schema
from cxroadmap.storage.errors import DocumentError
from cxroadmap.storage.loading import load_all_with_ids


def read_document(path: str | os.PathLike[str]) -> list[Strategy]:
    """Every strategy of a document, opened read-only, parents before children."""
    target = Path(path)
    version = schema.inspect_file(target)
    if version < schema.SCHEMA_VERSION:
        from cxroadmap.storage.document import Document

        with Document.open(target, readonly=True) as doc:
            return doc.load_all()
    try:
        conn = schema.connect(target, readonly=True)
    except sqlite3.Error as error:
        raise DocumentError(target, f"cannot be opened ({error})") from None
    try:
        conn.execute("BEGIN")  # one consistent snapshot of every table
        return [strategy for _, strategy in load_all_with_ids(conn)]
    except sqlite3.Error as error:
        raise DocumentError(target, f"could not be read ({error})") from None
    except (KeyError, ValueError) as error:
        raise DocumentError(target, f"damaged ({error!r})") from None
    finally:
        conn.close()
