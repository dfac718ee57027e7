"""The document-file commands: `cxroadmap backups DOC` and `cxroadmap check DOC --repair`."""

from __future__ import annotations

import argparse
from pathlib import Path

from cxroadmap.storage.errors import DocumentError

EXIT_OK = 0


def cmd_backups(args: argparse.Namespace) -> int:
    """List a document's backups (1 = newest), or restore one into a new file with -o."""
    from cxroadmap.storage import backups

    document: Path = args.file
    if args.restore is None:
        if args.output is not None:
            raise DocumentError(args.output, "-o names where --restore N writes a backup")
        found = backups.list_backups(document)
        if not found:
            print(f"{document}: no backups yet (one is made before the first edit of a session)")
            return EXIT_OK
        print(f"{document}: {len(found)} backup(s), newest first, in {found[0].path.parent}")
        for item in found:
            when = item.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            print(f"{item.number:3}  {when}  {item.size:>10,} bytes  {item.path.name}")
        return EXIT_OK
    if args.output is None:
        raise DocumentError(document, "--restore N needs -o FILE.cxroadmap (a new file)")
    restored = backups.restore(document, args.restore, args.output, force=args.force)
    print(f"restored backup {args.restore} of {document} to {restored}")
    return EXIT_OK


def cmd_repair(args: argparse.Namespace) -> int:
    """Write a repaired copy of a damaged document (never changing the original)."""
    from cxroadmap.storage.repair import repair

    source: Path = args.file
    output: Path = args.output or source.with_name(f"{source.stem}.repaired{source.suffix}")
    done = repair(source, output)
    for note in done.notes:
        print(f"note: {note}")
    print(f"wrote a repaired copy of {source} to {done.output}; {source} is unchanged")
    return EXIT_OK
