"""The app opens the file it starts on before showing its window, and looks the same for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxroadmap.ui import messages
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


def test_a_window_started_on_a_document_shows_it_and_never_builds_the_welcome_screen(
    qtbot, settings: AppSettings, small_file: Path
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.files.open_path(small_file)  # as run_app does: before the window shows
    window.show()
    assert window.stack.currentWidget() is window.document_page
    assert window.inspector_dock.isVisible()
    assert window._welcome is None  # built only when needed
    window.set_document(None)  # closing the document brings the welcome screen
    assert window._welcome is not None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.item(0).text().startswith("small.cxroadmap")
    assert not window.inspector_dock.isVisible()


def test_a_file_that_cannot_be_opened_at_start_shows_its_message_over_the_welcome_screen(
    qtbot, settings: AppSettings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    foreign = tmp_path / "notes.cxroadmap"
    foreign.write_text("shopping list")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    seen: list[tuple[bool, bool]] = []
    monkeypatch.setattr(
        messages,
        "show_error",
        lambda parent, title, text: seen.append(
            (window.isVisible(), window.stack.currentWidget() is window._welcome)
        ),
    )
    assert not window.files.open_path(foreign)
    assert seen == [(True, True)]  # the window, on its welcome screen, behind the message
    assert window.document is None


def test_a_window_shown_without_a_document_shows_the_welcome_screen(
    qtbot, settings: AppSettings
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window._welcome is not None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.no_recent.isVisible()
