"""One registry of interchange formats by file suffix: import_file() and export_file()."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.interop.csvfile import read_csv, write_csv
from cxroadmap.interop.guard import KIND_OF_SUFFIX, FileFormatError, guarded_read
from cxroadmap.interop.icsfile import write_ics
from cxroadmap.interop.jsonfile import dump_json, load_json
from cxroadmap.interop.mspdi_read import read_mspdi
from cxroadmap.interop.mspdi_write import write_mspdi
from cxroadmap.interop.xlsxfile import read_xlsx, write_xlsx
from cxroadmap.scheduling.planner import schedule as plan
from cxroadmap.scheduling.result import Schedule

__all__ = ["EXPORT_SUFFIXES", "IMPORT_SUFFIXES", "FileFormatError", "export_file", "import_file"]

Reader = Callable[[Path, dt.date | None], Strategy]
Writer = Callable[[Strategy, Schedule, Path], None]

_READERS: dict[str, Reader] = {
    ".json": lambda path, start: load_json(path),
    ".csv": read_csv,
    ".xlsx": read_xlsx,
    ".xml": lambda path, start: read_mspdi(path),
}
_WRITERS: dict[str, Writer] = {
    ".json": lambda strategy, schedule, path: dump_json(strategy, path),
    ".csv": write_csv,
    ".xlsx": write_xlsx,
    ".xml": write_mspdi,
    ".ics": write_ics,
}
IMPORT_SUFFIXES = tuple(_READERS)
EXPORT_SUFFIXES = tuple(_WRITERS)


def _suffix(path: Path, known: tuple[str, ...], verb: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in known:
        what = f"a {suffix} file" if suffix else "a file without a suffix"
        raise ValidationError(os.fspath(path), f"cannot {verb} {what}; use {', '.join(known)}")
    return suffix


def import_file(
    path: str | os.PathLike[str],
    *,
    start: dt.date | None = None,
    mapping: Sequence[str | None] | None = None,
) -> Strategy:
    """Read a strategy from `.json`, `.csv`, `.xlsx` or `.xml` (MSPDI), chosen by suffix.

    `start` gives the strategy start for a CSV or XLSX file that has none of its own.
    Every ValidationError is a FileFormatError naming the file first:
    `plan.csv: row 7, column duration: ...`. `mapping` (CSV, XLSX): the field per column
    the user chose in the import dialog, instead of the detected one.
    """
    source = Path(path)
    suffix = _suffix(source, IMPORT_SUFFIXES, "import")
    reader = _READERS[suffix]
    if mapping is not None and suffix in (".csv", ".xlsx"):
        chosen = read_csv if suffix == ".csv" else read_xlsx
        return guarded_read(source, KIND_OF_SUFFIX[suffix], lambda: chosen(source, start, mapping))
    return guarded_read(source, KIND_OF_SUFFIX[suffix], lambda: reader(source, start))


def export_file(
    strategy: Strategy, schedule: Schedule | None, path: str | os.PathLike[str]
) -> None:
    """Write `.json`, `.csv`, `.xlsx`, `.xml` (MSPDI) or `.ics`, chosen by suffix, atomically.

    The strategy is scheduled here when `schedule` is None. A failure leaves no file behind.
    """
    target = Path(path)
    writer = _WRITERS[_suffix(target, EXPORT_SUFFIXES, "export to")]
    if schedule is None:
        schedule = plan(strategy)
    try:
        writer(strategy, schedule, target)
    except OSError as exc:
        raise FileFormatError(target, "", f"cannot write: {exc.strerror}") from None
