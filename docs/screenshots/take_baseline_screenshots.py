"""Screenshots of baselines: ghost bars, variance columns, the Baselines window, and the "What
changed since …" PDF page and PowerPoint slide (pdftoppm and LibreOffice for the last two).

Run: python docs/screenshots/take_baseline_screenshots.py (under xvfb-run when there is no display)
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

from launcher import open_window, pdf_page, snap, start

from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.baseline_edits import TakeBaseline
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.export.pdf import export_pdf
from cxroadmap.export.pptx_deck import export_pptx
from cxroadmap.scheduling.baselines import take
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.views.timeline_view import TimelineView


def changed_since_approval() -> list[Strategy]:
    """The demo, baselined at board approval, then a quarter of real life: the vision work
    took three weeks longer, one initiative was dropped from the plan and one added."""
    strategies = demo_cascade()
    org = strategies[0]
    TakeBaseline(take(schedule(org), "Board approval", dt.date(2027, 1, 4))).apply(org)
    keys = list(org.initiatives)
    first = org.initiatives[keys[1]]
    ChangeInitiative(first.key, {"duration": first.duration + 15}).apply(org)
    RemoveInitiative(keys[-1]).apply(org)
    AddInitiative(
        Initiative("NPS1", "Close the loop on every detractor", 20, pillar="measurement")
    ).apply(org)
    return strategies


def exports(org: Strategy, folder: Path) -> None:
    pdf = folder / "demo.pdf"
    export_pdf(org, schedule(org), pdf)
    pdf_page(pdf, "pdf-what-changed", page=2)
    deck = folder / "deck.pptx"
    export_pptx(org, schedule(org), deck)
    profile = (folder / "lo").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(deck),
        ],
        check=True,
        capture_output=True,
    )
    pdf_page(folder / "deck.pdf", "powerpoint-what-changed", page=2, dpi=90)


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    strategies = changed_since_approval()
    window, _ = open_window(strategies, folder)
    window.initiatives.select_key("TP2")  # the inspector shows its baseline line
    snap(window, "baseline-table", 500)
    timeline = next(t for t in window.roadmap_tabs if isinstance(t, TimelineView))
    window.views.setCurrentWidget(timeline)
    timeline.set_zoom(timeline.px_per_day * 4)
    timeline.horizontalScrollBar().setValue(0)
    snap(window, "baseline-timeline", 500)
    window.baseline_commands.show_dialog()
    snap(window.baseline_commands.dialog, "baselines-dialog", 300)
    window.close()
    exports(strategies[0], folder)
    app.quit()


if __name__ == "__main__":
    main()
