"""A big image made in two bands at once: a forked child paints and packs the lower rows.

Painting the 5,000-initiative timeline is about a second of Python and Qt work that holds
the GIL throughout (a second thread does not overlap it), on machines that have a second
core idle. A child process forked once the picture is laid out paints the lower rows and
packs them while this process paints and packs the upper ones; each paints only the
scene's items in its rows, and sends back only its packed rows (a few MB, through a pipe).
Forking is safe only in a process with no other thread (a thread holding a lock at the fork
would leave it held in the child forever): the command line's export is one, the app with
its worker threads is not and makes the image alone, as does any platform without `fork`
or a machine with one core. If the child fails, its rows are made here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

Band = Callable[[int, int], bytes]  # rows first to last (exclusive): their packed bytes
# Below this many pixels a fork (page tables of a 150 MB process, copied on write) costs
# about what the second core would save.
MIN_PIXELS = 2_000_000


def can_fork() -> bool:
    """Whether a child may paint: Linux, a second core to run on, no thread but this one."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return False
    return threads == 1 and len(os.sched_getaffinity(0)) >= 2


def in_bands(width: int, height: int, band: Band, split: bool | None = None) -> list[bytes]:
    """`band(first, last)` for the rows of an image `width` x `height`: all rows at once, or
    (`split`, by default when big enough and `can_fork`) the upper half here and the lower
    half in a forked child at the same time; the results in the rows' order."""
    if split is None:
        split = width * height >= MIN_PIXELS and can_fork()
    if not split or height < 2:
        return [band(0, height)]
    middle = height // 2
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return [band(0, height)]
    if pid == 0:  # the child: make the lower rows, leave without running any exit handler
        code = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                out.write(band(middle, height))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        upper = band(0, middle)
    finally:
        # Read everything before waiting: the child blocks on a full pipe until it is read.
        with os.fdopen(read_end, "rb") as source:
            lower = source.read()
        _, status = os.waitpid(pid, 0)
    if status != 0:
        lower = band(middle, height)
    return [upper, lower]
