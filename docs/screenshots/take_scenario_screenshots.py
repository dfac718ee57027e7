"""Screenshot of the compare view: Customer Care's plan against its scenario (under Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_scenario_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Initiative
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

OUT = Path(__file__).resolve().parent


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
    document = window.document
    assert document is not None and document.store is not None
    ids = {s.key: sid for sid, s in document.store.load_all_with_ids()}
    window.cx_commands.switch_to(ids["CARE"])
    # "What if the care standards take a month longer, and we pilot huddles instead of
    # the handover rework?"
    window.scenario_commands.copy_action.trigger()
    scenario = window.document
    assert scenario is not None
    scenario.apply(ChangeInitiative("C-STD", {"duration": 45}))
    scenario.apply(RemoveInitiative("C-HAND"))
    scenario.apply(AddInitiative(Initiative("C-HUDDLE", "Daily care huddles pilot", 15,
                                            "performance", owner="Care leads")))  # fmt: skip
    view = window.scenario_commands.compare()
    assert view is not None
    view.resize(1500, 960)
    QTest.qWait(300)
    view.timeline_a.fit()  # the other timeline follows: one date axis
    view.list.setCurrentItem(view.list.topLevelItem(0))
    QTest.qWait(500)
    view.grab().save(str(OUT / "compare.png"))
    view.close()
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
