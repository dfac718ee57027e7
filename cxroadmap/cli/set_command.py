"""`cxroadmap set`: change initiative and strategy fields from a script, through the app's edits.

Every value is checked as the app checks it; all keys change in one transaction, or,
on any bad value, nothing is written and the error names the key and the field.
`field=value` pairs before the first key set fields of the strategy itself
(`status_date=2027-01-20`).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxroadmap.cli.measure_set import (
    MeasureAssignments,
    is_readings_csv,
    measure_edits,
    read_readings_csv,
    split_measure_tokens,
)
from cxroadmap.domain.edits import ChangeInitiative, ChangeStrategy, CompositeEdit, Edit
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.validation import coerce_initiative_value, coerce_strategy_value
from cxroadmap.storage.errors import DocumentError

Assignments = list[tuple[str, dict[str, str]]]
# The "key" of the pairs given before any initiative key: the strategy's own fields.
STRATEGY_FIELDS = ""
# Fields that place a strategy in the cascade: changed by the cascade's own commands.
_NOT_SET_HERE = frozenset({"key", "parent"})


def parse_assignments(tokens: list[str]) -> Assignments:
    """`R1 status=done impact=4 R2 owner=Ana` -> [(R1, {...}), (R2, {...})]; pairs before
    the first key go to the strategy (key STRATEGY_FIELDS)."""
    found: Assignments = []
    for token in tokens:
        name, eq, value = token.partition("=")
        if not eq:
            found.append((token, {}))
            continue
        if not found:
            found.append((STRATEGY_FIELDS, {}))
        if not name.strip():
            raise ValidationError(token, "expected field=value")
        found[-1][1][name.strip()] = value
    for key, fields in found:
        if not fields:
            raise ValidationError(f"initiatives[{key}]", "no field=value given for this key")
    return found


def read_csv(path: Path) -> Assignments:
    """A `key` column plus one column per field to change; an empty cell changes nothing."""
    if not path.exists():
        raise DocumentError(path, "no such file")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip() for c in reader.fieldnames or []]
        if "key" not in columns:
            raise ValidationError(str(path), "needs a 'key' column")
        found: Assignments = []
        for line, row in enumerate(reader, start=2):
            cells = {(k or "").strip(): (v or "") for k, v in row.items()}
            key = cells.pop("key").strip()
            if not key:
                raise ValidationError(f"{path}:{line}", "the key cell is empty")
            found.append((key, {k: v for k, v in cells.items() if k and v != ""}))
    return found


def typed_value(
    name: str,
    text: str,
    where: str,
    days_per_week: int,
    check: Callable[[str, object, str], object] | None = None,
) -> Any:
    """The value as the edit objects take it: the text itself when the field accepts it,
    else a number or a comma-separated list. A number's own error is the one reported for
    numeric text (`impact=9`), the text's error otherwise. `check` checks a strategy field
    instead of an initiative's."""
    number: int | float | None = None
    try:
        number = int(text)
    except ValueError:
        with contextlib.suppress(ValueError):
            number = float(text)
    candidates: list[Any] = [text] if number is None else [number, text]
    candidates.append([part.strip() for part in text.split(",") if part.strip()])
    first: ValidationError | None = None
    for value in candidates:
        try:
            if check is None:
                coerce_initiative_value(name, value, where, days_per_week)
            else:
                check(name, value, where)
            return value
        except ValidationError as exc:
            first = first or exc
    assert first is not None
    raise first


def build_edit(
    strategy: Strategy, assignments: Assignments, measures: MeasureAssignments | None = None
) -> Edit:
    """One undoable edit of every assignment, checked against `strategy` (not changed)."""
    edits: list[Edit] = measure_edits(strategy, measures or [])
    for key, fields in assignments:
        if key == STRATEGY_FIELDS:
            edits.append(_strategy_edit(fields))
            continue
        if key not in strategy.initiatives:
            raise ValidationError(f"initiatives[{key}]", f"no initiative with key {key!r}")
        values = {
            name: typed_value(name, text, f"initiatives[{key}].{name}", strategy.days_per_week)
            for name, text in fields.items()
        }
        edits.append(ChangeInitiative(key, values))
    return CompositeEdit(f"Set fields of {len(edits)} initiatives", edits)


