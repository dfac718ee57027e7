"""The brand kit's font family reaches the PDF, the PowerPoint, images and presentation mode;
a family that cannot be embedded in the PDF falls back to DejaVu Sans, saying so."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from cxroadmap.app import main
from cxroadmap.content.demo import demo_strategy
from cxroadmap.storage.document import write_document
from cxroadmap.ui.views import look

SERIF = "DejaVu Serif"  # installed with fonts-dejavu-core, like the app's own DejaVu Sans


def branded(tmp_path: Path, family: str) -> Path:
    strategy = demo_strategy()
    strategy.brand.font = family
    path = tmp_path / "branded.cxroadmap"
    write_document(path, [strategy])
    return path


def pdf_fonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split()[0].split("+")[-1] for line in out.stdout.splitlines()[2:]]


def test_the_pdf_embeds_the_brand_font_and_keeps_dejavu_for_what_it_lacks(tmp_path):
    out = tmp_path / "deck.pdf"
    assert main(["export", str(branded(tmp_path, SERIF)), "-o", str(out)]) == 0
    fonts = pdf_fonts(out)
    assert "DejaVuSerif" in fonts and "DejaVuSerif-Bold" in fonts
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    embedded = {
        line.split()[0].split("+")[-1]: line.split()[-5] for line in listing.splitlines()[2:]
    }
    assert embedded["DejaVuSerif"] == embedded["DejaVuSerif-Bold"] == "yes"
    # The next export without a brand font is back in DejaVu Sans.
    plain = tmp_path / "plain.pdf"
    write_document(tmp_path / "plain.cxroadmap", [demo_strategy()])
    assert main(["export", str(tmp_path / "plain.cxroadmap"), "-o", str(plain)]) == 0
    assert not any("Serif" in f for f in pdf_fonts(plain))


@pytest.mark.parametrize("family", ["No Such Font 2027", "Brand Sans OTF"])
def test_a_font_the_pdf_cannot_embed_falls_back_to_dejavu_sans_with_a_warning(
    tmp_path, caplog, monkeypatch, family
):
    from cxroadmap.export import brand_fonts

    if family == "Brand Sans OTF":
        # Installed, but as PostScript (CFF) outlines: an OpenType file that starts "OTTO".
        otf = tmp_path / "BrandSans.otf"
        otf.write_bytes(b"OTTO" + bytes(60))
        monkeypatch.setattr(brand_fonts, "brand_font_files", lambda name: (str(otf), str(otf)))
    out = tmp_path / "deck.pdf"
    with caplog.at_level(logging.WARNING):
        assert main(["export", str(branded(tmp_path, family)), "-o", str(out)]) == 0
    # (reportlab's page-opening Helvetica is listed in every PDF, with no text set in it)
    assert set(pdf_fonts(out)) - {"Helvetica"} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert any(family in r.getMessage() and "DejaVu Sans" in r.getMessage() for r in caplog.records)


def test_every_text_of_the_powerpoint_is_in_the_brand_font(tmp_path):
    out = tmp_path / "deck.pptx"
    assert main(["export", str(branded(tmp_path, SERIF)), "-o", str(out)]) == 0
    names = {
        run.font.name
        for slide in Presentation(str(out)).slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert names == {SERIF}


@pytest.mark.parametrize("view", ["timeline", "board", "graph"])
def test_images_are_drawn_in_the_brand_font_and_the_app_keeps_its_own(tmp_path, view):
    out = tmp_path / f"{view}.svg"
    args = ["export", str(branded(tmp_path, SERIF)), "-o", str(out), "--view", view]
    assert main(args) == 0
    svg = out.read_text()
    assert f'font-family="{SERIF}"' in svg and 'font-family="DejaVu Sans"' not in svg
    assert look.family() == "DejaVu Sans"


def test_presentation_mode_and_the_views_use_the_open_documents_brand_font(window, tmp_path):
    assert window.files.open_path(branded(tmp_path, SERIF))
    assert look.family() == SERIF
    show = window.view_commands.start_presenting()
    assert show.title.font().family() == SERIF
    bar = next(iter(show.body.timeline.bars.values()))
    assert bar.owner.text_width(bar.title) == pytest.approx(
        look.QFontMetricsF(look.font(show.body.timeline.metrics.label_pt, True)).horizontalAdvance(
            bar.title
        )
    )
    show.close()
    write_document(tmp_path / "plain.cxroadmap", [demo_strategy()])
    assert window.files.open_path(tmp_path / "plain.cxroadmap")
    assert look.family() == "DejaVu Sans"
    # A family that is not installed leaves the app's own font.
    assert look.use_brand_font("No Such Font 2027") is False and look.family() == "DejaVu Sans"
