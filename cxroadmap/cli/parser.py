"""The command line's argument parser: every command, its options and their help."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path

from cxroadmap import __version__
from cxroadmap.cli.baseline_command import add_baseline_command
from cxroadmap.cli.compare_command import add_compare_command
from cxroadmap.cli.workspace_parser import add_workspace_commands

Handler = Callable[[argparse.Namespace], int]


def build_parser(handlers: Mapping[str, Handler]) -> argparse.ArgumentParser:
    """The parser of every command; `handlers` maps a command name to its function."""
    parser = argparse.ArgumentParser(
        prog="cxroadmap",
        description="Plan a customer-experience strategy as a roadmap, see it and print it.",
        epilog="Run `cxroadmap` alone (or `cxroadmap FILE`) to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"cxroadmap {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        p.set_defaults(func=handlers[name])
        return p

    p = add("demo", "write the demo strategy to a new document")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.cxroadmap")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = add("new", "write a new document from a starter template")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.cxroadmap")
    p.add_argument(
        "--template",
        default="blank",
        help="blank, team, department, organisation or demo (default: blank)",
    )
    p.add_argument("--name", help="name of the new strategy")
    p.add_argument("--start", help="start date YYYY-MM-DD (default: next Monday)")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = add("import", "import JSON, CSV, XLSX or MS Project XML into a new document")
    p.add_argument("source", type=Path, metavar="SRC")
    p.add_argument("--start", help="CSV/XLSX without a start date: start YYYY-MM-DD")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.cxroadmap")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = add("export", "export a document; the format follows the output's suffix")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    p.add_argument(
        "--strategy",
        help="key or name of the strategy to export (default: the top one); "
        ".json also writes the strategies below it",
    )
    p.add_argument("--page", default="A4", help="PDF page size: A4, Letter or A3 (default A4)")
    p.add_argument("--portrait", action="store_true", help="PDF in portrait (default landscape)")
    p.add_argument("--title", help="PDF/PowerPoint title (default: the strategy name)")
    p.add_argument("--accent", help="PDF accent colour, e.g. '#1f4e79'")
    p.add_argument("--logo", type=Path, help="image shown on the PDF cover")
    p.add_argument("--fit", action="store_true", help="one-page PDF overview of the timeline")
    p.add_argument(
        "--view",
        default="timeline",
        help="PNG/SVG: timeline, board or graph (default timeline)",
    )
    p.add_argument("--scale", type=float, default=2.0, help="PNG: pixels per point (default 2)")
    p.add_argument(
        "--calendars",
        default="strategy",
        choices=("strategy", "per-phase", "per-strategy"),
        help="ICS: one calendar for the strategy (default), one per phase, or one per "
        "strategy of the cascade below it",
    )
    p.add_argument("--aspect", default="16:9", help="PowerPoint slides: 16:9 or 4:3 (default 16:9)")
    p.add_argument(
        "--view-filter",
        metavar="NAME",
        help="PDF/PowerPoint/PNG/SVG: only what the document's saved view NAME shows",
    )

    p = add("schedule", "schedule a document and print the result")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print cxroadmap-schedule/1 JSON")
    p.add_argument(
        "--strategy", help="key or name of one strategy (default: every strategy, top first)"
    )
    p.add_argument("--baseline", metavar="NAME", help="with the variance against baseline NAME")
    add_baseline_command(add)
    add_compare_command(add)

    p = add("check", "validate a document and say what is wrong")
    p.add_argument("file", type=Path, metavar="FILE")
    add_workspace_commands(add)
    p.add_argument(
        "--repair",
        action="store_true",
        help="write a repaired copy (FILE is never changed; default NAME.repaired.cxroadmap)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="OUT.cxroadmap", help="with --repair")

    if "backups" in handlers:
        p = add("backups", "list a document's backups, or restore one into a new file")
        p.add_argument("file", type=Path, metavar="FILE")
        p.add_argument("--restore", type=int, metavar="N", help="restore backup N (1 = newest)")
        p.add_argument("-o", "--output", type=Path, metavar="FILE.cxroadmap")
        p.add_argument("--force", action="store_true", help="replace an existing output file")
    return parser
