"""`check(path)`: each problem found in a document file as one sentence (for `cxroadmap check`)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cxroadmap.domain.cascade import validate_cascade
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.validation import find_cycle, validate_strategy
from cxroadmap.storage import schema, verify
from cxroadmap.storage.errors import DocumentError

_MAX_INTEGRITY_LINES = 10
_OLDER_START = "The file uses schema version"
_OLDER_END = "of an older cxroadmap; opening it for editing upgrades it"

# Dependencies must join two initiatives of their own strategy; foreign keys cannot say that.
_CROSS_STRATEGY = """
SELECT d.id FROM dependency d
JOIN initiative a ON a.id = d.from_id
JOIN initiative b ON b.id = d.to_id
WHERE a.strategy_id <> d.strategy_id OR b.strategy_id <> d.strategy_id
"""


# The same rule for the customer-experience links (schema 2): both ends in one strategy.
_CROSS_STRATEGY_LINKS = (
    (
        "initiative-touchpoint link",
        """SELECT l.id FROM initiative_touchpoint l
        JOIN initiative i ON i.id = l.initiative_id JOIN touchpoint t ON t.id = l.touchpoint_id
        WHERE i.strategy_id <> t.strategy_id""",
    ),
    (
        "measure-initiative link",
        """SELECT l.id FROM measure_initiative l
        JOIN initiative i ON i.id = l.initiative_id JOIN measure m ON m.id = l.measure_id
        WHERE i.strategy_id <> m.strategy_id""",
    ),
    (
        "opportunity",
        """SELECT o.id FROM opportunity o
        JOIN initiative i ON i.id = o.initiative_id JOIN touchpoint t ON t.id = o.touchpoint_id
        WHERE i.strategy_id <> t.strategy_id""",
    ),
)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _file_problems(file: Path, conn: sqlite3.Connection) -> tuple[list[str], bool]:
    """Problems at the SQLite level, and whether the strategies can be read at all."""
    problems: list[str] = []
    version = schema.check_tags(file, conn)
    lines = [r[0] for r in conn.execute(f"PRAGMA integrity_check({_MAX_INTEGRITY_LINES})")]
    if lines != ["ok"]:
        problems += [_sentence(f"integrity check: {line}") for line in lines]
    current = version == schema.SCHEMA_VERSION
    shape = verify.shape_problems(conn, current)
    problems += [_sentence(p) for p in shape]
    if not current:
        problems.append(_sentence(f"{_OLDER_START} {version} {_OLDER_END}"))
        return problems, False
    if shape:
        return problems, False
    typed = verify.row_problems(conn)
    if typed:
        return problems + [_sentence(p) for p in typed], False
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(_sentence(f"row {rowid} of table {table!r} refers to a missing {parent}"))
    for (dep_id,) in conn.execute(_CROSS_STRATEGY):
        problems.append(_sentence(f"dependency row {dep_id} joins initiatives of another strategy"))
    for what, query in _CROSS_STRATEGY_LINKS:
        for (row_id,) in conn.execute(query):
            problems.append(_sentence(f"{what} row {row_id} joins two strategies"))
    return problems, not problems


def _strategy_problems(file: Path) -> tuple[list[str], list[Strategy]]:
    # Read with plain sqlite3 (an older file through an upgraded copy): `cxroadmap export`
    # checks before it exports, and need not pay for SQLAlchemy's import.
    from cxroadmap.storage.reading import read_document

    problems: list[str] = []
    strategies = read_document(file)
    if strategies:
        for number, strategy in enumerate(strategies, start=1):
            label = f"strategy {number} ({strategy.name!r})"
            try:
                validate_strategy(strategy)
            except CxRoadmapError as error:
                problems.append(_sentence(f"{label}: {error}"))
                cycle = find_cycle(strategy.initiatives, strategy.dependencies)
                if cycle is not None and f"{cycle[0]} -> " not in str(error):
                    problems.append(_sentence(f"{label}: dependency cycle {' -> '.join(cycle)}"))
    try:
        validate_cascade(strategies)
    except CxRoadmapError as error:
        problems.append(_sentence(f"cascade: {error}"))
    return problems, strategies


def check(path: str | os.PathLike[str]) -> list[str]:
    """Problems found in a document, one sentence each; an empty list when it is sound.

    Never changes the file.
    """
    return check_and_load(path)[0]


def check_and_load(
    path: str | os.PathLike[str], allow_older: bool = False
) -> tuple[list[str], list[Strategy]]:
    """`check`'s problems and, when there are none, every strategy (parents first).

    With `allow_older`, a file of an older schema is no problem in itself: it is read
    from an upgraded copy and checked like a current one. Never changes the file.
    """
    file = Path(path)
    try:
        schema.read_header(file)
        conn = schema.connect(file, readonly=True)
    except DocumentError as error:
        return [_sentence(error.problem)], []
    except (sqlite3.Error, UnicodeError) as error:
        return [_sentence(f"the file cannot be opened ({error})")], []
    try:
        problems, readable = _file_problems(file, conn)
    except DocumentError as error:
        return [_sentence(error.problem)], []
    except (sqlite3.DatabaseError, UnicodeError) as error:
        if schema.journal_path(file).exists():
            return [_sentence(schema.INTERRUPTED)], []
        return [_sentence(f"the file is damaged ({error})")], []
    finally:
        conn.close()
    if allow_older:
        problems = [p for p in problems if not p.startswith(_OLDER_START)]
        readable = readable or not problems
    if not readable:
        return problems, []
    try:
        found, strategies = _strategy_problems(file)
    except DocumentError as error:
        return [*problems, _sentence(error.problem)], []
    except Exception as error:  # whatever a damaged row makes the loader raise
        return [*problems, _sentence(f"the file is damaged ({type(error).__name__}: {error})")], []
    problems += found
    return problems, [] if problems else strategies
