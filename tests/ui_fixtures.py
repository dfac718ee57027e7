"""Fixtures for the desktop app's tests: a small strategy on disk and a main window around it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui import live_schedule, messages
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


def small_strategy() -> Strategy:
    """A(5d) -> B(10d) -> C(5d), D(3d) alone; Mon 4 Jan 2027, Monday to Friday."""
    strategy = Strategy(name="Small", start=dt.date(2027, 1, 4), level="team")
    for key, title, days, pillar, owner in (
        ("A", "Agree the service vision", 5, "vision", "Ana"),
        ("B", "Map the touchpoints", 10, "touchpoints", "Ben"),
        ("C", "Train for context", 5, "training", "Ana"),
        ("D", "Recognition scheme", 3, "recognition", "Dee"),
    ):
        strategy.initiatives[key] = Initiative(key, title, days, pillar=pillar, owner=owner)
    strategy.dependencies = [Dependency("A", "B"), Dependency("B", "C")]
    return strategy


class Messages:
    """Records what the app would have shown in message boxes, and answers its questions."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.save_paths: list[Path | None] = []
        self.open_paths: list[Path | None] = []
        self.choices: list[str | None] = []
        self.pdf_options: list[dict[str, object]] = []

    def show_error(self, parent: object, title: str, text: str) -> None:
        self.errors.append(text)

    def show_info(self, parent: object, title: str, text: str) -> None:
        self.infos.append(text)

    def ask_save_path(
        self, parent: object, caption: str, suggested: object, flt: str
    ) -> Path | None:
        return self.save_paths.pop(0) if self.save_paths else None

    def ask_open_path(self, parent: object, caption: str, flt: str) -> Path | None:
        return self.open_paths.pop(0) if self.open_paths else None

    def ask_pdf_options(self, parent: object, values: dict[str, object]) -> dict[str, object]:
        return self.pdf_options.pop(0) if self.pdf_options else dict(values)

    def choose_item(self, parent: object, title: str, label: str, items: list[str]) -> str | None:
        wanted = self.choices.pop(0) if self.choices else None
        return next((i for i in items if wanted and i.startswith(wanted)), None)


@pytest.fixture(autouse=True)
def plan_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plan on the UI thread however loaded the machine is, so every assertion after an edit
    sees its schedule; a test of the background path sets `force_background` itself."""
    monkeypatch.setattr(live_schedule, "INLINE_LIMIT_SECONDS", float("inf"))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Messages:
    record = Messages()
    names = ("show_error", "show_info", "ask_save_path", "ask_open_path", "choose_item")
    for name in (*names, "ask_pdf_options"):
        monkeypatch.setattr(messages, name, getattr(record, name))
    return record


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.cxroadmap"
    write_document(path, [small_strategy()])
    return path


@pytest.fixture
def window(qtbot, settings: AppSettings, shown: Messages) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    yield win
    win.set_document(None)


@pytest.fixture
def small_window(window: MainWindow, small_file: Path) -> MainWindow:
    assert window.files.open_path(small_file)
    return window


def on_disk(path: Path) -> Strategy:
    return read_document(path)[0]


def cell(window: MainWindow, key: str, column: str) -> QModelIndex:
    return window.initiatives.proxy_index(key, column)


def cell_text(window: MainWindow, key: str, column: str) -> str:
    return str(cell(window, key, column).data())


def visible_keys(window: MainWindow) -> list[str]:
    proxy = window.initiatives.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def open_editor(table: QTableView) -> QWidget | None:
    """The delegate's editor open in `table`, if any."""
    editors = [w for w in table.viewport().findChildren(QWidget) if w.isVisible()]
    return editors[0] if editors else None


def edit_cell(qtbot, window: MainWindow, key: str, column: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Double-click a table cell, type `text` over its content and press Enter."""
    table = window.initiatives.table
    index = cell(window, key, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = open_editor(table)
    assert isinstance(editor, QLineEdit), f"no line editor for {column}: {editor!r}"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call
