"""What the command line shows while it works: progress and status, on a terminal only."""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_printer() -> Callable[[int, int], None] | None:
    """Progress on a terminal only: scripts and CI get clean stderr."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def status(text: str) -> None:
    """A passing status line on a terminal (overwritten by the next), never in a pipe."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{text}")
        sys.stderr.flush()
