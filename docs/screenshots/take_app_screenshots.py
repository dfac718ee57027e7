"""Screenshots of the desktop app's welcome screen, main window and strategy panel.

Run: python docs/screenshots/take_app_screenshots.py (under xvfb-run when there is no display)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from launcher import main_window, snap, start

from cxroadmap.content.demo import demo_strategy
from cxroadmap.storage.document import write_document


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp()) / "Strategies"
    folder.mkdir()
    path = folder / "customer-experience-2027.cxroadmap"
    write_document(path, [demo_strategy()])
    window = main_window(folder)
    window.settings.add_recent(path)
    window.set_document(None)
    window.show()
    snap(window, "welcome", 500)
    window.files.open_path(path)
    window.initiatives.select_key("TR2")
    snap(window, "main-window", 500)
    window.acts["show_strategy"].trigger()
    snap(window, "strategy-panel", 300)
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
