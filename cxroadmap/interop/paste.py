"""Rows copied from a spreadsheet (TSV on the clipboard) as new initiatives, and rows out as TSV.

Pasted rows go through the one column mapping of CSV and XLSX (column_map.py): a first row
of headers in any known form names the columns; without one, the columns are ours in order.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.interop.column_map import COLUMNS, COMPUTED_COLUMNS, IGNORE, detect
from cxroadmap.interop.links_text import parse_depends_on
from cxroadmap.interop.tabular import Row, depends_on_texts, export_values, initiative_from_row


def _records(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t")
    return [r for r in reader if any(cell.strip() for cell in r)]


def _free_key(taken: set[str], like: str) -> str:
    match = re.fullmatch(r"(.*?)(\d*)", like.strip() or "I")
    prefix = (match.group(1) if match else "") or "I"
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _namer(n: int) -> Callable[[str], str]:
    return lambda field: f"pasted row {n}, column {field}"


def rows_from_tsv(
    text: str, strategy: Strategy
) -> tuple[list[Initiative], list[Dependency], list[str]]:
    """New initiatives, their dependencies, and notes (keys that had to change).

    A key already in the strategy (or missing) gets a free one like it, and the pasted
    rows' links follow the new keys; links may also name the strategy's initiatives.
    """
    records = _records(text)
    if not records:
        raise ValidationError("clipboard", "nothing to paste: copy rows from a spreadsheet")
    mapped = detect(records[0])
    if "title" in mapped:
        header, body, first = mapped, records[1:], 2
    else:
        header, body, first = list(COLUMNS), records, 1
    taken = set(strategy.initiatives)
    renamed: dict[str, str] = {}
    notes: list[str] = []
    initiatives: list[Initiative] = []
    texts: list[tuple[str, object, str]] = []  # (key, depends_on cell, where)
    for n, record in enumerate(body, start=first):
        values: dict[str, object] = {}
        for name, cell in zip(header, record, strict=False):
            if name is not None and name != IGNORE and name not in COMPUTED_COLUMNS:
                values[name] = cell
        original: str = str(values.get("key") or "").strip()
        key = original if original and original not in taken else _free_key(taken, original)
        if original and key != original:
            renamed[original] = key
            notes.append(f"{original} is taken: pasted as {key}")
        values["key"] = key
        taken.add(key)
        row = Row(values, _namer(n))
        initiatives.append(initiative_from_row(row, strategy.days_per_week))
        if str(values.get("depends_on") or "").strip():
            texts.append((key, values["depends_on"], row.where("depends_on")))
    known = set(strategy.initiatives) | {i.key for i in initiatives} | set(renamed)
    deps: list[Dependency] = []
    for key, links, where in texts:
        for dep in parse_depends_on(links, key, known, where, strategy.days_per_week):
            dep.from_key = renamed.get(dep.from_key, dep.from_key)
            deps.append(dep)
    return initiatives, deps, notes


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split("\t")).replace("\n", " ")


def tsv_of(strategy: Strategy, schedule: Any, keys: list[str]) -> str:
    """The rows of `keys` with our header, tab-separated, as spreadsheets paste them."""
    depends_on = depends_on_texts(strategy)
    lines = ["\t".join((*COLUMNS, *COMPUTED_COLUMNS))]
    for key in keys:
        values = export_values(schedule, strategy.initiatives[key], depends_on)
        lines.append("\t".join(_cell(v) for v in values))
    return "\n".join(lines) + "\n"
