"""Arguments of `set` and the workspace commands (added to the main parser by parser.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

WORKSPACE_COMMANDS = (
    "set",
    "workspace",
    "publish",
    "checkout",
    "sync",
    "conflicts",
    "resolve",
    "history",
)


def add_workspace_commands(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add("set", "set initiative fields (as the app would), several keys in one transaction")
    p.add_argument("file", type=Path, metavar="DOC")
    # REMAINDER: options may come after the assignments too (cmd_set reads them there).
    p.add_argument(
        "assignments",
        nargs=argparse.REMAINDER,
        metavar="KEY field=value",
        help="e.g. R1 status=done impact=4; pairs before the first key set the strategy's "
        "own fields (status_date=2027-01-20)",
    )
    p.add_argument("--strategy", help="key or name of the strategy (default: the top one)")
    p.add_argument(
        "--from-csv", type=Path, metavar="FILE", help="a 'key' column plus the columns to change"
    )

    p = add("workspace", "create a workspace on PostgreSQL and manage who may read or edit")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("init", help="create or upgrade the workspace schema at URL")
    a.add_argument("url", metavar="URL", help="libpq URL, e.g. postgresql://cco@db.example/cx")
    for name, text in (
        ("grant", "let a PostgreSQL role read or edit a strategy"),
        ("revoke", "take a role's grant on a strategy away"),
    ):
        a = actions.add_parser(name, help=text, description=text)
        a.add_argument("url", metavar="URL")
        a.add_argument("role", metavar="ROLE")
        a.add_argument("--strategy", required=True, metavar="KEY")
        if name == "grant":
            a.add_argument("--edit", action="store_true", help="may read and edit")
            a.add_argument("--read", action="store_true", help="may only read")

    p = add("publish", "put a document's strategies into a workspace")
    p.add_argument("file", type=Path, metavar="DOC")
    p.add_argument("--to", required=True, metavar="URL")
    p.add_argument("--replace", action="store_true", help="overwrite strategies already there")

    p = add("checkout", "make a local offline copy of a workspace's strategies")
    p.add_argument("url", metavar="URL")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.cxroadmap")
    p.add_argument(
        "--strategy",
        action="append",
        metavar="KEY",
        help="a strategy to edit (repeat; default all); the rest come read-only",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = add("sync", "pull others' changes and push local ones (exit 3: conflicts wait)")
    p.add_argument("file", type=Path, metavar="FILE")

    p = add("conflicts", "list the conflicts waiting for a decision (exit 3 when any)")
    p.add_argument("file", type=Path, metavar="FILE")

    p = add("resolve", "keep my value or theirs for one conflict")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "spec",
        metavar="KEY.FIELD",
        help="as `conflicts` lists it: R1.title, A->B.exists, CARE.vision, "
        "touchpoint:T1.name, measure:M1.target, order.initiatives",
    )
    p.add_argument("--mine", action="store_true")
    p.add_argument("--theirs", action="store_true")
    p.add_argument("--strategy", metavar="KEY", help="when the key is in several strategies")

    p = add("history", "who changed what and when (from the workspace server)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("key", nargs="?", help="an initiative key or A->B (default: recent changes)")
    p.add_argument("--strategy", metavar="KEY")
    p.add_argument("--limit", type=int, default=50)
