"""`cxroadmap baseline DOC take|list|rename|delete|choose` and `schedule --baseline NAME`.

Every change goes through the app's own edit objects (domain/baseline_edits.py) and is
written in one transaction; a bad name is exit 2 with one `error:` line naming it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cxroadmap.domain.errors import ValidationError
from cxroadmap.storage.errors import DocumentError

if TYPE_CHECKING:
    from cxroadmap.domain.edits import Edit
    from cxroadmap.domain.model import Strategy
    from cxroadmap.scheduling.compare import Comparison
    from cxroadmap.scheduling.result import Schedule

ACTIONS = ("take", "list", "rename", "delete", "choose")


def add_baseline_command(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The `baseline` command's arguments (parser.py calls this)."""
    p = add("baseline", "take, list, rename, delete or choose a strategy's baselines")
    p.add_argument("file", type=Path, metavar="DOC")
    p.add_argument("action", choices=ACTIONS, metavar="ACTION", help=", ".join(ACTIONS))
    p.add_argument("name", nargs="?", metavar="NAME", help="the baseline (not for list)")
    p.add_argument("new_name", nargs="?", metavar="NEW", help="rename: the new name")
    p.add_argument("--strategy", help="key or name of the strategy (default: the top one)")
    p.add_argument("--date", help="take: the date it is taken on, YYYY-MM-DD (default: today)")
    p.add_argument("--none", action="store_true", help="choose: compare with no baseline")
    p.add_argument("--json", action="store_true", help="list: as JSON")


def _usage(args: argparse.Namespace) -> None:
    """Refuse arguments that do not fit the action, naming what is wrong."""
    needs_name = args.action in ("take", "rename", "delete") or (
        args.action == "choose" and not args.none
    )
    if needs_name and not args.name:
        raise ValidationError(args.action, "needs the baseline's NAME")
    if args.action == "rename" and not args.new_name:
        raise ValidationError("rename", "needs the NEW name after NAME")
    if args.action != "rename" and args.new_name:
        raise ValidationError(args.new_name, f"unexpected argument of {args.action}")
    if args.action == "list" and args.name:
        raise ValidationError(args.name, "unexpected argument of list")
    if args.action == "choose" and args.none and args.name:
        raise ValidationError("--none", "give either NAME or --none")
    if args.date is not None and args.action != "take":
        raise ValidationError("--date", "only take has a date")


def _edit(args: argparse.Namespace, strategy: Strategy) -> tuple[Edit, str]:
    from cxroadmap.domain import baseline_edits as edits
    from cxroadmap.domain.calendar import parse_date
    from cxroadmap.scheduling.baselines import take
    from cxroadmap.scheduling.planner import schedule

    name = args.name
    if args.action == "take":
        when = parse_date(args.date, "--date") if args.date else dt.date.today()
        baseline = take(schedule(strategy), name, when)
        finish = baseline.finish.isoformat() if baseline.finish else "none"
        said = (
            f"took baseline {name!r} of {strategy.name!r} on {when.isoformat()} "
            f"({len(baseline.entries)} initiatives, finish {finish})"
        )
        return edits.TakeBaseline(baseline), said
    if args.action == "rename":
        return edits.RenameBaseline(
            name, args.new_name
        ), f"renamed baseline {name!r} to {args.new_name!r}"
    if args.action == "delete":
        return edits.DeleteBaseline(name), f"deleted baseline {name!r}"
    if args.none:
        return edits.ChooseBaseline(None), f"{strategy.name!r} compares with no baseline"
    return edits.ChooseBaseline(name), f"{strategy.name!r} compares with baseline {name!r}"


