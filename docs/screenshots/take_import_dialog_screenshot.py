"""Screenshot of the import dialog for an MS Project-style CSV (import-dialog.png).

Run: python docs/screenshots/take_import_dialog_screenshot.py (xvfb-run when there is no display)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from launcher import OUT, snap, start
from PySide6.QtWidgets import QWidget

from cxroadmap.interop.table_preview import preview_table
from cxroadmap.ui.import_dialog import ImportDialog

CSV = (
    "ID,Task Name,Duration,Start,Predecessors,Notes,Team\r\n"
    "1,Map the journey,5 days,2027-01-04,,Interview 12 customers,Research\r\n"
    "2,Fix onboarding emails,10 days,2027-01-11,1,Plain words,Care\r\n"
    "3,Self-service returns,3 wks,2027-01-25,2,Web and app,Digital\r\n"
    "4,Launch NPS survey,0 days,2027-02-15,3,Milestone,CX office\r\n"
)


def main() -> None:
    app = start()
    source = Path(tempfile.mkdtemp()) / "project.csv"
    source.write_text(CSV, encoding="utf-8")
    parent = QWidget()
    dialog = ImportDialog(source, preview_table(source), lambda mapping: [], parent)
    dialog.combos[6].setCurrentIndex(dialog.combos[6].findData("owner"))
    dialog.show()
    snap(dialog, "import-dialog", 0)
    print(OUT / "import-dialog.png")
    app.quit()


if __name__ == "__main__":
    main()
