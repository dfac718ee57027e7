"""`cxroadmap compare DOC A B [--json]`: two strategies of a document side by side.

A and B are strategy keys or names (a scenario and its original, or any two); B is read
as the later plan, so a positive variance means later in B, counted in working days on
B's calendar (tracking.md, "Scenarios"). The comparison itself is scheduling/compare.py.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxroadmap.storage.errors import DocumentError

if TYPE_CHECKING:
    from cxroadmap.domain.model import Strategy
    from cxroadmap.scheduling.compare import Comparison, Side
    from cxroadmap.scheduling.result import Schedule

COMPARE_FORMAT = "cxroadmap-compare/1"


def add_compare_command(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The `compare` command's arguments (parser.py calls this)."""
    p = add("compare", "compare two strategies of a document (a scenario and its original)")
    p.add_argument("file", type=Path, metavar="DOC")
    p.add_argument("a", metavar="A", help="key or name of the first strategy (the plan before)")
    p.add_argument("b", metavar="B", help="key or name of the second strategy (the plan after)")
    p.add_argument("--json", action="store_true", help=f"print {COMPARE_FORMAT} JSON")


def _strategies(path: Path) -> list[Strategy]:
    if not path.exists():
        raise DocumentError(path, "no such file")
    if path.is_dir():
        raise DocumentError(path, "is a folder, not a file")
    if path.suffix.lower() == ".json":
        from cxroadmap.interop.guard import guarded_read
        from cxroadmap.interop.jsonfile import load_json_cascade

        return guarded_read(path, "json", lambda: load_json_cascade(path))
    from cxroadmap.storage.reading import read_document

    return read_document(path)


def pick(strategies: list[Strategy], wanted: str, path: Path) -> Strategy:
    """The strategy with key (or else name) `wanted`; exit 2 naming it when there is none."""
    from cxroadmap.domain.cascade import Cascade

    found = Cascade(strategies).find(wanted)
    if found is None:
        raise DocumentError(path, f"no strategy with key or name {wanted!r}")
    return found


def compare_strategies(a: Strategy, b: Strategy) -> tuple[Schedule, Schedule, Comparison]:
    """Both schedules and the comparison from A to B, on B's calendar."""
    from cxroadmap.scheduling.compare import compare_schedules
    from cxroadmap.scheduling.planner import schedule

    before, after = schedule(a), schedule(b)
    return before, after, compare_schedules(before, after, b.calendar())


def cmd_compare(args: argparse.Namespace) -> int:
    path: Path = args.file
    strategies = _strategies(path)
    a, b = pick(strategies, args.a, path), pick(strategies, args.b, path)
    before, after, comparison = compare_strategies(a, b)
    if args.json:
        data = comparison_to_json(a, b, before, after, comparison)
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(comparison_table(a, b, before, after, comparison))
    return 0


def _label(strategy: Strategy) -> str:
    return f"{strategy.key}: {strategy.name}" if strategy.key else strategy.name


