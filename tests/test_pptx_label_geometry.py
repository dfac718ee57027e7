"""The roadmap slide's labels, read back from the .pptx shapes: no two label boxes overlap, no
label covers a bar or a milestone, and no measure or today line runs through a label."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.util import Emu
from test_pptx_export import roadmap_slides

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy
from cxroadmap.export import measure_strip
from cxroadmap.export.pptx_deck import DeckOptions, export_pptx
from cxroadmap.scheduling.planner import schedule

TODAY = dt.date(2027, 9, 15)


def boxes(slide, *prefixes: str) -> dict[str, tuple[float, float, float, float]]:
    """Name -> (left, top, right, bottom) in points of the slide's shapes named `prefix...`."""
    out = {}
    for shape in slide.shapes:
        if shape.name.startswith(prefixes):
            left, top = Emu(shape.left).pt, Emu(shape.top).pt
            box = (left, top, left + Emu(shape.width).pt, top + Emu(shape.height).pt)
            out[f"{shape.name} #{shape.shape_id}" if shape.name in out else shape.name] = box
    return out


def overlap(a, b) -> bool:
    """Whether two boxes share any area (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def crossing(line, box) -> bool:
    """Whether a vertical line (a box of no width) runs through the box."""
    return box[0] < line[0] < box[2] and line[1] < box[3] and box[1] < line[3]


def problems(slide) -> list[str]:
    lines = boxes(slide, "Measure line ", "Measures more line", "Today line")
    labels = boxes(slide, "Measure ", "Measures more ", "Title ")
    labels = {k: v for k, v in labels.items() if k not in lines}
    marks = boxes(slide, "Bar ", "Milestone ")
    found = [f"{a} overlaps {b}" for (a, p), (b, q) in itertools.combinations(labels.items(), 2)
             if overlap(p, q)]  # fmt: skip
    for (name, box), (mark, where) in itertools.product(labels.items(), marks.items()):
        # A title written inside its own bar is meant to sit on it.
        inside = name.startswith("Title ") and name[6:] == mark.split(" ", 1)[1]
        if overlap(box, where) and not inside:
            found.append(f"{name} overlaps {mark}")
    for (line, at), (name, box) in itertools.product(lines.items(), labels.items()):
        if crossing(at, box):
            found.append(f"{line} crosses {name}")
    return found


def crowded() -> Strategy:
    """The demo with eight more measures, five of them due on one day and three close by."""
    strategy = demo_strategy()
    due = [dt.date(2028, 6, 30)] * 5 + [dt.date(2027, 6, 1), dt.date(2027, 6, 8), TODAY]
    for number, day in enumerate(due):
        name = f"Extra measure number {number} with a long descriptive name"
        strategy.measures.append(Measure(f"X{number}", name, "%", 10, 20, day))
    return strategy


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("make", [demo_strategy, crowded], ids=["demo", "crowded"])
def test_no_label_overlaps_another_label_or_a_bar_and_no_line_crosses_one(tmp_path, aspect, make):
    strategy = make()
    path = tmp_path / "deck.pptx"
    export_pptx(strategy, schedule(strategy), path, DeckOptions(aspect=aspect, today=TODAY))
    slides = roadmap_slides(Presentation(str(path)))
    for slide in slides:
        assert problems(slide) == []
        assert boxes(slide, "Today line")  # the check above had a line to look at
    # Every measure has its line, and its label or a place in its day's "+N more" label.
    shapes = {s.name: s for s in slides[0].shapes}
    more = [s for name, s in shapes.items() if name.startswith("Measures more ")]
    more = [s for s in more if s.has_text_frame]
    told = " ".join(s._element.nvSpPr.cNvPr.get("descr") for s in more)
    for measure in strategy.measures:
        assert f"Measure line {measure.name}" in shapes
        assert f"Measure {measure.name}" in shapes or measure.name in told
    if make is demo_strategy:  # room for every label
        assert not more
    else:
        assert [s.text_frame.text for s in more] == [f"+{told.count(';') + 1} more"]


def test_the_check_sees_an_overlap(tmp_path):
    """The geometry check itself: a label moved onto another is reported."""
    strategy = demo_strategy()
    path = tmp_path / "deck.pptx"
    export_pptx(strategy, schedule(strategy), path)
    deck = Presentation(str(path))
    (slide,) = roadmap_slides(deck)
    shapes = {s.name: s for s in slide.shapes}
    moved, target = shapes["Measure Net promoter score"], shapes["Title TR1"]
    moved.left, moved.top = target.left, target.top
    assert problems(slide) == ["Title TR1 overlaps Measure Net promoter score"]


def test_a_shortened_measure_label_keeps_its_full_name_in_alt_text_and_notes(tmp_path):
    strategy = demo_strategy()
    path = tmp_path / "deck.pptx"
    export_pptx(strategy, schedule(strategy), path)
    (slide,) = roadmap_slides(Presentation(str(path)))
    name = "Customer effort score (1-7, lower is better)"
    label = next(s for s in slide.shapes if s.name == f"Measure {name}")
    assert label.text_frame.text != name  # no room for all of it
    assert label.text_frame.text.endswith("…")
    assert name.startswith(label.text_frame.text[:-1])
    alt = label._element.nvSpPr.cNvPr.get("descr")
    assert alt == f"{name}: target date 30 Jun 2028"
    notes = slide.notes_slide.notes_text_frame.text
    assert f"- 30 Jun 2028: {name}" in notes.splitlines()
    for measure in strategy.measures:
        assert measure.name in notes


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 60)), max_size=14))
def test_the_strip_never_overlaps_labels_nor_runs_a_line_through_one(flags):
    start = dt.date(2027, 1, 1)
    dated = [(start + dt.timedelta(days=d), f"m{n} " + "word " * (w % 9) + "x" * w, 10.0 * d)
             for n, (d, w) in enumerate(flags)]  # fmt: skip
    placed = measure_strip.place(dated, 0.0, 400.0)
    named = [f.name for f in placed if f.name]
    assert sorted(named) == sorted(name for _, name, _ in dated)
    shown = [f for f in placed if f.level >= 0]
    for flag in shown:
        assert flag.left >= 0.0 and flag.right <= 400.0
        assert not flag.left < flag.x < flag.right  # beside its own line
    for a, b in itertools.combinations(shown, 2):
        if a.level == b.level:
            assert a.right <= b.left or b.right <= a.left
        for upper, lower in ((a, b), (b, a)):  # a line reaching `lower` passes `upper`'s level
            if upper.level <= lower.level:
                assert not upper.left < lower.x < upper.right
    # A flag without a label of its own is counted by its day's "+N more" label, if any.
    for more in (f for f in placed if f.more):
        hidden = {f.name for f in placed if f.level < 0 and f.x == more.x}
        assert set(more.more) == hidden and more.label == f"+{len(hidden)} more"
