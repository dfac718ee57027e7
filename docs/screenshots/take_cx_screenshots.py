"""Screenshots of the customer-experience tabs and the PDF's touchpoint page.

Run: python docs/screenshots/take_cx_screenshots.py (under xvfb-run when there is no display;
the PDF page needs pdftoppm from poppler-utils).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from launcher import open_window, pdf_page, snap, start

from cxroadmap.content.demo import demo_cascade
from cxroadmap.export.pdf import export_pdf
from cxroadmap.export.rollup import cascade_children
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.cx.switcher import switch_strategy


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    window, _ = open_window(demo_cascade(), folder)
    commands = window.cx_commands
    page = commands.show_tab("Touchpoints")
    page.select("HELP")
    snap(window, "touchpoints", 500)
    commands.show_tab("Matrix").linked_only.setChecked(True)
    snap(window, "matrix")
    commands.show_tab("Alignment")
    snap(window, "alignment")
    # The roll-up of a department: its own lane, then its team's.
    care = next(sid for sid, s in window.document.store.load_all_with_ids() if s.key == "CARE")
    switch_strategy(window, care)
    commands.roll_up.setChecked(True)
    window.views.currentWidget().fit()
    snap(window, "rollup-timeline")
    window.close()
    app.quit()
    strategies = demo_cascade()
    org = strategies[0]
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf, children=cascade_children(strategies, org))
    pdf_page(pdf, "pdf-touchpoints", containing="Touchpoints: the moments of truth")


if __name__ == "__main__":
    main()
