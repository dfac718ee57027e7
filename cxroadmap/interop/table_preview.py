"""What the import dialog shows of a CSV or XLSX file: headers, detected fields, first rows."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cxroadmap.domain.errors import ValidationError
from cxroadmap.interop.column_map import HUMAN_HEADERS, IGNORE, detect
from cxroadmap.interop.csvfile import csv_table
from cxroadmap.interop.guard import KIND_OF_SUFFIX, guarded_read
from cxroadmap.interop.tabular import COLUMNS, LIST_COLUMNS

MAPPED_SUFFIXES = (".csv", ".xlsx")
# The meanings a column can be given, by the label people read; "start" is the strategy
# start of a file without one (MS Project's Start column); IGNORE skips the column.
CHOICES: tuple[tuple[str, str], ...] = (
    *((name, HUMAN_HEADERS.get(name, name)) for name in COLUMNS),
    ("start", "Start (the strategy start)"),
    (IGNORE, "Ignore"),
)
_CHOSEN = {name for name, _ in CHOICES}


@dataclass(frozen=True)
class TablePreview:
    """The header cells, the field detected per column (IGNORE when skipped) and some rows."""

    headers: list[str]
    detected: list[str]
    rows: list[list[str]]
    unknown: list[int]  # columns detection did not recognise (the reader would refuse them)


def preview_table(path: str | os.PathLike[str], limit: int = 10) -> TablePreview:
    """The first `limit` rows of a CSV file, or of an XLSX workbook's Initiatives sheet."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in MAPPED_SUFFIXES:
        raise ValidationError(str(source), "only CSV and XLSX columns can be mapped")
    read = _csv if suffix == ".csv" else _xlsx
    headers, rows = guarded_read(source, KIND_OF_SUFFIX[suffix], lambda: read(source, limit))
    found = detect(headers)
    detected = [
        name if name in _CHOSEN and name not in LIST_COLUMNS and name is not None else IGNORE
        for name in found
    ]
    unknown = [i for i, name in enumerate(found) if name is None]
    return TablePreview(headers, detected, rows, unknown)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _csv(source: Path, limit: int) -> tuple[list[str], list[list[str]]]:
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("", f"not UTF-8 text at byte {exc.start}") from None
    header, rows = csv_table(text)
    return header, rows[:limit]


def _xlsx(source: Path, limit: int) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(source.read_bytes()), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError("", f"not a readable XLSX workbook ({exc})") from None
    try:
        sheets = {s.title.strip().lower(): s for s in book.worksheets}
        if "initiatives" not in sheets:
            raise ValidationError("Initiatives", "the workbook has no sheet named Initiatives")
        sheet = sheets["initiatives"]
        sheet.reset_dimensions()
        lines = sheet.iter_rows(values_only=True, max_row=limit + 1)
        header = [_text(v) for v in next(lines, ())]
        rows = [[_text(v) for v in line] for line in lines if any(v is not None for v in line)]
        return header, rows[:limit]
    finally:
        book.close()
