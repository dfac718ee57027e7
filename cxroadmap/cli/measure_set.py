"""`cxroadmap set … --measure KEY reading=DATE:VALUE`: measure fields and readings from a script.

`--measure KEY|NAME` scopes the `field=value` pairs after it (up to the next bare key or
option) to that measure: `reading=2027-03-31:42` adds the reading or replaces the value
on that date, `reading=2027-03-31:` deletes it, any other name is a measure field
(`target=85`). A CSV with `measure,date,value` columns does the same for many readings.
"""

from __future__ import annotations

import csv
from pathlib import Path

from cxroadmap.domain.edits import Edit
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measure_edits import ChangeMeasure
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.reading_edits import RemoveReading, SetReading
from cxroadmap.storage.errors import DocumentError

MeasureAssignments = list[tuple[str, list[tuple[str, str]]]]

READINGS_COLUMNS = ("measure", "date", "value")


def split_measure_tokens(tokens: list[str]) -> tuple[list[str], MeasureAssignments]:
    """The tokens that are not about measures, and (measure, [(field, value)…]) in order."""
    rest: list[str] = []
    found: MeasureAssignments = []
    scoped = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "--measure" or token.startswith("--measure="):
            name = token.partition("=")[2] if "=" in token else None
            if name is None:
                if i + 1 >= len(tokens):
                    raise ValidationError("--measure", "expected a measure key or name after it")
                i += 1
                name = tokens[i]
            found.append((name, []))
            scoped = True
        elif scoped and "=" in token and not token.startswith("-"):
            field, _, value = token.partition("=")
            found[-1][1].append((field.strip(), value))
        else:
            scoped = False
            rest.append(token)
        i += 1
    for name, pairs in found:
        if not pairs:
            raise ValidationError(f"measures[{name}]", "no field=value given for this measure")
    return rest, found


def is_readings_csv(path: Path) -> bool:
    """A CSV whose header has a `measure` column and no `key` column holds readings."""
    if not path.exists():
        raise DocumentError(path, "no such file")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle), [])
    columns = {c.strip().lower() for c in header}
    return "measure" in columns and "key" not in columns


def read_readings_csv(path: Path) -> MeasureAssignments:
    """`measure,date,value` rows -> one `reading=date:value` per row (empty value deletes)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
        for name in READINGS_COLUMNS:
            if name not in columns:
                raise ValidationError(str(path), f"needs a {name!r} column (measure,date,value)")
        found: MeasureAssignments = []
        for line, row in enumerate(reader, start=2):
            measure, date, value = ((row[columns[n]] or "").strip() for n in READINGS_COLUMNS)
            if not measure or not date:
                raise ValidationError(f"{path}:{line}", "the measure and date cells are required")
            found.append((measure, [("reading", f"{date}:{value}")]))
    return found


def _measure_key(strategy: Strategy, name: str) -> str:
    """The key of the measure named by key, else by its name (case and spaces ignored)."""
    if strategy.measure(name) is not None:
        return name
    wanted = " ".join(name.split()).casefold()
    for m in strategy.measures:
        if " ".join(m.name.split()).casefold() == wanted:
            return m.key
    raise ValidationError(f"measures[{name}]", f"no measure with key or name {name!r}")


def measure_edits(strategy: Strategy, assignments: MeasureAssignments) -> list[Edit]:
    """The edits of every measure assignment, in the order given (checked when applied)."""
    edits: list[Edit] = []
    for name, pairs in assignments:
        key = _measure_key(strategy, name)
        fields: dict[str, object] = {}
        for field, value in pairs:
            if field == "reading":
                date, colon, number = value.partition(":")
                if not colon:
                    raise ValidationError(
                        f"measures[{key}].readings", f"expected DATE:VALUE, got {value!r}"
                    )
                date = date.strip()
                edit: Edit = (
                    RemoveReading(key, date)
                    if not number.strip()
                    else SetReading(key, date, number.strip())
                )
                edits.append(edit)
            elif field == "initiatives":
                fields[field] = [k.strip() for k in value.split(",") if k.strip()]
            else:
                fields[field] = value
        if fields:
            edits.append(ChangeMeasure(key, fields))
    return edits
