"""The PowerPoint roadmap shows RAG dots and red measure flags as the PDF does."""

from __future__ import annotations

from pptx import Presentation
from test_pdf_measure_trends import strategy_with_readings
from test_pptx_export import roadmap_slides
from test_rag import _worked

from cxroadmap.common import style
from cxroadmap.export.pptx_deck import export_pptx
from cxroadmap.scheduling.planner import schedule


def _roadmap(strategy, result, path):
    export_pptx(strategy, result, path)
    (slide,) = roadmap_slides(Presentation(str(path)))
    return {shape.name: shape for shape in slide.shapes}


def test_a_tracked_roadmap_slide_has_a_rag_dot_per_initiative_and_their_legend(tmp_path):
    strategy, result = _worked(True)
    shapes = _roadmap(strategy, result, tmp_path / "deck.pptx")
    dots = {name[4:]: s for name, s in shapes.items() if name.startswith("RAG ")}
    assert set(dots) == set("ABCDME")
    assert str(dots["D"].fill.fore_color.rgb) == style.RAG_COLOURS["red"][1:].upper()
    assert str(dots["B"].fill.fore_color.rgb) == style.RAG_COLOURS["amber"][1:].upper()
    assert {"Legend RAG Red", "Legend RAG Amber", "Legend RAG Green"} <= set(shapes)


def test_a_measure_off_track_has_a_red_label(tmp_path):
    strategy = strategy_with_readings()
    shapes = _roadmap(strategy, schedule(strategy), tmp_path / "deck.pptx")
    label = shapes["Measure First-contact resolution"]
    colour = label.text_frame.paragraphs[0].runs[0].font.color.rgb
    assert str(colour) == style.OFF_TRACK[1:].upper()
    assert not any(name.startswith("RAG ") for name in shapes)  # not tracked: no dots
