"""Screenshots of progress: the timeline with done strips and the status-date line, the phase
board's cards with their progress, and the table's progress columns (run under Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_progress_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.model import Strategy
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.timeline_view import TimelineView

OUT = Path(__file__).resolve().parent


def settle(app: QApplication, ms: int = 400) -> None:
    for _ in range(10):
        app.processEvents()
    QTest.qWait(ms)


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
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.move(0, 0)
    path = folder / "Customer experience strategy.cxroadmap"
    write_document(path, [tracked_demo()])
    assert window.files.open_path(path)
    window.show()
    settle(app)
    window.initiatives.select_key("TP2")
    settle(app)
    table = window.initiatives.table
    model = table.model()
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # Bring the progress columns into the picture.
    column = names.index("% done")
    table.scrollTo(model.index(0, column))
    settle(app)
    window.grab().save(str(OUT / "progress-table.png"))
    for kind, name in ((TimelineView, "progress-timeline"), (BoardView, "progress-board")):
        view = next(t for t in window.roadmap_tabs if isinstance(t, kind))
        window.views.setCurrentWidget(view)
        settle(app)
        if isinstance(view, TimelineView):
            view.set_zoom(6.0)
        view.verticalScrollBar().setValue(0)
        view.horizontalScrollBar().setValue(0)
        settle(app)
        window.grab().save(str(OUT / f"{name}.png"))
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
