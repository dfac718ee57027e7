"""PDF export: page sizes, the paginated timeline, the one-page overview, axis and pixels."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_samples import large_strategy, page_texts, render_png, small_strategy
from PIL import Image
from pypdf import PdfReader

from cxroadmap.common import style
from cxroadmap.content.demo import demo_strategy
from cxroadmap.export.dateaxis import build_axis
from cxroadmap.export.fonts import text_width, wrap_text
from cxroadmap.export.pdf import PdfOptions, export_pdf, render_pdf
from cxroadmap.export.timeline import plan_timeline
from cxroadmap.scheduling.planner import schedule

MM = 72 / 25.4


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A 300-initiative roadmap, A4 landscape."""
    strategy = large_strategy(300)
    path = tmp_path_factory.mktemp("pdf") / "big.pdf"
    export_pdf(strategy, schedule(strategy), path)
    return path, page_texts(path.read_bytes())


@pytest.mark.parametrize(
    ("page", "portrait", "size_mm"),
    [("A4", False, (297, 210)), ("letter", True, (215.9, 279.4)), ("A3", False, (420, 297))],
)
def test_page_size_and_orientation_follow_the_options(
    page: str, portrait: bool, size_mm: tuple[float, float]
) -> None:
    strategy = small_strategy()
    data = render_pdf(strategy, schedule(strategy), PdfOptions(page=page, portrait=portrait))
    reader = PdfReader(__import__("io").BytesIO(data))
    # Cover, one timeline page and one page for each of the two phases.
    assert len(reader.pages) == 4
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert width == pytest.approx(size_mm[0] * MM, abs=0.5)
        assert height == pytest.approx(size_mm[1] * MM, abs=0.5)


def test_the_demo_roadmap_fits_on_one_page(tmp_path: Path) -> None:
    strategy = demo_strategy()
    pages = page_texts(render_pdf(strategy, schedule(strategy)))
    assert sum(1 for page in pages if page.startswith("Roadmap ")) == 1
    assert "Roadmap (1 of" not in " ".join(pages)


def test_a_300_initiative_roadmap_splits_into_timeline_pages_each_with_axis_and_phases(
    big: tuple[Path, list[str]],
) -> None:
    _, pages = big
    timeline = [page for page in pages if re.match(r"Roadmap \(\d+ of \d+\)", page)]
    count = int(re.match(r"Roadmap \(1 of (\d+)\)", timeline[0]).group(1))
    assert count >= 3 and len(timeline) == count
    for page in timeline:
        assert "PHASE Short term" in page and "Medium term" in page and "Long term" in page
        assert "PILLAR" in page and "2027" in page and "2028" in page
        assert all(month in page for month in ("Jan", "Jun", "Dec"))
        assert "Milestone Critical path Dependency" in page  # the legend, on every page


def test_every_initiative_of_the_300_is_drawn_once_on_the_timeline() -> None:
    strategy = large_strategy(300)
    plan = schedule(strategy)
    chart = plan_timeline(strategy, plan, 770, 500, None)
    drawn = [m.key for page in chart.layout.pages for piece in page.slices for m in piece.marks]
    assert sorted(drawn) == sorted(plan.items)
    for page in chart.layout.pages:
        used = sum(piece.height for piece in page.slices)
        used += chart.layout.lane_gap * (len(page.slices) - 1)
        assert used <= chart.rows_top - 31  # above the legend
        for piece in page.slices:
            for mark in piece.marks:
                lo, hi = mark.extent
                assert 0 <= mark.x0 <= mark.x1 <= chart.layout.width
                assert mark.label_side == "none" or (lo >= -10 and hi <= chart.layout.width)
                assert piece.first_row <= mark.row < piece.first_row + piece.rows


def test_no_word_on_any_page_comes_near_the_paper_edge(big: tuple[Path, list[str]]) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    path, _ = big
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    width, height = float(page.group(1)), float(page.group(2))
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)
    assert len(words) > 1000
    for x0, y0, x1, y1 in ((float(v) for v in w) for w in words):
        assert x0 >= 20 and x1 <= width - 20
        assert y0 >= 20 and y1 <= height - 14


