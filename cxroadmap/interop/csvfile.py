"""CSV import and export: one row per initiative, `depends_on` for links, `# start:` settings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cxroadmap.common.atomic import write_bytes_atomically
from cxroadmap.domain.calendar import DEFAULT_WORKING_DAYS, parse_date, parse_weekdays
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.fields import coerce
from cxroadmap.domain.limits import MAX_TABULAR_COLUMNS, MAX_TABULAR_ROWS
from cxroadmap.domain.model import Strategy, default_phases
from cxroadmap.domain.registry import STRATEGY
from cxroadmap.domain.validation import check_max_parallel, validate_strategy
from cxroadmap.interop.cell_safety import neutralise, restore
from cxroadmap.interop.column_map import tool_date
from cxroadmap.interop.tabular import (
    COLUMNS,
    COMPUTED_COLUMNS,
    Row,
    amount_items,
    depends_on_texts,
    export_values,
    initiatives_from_rows,
    is_blank,
    map_header,
    parse_amount_item,
    parse_phase,
    phase_text,
    resolve_start,
)

# `# name: value` lines above the header row; any other `#` line is a comment.
SETTINGS = (
    "name",
    "start",
    "working_days",
    "holidays",
    "phases",
    "max_parallel",
    "currency",
    "year_budgets",
    "phase_budgets",
    "status_date",
)
_SETTING = re.compile(r"^#\s*([A-Za-z_]+)\s*:(.*)$", re.DOTALL)


def read_csv(
    path: str | os.PathLike[str],
    start: dt.date | None = None,
    mapping: Sequence[str | None] | None = None,
) -> Strategy:
    """Read a CSV file (UTF-8, with or without a byte-order mark) into a validated Strategy;
    `mapping` is the field per column the user chose (import dialog) instead of detection."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "", f"not UTF-8 text at byte {exc.start}; save the sheet as 'CSV UTF-8'"
        ) from None
    return parse_csv(text, Path(path).stem, start, mapping)


def _header_index(records: list[list[str]]) -> int:
    """Index of the header row: the first row that is neither empty nor a `#` line."""
    n = 0
    while n < len(records) and (not any(records[n]) or records[n][0].lstrip().startswith("#")):
        n += 1
    return n


def _parse(text: str) -> tuple[list[list[str]], str]:
    """Records and delimiter: `,`, or `;` when the header row is one cell holding semicolons
    (how Excel saves CSV in many locales)."""
    try:
        records = _records(text, ",")
    except ValidationError as comma_error:
        error: ValidationError | None = comma_error
    else:
        n = _header_index(records)
        if n == len(records) or len(records[n]) != 1 or ";" not in records[n][0]:
            return records, ","
        error = None
    try:
        records = _records(text, ";")
    except ValidationError:
        if error is not None:
            raise error from None
        raise
    n = _header_index(records)
    if error is not None and (n == len(records) or len(records[n]) < 2):
        raise error  # not a semicolon file either: report the comma reading's problem
    return records, ";"


def _records(text: str, delimiter: str) -> list[list[str]]:
    # strict: an unclosed quote must be an error, not a cell that swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            if len(records) > MAX_TABULAR_ROWS or len(record) > MAX_TABULAR_COLUMNS:
                what = "rows" if len(records) > MAX_TABULAR_ROWS else "columns"
                limit = MAX_TABULAR_ROWS if what == "rows" else MAX_TABULAR_COLUMNS
                raise ValidationError(
                    f"row {len(records) + 1}", f"more than {limit:,} {what}; split the file"
                )
            records.append([restore(cell) for cell in record])
    except csv.Error as exc:
        raise ValidationError(f"row {len(records) + 1}", f"malformed CSV: {exc}") from None
    return records


def csv_table(text: str) -> tuple[list[str], list[list[str]]]:
    """The header row and the rows under it (no `#` lines), as the reader finds them."""
    records, _ = _parse(text.removeprefix("\ufeff"))
    n = _header_index(records)
    if n == len(records):
        raise ValidationError("row 1", "no header row (key,title,duration,...) found")
    rows = [r for r in records[n + 1 :] if any(r) and not _hash_line(r)]
    return records[n], rows


