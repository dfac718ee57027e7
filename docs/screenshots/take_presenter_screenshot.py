"""The presenter's view for the docs: the demo shown on a 1280x720 projector, the presenter's
view on a 1920x1080 laptop screen (Qt's offscreen platform given two screens; no display).

Run: python docs/screenshots/take_presenter_screenshot.py
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from launcher import settle, snap, start

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
    from cxroadmap.content.demo import demo_strategy
    from cxroadmap.ui.document import OpenDocument
    from cxroadmap.ui.views.presentation import PresentationWindow

    app = start()  # offscreen, as set above: no display needed
    show = PresentationWindow(OpenDocument(demo_strategy()))
    show.present(app.screens()[1], presenter=app.screens()[0])
    show.show_step(next(i for i, s in enumerate(show.steps) if s.phase == "Short term"))
    settle(0)
    assert show.presenter is not None
    snap(show.presenter, "presenter-view", 0)
    show.close()
    app.quit()


if __name__ == "__main__":
    main()
