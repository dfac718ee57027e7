"""File > Print Preview and Print for the table and each roadmap view; open after export."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.view_filter import ViewFilter
from cxroadmap.storage.document import write_document
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.graph_view import GraphView
from cxroadmap.ui.views.timeline_view import TimelineView

TABS = {"table": None, "timeline": TimelineView, "board": BoardView, "graph": GraphView}


@pytest.fixture
def demo_window(window, tmp_path):
    strategy = demo_strategy()
    strategy.views = [ViewFilter("Training only", pillars=["training"])]
    path = tmp_path / "demo.cxroadmap"
    write_document(path, [strategy])
    assert window.files.open_path(path)
    return window


def show_tab(window, name: str) -> None:  # type: ignore[no-untyped-def]
    kind = TABS[name]
    tab = window.initiatives if kind is None else next(
        t for t in window.roadmap_tabs if isinstance(t, kind)
    )  # fmt: skip
    window.views.setCurrentWidget(tab)


def pdf_words(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.mark.parametrize("name", list(TABS))
def test_printing_each_tab_to_a_pdf_printer_writes_what_it_shows(demo_window, tmp_path, name):
    window = demo_window
    window.view_commands.saved_views.choose("Training only")
    show_tab(window, name)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{name}.pdf"
    printer.setOutputFileName(str(out))
    window.view_commands.saved_views.printing.render(printer)
    words = pdf_words(out)
    strategy = window.document.strategy
    training = [i.title for i in strategy.initiatives.values() if i.pillar == "training"]
    others = [i.title for i in strategy.initiatives.values() if i.pillar != "training"]
    if name == "table":
        assert strategy.name in words and "View: Training only" in words
    # The graph wraps its node titles over two lines; their first words are on the page.
    assert all(" ".join(t.split()[:2]) in words for t in training), name
    assert not any(t in words for t in others), name


@pytest.mark.parametrize("name", list(TABS))
def test_print_preview_shows_the_pages_of_each_tab(demo_window, monkeypatch, qtbot, name):
    window = demo_window
    show_tab(window, name)
    seen: list[int] = []

    def run(dialog: QPrintPreviewDialog) -> int:  # what a user sees, then Close
        dialog.show()
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=20000)
        seen.append(preview.pageCount())
        dialog.reject()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", run)
    window.findChild(object, "action_print_preview").trigger()
    assert len(seen) == 1 and seen[0] >= 1


def test_open_after_export_opens_pdfs_and_images_with_the_systems_program(
    demo_window, qtbot, tmp_path, monkeypatch, shown
):
    window = demo_window
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    commands = window.view_commands.saved_views
    pdf = tmp_path / "deck.pdf"
    assert window.files.export_to(pdf, ".pdf")
    qtbot.waitUntil(
        lambda: pdf.exists() and window.statusBar().currentMessage() != "", timeout=60000
    )
    assert opened == []  # off by default
    commands.open_after.setChecked(True)
    assert window.files.export_to(pdf, ".pdf")
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    assert opened == [str(pdf)]
    show_tab(window, "timeline")
    shown.choices.append("1x, screen size")
    image = window.view_commands.export(".png", tmp_path / "timeline.png")
    assert image == tmp_path / "timeline.png" and opened == [str(pdf), str(image)]


@pytest.mark.parametrize("name", ["timeline", "board", "graph"])
def test_a_view_printed_at_the_printers_resolution_keeps_its_type_in_proportion(
    demo_window, tmp_path, name
):
    """The app's printer is a high-resolution one: a 12 pt title must not come out 12.5 times
    larger than the shapes around it (type in points on a 1,200 dpi page)."""
    window = demo_window
    show_tab(window, name)
    printing = window.view_commands.saved_views.printing
    printer = printing.printer()  # what Print and Print Preview are given
    assert printer.resolution() >= 300
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{name}.pdf"
    printer.setOutputFileName(str(out))
    printing.render(printer)
    html = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(out), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    page_h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    heights = [
        float(y1) - float(y0)
        for y0, y1 in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                 r'yMax="([\d.]+)"', html)
    ]  # fmt: skip
    assert len(heights) > 20  # the page has the view's words
    # A landscape page is about 595 points tall; the view's largest type (its title) is a
    # few percent of that, not a quarter of the page.
    assert max(heights) < 0.05 * page_h, (max(heights), page_h)