def parse_csv(
    text: str,
    fallback_name: str,
    start: dt.date | None = None,
    mapping: Sequence[str | None] | None = None,
) -> Strategy:
    """Parse CSV text; rows are numbered as a spreadsheet shows them (the header is a row)."""
    text = text.removeprefix("\ufeff")
    records, delimiter = _parse(text)
    settings: dict[str, tuple[int, str]] = {}
    n = _header_index(records)
    # Settings lines come before the header (older exports, hand-written files) or after
    # the rows (our export, so that the header is the first line for pandas and others).
    for i, record in enumerate(records):
        if i >= n and not _hash_line(record):
            continue
        # Undo a split comment, and drop the separators Excel pads a re-saved line with
        # (`# start: 2027-01-04;;;;`).
        cells = list(record)
        while cells and not cells[-1].strip():
            cells.pop()  # empty cells, not separators inside a quoted value (`# name: a,`)
        line = delimiter.join(cells).strip()
        match = _SETTING.match(line)
        if match and match[1].lower() in SETTINGS:
            settings[match[1].lower()] = (i + 1, match[2].strip())
    if n == len(records):
        raise ValidationError("row 1", "no header row (key,title,duration,...) found")
    header_row = n + 1
    header = records[n]
    columns = map_header(
        header,
        lambda i: f"row {header_row}, column {i + 1}" if i < len(header) else f"row {header_row}",
        mapping,
    )
    name = fallback_name
    if "name" in settings:
        name = check_text(settings["name"][1], f"row {settings['name'][0]}, name", required=True)
    working_days: tuple[str, ...] = DEFAULT_WORKING_DAYS
    if "working_days" in settings:
        row, value = settings["working_days"]
        working_days = parse_weekdays(_split(value), f"row {row}, working_days")
    holidays: list[dt.date] = []
    if "holidays" in settings:
        row, value = settings["holidays"]
        holidays = sorted({parse_date(v, f"row {row}, holidays") for v in _split(value)})
    phases = default_phases()
    if "phases" in settings:
        row, value = settings["phases"]
        parts = [p.strip() for p in value.split(";") if p.strip()]
        phases = [parse_phase(p, f"row {row}, phases") for p in parts]
    if "start" in settings:
        row, value = settings["start"]
        written = parse_date(value, f"row {row}, start")
        start = written if start is None else start
    rows = []
    for number, record in enumerate(records[n + 1 :], start=header_row + 1):
        if all(is_blank(cell) for cell in record) or _hash_line(record):
            continue
        values: dict[str, object] = {}
        for i, cell in enumerate(record):
            column = columns[i] if i < len(columns) else None
            if column is not None:
                values[column] = cell
            elif not is_blank(cell) and (i >= len(header) or is_blank(header[i])):
                raise ValidationError(f"row {number}, column {i + 1}", "a value with no header")
        rows.append(Row(values, _cell_namer(number)))
    strategy = Strategy(name=name, start=dt.date.min, working_days=working_days)
    strategy.holidays = holidays
    strategy.phases = phases
    if "max_parallel" in settings:
        row, value = settings["max_parallel"]
        limit: object = int(value) if value.isdigit() else (value or None)
        strategy.max_parallel = check_max_parallel(limit, f"row {row}, max_parallel")
    _read_budgets(strategy, settings)
    if "status_date" in settings:
        row, value = settings["status_date"]
        strategy.status_date = parse_date(value, f"row {row}, status_date")
    strategy.initiatives, strategy.dependencies = initiatives_from_rows(
        rows, strategy.days_per_week, strategy.phase_names()
    )
    strategy.start = resolve_start(start or _first_start(rows), strategy.initiatives, "start")
    validate_strategy(strategy)
    return strategy


def _hash_line(record: list[str]) -> bool:
    """A `#` line among the rows: one cell starting with `#`, the rest blank (Excel pads it).
    A row whose key starts with `#` has its title filled in, so it stays a row."""
    return (
        bool(record)
        and record[0].lstrip().startswith("#")
        and all(is_blank(cell) for cell in record[1:])
    )


