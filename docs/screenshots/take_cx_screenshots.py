"""Screenshots of the customer-experience tabs and the PDF's touchpoint page (under Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_cx_screenshots.py
(the PDF page needs pdftoppm from poppler-utils).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxroadmap.content.demo import demo_cascade
from cxroadmap.export.pdf import export_pdf
from cxroadmap.export.rollup import cascade_children
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document
from cxroadmap.ui.cx.switcher import switch_strategy
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

OUT = Path(__file__).resolve().parent


def pdf_page(folder: Path) -> None:
    strategies = demo_cascade()
    org = strategies[0]
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf, children=cascade_children(strategies, org))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    pages = text.stdout.split("\f")
    number = next(i for i, p in enumerate(pages, 1) if "Touchpoints: the moments of truth" in p)
    target = OUT / "pdf-touchpoints"
    pages_wanted = ["-f", str(number), "-l", str(number)]
    command = ["pdftoppm", "-r", "110", "-png", "-singlefile", *pages_wanted, str(pdf), str(target)]
    subprocess.run(command, check=True)


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    path = folder / "customer-experience-2027.cxroadmap"
    write_document(path, demo_cascade())
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    window.files.open_path(path)
    commands = window.cx_commands
    page = commands.show_tab("Touchpoints")
    page.select("HELP")
    QTest.qWait(500)
    window.grab().save(str(OUT / "touchpoints.png"))
    commands.show_tab("Matrix").linked_only.setChecked(True)
    QTest.qWait(400)
    window.grab().save(str(OUT / "matrix.png"))
    commands.show_tab("Alignment")
    QTest.qWait(400)
    window.grab().save(str(OUT / "alignment.png"))
    # The roll-up of a department: its own lane, then its team's.
    care = next(sid for sid, s in window.document.store.load_all_with_ids() if s.key == "CARE")
    switch_strategy(window, care)
    commands.roll_up.setChecked(True)
    window.views.currentWidget().fit()
    QTest.qWait(400)
    window.grab().save(str(OUT / "rollup-timeline.png"))
    window.close()
    app.quit()
    pdf_page(folder)


if __name__ == "__main__":
    main()
