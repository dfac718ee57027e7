"""Screenshots of progress: the timeline with done strips and the status-date line, the phase
board's cards with their progress, and the table's progress columns.

Run: python docs/screenshots/take_progress_screenshots.py (under xvfb-run when there is no display)
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from launcher import main_window, settle, snap, start
from PySide6.QtCore import Qt

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.model import Strategy
from cxroadmap.storage.document import write_document
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.timeline_view import TimelineView


def tracked_demo() -> Strategy:
    """The demo strategy seven weeks in: some work done, some under way, one of them late."""
    strategy = demo_strategy()
    strategy.status_date = dt.date(2027, 2, 17)
    progress = {
        "LEAD1": ("2027-01-04", "2027-01-08", 100, "done"),
        "TP1": ("2027-01-11", "2027-01-26", 100, "done"),  # two days late
        "VIS1": ("2027-01-11", "2027-01-29", 100, "done"),
        "TP2": ("2027-01-27", None, 40, "in_progress"),  # behind: 9 of 15 days left
        "VIS2": ("2027-02-01", None, 70, "in_progress"),
    }
    for key, (began, ended, percent, status) in progress.items():
        ini = strategy.initiatives[key]
        ini.actual_start = dt.date.fromisoformat(began)
        ini.actual_finish = dt.date.fromisoformat(ended) if ended else None
        ini.percent_complete = percent
        ini.status = status
    return strategy


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    window = main_window(folder)
    path = folder / "Customer experience strategy.cxroadmap"
    write_document(path, [tracked_demo()])
    assert window.files.open_path(path)
    window.show()  # after the open: the docks are laid out for the document from the start
    settle()
    window.initiatives.select_key("TP2")
    settle()
    table = window.initiatives.table
    model = table.model()
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # Bring the progress columns into the picture.
    column = names.index("% done")
    table.scrollTo(model.index(0, column))
    snap(window, "progress-table")
    for kind, name in ((TimelineView, "progress-timeline"), (BoardView, "progress-board")):
        view = next(t for t in window.roadmap_tabs if isinstance(t, kind))
        window.views.setCurrentWidget(view)
        settle()
        if isinstance(view, TimelineView):
            view.set_zoom(6.0)
        view.verticalScrollBar().setValue(0)
        view.horizontalScrollBar().setValue(0)
        snap(window, name)
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