def _first_start(rows: list[Row]) -> dt.date | None:
    """The earliest scheduled start of a foreign file (a `Start`/`Begin date` column) that
    has no `# start:` line: ISO dates (with or without a time) or MS Project's `Mon 1/4/27`."""
    found = [day for row in rows if (day := tool_date(row.values.get("_start"))) is not None]
    return min(found, default=None)


def _read_budgets(strategy: Strategy, settings: dict[str, tuple[int, str]]) -> None:
    """`# currency: EUR`, `# year_budgets: 2027: 250000; 2028: 300000`, `# phase_budgets: ...`."""
    if "currency" in settings:
        row, value = settings["currency"]
        strategy.currency = str(coerce(STRATEGY["currency"], value, f"row {row}, currency"))
    for name in ("year_budgets", "phase_budgets"):
        if name not in settings:
            continue
        row, value = settings[name]
        where = f"row {row}, {name}"
        pairs = [parse_amount_item(part, where) for part in value.split(";") if part.strip()]
        if name == "year_budgets":
            years = coerce(STRATEGY["year_budgets"], dict(pairs), where)
            strategy.year_budgets = years  # type: ignore[assignment]
            continue
        phases = {p.name: p for p in strategy.phases}
        for phase, amount in pairs:
            if phase not in phases:
                raise ValidationError(where, f"no phase named {phase!r}")
            phases[phase].budget = amount


def _cell_namer(number: int) -> Callable[[str], str]:
    return lambda field: f"row {number}, column {field}"


def _split(value: str) -> list[str]:
    return [part for part in re.split(r"[,;\s]+", value) if part]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(strategy: Strategy, schedule: Any) -> str:
    """The CSV form: settings lines, a header row, one row per initiative (CRLF line ends)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    # The header first, so that pandas, R and databases read the table as it is; the
    # strategy's settings follow the rows as `#` lines (pandas: comment="#" drops them).
    writer.writerow([*COLUMNS, *COMPUTED_COLUMNS])
    depends_on = depends_on_texts(strategy)
    for ini in strategy.initiatives.values():
        values = export_values(schedule, ini, depends_on)
        writer.writerow([neutralise(_cell_text(v)) for v in values])
    writer.writerow([f"# name: {strategy.name}"])
    writer.writerow([f"# start: {strategy.start.isoformat()}"])
    if strategy.working_days != DEFAULT_WORKING_DAYS:
        writer.writerow([f"# working_days: {' '.join(strategy.working_days)}"])
    if strategy.holidays:
        writer.writerow([f"# holidays: {' '.join(d.isoformat() for d in strategy.holidays)}"])
    if strategy.max_parallel is not None:
        writer.writerow([f"# max_parallel: {strategy.max_parallel}"])
    if [(p.name, p.weeks) for p in strategy.phases] != [
        (p.name, p.weeks) for p in default_phases()
    ]:
        writer.writerow([f"# phases: {'; '.join(phase_text(p) for p in strategy.phases)}"])
    if strategy.currency:
        writer.writerow([f"# currency: {strategy.currency}"])
    if strategy.year_budgets:
        items = amount_items(list(strategy.year_budgets.items()))
        writer.writerow([f"# year_budgets: {'; '.join(items)}"])
    budgets = [(p.name, p.budget) for p in strategy.phases if p.budget is not None]
    if budgets:
        writer.writerow([f"# phase_budgets: {'; '.join(amount_items(budgets))}"])  # type: ignore[arg-type]
    if strategy.status_date is not None:
        writer.writerow([f"# status_date: {strategy.status_date.isoformat()}"])
    return out.getvalue()


def write_csv(strategy: Strategy, schedule: Any, path: str | os.PathLike[str]) -> None:
    """Write atomically, UTF-8 with a byte-order mark so that Excel reads accents correctly."""
    write_bytes_atomically(path, csv_text(strategy, schedule).encode("utf-8-sig"))
