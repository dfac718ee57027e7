"""Writing a whole new document: every strategy at once, in a file that replaces the old whole.

SQLAlchemy is imported here only when a document is written, not when this is imported.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cxroadmap.common.collector import collector_paused
from cxroadmap.domain.cascade import order_parents_first
from cxroadmap.domain.model import Strategy
from cxroadmap.storage import seal
from cxroadmap.storage.errors import DocumentError
from cxroadmap.storage.fileguard import clean_leftovers, refuse_read_only
from cxroadmap.storage.lock import EditLock

if TYPE_CHECKING:
    from sqlalchemy import Connection


def write_document(
    path: str | os.PathLike[str],
    strategies: list[Strategy],
    also: Callable[[Connection], None] | None = None,
) -> None:
    """Write a whole new document atomically (temp file beside it, then a rename).

    `also` writes more in the same transaction (a workspace checkout's bookkeeping).
    """
    from sqlalchemy import exc

    from cxroadmap.storage.engine import (
        dispose_engine,
        initialise,
        open_engine,
        raw_connection,
        replacing,
    )
    from cxroadmap.storage.strategy_rows import insert_strategy

    target = Path(path)
    refuse_read_only(target, "it was not replaced")
    clean_leftovers(target)
    # Held until the new file is in place: an app opening the old one meanwhile must not
    # edit a file that is about to be replaced under it.
    lock = EditLock.acquire(target)
    try:
        with replacing(target) as temp, collector_paused():
            initialise(temp, temp=True)  # replacing() flushes it to disk once, at the end
            engine = open_engine(temp, readonly=False, temp=True)
            try:
                with engine.begin() as conn:
                    # A new file: its checksum is computed once at the end, not by a
                    # trigger per inserted row.
                    raw = raw_connection(engine)
                    seal.drop_triggers(raw)
                    for strategy in order_parents_first(strategies):
                        insert_strategy(conn, strategy)
                    if also is not None:
                        also(conn)
                    seal.install(raw)
            finally:
                dispose_engine(engine)
    except (exc.DBAPIError, sqlite3.Error) as error:
        detail = getattr(error, "orig", None) or error
        raise DocumentError(target, f"could not be written ({detail})") from None
    finally:
        lock.release()
