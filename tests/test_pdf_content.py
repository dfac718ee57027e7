"""PDF export: what the pages say, fonts, user text made safe, metadata and reproducible bytes."""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pdf_samples import page_texts, small_strategy
from pypdf import PdfReader

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.export.fonts import font_set
from cxroadmap.export.pdf import PdfOptions, export_pdf, render_pdf
from cxroadmap.scheduling.planner import schedule

EPOCH = "1809993600"  # 2027-05-11, inside the demo's span


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "demo.pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        strategy = demo_strategy()
        export_pdf(strategy, schedule(strategy), path)
    return path


def nasty_strategy():
    strategy = small_strategy()
    strategy.initiatives["A"].title = 'Café <b>service</b> & "moments of truth"'
    strategy.initiatives["B"].title = "x" * 10_000
    strategy.initiatives["C"].title = "Ελληνικά και Кириллица: обучение"
    strategy.initiatives["D"].title = "顧客体験の研修 training 客户体验"
    strategy.name = "N" * 10_000
    strategy.owner = "Zoë <owner> & co"
    strategy.values = ["<para>", "</para> a<b and c>d", "z" * 3000]
    strategy.vision = "Line one\nLine <br> two & R&D"
    return strategy


def test_the_demo_pdf_names_every_initiative_every_phase_and_the_legend(demo_pdf: Path) -> None:
    strategy = demo_strategy()
    text = " ".join(page_texts(demo_pdf.read_bytes()))
    missing = [i.title for i in strategy.initiatives.values() if i.title not in text]
    assert missing == []
    for phase in strategy.phase_names():
        assert phase in text
    for pillar in {pillar_label(i.pillar) for i in strategy.initiatives.values()}:
        assert pillar in text
    for symbol in ("Milestone", "Critical path", "Dependency", "Today (11 May 2027)"):
        assert symbol in text


def test_the_cover_shows_name_level_owner_dates_vision_mission_values_and_generated_date(
    demo_pdf: Path,
) -> None:
    strategy = demo_strategy()
    plan = schedule(strategy)
    cover = page_texts(demo_pdf.read_bytes())[0]
    assert strategy.name in cover
    assert "Organisation-level strategy" in cover
    assert f"Owner: {strategy.owner}" in cover
    first = f"{plan.start.day} {plan.start.strftime('%B')} {plan.start.year}"
    assert first in cover
    assert strategy.vision.split()[0] in cover and strategy.mission.split()[-1] in cover
    for value in strategy.values:
        assert value in cover
    assert "Generated 11 May 2027" in cover


def test_phase_pages_list_each_initiative_with_its_columns_and_the_critical_path_in_order(
    demo_pdf: Path,
) -> None:
    strategy = demo_strategy()
    plan = schedule(strategy)
    pages = page_texts(demo_pdf.read_bytes())
    first_phase = strategy.phase_names()[0]
    page = next(p for p in pages if p.startswith(f"{first_phase} "))
    for header in ("Initiative", "Pillar", "Owner", "Start", "Finish", "Duration", "Slack"):
        assert header in page
    assert "Status" in page and "Depends on" in page
    assert "Critical path in this phase, in order" in page
    chain = [plan.items[k] for k in plan.critical_path if plan.items[k].phase == first_phase]
    listed = page.split("Critical path in this phase, in order")[1]
    listed = listed.split("All initiatives in this phase")[0]
    positions = [listed.index(item.title) for item in chain]
    assert positions == sorted(positions) and len(chain) >= 2


def test_every_font_is_embedded_and_is_dejavu_or_the_cjk_font(tmp_path: Path) -> None:
    data = render_pdf(nasty_strategy(), schedule(nasty_strategy()))
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())
    assert any("DejaVuSans" in name for name in fonts)
    if shutil.which("pdffonts"):
        path = tmp_path / "fonts.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(" yes " in row for row in rows)


def test_markup_in_user_text_prints_literally_without_an_exception() -> None:
    strategy = nasty_strategy()
    text = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert 'Café <b>service</b> & "moments of truth"' in text
    assert "Zoë <owner> & co" in text
    assert "<para>" in text and "</para> a<b and c>d" in text
    assert "Line <br> two & R&D" in text


def test_a_ten_thousand_character_unbroken_title_is_cut_not_fatal(tmp_path: Path) -> None:
    strategy = nasty_strategy()
    path = tmp_path / "long.pdf"
    export_pdf(strategy, schedule(strategy), path)
    pages = page_texts(path.read_bytes())
    assert any("x" * 40 in page for page in pages)
    assert all("x" * 2000 not in page for page in pages)  # shortened with an ellipsis
    assert "N" * 12 in pages[0] and "N" * 2000 not in pages[0]
    assert all(("N" * 60) in page and "N…" in page for page in pages[1:])  # the headers


def test_greek_cyrillic_and_cjk_print_as_themselves() -> None:
    if font_set().cjk is None:
        pytest.skip("no TrueType CJK font installed here (reportlab cannot embed CFF fonts)")
    strategy = nasty_strategy()
    text = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert "Ελληνικά και Кириллица: обучение" in text
    assert "顧客体験の研修 training 客户体验" in text
    assert "\ufffd" not in text


def test_without_a_cjk_font_cjk_prints_as_replacement_marks_and_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("CXROADMAP_CJK_FONT", "none")
    assert font_set().cjk is None
    strategy = nasty_strategy()
    with caplog.at_level(logging.WARNING):
        text = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert "Ελληνικά και Кириллица: обучение" in text
    assert "顧" not in text and "\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd training" in text
    assert "no installed font can draw" in caplog.text


def test_metadata_names_the_title_author_and_subject(demo_pdf: Path) -> None:
    strategy = demo_strategy()
    info = PdfReader(demo_pdf).metadata
    assert info.title == strategy.name
    assert info.author == strategy.owner
    assert info.subject == f"Customer-experience roadmap: {strategy.name}"
    assert info["/CreationDate"].startswith("D:20270511")


def test_the_title_option_replaces_the_title_on_the_cover_headers_and_metadata() -> None:
    strategy = small_strategy()
    data = render_pdf(strategy, schedule(strategy), PdfOptions(title="Board pack <draft>"))
    pages = page_texts(data)
    assert pages[0].count("Board pack <draft>") == 1 and strategy.name in pages[0]
    assert all("Board pack <draft>" in page for page in pages[1:])
    assert PdfReader(io.BytesIO(data)).metadata.title == "Board pack <draft>"


def test_headers_and_footers_carry_the_name_and_page_x_of_y(demo_pdf: Path) -> None:
    pages = page_texts(demo_pdf.read_bytes())
    name = demo_strategy().name
    for number, page in enumerate(pages[1:], start=2):
        assert f"{name} {name} · generated 11 May 2027 Page {number} of {len(pages)}" in page


def test_the_same_input_gives_the_same_bytes_with_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    strategy = demo_strategy()
    first = render_pdf(strategy, schedule(strategy))
    assert render_pdf(demo_strategy(), schedule(demo_strategy())) == first
    # Another process with another hash seed: no set or dict order may leak into the file.
    script = textwrap.dedent(
        f"""
        from cxroadmap.content.demo import demo_strategy
        from cxroadmap.export.pdf import export_pdf
        from cxroadmap.scheduling.planner import schedule
        s = demo_strategy()
        export_pdf(s, schedule(s), {str(tmp_path / "other.pdf")!r})
        """
    )
    env = dict(os.environ, PYTHONHASHSEED="12345", SOURCE_DATE_EPOCH=EPOCH)
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    assert (tmp_path / "other.pdf").read_bytes() == first
