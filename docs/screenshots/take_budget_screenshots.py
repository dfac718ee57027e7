"""Screenshots of the Budget tab (with its status-bar label) and the PDF's budget page (Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_budget_screenshots.py
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
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

OUT = Path(__file__).resolve().parent


def pdf_page(folder: Path) -> None:
    org = demo_cascade()[0]
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    pages = text.stdout.split("\f")
    number = next(i for i, p in enumerate(pages, 1) if "By calendar year" in p)
    wanted = ["-f", str(number), "-l", str(number)]
    target = OUT / "pdf-budget"
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", *wanted, str(pdf), str(target)])


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
    window.views.setCurrentWidget(window.budget_panel)
    QTest.qWait(500)
    window.grab().save(str(OUT / "budget.png"))
    window.close()
    pdf_page(folder)
    app.quit()


if __name__ == "__main__":
    main()