def _listing(strategy: Strategy, as_json: bool) -> str:
    rows = [
        (
            b.name == strategy.chosen_baseline,
            b.name,
            b.taken_on.isoformat(),
            len(b.entries),
            b.finish.isoformat() if b.finish else "",
        )
        for b in strategy.baselines
    ]
    if as_json:
        items = [
            {"name": n, "taken_on": t, "initiatives": c, "finish": f or None, "chosen": chosen}
            for chosen, n, t, c, f in rows
        ]
        return json.dumps(
            {"strategy": strategy.name, "baselines": items}, indent=2, ensure_ascii=False
        )
    if not rows:
        return f"{strategy.name}: no baselines"
    width = max(len("Name"), *(len(r[1]) for r in rows))
    lines = [f"  {'Name':<{width}}  Taken on    Initiatives  Finish"]
    for chosen, name, taken, count, finish in rows:
        mark = "*" if chosen else " "
        lines.append(f"{mark} {name:<{width}}  {taken}  {count:>11}  {finish}".rstrip())
    lines.append("")
    lines.append(
        "* the baseline compared against"
        if strategy.chosen_baseline
        else "no baseline chosen to compare against"
    )
    return "\n".join(lines)


def cmd_baseline(args: argparse.Namespace) -> int:
    from cxroadmap.domain.cascade import Cascade
    from cxroadmap.storage.document import Document

    _usage(args)
    path: Path = args.file
    if not path.exists():
        raise DocumentError(path, "no such file")
    if path.suffix.lower() != ".cxroadmap":
        raise DocumentError(path, "baselines are kept in a .cxroadmap document")
    with Document.open(path, readonly=args.action == "list") as doc:
        pairs = doc.load_all_with_ids()
        if not pairs:
            raise ValidationError(str(path), "the document holds no strategy")
        sid, strategy = pairs[0]
        if args.strategy is not None:
            found = Cascade([s for _, s in pairs]).find(args.strategy)
            if found is None:
                raise ValidationError(
                    "--strategy", f"no strategy with key or name {args.strategy!r}"
                )
            sid, strategy = next((i, s) for i, s in pairs if s is found)
        if args.action == "list":
            print(_listing(strategy, args.json))
            return 0
        edit, said = _edit(args, strategy)
        change = edit.apply(strategy)
        doc.write_change(sid, strategy, change)
    print(f"{said} in {path}")
    return 0


def print_against_baseline(strategy: Strategy, result: Schedule, name: str, as_json: bool) -> int:
    """`schedule --baseline NAME`: the contract's JSON, or the table and a variance summary."""
    from cxroadmap.scheduling.baselines import with_baseline
    from cxroadmap.scheduling.compare import compare_to_baseline
    from cxroadmap.scheduling.output import format_table, schedule_to_json

    baseline = strategy.baseline(name)
    if baseline is None:
        raise ValidationError(
            f"--baseline {name!r}", f"no baseline of that name in strategy {strategy.name!r}"
        )
    calendar = strategy.calendar()
    if as_json:
        data = with_baseline(schedule_to_json(result), result, baseline, calendar)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(format_table(result))
    print()
    print(
        variance_text(
            compare_to_baseline(result, baseline, calendar), baseline.name, baseline.taken_on
        )
    )
    return 0


def variance_text(c: Comparison, name: str, taken_on: dt.date) -> str:
    """The terminal's summary of a comparison with a baseline, one finding a line."""
    lines = [
        f"Against baseline {name!r} (taken {taken_on.isoformat()}): project finish "
        f"{_signed(c.finish_variance_days)} working days"
    ]
    lines += [
        f"- {d.key} finishes {_signed(d.finish_variance_days)} working days "
        f"({d.before.finish.isoformat()} -> {d.now.finish.isoformat()})"
        for d in c.slipped()
    ]
    lines += [f"- {d.key} moved from {d.before.phase} to {d.now.phase}" for d in c.moved_phase()]
    lines += [f"- {key} added" for key in c.added] + [f"- {key} removed" for key in c.removed]
    return "\n".join(lines)


def _signed(days: int) -> str:
    return f"+{days}" if days > 0 else str(days)
