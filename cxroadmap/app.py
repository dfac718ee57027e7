"""Command line and entry point: parses `cxroadmap ...` and wires the layers below it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from cxroadmap.cli import store_commands
from cxroadmap.cli.terminal import leave_now, progress_printer, status
from cxroadmap.cli.workspace_parser import WORKSPACE_COMMANDS
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy

EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2

COMMANDS = ("demo", "new", "import", "export", "schedule", "check", "backups", "baseline",
            "compare", *WORKSPACE_COMMANDS)  # fmt: skip


class UsageError(Exception):
    """Bad input or usage found by the CLI itself; `where` is the file or option at fault."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)


def load_strategies(path: Path) -> list[Strategy]:
    """Every strategy of a `.cxroadmap` document or `cxroadmap/1` JSON file, parents first."""
    if not path.exists():
        raise UsageError(str(path), "no such file")
    if path.is_dir():
        raise UsageError(str(path), "is a folder, not a file")
    if path.suffix.lower() == ".json":
        from cxroadmap.interop.guard import guarded_read
        from cxroadmap.interop.jsonfile import load_json_cascade

        return guarded_read(path, "json", lambda: load_json_cascade(path))
    from cxroadmap.storage.reading import read_document

    strategies = read_document(path)
    if not strategies:
        raise UsageError(str(path), "the document holds no strategy")
    return strategies


def load_verified(path: Path) -> list[Strategy]:
    """Like load_strategies, but a document that `check` rejects is refused (one error line)."""
    if path.suffix.lower() == ".json" or not path.is_file():
        return load_strategies(path)
    from cxroadmap.storage.checks import check_and_load

    problems, strategies = check_and_load(path, allow_older=True)
    if problems:
        first = problems[0][:1].lower() + problems[0][1:].rstrip(".")
        more = f" and {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
        raise UsageError(str(path), f"{first}{more}; run `cxroadmap check` for details")
    if not strategies:
        raise UsageError(str(path), "the document holds no strategy")
    return strategies


def pick_strategy(strategies: list[Strategy], name: str | None, path: Path) -> Strategy:
    """The strategy `--strategy KEY|NAME` names; the top strategy without one."""
    from cxroadmap.domain.cascade import Cascade

    if name is None:
        return strategies[0]
    found = Cascade(strategies).find(name)
    if found is None:
        raise UsageError("--strategy", f"no strategy with key or name {name!r} in {path}")
    return found


def load_strategy(path: Path, name: str | None = None) -> Strategy:
    """Read a `.cxroadmap` document or a `cxroadmap/1` JSON file; `name` picks one strategy."""
    return pick_strategy(load_strategies(path), name, path)


def import_strategy(src: Path, start: dt.date | None = None) -> Strategy:
    """Read any importable file (JSON, CSV, XLSX, MS Project XML), chosen by its suffix."""
    if not src.exists():
        raise UsageError(str(src), "no such file")
    from cxroadmap.interop.formats import import_file

    return import_file(src, start=start)


def _check_new_output(out: Path, force: bool) -> None:
    if out.suffix.lower() != ".cxroadmap":
        raise UsageError(str(out), "the output must end in .cxroadmap")
    if out.exists() and not force:
        raise UsageError(str(out), "already exists (use --force to replace it)")
    if not out.parent.exists():
        raise UsageError(str(out), f"folder {out.parent} does not exist")


def _write_new_document(strategies: list[Strategy], out: Path) -> None:
    """Check and write the strategies of a new document (the top one first)."""
    from cxroadmap.domain.cascade import validate_cascade
    from cxroadmap.domain.validation import validate_strategy
    from cxroadmap.storage.document import write_document

    for item in strategies:
        validate_strategy(item)
    validate_cascade(strategies)
    write_document(out, strategies)


