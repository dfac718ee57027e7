"""PowerPoint export: native shapes read back with python-pptx, opened by LibreOffice headless."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pdf_samples import large_strategy
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from test_cli import cli

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.errors import ValidationError
from cxroadmap.export.pptx_deck import DeckOptions, export_pptx
from cxroadmap.scheduling.planner import schedule


def texts_of(slide) -> list[str]:
    """Every text on the slide: shapes and table cells."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def roadmap_slides(deck) -> list:
    return [s for s in deck.slides if s.shapes.title.text.startswith("Roadmap")]


def test_the_demo_deck_has_every_slide_and_every_title_as_editable_text(tmp_path):
    strategy = demo_strategy()
    out = tmp_path / "deck.pptx"
    done = cli("demo", "-o", str(tmp_path / "demo.cxroadmap"))
    assert done.returncode == 0, done.stderr
    done = cli("export", str(tmp_path / "demo.cxroadmap"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out}"
    deck = Presentation(str(out))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 16:9
    titles = [slide.shapes.title.text for slide in deck.slides]
    # Title, the roadmap on one slide, a slide per phase, touchpoints (two slides of
    # initiative columns) and measures.
    assert titles == [
        strategy.name, "Roadmap", "Short term", "Medium term", "Long term",
        "Touchpoint matrix (1 of 2)", "Touchpoint matrix (2 of 2)", "Measures",
    ]  # fmt: skip
    everything = " ".join(t for slide in deck.slides for t in texts_of(slide))
    for ini in strategy.initiatives.values():
        assert ini.title in everything, ini.title
    for measure in strategy.measures:
        assert measure.name in everything
    (roadmap,) = roadmap_slides(deck)
    kinds = {shape.shape_type for shape in roadmap.shapes}
    assert MSO_SHAPE_TYPE.PICTURE not in kinds
    names = [shape.name for shape in roadmap.shapes]
    marks = [n for n in names if n.startswith(("Bar ", "Milestone "))]
    assert sorted(n.split(" ", 1)[1] for n in marks) == sorted(strategy.initiatives)
    assert sum(n.startswith("Phase band ") for n in names) == len(strategy.phases)
    assert any(n.startswith("Legend ") for n in names)
    assert any(n.startswith("Lane label ") for n in names)
    fonts = {
        run.font.name
        for shape in roadmap.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
    }
    assert fonts == {"Arial"}


def test_4_3_on_request_and_a_bad_aspect_is_refused_by_name(tmp_path):
    strategy = demo_strategy()
    plan = schedule(strategy)
    export_pptx(strategy, plan, tmp_path / "a.pptx", DeckOptions(aspect="4:3"))
    deck = Presentation(str(tmp_path / "a.pptx"))
    assert (deck.slide_width, deck.slide_height) == (9144000, 6858000)
    with pytest.raises(ValidationError, match="--aspect"):
        export_pptx(strategy, plan, tmp_path / "b.pptx", DeckOptions(aspect="21:9"))
    assert not (tmp_path / "b.pptx").exists()
    done = cli("demo", "-o", str(tmp_path / "d.cxroadmap"))
    done = cli("export", str(tmp_path / "d.cxroadmap"), "-o", str(tmp_path / "c.pptx"),
               "--aspect", "5:4")  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["error: --aspect: expected 16:9 or 4:3, got '5:4'"]
    assert not (tmp_path / "c.pptx").exists()


def test_a_large_roadmap_is_split_over_slides_and_keeps_every_title(tmp_path):
    strategy = large_strategy(300)
    export_pptx(strategy, schedule(strategy), tmp_path / "big.pptx")
    deck = Presentation(str(tmp_path / "big.pptx"))
    slides = roadmap_slides(deck)
    assert len(slides) > 1
    assert slides[0].shapes.title.text == f"Roadmap (1 of {len(slides)})"
    on_roadmap = [
        shape.name.split(" ", 1)[1]
        for slide in slides
        for shape in slide.shapes
        if shape.name.startswith(("Bar ", "Milestone "))
    ]
    assert sorted(on_roadmap) == sorted(strategy.initiatives)  # each once, none lost
    everything = " ".join(t for slide in deck.slides for t in texts_of(slide))
    for ini in strategy.initiatives.values():
        assert ini.title in everything
    height = deck.slide_height
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.top + shape.height <= height + 12700, (slide.shapes.title.text, shape.name)


def test_libreoffice_opens_the_deck_and_converts_it_to_pdf(tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (Debian libreoffice-impress) is installed by .ci/setup"
    strategy = demo_strategy()
    out = tmp_path / "deck.pptx"
    export_pptx(strategy, schedule(strategy), out)
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: parallel runs do not clash
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "deck.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert int(pages.split()[1]) == len(Presentation(str(out)).slides)
    text = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Roadmap" in text and "Define the service vision and mission" in text
