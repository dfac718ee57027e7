"""The demo deck's roadmap slide at 16:9 and 4:3, as LibreOffice Impress renders it.

Run: python docs/screenshots/take_powerpoint_screenshots.py (needs libreoffice and pdftoppm)
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from launcher import pdf_page

from cxroadmap.content.demo import demo_strategy
from cxroadmap.export.pptx_deck import DeckOptions, export_pptx
from cxroadmap.scheduling.planner import schedule


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    strategy = demo_strategy()
    plan = schedule(strategy)
    for aspect, name in (("16:9", "powerpoint-roadmap"), ("4:3", "powerpoint-roadmap-4x3")):
        deck = folder / f"{name}.pptx"
        export_pptx(strategy, plan, deck, DeckOptions(aspect=aspect))
        subprocess.run(
            ["libreoffice", "--headless", f"-env:UserInstallation=file://{folder}/profile",
             "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
            check=True, capture_output=True,
        )  # fmt: skip
        pdf_page(folder / f"{name}.pdf", name, page=2, dpi=90)


if __name__ == "__main__":
    main()