def test_timeline_pages_leave_a_clean_white_margin(
    big: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path, _ = big
    for number in (2, 3):
        png = render_png(str(path), number, 36, str(tmp_path / f"p{number}"))
        if png is None:
            pytest.skip("poppler's pdftoppm is not installed")
        image = Image.open(png).convert("RGB")
        w, h = image.size
        band = round(0.25 * 36)  # a quarter inch of paper on each side, as printers need
        edges = [image.crop(box) for box in ((0, 0, w, band), (0, h - band, w, h))]
        edges += [image.crop((0, 0, band, h)), image.crop((w - band, 0, w, h))]
        for edge in edges:
            assert edge.getextrema() == ((255, 255), (255, 255), (255, 255))


def test_phase_tables_repeat_their_header_row_on_every_page(big: tuple[Path, list[str]]) -> None:
    _, pages = big
    strategy = large_strategy(300)
    plan = schedule(strategy)
    header = "Initiative Pillar Owner Start Finish Duration Slack Status Depends on"
    table_pages = [page for page in pages if "Depends on" in page]
    assert len(table_pages) > len(strategy.phases)  # some phase needed more than one page
    assert all(header in page for page in table_pages)
    text = " ".join(table_pages)
    assert all(item.title in text for item in plan.items.values())


def test_fit_gives_a_one_page_overview_of_a_large_roadmap() -> None:
    strategy = large_strategy(300)
    plan = schedule(strategy)
    pages = page_texts(render_pdf(strategy, plan, PdfOptions(fit=True)))
    assert sum(1 for page in pages if page.startswith("Roadmap overview ")) == 1
    chart = plan_timeline(strategy, plan, 770, 500, None, fit=True)
    assert len(chart.layout.pages) == 1 and chart.layout.row_height < style.ROW_HEIGHT


def test_the_rendered_pages_show_the_accent_panel_and_the_phase_band_colours(
    tmp_path: Path,
) -> None:
    strategy = demo_strategy()
    path = tmp_path / "demo.pdf"
    export_pdf(strategy, schedule(strategy), path, PdfOptions(accent="#7b1fa2"))
    cover = render_png(str(path), 1, 30, str(tmp_path / "cover"))
    if cover is None:
        pytest.skip("poppler's pdftoppm is not installed")
    image = Image.open(cover).convert("RGB")
    accent = sum(
        n
        for n, c in image.getcolors(1 << 20)
        if max(abs(a - b) for a, b in zip(c, (0x7B, 0x1F, 0xA2), strict=True)) <= 2
    )
    assert accent > 0.3 * image.width * image.height  # the panel: 40% of the page

    chart = render_png(str(path), 2, 40, str(tmp_path / "chart"))
    present = {colour for _, colour in Image.open(chart).convert("RGB").getcolors(1 << 20)}
    for index in range(len(strategy.phases)):
        tint = style.hex_rgb(style.mix(style.phase_tint(index), 0.7))
        wanted = tuple(round(255 * c) for c in tint)
        assert any(max(abs(a - b) for a, b in zip(c, wanted, strict=True)) <= 2 for c in present)


@pytest.mark.parametrize(
    ("days", "unit", "first"),
    [(40, "week", "4 Jan"), (540, "month", "January"), (1800, "quarter", "Q1"), (7300, "year", "")],
)
def test_the_date_axis_picks_a_unit_the_span_allows(days: int, unit: str, first: str) -> None:
    start = dt.date(2027, 1, 4)
    axis = build_axis(start, start + dt.timedelta(days=days), 650)
    assert axis.unit == unit
    assert axis.start <= start and axis.end >= start + dt.timedelta(days=days)
    assert all(a.end == b.start for a, b in zip(axis.lower, axis.lower[1:], strict=False))
    if first:
        assert first in axis.lower[0].labels
    if unit == "year":
        assert axis.upper == ()


def test_wrapped_text_never_runs_wider_than_its_box() -> None:
    text = "Define the service vision " + "y" * 500 + " and 顧客体験の研修を実施する " * 3
    lines = wrap_text(text, 90, 7)
    assert len(lines) > 5
    assert all(text_width(line, 7) <= 90 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert wrap_text(text, 90, 7, max_lines=2)[-1].endswith("…")
