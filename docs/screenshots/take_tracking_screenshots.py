"""Screenshots of tracking: the Measures tab's trend chart, the red flag of a measure off track,
the PDF's measures page, and RAG status on the table, timeline and board.

Run: python docs/screenshots/take_tracking_screenshots.py (under xvfb-run when there is no
display; the PDF page needs pdftoppm from poppler-utils).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from launcher import open_window, pdf_page, snap, start

from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.reading_edits import SetReading
from cxroadmap.export.pdf import export_pdf
from cxroadmap.scheduling.planner import schedule

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


def measures_page(org: Strategy, folder: Path) -> None:
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf)
    pdf_page(pdf, "pdf-measures", containing="readings against its line", dpi=80)


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    strategies = demo_cascade()
    with_readings(strategies[0])
    with_progress(strategies[0])
    window, _ = open_window(strategies, folder)
    page = window.cx_commands.show_tab("Measures")
    page.table.selectRow(0)
    snap(window, "measures-trend", 500)
    timeline = window.cx_commands.show_tab("Timeline")
    timeline.fit()
    snap(window, "timeline-measure-off-track", 500)
    timeline.fit()
    snap(window, "rag-timeline")
    window.views.setCurrentWidget(window.initiatives)  # the table, scrolled to the RAG column
    table = window.initiatives.table
    from cxroadmap.ui.models.initiatives_model import COLUMN

    table.scrollTo(window.initiatives.proxy.index(0, COLUMN["rag"]))
    snap(window, "rag-table")
    window.cx_commands.show_tab("Phases")
    snap(window, "rag-board")
    window.close()
    app.quit()
    measures_page(strategies[0], folder)


if __name__ == "__main__":
    main()
