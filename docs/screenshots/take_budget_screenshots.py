"""Screenshots of the Budget tab (with its status-bar label) and the PDF's budget page.

Run: python docs/screenshots/take_budget_screenshots.py (under xvfb-run when there is no display;
the PDF page needs pdftoppm from poppler-utils).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from launcher import open_window, pdf_page, snap, start

from cxroadmap.content.demo import demo_cascade
from cxroadmap.export.pdf import export_pdf
from cxroadmap.scheduling.planner import schedule


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    window, _ = open_window(demo_cascade(), folder)
    window.views.setCurrentWidget(window.budget_panel)
    snap(window, "budget", 500)
    window.close()
    org = demo_cascade()[0]
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf)
    pdf_page(pdf, "pdf-budget", containing="By calendar year")
    app.quit()


if __name__ == "__main__":
    main()
