"""On the PDF's roadmap no line runs through a title: the critical path passes under them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from cxroadmap.content.demo import demo_strategy
from cxroadmap.export.pdf import export_pdf
from cxroadmap.scheduling.planner import schedule

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')


def test_no_red_critical_line_crosses_a_word_on_the_roadmap_page(tmp_path: Path, qapp):
    strategy = demo_strategy()
    pdf = tmp_path / "demo.pdf"
    export_pdf(strategy, schedule(strategy), pdf)
    args = ["-f", "2", "-l", "2"]
    subprocess.run(
        ["pdftotext", *args, "-bbox", str(pdf), str(tmp_path / "words.html")], check=True
    )
    words = WORD.findall((tmp_path / "words.html").read_text())
    assert len(words) > 200
    # One pixel per point, so the word boxes pdftotext gives are pixel boxes.
    subprocess.run(
        ["pdftoppm", *args, "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(tmp_path / "p.png"))
    crossed = []
    for x0, y0, x1, y1, text in words:
        left, top, right, bottom = (round(float(v)) for v in (x0, y0, x1, y1))
        for y in range(top + 1, bottom - 1):
            for x in range(left + 1, right - 1):
                c = QColor(image.pixel(x, y))
                if c.red() > 150 and c.green() < 80 and c.blue() < 100:
                    crossed.append(text)
                    break
            else:
                continue
            break
    assert crossed == []
