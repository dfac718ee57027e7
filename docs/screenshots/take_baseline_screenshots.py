"""Screenshots of baselines: ghost bars, variance columns, the Baselines window, and the "What
changed since …" PDF page and PowerPoint slide (Xvfb; pdftoppm and LibreOffice for the last two).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_baseline_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.baseline_edits import TakeBaseline
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.export.pdf import export_pdf
from cxroadmap.export.pptx_deck import export_pptx
from cxroadmap.scheduling.baselines import take
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings
from cxroadmap.ui.views.timeline_view import TimelineView

OUT = Path(__file__).resolve().parent


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
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "110",
            "-png",
            "-singlefile",
            "-f",
            "2",
            "-l",
            "2",
            str(pdf),
            str(OUT / "pdf-what-changed"),
        ],
        check=True,
    )
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
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "90",
            "-png",
            "-singlefile",
            "-f",
            "2",
            "-l",
            "2",
            str(folder / "deck.pdf"),
            str(OUT / "powerpoint-what-changed"),
        ],
        check=True,
    )


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    path = folder / "customer-experience-2027.cxroadmap"
    strategies = changed_since_approval()
    write_document(path, strategies)
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    window.files.open_path(path)
    window.initiatives.select_key("TP2")  # the inspector shows its baseline line
    QTest.qWait(500)
    window.grab().save(str(OUT / "baseline-table.png"))
    timeline = next(t for t in window.roadmap_tabs if isinstance(t, TimelineView))
    window.views.setCurrentWidget(timeline)
    timeline.set_zoom(timeline.px_per_day * 4)
    timeline.horizontalScrollBar().setValue(0)
    QTest.qWait(500)
    window.grab().save(str(OUT / "baseline-timeline.png"))
    window.baseline_commands.show_dialog()
    QTest.qWait(300)
    window.baseline_commands.dialog.grab().save(str(OUT / "baselines-dialog.png"))
    window.close()
    exports(strategies[0], folder)
    app.quit()


if __name__ == "__main__":
    main()
