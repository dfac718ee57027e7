"""Run in a fresh process on Qt's offscreen platform with two screens (see
test_presenter_two_screens.py): presents the demo and prints what each window shows as JSON."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxroadmap.content.demo import demo_strategy
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.views.presentation import PresentationWindow


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def facts(window: PresentationWindow) -> dict[str, object]:
    presenter = window.presenter
    assert presenter is not None
    return {
        "show screen": window.screen().name(),
        "show geometry": window.geometry().getRect(),
        "presenter screen": presenter.screen().name(),
        "presenter geometry": presenter.geometry().getRect(),
        "presenter visible": presenter.isVisible(),
        "now": presenter.now.text(),
        "next": presenter.next_.text(),
        "notes": presenter.notes.text(),
        "steps": window.step_count,
        "step": window.step,
    }


def main() -> None:
    app = QApplication(sys.argv)
    screens = app.screens()
    report: dict[str, object] = {"screens": [(s.name(), s.geometry().getRect()) for s in screens]}
    document = OpenDocument(demo_strategy())
    window = PresentationWindow(document)
    window.present(screens[0])  # the app's screen; the presenter's view finds the other
    settle(app)
    report["start"] = facts(window)
    QTest.keyClick(window.presenter, Qt.Key.Key_Right)  # the presenter's keys step the show
    settle(app)
    report["after next"] = facts(window)
    presenter = window.presenter
    QTest.keyClick(presenter, Qt.Key.Key_Escape)  # Esc in the presenter's view
    settle(app)
    report["esc from presenter"] = [window.isVisible(), presenter.isVisible()]
    again = PresentationWindow(document)
    again.present(screens[0])
    settle(app)
    second = again.presenter
    QTest.keyClick(again, Qt.Key.Key_Escape)  # Esc in the presentation itself
    settle(app)
    report["esc from show"] = [again.isVisible(), second is not None and second.isVisible()]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
