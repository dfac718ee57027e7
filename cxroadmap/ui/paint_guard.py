"""Paint entry points that survive their own bugs: an error is reported once, not fatal."""

from __future__ import annotations

import functools
import logging
import traceback
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger("cxroadmap.ui.paint")

Paint = TypeVar("Paint", bound=Callable[..., None])

# Items whose paint raised: drawn empty from then on, rather than half-drawn at each repaint.
_broken: weakref.WeakSet[Any] = weakref.WeakSet()
# Read first at every paint of every item: a global is cheaper than asking the set (a
# guarded paint costs 0.06 to 0.17 us more than a bare one; an export paints every bar).
_any_broken = False
# (class, error type, message) already logged: a paint runs on every repaint and scroll.
_reported: set[tuple[str, str, str]] = set()


def report(owner: object, exc: Exception) -> None:
    """Log the error of `owner`'s paint with its traceback, once per kind of error."""
    key = (type(owner).__qualname__, type(exc).__name__, str(exc))
    if key not in _reported:
        _reported.add(key)
        # The traceback as text, not exc_info: a record keeping the exception would keep
        # the failed paint's frames, and a QPainter begun there would outlive its paint
        # event (Qt aborts when it is ended later, on a widget no longer being painted).
        text = "".join(traceback.format_exception(exc))
        log.error("drawing a %s failed; it is left empty\n%s", key[0], text)
    exc.__traceback__ = None


def guarded_item(paint: Paint) -> Paint:
    """For a QGraphicsItem's `paint`: an exception leaves that item empty, the app up.

    Unguarded, PySide6 6.11 prints the traceback at every repaint (each scroll, each edit)
    and the item is redrawn half-way each time. No painter.save() around it: the timeline
    paints without saving the painter's state per item (DontSavePainterState), for speed.
    """

    @functools.wraps(paint)
    def guarded(self: Any, painter: Any, option: Any, widget: Any = None) -> None:
        global _any_broken
        if _any_broken and self in _broken:
            return
        try:
            paint(self, painter, option, widget)
        except Exception as exc:
            _broken.add(self)
            _any_broken = True
            report(self, exc)

    return guarded  # type: ignore[return-value]


def guarded_event(paint: Paint) -> Paint:
    """For a widget's paintEvent or a view's drawBackground: an exception leaves that
    frame unfinished (it is tried again at the next repaint), reported once."""

    @functools.wraps(paint)
    def guarded(self: Any, *args: Any) -> None:
        try:
            paint(self, *args)
        except Exception as exc:
            report(self, exc)

    return guarded  # type: ignore[return-value]
