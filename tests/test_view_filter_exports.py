"""One saved view for every export (--view-filter NAME) and the brand kit on each deliverable."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest
from pdf_samples import page_texts
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from test_cli import cli

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.view_filter import ViewFilter
from cxroadmap.scheduling.filtered import apply_view
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
TRAINING = ViewFilter("Training only", pillars=["Training"])
LEARNING = ViewFilter("Learning team", owners=["learning team"], show_today=False)


@pytest.fixture
def document(tmp_path):
    strategy = demo_strategy()
    strategy.views = [TRAINING, LEARNING]
    strategy.brand = BrandKit("Acme Telecom", PNG, "#0b6e4f", {"training": "#ff8800"}, "Georgia")
    path = tmp_path / "branded.cxroadmap"
    write_document(path, [strategy])
    return path, strategy


def titles_where(strategy, view):
    narrowed, _ = apply_view(strategy, schedule(strategy), view)
    shown = {i.title for i in narrowed.initiatives.values()}
    return shown, {i.title for i in strategy.initiatives.values()} - shown


def test_a_view_narrows_the_roadmap_and_keeps_the_full_plans_dates():
    strategy = demo_strategy()
    plan = schedule(strategy)
    narrowed, part = apply_view(strategy, plan, TRAINING)
    assert sorted(narrowed.initiatives) == sorted(
        k for k, i in strategy.initiatives.items() if i.pillar == "training"
    )
    assert all(part.items[k] == plan.items[k] for k in part.items)  # nothing moved
    assert all(d.from_key in part.items and d.to_key in part.items for d in narrowed.dependencies)
    critical, _ = apply_view(strategy, plan, ViewFilter("c", critical_only=True))
    assert set(critical.initiatives) == {k for k, i in plan.items.items() if i.critical}
    texts, _ = apply_view(strategy, plan, ViewFilter("t", text="FRONTLINE", statuses=["planned"]))
    assert all("frontline" in i.title.lower() or "frontline" in i.description.lower()
               for i in texts.initiatives.values())  # fmt: skip
    hidden, _ = apply_view(strategy, plan, ViewFilter("x", show_links=False, show_measures=False))
    assert hidden.dependencies == [] and hidden.measures == []


def test_the_powerpoint_shows_only_the_view_in_the_brand(document, tmp_path):
    path, strategy = document
    out = tmp_path / "deck.pptx"
    done = cli("export", str(path), "-o", str(out), "--view-filter", "training ONLY")
    assert done.returncode == 0, done.stderr
    deck = Presentation(str(out))
    shown, hidden = titles_where(strategy, TRAINING)
    roadmap = next(s for s in deck.slides if s.shapes.title.text == "Roadmap")
    bars = [s for s in roadmap.shapes if s.name.startswith(("Bar ", "Milestone "))]
    assert {strategy.initiatives[s.name.split(" ", 1)[1]].title for s in bars} == shown
    texts = " ".join(
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes
        if shape.has_text_frame
    )  # fmt: skip
    assert not any(title in texts for title in hidden)
    # The brand kit: client, logo, accent, the pillar's colour and the font.
    first = deck.slides[0]
    assert "Prepared for Acme Telecom" in first.placeholders[1].text_frame.text
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in first.shapes)
    run = first.shapes.title.text_frame.paragraphs[0].runs[0]
    assert (str(run.font.color.rgb), run.font.name) == ("0B6E4F", "Georgia")
    assert {str(bar.fill.fore_color.rgb) for bar in bars if "Milestone" not in bar.name} == {
        "FF8800"
    }
    assert not any(s.name == "Today" for s in roadmap.shapes)  # the view hides nothing of it
    done = cli(
        "export", str(path), "-o", str(tmp_path / "l.pptx"), "--view-filter", "Learning team"
    )
    assert done.returncode == 0, done.stderr
    roadmap = next(s for s in Presentation(str(tmp_path / "l.pptx")).slides
                   if s.shapes.title.text == "Roadmap")  # fmt: skip
    assert not any(s.name == "Today" for s in roadmap.shapes)  # show_today off


def test_the_pdf_shows_only_the_view(document, tmp_path):
    path, strategy = document
    out = tmp_path / "plan.pdf"
    done = cli("export", str(path), "-o", str(out), "--view-filter", "Learning team")
    assert done.returncode == 0, done.stderr
    text = " ".join(page_texts(out.read_bytes()))
    shown, hidden = titles_where(strategy, LEARNING)
    assert shown and all(title in text for title in shown)
    assert not any(title in text for title in hidden)


@pytest.mark.parametrize("view", ["timeline", "board", "graph"])
def test_images_show_only_the_view_in_the_brands_colours(document, tmp_path, view):
    path, strategy = document
    out = tmp_path / f"{view}.svg"
    done = cli(
        "export", str(path), "-o", str(out), "--view", view, "--view-filter", "Training only"
    )
    assert done.returncode == 0, done.stderr
    root = ET.parse(out).getroot()
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    shown, hidden = titles_where(strategy, TRAINING)
    assert any(title in texts for title in shown)
    assert not any(title in texts for title in hidden)
    assert "#ff8800" in out.read_text(encoding="utf-8").lower()


def test_an_unknown_view_or_a_data_format_is_refused_and_nothing_is_written(document, tmp_path):
    path, _ = document
    done = cli("export", str(path), "-o", str(tmp_path / "x.pptx"), "--view-filter", "Nope")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: --view-filter: no saved view named 'Nope' (views: Training only, Learning team)"
    )
    done = cli("export", str(path), "-o", str(tmp_path / "x.csv"), "--view-filter", "Training only")
    assert done.returncode == 2 and "--view-filter" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["branded.cxroadmap"]
