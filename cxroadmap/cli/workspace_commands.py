"""Workspace commands: init, grant, revoke, publish, checkout, sync, conflicts, resolve, history."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cxroadmap.cli.set_command import cmd_set
from cxroadmap.domain.errors import ValidationError
from cxroadmap.storage.errors import DocumentError

EXIT_OK, EXIT_BAD_INPUT, EXIT_CONFLICTS = 0, 2, 3


def _show(value: Any, field: str) -> str:
    if field == "exists":
        return "deleted" if value is None else "present"
    return json.dumps(value, ensure_ascii=False)


def _print_conflicts(lines: list[Any]) -> None:
    """One conflict a line: strategy, key, field, mine, theirs (tab-separated, values JSON)."""
    for c in lines:
        print(
            "\t".join(
                [c.strategy, c.key, c.field, _show(c.mine, c.field), _show(c.theirs, c.field)]
            )
        )


def cmd_workspace(args: argparse.Namespace) -> int:
    from cxroadmap.storage.workspace import server

    if args.action == "init":
        with server.connect(args.url) as conn:
            old, new = server.init_schema(conn, args.url)
        where = server.public_url(args.url)
        if old == new:
            print(f"{where}: workspace schema {new} is up to date")
        else:
            print(f"{where}: workspace schema {old} -> {new}")
        return EXIT_OK
    if args.action == "grant" and args.edit == args.read:  # revoke has neither option
        raise ValidationError("--edit/--read", "choose one of --edit or --read")
    with server.connect(args.url) as conn:
        server.require_schema(conn, args.url)
        if not server.role_exists(conn, args.role):
            raise ValidationError(args.role, "no such PostgreSQL role (CREATE ROLE it first)")
        if args.action == "grant":
            server.grant(conn, args.role, args.strategy, bool(args.edit))
            what = "edit" if args.edit else "read"
            print(f"{args.role} may now {what} {args.strategy}")
        elif server.revoke(conn, args.role, args.strategy):
            print(f"{args.role} may no longer read or edit {args.strategy}")
        else:
            print(f"{args.role} had no grant on {args.strategy}")
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from cxroadmap.storage.workspace.copies import publish

    if not args.file.exists():
        raise DocumentError(args.file, "no such file")
    keys = publish(args.file, args.to, replace=args.replace)
    print(f"published {', '.join(keys)}")
    return EXIT_OK


def cmd_checkout(args: argparse.Namespace) -> int:
    from cxroadmap.storage.workspace.copies import checkout

    out = args.output
    if out.suffix.lower() != ".cxroadmap":
        raise DocumentError(out, "the output must end in .cxroadmap")
    if out.exists() and not args.force:
        raise DocumentError(out, "already exists (use --force to replace it)")
    if not out.parent.exists():
        raise DocumentError(out, f"folder {out.parent} does not exist")
    keys = checkout(args.url, out, args.strategy or None)
    print(f"checked out {', '.join(keys)} to {out}")
    return EXIT_OK


def _open(path: Any) -> Any:
    from cxroadmap.storage.document import Document

    if not path.exists():
        raise DocumentError(path, "no such file")
    return Document.open(path)


def cmd_sync(args: argparse.Namespace) -> int:
    from cxroadmap.storage.workspace.copies import conflict_lines
    from cxroadmap.storage.workspace.sync import sync

    with _open(args.file) as doc:
        report = sync(doc)
    print(f"{args.file}: pulled {report.pulled}, pushed {report.pushed}", file=sys.stderr)
    for strategy in report.created:
        print(f"{strategy}: created in the workspace", file=sys.stderr)
    for strategy in report.arrived:
        print(f"{strategy}: new in the workspace, added to this copy", file=sys.stderr)
    for strategy in report.refused:
        print(
            f"error: you may not edit {strategy} (the server refused; your local edits are kept)",
            file=sys.stderr,
        )
    for strategy in report.taken:
        print(
            f"error: {strategy} is already a strategy of the workspace (maybe one you may not "
            "read); give yours another key (your copy keeps it)",
            file=sys.stderr,
        )
    _print_conflicts(conflict_lines(report.conflicts))
    if report.refused or report.taken:
        return EXIT_BAD_INPUT
    return EXIT_CONFLICTS if report.conflicts else EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from cxroadmap.storage.workspace.copies import list_conflicts

    with _open(args.file) as doc:
        lines = list_conflicts(doc)
    _print_conflicts(lines)
    return EXIT_CONFLICTS if lines else EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from cxroadmap.storage.workspace.copies import resolve

    if args.mine == args.theirs:
        raise ValidationError("--mine/--theirs", "choose one of --mine or --theirs")
    with _open(args.file) as doc:
        line = resolve(doc, args.spec, "mine" if args.mine else "theirs", args.strategy)
    side = "mine" if args.mine else "theirs"
    print(f"{line.strategy} {line.key}.{line.field}: kept {side}; sync to share it")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from cxroadmap.storage.document import Document
    from cxroadmap.storage.workspace.copies import display_key, item_history

    if not args.file.exists():
        raise DocumentError(args.file, "no such file")
    with Document.open(args.file, readonly=True) as doc:
        entries = item_history(doc, args.strategy, args.key, args.limit)
    for e in entries:
        print(
            "\t".join(
                [e.at, e.role, e.strategy, display_key((e.strategy, e.kind, e.key)), e.field,
                 json.dumps(e.old, ensure_ascii=False), json.dumps(e.new, ensure_ascii=False)]
            )
        )  # fmt: skip
    return EXIT_OK


HANDLERS = {
    "set": cmd_set,
    "workspace": cmd_workspace,
    "publish": cmd_publish,
    "checkout": cmd_checkout,
    "sync": cmd_sync,
    "conflicts": cmd_conflicts,
    "resolve": cmd_resolve,
    "history": cmd_history,
}
