"""The presenter's view for the docs: the demo shown on a 1280x720 projector, the presenter's
view on a 1920x1080 laptop screen (Qt's offscreen platform given two screens; no display).

Run: python docs/screenshots/take_presenter_screenshot.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
SCREENS = [
    {"name": "Laptop", "x": 0, "y": 0, "width": 1920, "height": 1080},
    {"name": "Projector", "x": 1920, "y": 0, "width": 1280, "height": 720},
]


def main() -> None:
    config = Path(tempfile.mkdtemp()) / "screens.json"
    for screen in SCREENS:
        screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    config.write_text(json.dumps({"screens": SCREENS}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    from PySide6.QtWidgets import QApplication

    from cxroadmap.content.demo import demo_strategy
    from cxroadmap.ui.document import OpenDocument
    from cxroadmap.ui.views.presentation import PresentationWindow

    app = QApplication(sys.argv)
    show = PresentationWindow(OpenDocument(demo_strategy()))
    show.present(app.screens()[1], presenter=app.screens()[0])
    show.show_step(next(i for i, s in enumerate(show.steps) if s.phase == "Short term"))
    for _ in range(10):
        app.processEvents()
    assert show.presenter is not None
    show.presenter.grab().save(str(OUT / "presenter-view.png"))
    show.close()


if __name__ == "__main__":
    main()