def _strategy_edit(fields: dict[str, str]) -> Edit:
    values = {}
    for name, text in fields.items():
        where = f"strategy.{name}"
        if name in _NOT_SET_HERE:
            raise ValidationError(where, "is changed with the cascade, not with set")
        values[name] = typed_value(name, text, where, 5, coerce_strategy_value)
    return ChangeStrategy(values)


def _options_among_assignments(args: argparse.Namespace) -> None:
    """`set DOC --strategy K R1 a=b` and `set DOC R1 a=b --strategy K` mean the same."""
    options = argparse.ArgumentParser(prog="cxroadmap set", add_help=False)
    options.add_argument("--strategy")
    options.add_argument("--from-csv", type=Path)
    found, rest = options.parse_known_args(list(args.assignments))
    unknown = [t for t in rest if t.startswith("--")]
    if unknown:
        raise ValidationError(unknown[0], "unknown option of cxroadmap set")
    args.strategy = found.strategy or args.strategy
    args.from_csv = found.from_csv or args.from_csv
    args.assignments = rest


def cmd_set(args: argparse.Namespace) -> int:
    from cxroadmap.domain.cascade import Cascade
    from cxroadmap.storage.document import Document
    from cxroadmap.storage.workspace.copies import access_of

    args.assignments, measures = split_measure_tokens(list(args.assignments))
    _options_among_assignments(args)
    assignments = parse_assignments(list(args.assignments))
    if args.from_csv is not None and is_readings_csv(args.from_csv):
        measures += read_readings_csv(args.from_csv)
    elif args.from_csv is not None:
        assignments += read_csv(args.from_csv)
    if not assignments and not measures:
        raise ValidationError("set", "nothing to set: give KEY field=value or --from-csv FILE")
    if not args.file.exists():
        raise DocumentError(args.file, "no such file")
    with Document.open(args.file) as doc:
        pairs = doc.load_all_with_ids()
        if not pairs:
            raise ValidationError(str(args.file), "the document holds no strategy")
        strategy = pairs[0][1]
        if args.strategy is not None:
            found = Cascade([s for _, s in pairs]).find(args.strategy)
            if found is None:
                raise ValidationError(
                    "--strategy", f"no strategy with key or name {args.strategy!r}"
                )
            strategy = found
        sid = next(i for i, s in pairs if s is strategy)
        access = access_of(doc)
        if access is not None and not access.get(strategy.key, False):
            raise ValidationError(
                strategy.key, "you may not edit this strategy (read-only in this workspace copy)"
            )
        edit = build_edit(strategy, assignments, measures)
        change = edit.apply(strategy)
        doc.write_change(sid, strategy, change)
    if assignments or not measures:
        print(f"set {_summary(assignments)} in {args.file}")
    if measures:
        print(f"set {sum(len(p) for _, p in measures)} values of measures in {args.file}")
    return 0


def _summary(assignments: Assignments) -> str:
    """`5 fields of 2 initiatives`, `1 field of the strategy and 2 fields of 1 initiatives`."""
    parts = []
    own = sum(len(fields) for key, fields in assignments if key == STRATEGY_FIELDS)
    if own:
        parts.append(f"{own} field{'s' if own != 1 else ''} of the strategy")
    keys = [fields for key, fields in assignments if key != STRATEGY_FIELDS]
    if keys or not own:
        count = sum(len(fields) for fields in keys)
        parts.append(f"{count} field{'s' if count != 1 else ''} of {len(keys)} initiatives")
    return " and ".join(parts)
