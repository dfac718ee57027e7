"""A big image painted in two bands at once: a forked child paints the lower half meanwhile.

Painting the 5,000-initiative timeline is about a second of Python and Qt work that holds
the GIL throughout (a second thread does not overlap it), on machines that have a second
core idle. A child process forked once the picture is laid out paints the lower rows into
shared memory while this process paints the upper ones; each paints only the scene's items
in its rows. Forking is safe only in a process with no other thread (a thread holding a
lock at the fork would leave it held in the child forever): the command line's export is
one, the app with its worker threads is not and paints alone, as does any platform without
`fork` or a machine with one core. If the child fails, its rows are painted here.
"""

from __future__ import annotations

import mmap
import os
import sys
from collections.abc import Callable

from PySide6.QtGui import QImage

PaintRows = Callable[[QImage, int, int], None]
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


def paint_in_bands(image: QImage, paint_rows: PaintRows, split: bool | None = None) -> None:
    """Paint every row of `image` with `paint_rows(target, first, last)`, which paints rows
    `first` to `last` (exclusive) of `target`, an image of the same size, format and density.
    `split` (default: when big enough and `can_fork`) paints the lower half in a child."""
    height = image.height()
    if split is None:
        split = image.width() * height >= MIN_PIXELS and can_fork()
    if not split or height < 2:
        paint_rows(image, 0, height)
        return
    middle = height // 2
    stride = image.bytesPerLine()
    shared = mmap.mmap(-1, stride * height)  # anonymous and shared: the child's rows land here
    try:
        pid = os.fork()
    except OSError:
        paint_rows(image, 0, height)
        return
    if pid == 0:  # the child: paint the lower rows, leave without running any exit handler
        code = 1
        try:
            lower = QImage(memoryview(shared), image.width(), height, stride, image.format())
            lower.setDotsPerMeterX(image.dotsPerMeterX())
            lower.setDotsPerMeterY(image.dotsPerMeterY())
            paint_rows(lower, middle, height)
            code = 0
        finally:
            os._exit(code)
    try:
        paint_rows(image, 0, middle)
    finally:
        _, status = os.waitpid(pid, 0)
    if status == 0:
        bits = memoryview(image.bits())
        bits[middle * stride : height * stride] = shared[middle * stride : height * stride]
    else:
        paint_rows(image, middle, height)
    shared.close()
