"""Screenshots of the roadmap views and presentation mode for the README.

Run: python docs/screenshots/take_view_screenshots.py (under xvfb-run when there is no display)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from launcher import main_window, settle, snap, start
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.graph_view import GraphView
from cxroadmap.ui.views.timeline_view import TimelineView


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    window = main_window(folder)
    strategy = demo_strategy()
    path = folder / "Customer experience strategy.cxroadmap"
    from cxroadmap.storage.document import write_document

    write_document(path, [strategy])
    assert window.files.open_path(path)
    document = window.document
    assert document is not None
    # Show a pinned card the scheduler cannot keep where it was asked to be.
    late = next(
        k
        for k, i in document.schedule.items.items()
        if i.phase == "Long term"
        and any(k in (d.from_key, d.to_key) for d in document.strategy.dependencies)
    )
    document.apply(ChangeInitiative(late, {"phase": "Medium term"}))
    window.show()
    settle()
    selected = next(
        k
        for k, i in document.schedule.items.items()
        if i.critical and not i.is_milestone and i.phase == "Short term" and i.start_day > 10
    )
    window.selection.set_keys([selected], source="screenshots")
    for kind, name in ((TimelineView, "timeline"), (BoardView, "board"), (GraphView, "graph")):
        view = next(t for t in window.roadmap_tabs if isinstance(t, kind))
        window.views.setCurrentWidget(view)
        settle()
        if isinstance(view, TimelineView):
            view.fit()
        if isinstance(view, GraphView):
            view.zoom_out()  # a little more of the chain in the picture
        view.verticalScrollBar().setValue(0)
        view.horizontalScrollBar().setValue(0)
        snap(window, name)
    window.views.setCurrentWidget(
        next(t for t in window.roadmap_tabs if isinstance(t, TimelineView))
    )
    window.selection.clear("screenshots")
    settle()
    # What F5 does (a key click needs an active window, which Xvfb has no manager to give).
    presentation = window.view_commands.start_presenting()
    settle()

    def first_step_of(phase: str | None) -> int:
        return next(i for i, step in enumerate(presentation.steps) if step.phase == phase)

    presentation.show_step(first_step_of("Short term"))
    snap(presentation, "presentation")
    QTest.keyClick(presentation, Qt.Key.Key_B)
    presentation.show_step(first_step_of("Medium term"))
    snap(presentation, "presentation-board")
    # A projector: the same presentation at 1280x720, cut into parts that fit.
    presentation.showNormal()
    presentation.setGeometry(0, 0, 1280, 720)
    QTest.keyClick(presentation, Qt.Key.Key_T)
    presentation.show_step(0)
    snap(presentation, "presentation-1280x720")
    QTest.keyClick(presentation, Qt.Key.Key_Escape)
    window.close()
    document.close()
    app.quit()


if __name__ == "__main__":
    main()