def cmd_demo(args: argparse.Namespace) -> int:
    from cxroadmap.content.demo import demo_cascade

    _check_new_output(args.output, args.force)
    strategies = demo_cascade()
    _write_new_document(strategies, args.output)
    keys = ", ".join(s.key for s in strategies)
    print(f"wrote the demo strategy with its departments and team ({keys}) to {args.output}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from cxroadmap.content.templates import starter_strategies
    from cxroadmap.domain.calendar import parse_date

    _check_new_output(args.output, args.force)
    start = parse_date(args.start, "--start") if args.start else None
    strategies = starter_strategies(args.template, start)
    if args.name:
        strategies[0].name = args.name
    _write_new_document(strategies, args.output)
    print(f"wrote a new strategy ({args.template}) to {args.output}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from cxroadmap.domain.calendar import parse_date

    _check_new_output(args.output, args.force)
    start = parse_date(args.start, "--start") if args.start else None
    status(f"reading {args.source}…")
    notes: list[str] = []
    if args.source.suffix.lower() == ".json":
        # A cxroadmap/1 file may hold a whole cascade: every strategy goes into the document.
        strategies = load_strategies(args.source)
    elif args.source.suffix.lower() == ".xml" and args.source.exists():
        from cxroadmap.cli.formats import import_strategies

        # MS Project XML: the summary says what keeping manual tasks in place took.
        strategies, notes = import_strategies(args.source, start)
    else:
        strategies = [import_strategy(args.source, start)]
    status(f"writing {args.output}…")
    _write_new_document(strategies, args.output)
    count = sum(len(s.initiatives) for s in strategies)
    more = f" in {len(strategies)} strategies" if len(strategies) > 1 else ""
    status("")
    print(f"imported {count} initiatives{more} into {args.output}")
    for note in notes:
        print(f"note: {note}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Any format of the one registry (cli/formats.py), the cascade where the format has it."""
    from cxroadmap.cli.formats import EXPORT_SUFFIXES, FORMATS, export_strategies

    out: Path = args.output
    suffix = out.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UsageError(
            str(out),
            f"unknown export format {suffix or '(none)'}; use one of " + ", ".join(EXPORT_SUFFIXES),
        )
    if not out.parent.exists():
        raise UsageError(str(out), f"folder {out.parent} does not exist")
    strategies = load_verified(args.file)
    strategy = pick_strategy(strategies, args.strategy, args.file)
    # The options every format declares in the registry, as the parser spelled them.
    options = {name: getattr(args, name, None) for f in FORMATS for name in f.options}
    written = export_strategies(
        strategies, strategy, out, options, progress_printer(), image_writer=_write_image
    )
    for path in written:
        print(f"wrote {path}")
    return EXIT_OK


def _write_image(strategy: Strategy, out: Path, options: dict[str, object]) -> None:
    from cxroadmap.cli.deliverables import chosen_view, shown
    from cxroadmap.domain.view_filter import shows_of
    from cxroadmap.ui.image_export import export_view_image

    # A saved view narrows the picture; the brand kit colours it.
    chosen = chosen_view(strategy, options.get("view_filter"))  # type: ignore[arg-type]
    narrowed, plan = shown(strategy, chosen)
    export_view_image(
        narrowed, plan, out, view=str(options.get("view") or "timeline"),
        scale=float(options.get("scale") or 2.0),  # type: ignore[arg-type]
        brand=strategy.brand, shows=shows_of(chosen),
    )  # fmt: skip


def cmd_schedule(args: argparse.Namespace) -> int:
    """One strategy's table or JSON; a cascade's tables top down, each with its warnings."""
    from cxroadmap.common.jsontext import dumps_indented
    from cxroadmap.domain.cascade import Cascade
    from cxroadmap.scheduling.cascade import schedule_cascade, strategy_label
    from cxroadmap.scheduling.output import format_table, schedule_to_json
    from cxroadmap.scheduling.planner import schedule

    strategies = load_strategies(args.file)
    if len(strategies) == 1:
        chosen = pick_strategy(strategies, args.strategy, args.file)
        results = [(chosen, schedule(chosen))]
    else:
        # Scheduled together so late support shows in the supporting strategy's warnings.
        schedules = schedule_cascade(strategies)
        cascade = Cascade(strategies)
        if args.strategy is not None or args.json or args.baseline is not None:
            shown = [pick_strategy(strategies, args.strategy, args.file)]
        else:
            shown = list(cascade)
        results = [(s, schedules[strategy_label(s)]) for s in shown]
    if args.baseline is not None:
        from cxroadmap.cli.baseline_command import print_against_baseline

        return print_against_baseline(*results[0], args.baseline, args.json)
    if args.json:
        print(dumps_indented(schedule_to_json(results[0][1])))
        return EXIT_OK
    for i, (strategy, result) in enumerate(results):
        if len(results) > 1:
            under = f", under {strategy.parent}" if strategy.parent else ""
            under = f", scenario of {strategy.scenario_of}" if strategy.scenario_of else under
            title = f"{strategy.key}: {strategy.name}" if strategy.key else strategy.name
            heading = f"== {title} ({strategy.level}{under})"
            print(f"\n{heading}" if i else heading)
        print(format_table(result))
    return EXIT_OK


def _cx_warnings(strategies: list[Strategy]) -> list[str]:
    """Touchpoint gaps and late support, as `KEY: sentence` when there are several strategies."""
    from cxroadmap.domain.cascade import Cascade
    from cxroadmap.domain.cx_checks import touchpoint_findings
    from cxroadmap.scheduling.cascade import alignment_flags, strategy_label
    from cxroadmap.scheduling.planner import schedule

    cascade = Cascade(strategies)
    findings = [f for s in cascade for f in touchpoint_findings(s)]
    findings += alignment_flags(cascade, {strategy_label(s): schedule(s) for s in cascade})
    several = len(strategies) > 1
    return [f"{f.strategy}: {f.message}" if several and f.strategy else f.message for f in findings]


def cmd_check(args: argparse.Namespace) -> int:
    """Errors (exit 2) for what is broken; warnings (exit 0) for customer-experience gaps."""
    path: Path = args.file
    if args.repair:
        return store_commands.cmd_repair(args)
    if args.output is not None:
        raise UsageError("-o", "names the repaired copy: use it with --repair")
    if path.suffix.lower() == ".json":
        strategies = load_strategies(path)  # checks every strategy and the cascade
        problems: list[str] = []
    else:
        from cxroadmap.storage.checks import check

        if not path.exists():
            raise UsageError(str(path), "no such file")
        problems = check(path)
    if problems:
        for problem in problems:
            print(f"error: {path}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if path.suffix.lower() != ".json":
        strategies = load_strategies(path)
    warnings = _cx_warnings(strategies)
    for warning in warnings:
        print(f"warning: {path}: {warning}", file=sys.stderr)
    count = len(warnings)
    print(f"{path}: OK" + (f" ({count} warning{'s' if count != 1 else ''})" if count else ""))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from cxroadmap.cli.baseline_command import cmd_baseline
    from cxroadmap.cli.compare_command import cmd_compare
    from cxroadmap.cli.parser import build_parser as build
    from cxroadmap.cli.workspace_commands import HANDLERS

    return build(
        {"demo": cmd_demo, "new": cmd_new, "import": cmd_import, "export": cmd_export}
        | {"schedule": cmd_schedule, "check": cmd_check, "backups": store_commands.cmd_backups}
        | {"baseline": cmd_baseline, "compare": cmd_compare}
        | HANDLERS
    )


def run_cli(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # The reader went away (`cxroadmap schedule x | head`): not an error worth a line.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (CxRoadmapError, UsageError) as exc:
        print(f"error: {_with_file(args, exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        name = exc.filename if exc.filename else getattr(args, "output", "")
        print(f"error: {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: say so plainly, details only on request
        if debug:
            traceback.print_exc()
        else:
            print(
                f"error: unexpected failure ({type(exc).__name__}: {exc}); "
                "run again with --debug for details",
                file=sys.stderr,
            )
        return EXIT_BUG


def _with_file(args: argparse.Namespace, exc: Exception) -> str:
    """Prefix the input file unless the message already names a file."""
    text = str(exc)
    source = getattr(args, "file", None) or getattr(args, "source", None)
    if isinstance(exc, UsageError) or getattr(exc, "path", None) is not None or source is None:
        return text
    if str(getattr(exc, "where", "")).startswith("-"):
        return text  # an option at fault (--view, --page, ...), not the input file
    return f"{source}: {text}"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    rest = [a for a in args if a != "--debug"]
    if rest and (rest[0] in COMMANDS or rest[0].startswith("-")):
        code = run_cli(args)
        if argv is None and rest[0] == "export":
            leave_now(code)  # the program itself, its file written: no teardown
        return code
    return run_gui(rest)


def run_gui(args: list[str]) -> int:
    """Open the desktop app, on FILE when one is given."""
    files = args
    if len(files) > 1:
        print(f"error: {files[1]}: expected at most one FILE to open", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = Path(files[0]) if files else None
    if path is not None and not path.exists():
        print(f"error: {path}: no such file", file=sys.stderr)
        return EXIT_BAD_INPUT
    if _no_display():
        print(
            "error: no display to open the desktop app on (DISPLAY and WAYLAND_DISPLAY are not "
            "set); the command line works without one: cxroadmap --help",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from cxroadmap.common.collector import pause

    # Starting makes a few hundred thousand objects (modules, classes, widgets) and hardly any
    # garbage: the collector walked them about 90 times before the first paint, for nothing.
    resume_collector = pause()
    try:
        from cxroadmap.ui.start import run_app
    except ImportError:
        resume_collector()
        if path is None:
            build_parser().print_help()
            return EXIT_OK
        from cxroadmap.scheduling.output import format_table
        from cxroadmap.scheduling.planner import schedule

        print(format_table(schedule(load_strategy(path))))
        return EXIT_OK
    return run_app(path, on_shown=resume_collector)


def _no_display() -> bool:
    """On Linux, Qt aborts with a misleading message about xcb when there is no display."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
