"""RAG status for the views: computed once per schedule and shared by table, timeline and board."""

from __future__ import annotations

from PySide6.QtGui import QColor

from cxroadmap.common import style
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.rag import Rag, RagBook, tracked
from cxroadmap.scheduling.result import Schedule

# Views ask per cell and per card: remember the last book, keyed by the objects themselves
# (each edit reschedules, so a new schedule means a fresh status). A book works a status out
# when first asked: the table asks for the rows on screen, not all 5,000.
_last: tuple[Strategy, Schedule, RagBook] | None = None
_EMPTY: dict[str, Rag] = {}
# Whether the plan is tracked, asked once per card: answered once per schedule, since the
# answer looks at every initiative (5,000 cards made it 5,000 x 5,000 checks per edit).
_tracked: tuple[Strategy, Schedule, bool] | None = None


def rags(strategy: Strategy | None, schedule: Schedule | None) -> RagBook | dict[str, Rag]:
    """Each initiative's RAG status for this strategy and schedule, by `.get(key)` (empty
    without a schedule)."""
    global _last
    if strategy is None or schedule is None:
        return _EMPTY
    if _last is not None and _last[0] is strategy and _last[1] is schedule:
        return _last[2]
    book = RagBook(strategy, schedule)
    _last = (strategy, schedule, book)
    return book


def rag_colour(rag: Rag) -> QColor:
    return QColor(style.RAG_COLOURS[rag.colour])


def rag_tooltip(rag: Rag) -> str:
    return f"RAG: {rag.label}: {rag.reason}"


def rag_marks(strategy: Strategy | None, schedule: Schedule | None) -> RagBook | dict[str, Rag]:
    """The statuses to draw on bars and cards: all of them while tracked, else none."""
    global _tracked
    if strategy is None or schedule is None:
        return _EMPTY
    if _tracked is None or _tracked[0] is not strategy or _tracked[1] is not schedule:
        _tracked = (strategy, schedule, tracked(strategy))
    if not _tracked[2]:
        return _EMPTY
    return rags(strategy, schedule)
