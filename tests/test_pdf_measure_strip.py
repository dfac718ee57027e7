"""The PDF timeline's measure labels, from the drawing: in a strip under the lanes headed
MEASURES, no label overlapping another, a bar or a milestone, and no line through a label."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from test_pptx_label_geometry import TODAY, crowded, overlap

from cxroadmap.content.demo import demo_strategy
from cxroadmap.export import marks, measure_strip, pdf_measures
from cxroadmap.export.fonts import font_set, text_width
from cxroadmap.export.pdf import export_pdf
from cxroadmap.export.timeline import plan_timeline
from cxroadmap.scheduling.planner import schedule

Box = tuple[float, float, float, float]


class Recording(Canvas):  # type: ignore[misc]
    """A canvas that keeps where bars and vertical lines were drawn (page points, y up)."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.bars: list[Box] = []
        self.lines: list[Box] = []

    def roundRect(self, x, y, width, height, radius, stroke=1, fill=0):
        self.bars.append((x, y, x + width, y + height))
        super().roundRect(x, y, width, height, radius, stroke, fill)

    def line(self, x1, y1, x2, y2):
        if x1 == x2:
            self.lines.append((x1, min(y1, y2), x1, max(y1, y2)))
        super().line(x1, y1, x2, y2)


def drawn(monkeypatch, strategy, width=780.0, height=500.0, fit=False):
    """The chart, the canvas it was drawn on, the measure texts and the milestones' boxes."""
    font_set()
    chart = plan_timeline(strategy, schedule(strategy), width, height, TODAY, fit)
    texts: list[tuple[str, Box]] = []
    diamonds: list[Box] = []

    def record_text(canvas, x, y, text, size, bold=False, anchor="start"):
        wide = text_width(text, size, bold)
        texts.append((text, (x, y - size * 0.25, x + wide, y + size * 0.8)))
        return real_text(canvas, x, y, text, size, bold, anchor)

    def record_diamond(canvas, x, y, r, stroke):
        diamonds.append((x - r, y - r, x + r, y + r))
        real_diamond(canvas, x, y, r, stroke)

    real_text, real_diamond = pdf_measures.draw_text, marks._diamond
    monkeypatch.setattr(pdf_measures, "draw_text", record_text)
    monkeypatch.setattr(marks, "_diamond", record_diamond)
    canvas = Recording()
    for index in range(chart.pages):
        chart.draw_page(canvas, index)
    return chart, canvas, texts, diamonds


def crossing(line: Box, box: Box) -> bool:
    return box[0] < line[0] < box[2] and line[1] < box[3] and box[1] < line[3]


@pytest.mark.parametrize("fit", [False, True], ids=["pages", "overview"])
@pytest.mark.parametrize("size", [(780.0, 500.0), (540.0, 700.0)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("make", [demo_strategy, crowded], ids=["demo", "crowded"])
def test_measure_labels_sit_in_their_strip_clear_of_each_other_the_bars_and_the_lines(
    monkeypatch, make, size, fit
):
    strategy = make()
    chart, canvas, texts, diamonds = drawn(monkeypatch, strategy, *size, fit=fit)
    pages = chart.pages
    caption, *labels = texts[: len(texts) // pages]  # every page draws the same strip
    assert caption[0] == "MEASURES" and caption[1][2] <= chart.chart_x
    top, bottom = chart.rows_bottom, chart.rows_bottom - measure_strip.height(chart.strip)
    assert bottom > 0
    dated = {m.name for m in strategy.measures if m.target_date is not None}
    shown = {f.name for f in chart.strip if f.level >= 0 and f.name}
    hidden = {name for f in chart.strip for name in f.more}
    assert shown | hidden == dated and not shown & hidden
    assert len(labels) == sum(1 for f in chart.strip if f.level >= 0)
    for text, box in labels:
        assert bottom <= box[1] and box[3] <= top, text  # inside the strip, under the lanes
        assert chart.chart_x <= box[0] and box[2] <= chart.width, text
    problems = [f"{a} overlaps {b}" for (a, p), (b, q) in itertools.combinations(labels, 2)
                if overlap(p, q)]  # fmt: skip
    # Bars and milestones above the legend (its symbols are small bars too) end above the strip.
    marks_drawn = [b for b in canvas.bars + diamonds if b[3] > bottom]
    assert marks_drawn and all(b[1] >= top for b in marks_drawn)
    pairs = itertools.product(labels, marks_drawn)
    problems += [f"{t} overlaps a mark at {m}" for (t, b), m in pairs if overlap(b, m)]
    problems += [f"a line at x={line[0]:.1f} crosses {t}" for line, (t, b)
                 in itertools.product(canvas.lines, labels) if crossing(line, b)]  # fmt: skip
    assert problems == []
    more = [text for text, _ in labels if text.startswith("+") and text.endswith(" more")]
    assert bool(more) == any(f.level < 0 for f in chart.strip)
    if make is crowded:
        assert any(text.endswith("…") for text, _ in labels)  # cut at a word
        assert bool(more) == (size[0] < 600)  # five levels are not enough on a narrow page


def test_the_exported_pdf_heads_the_strip_and_names_the_measures(tmp_path):
    strategy = demo_strategy()
    out = tmp_path / "plan.pdf"
    export_pdf(strategy, schedule(strategy), out)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
    [first, *_] = [p for p in pages if "MEASURES" in p and "PHASE" in p]  # the timeline's pages
    for measure in strategy.measures:
        if measure.target_date is not None and measure.target_date < dt.date(2029, 1, 1):
            assert measure.name.split()[0] in first