def _side(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {
        "start": side.start.isoformat(),
        "finish": side.finish.isoformat(),
        "phase": side.phase,
        "critical": side.critical,
    }


def comparison_to_json(
    a: Strategy, b: Strategy, before: Schedule, after: Schedule, c: Comparison
) -> dict[str, Any]:
    """The `cxroadmap-compare/1` form (docs/cli.md): keys in B's order, then removed ones."""
    from cxroadmap.scheduling.compare import schedule_sides

    sides_a, sides_b = schedule_sides(before), schedule_sides(after)
    rows: list[dict[str, Any]] = []
    for key in [*after.items, *c.removed]:
        delta = c.deltas.get(key)
        rows.append(
            {
                "key": key,
                "title": (after.items.get(key) or before.items[key]).title,
                "change": "added" if key in sides_b and key not in sides_a else
                          "removed" if key not in sides_b else "both",
                "a": _side(sides_a.get(key)),
                "b": _side(sides_b.get(key)),
                "start_variance_days": delta.start_variance_days if delta else None,
                "finish_variance_days": delta.finish_variance_days if delta else None,
                "phase_changed": delta.phase_changed if delta else None,
            }
        )  # fmt: skip
    return {
        "format": COMPARE_FORMAT,
        "a": {"key": a.key, "name": a.name, "scenario_of": a.scenario_of,
              "finish": before.finish.isoformat()},
        "b": {"key": b.key, "name": b.name, "scenario_of": b.scenario_of,
              "finish": after.finish.isoformat()},
        "finish_variance_days": c.finish_variance_days,
        "initiatives": rows,
        "added": list(c.added),
        "removed": list(c.removed),
        "moved_phase": [d.key for d in c.moved_phase()],
        "slipped": [d.key for d in c.slipped()],
        "critical_in_b_only": list(c.critical_now_only),
        "critical_in_a_only": list(c.critical_before_only),
    }  # fmt: skip


def _signed(days: int | None) -> str:
    if days is None:
        return ""
    return f"+{days}" if days > 0 else str(days)


def comparison_table(
    a: Strategy, b: Strategy, before: Schedule, after: Schedule, c: Comparison
) -> str:
    """An aligned table (B's order, then what B removed) between a heading and the findings."""
    data = comparison_to_json(a, b, before, after, c)
    header = ("Key", "Title", "A start", "A finish", "B start", "B finish", "Start", "Finish",
              "Change")  # fmt: skip
    rows: list[tuple[str, ...]] = []
    for row in data["initiatives"]:
        ra, rb = row["a"] or {}, row["b"] or {}
        change = row["change"] if row["change"] != "both" else ""
        if row["phase_changed"]:
            change = f"{ra['phase']} -> {rb['phase']}"
        rows.append((row["key"], row["title"], ra.get("start", ""), ra.get("finish", ""),
                     rb.get("start", ""), rb.get("finish", ""),
                     _signed(row["start_variance_days"]), _signed(row["finish_variance_days"]),
                     change))  # fmt: skip
    lines = [
        f"A = {_label(a)}",
        f"B = {_label(b)}",
        f"Project finish: {before.finish.isoformat()} -> {after.finish.isoformat()} "
        f"({_signed(c.finish_variance_days)} working days)",
        "",
        _aligned(header, rows, numeric={6, 7}),
        "",
    ]
    lines += summary_lines(c)
    return "\n".join(lines).rstrip()


def summary_lines(c: Comparison) -> list[str]:
    """The findings, one a line: slipped, added, removed, moved phase, critical changes."""
    found = [
        f"- {d.key} finishes {_signed(d.finish_variance_days)} working days later in B"
        for d in c.slipped()
    ]
    found += [f"- {d.key} finishes {-d.finish_variance_days} working days earlier in B"
              for d in c.deltas.values() if d.finish_variance_days < 0]  # fmt: skip
    found += [f"- {k} only in B (added)" for k in c.added]
    found += [f"- {k} only in A (removed)" for k in c.removed]
    found += [f"- {d.key} moved from {d.before.phase} to {d.now.phase}" for d in c.moved_phase()]
    found += [f"- {k} is critical in B, not in A" for k in c.critical_now_only]
    found += [f"- {k} is critical in A, not in B" for k in c.critical_before_only]
    return found or ["No differences in dates, phases or the critical path."]


TITLE_WIDTH = 36


def _aligned(header: tuple[str, ...], rows: list[tuple[str, ...]], numeric: set[int]) -> str:
    """Columns padded to their widest cell (numbers to the right); long titles cut."""
    cut = [
        tuple(c if i != 1 or len(c) <= TITLE_WIDTH else c[: TITLE_WIDTH - 3] + "..."
              for i, c in enumerate(row))
        for row in rows
    ]  # fmt: skip
    table = [header, tuple("-" * len(h) for h in header), *cut]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = []
    for row in table:
        cells = [c.rjust(w) if i in numeric else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]  # fmt: skip
        lines.append("  ".join(cells).rstrip())
    lines[1] = "  ".join("-" * w for w in widths)
    return "\n".join(lines)
