"""Screenshots of tracking: the Measures tab's trend chart, the red flag of a measure off track,
the PDF's measures page, and RAG status on the table, timeline and board (under Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_tracking_screenshots.py
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
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.reading_edits import SetReading
from cxroadmap.export.pdf import export_pdf
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

OUT = Path(__file__).resolve().parent

# Quarterly readings: first-contact resolution falls behind its line, the others keep up.
READINGS = {
    "FCR": (("2027-03-31", 62.5), ("2027-06-30", 64), ("2027-09-30", 68)),
    "CES": (("2027-03-31", 4.2), ("2027-06-30", 3.8)),
    "NPS": (("2027-03-31", 10), ("2027-06-30", 16)),
}


def with_readings(org: Strategy) -> None:
    for key, readings in READINGS.items():
        for date, value in readings:
            SetReading(key, date, value).apply(org)


def with_progress(org: Strategy) -> None:
    """A board-approved baseline, then a month of reality: one late start, one slow start."""
    import datetime as dt

    from cxroadmap.domain.baseline_edits import TakeBaseline
    from cxroadmap.scheduling.baselines import take

    TakeBaseline(take(schedule(org), "Board approval", org.start)).apply(org)
    org.status_date = dt.date(2027, 2, 1)
    lead, tp1, vis1 = (org.initiatives[k] for k in ("LEAD1", "TP1", "VIS1"))
    lead.status, lead.actual_start, lead.actual_finish = "done", org.start, dt.date(2027, 1, 8)
    tp1.status, tp1.actual_start, tp1.percent_complete = "in_progress", dt.date(2027, 1, 11), 60
    vis1.status, vis1.actual_start = "in_progress", dt.date(2027, 1, 18)
    org.initiatives["MEA1"].rag_override = "red"
    org.initiatives["MEA1"].rag_reason = "No data analyst hired yet"


def pdf_page(org: Strategy, folder: Path) -> None:
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    pages = text.stdout.split("\f")
    number = next(i for i, p in enumerate(pages, 1) if "readings against its line" in p)
    target = OUT / "pdf-measures"
    pages_wanted = ["-f", str(number), "-l", str(number)]
    command = ["pdftoppm", "-r", "80", "-png", "-singlefile", *pages_wanted, str(pdf), str(target)]
    subprocess.run(command, check=True)


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    path = folder / "customer-experience-2027.cxroadmap"
    strategies = demo_cascade()
    with_readings(strategies[0])
    with_progress(strategies[0])
    write_document(path, strategies)
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    window.files.open_path(path)
    page = window.cx_commands.show_tab("Measures")
    page.table.selectRow(0)
    QTest.qWait(500)
    window.grab().save(str(OUT / "measures-trend.png"))
    timeline = window.cx_commands.show_tab("Timeline")
    timeline.fit()
    QTest.qWait(500)
    window.grab().save(str(OUT / "timeline-measure-off-track.png"))
    timeline.fit()
    QTest.qWait(400)
    window.grab().save(str(OUT / "rag-timeline.png"))
    window.views.setCurrentWidget(window.initiatives)  # the table, scrolled to the RAG column
    table = window.initiatives.table
    from cxroadmap.ui.models.initiatives_model import COLUMN

    table.scrollTo(window.initiatives.proxy.index(0, COLUMN["rag"]))
    QTest.qWait(400)
    window.grab().save(str(OUT / "rag-table.png"))
    window.cx_commands.show_tab("Phases")
    QTest.qWait(400)
    window.grab().save(str(OUT / "rag-board.png"))
    window.close()
    app.quit()
    pdf_page(strategies[0], folder)


if __name__ == "__main__":
    main()
