"""PDF and PowerPoint labels: shortened at a word, and measure flags' labels never overlap."""

from __future__ import annotations

import itertools

from cxroadmap.content.demo import demo_strategy
from cxroadmap.export.fonts import ELLIPSIS, fit_text, font_set, text_width
from cxroadmap.export.timeline import plan_timeline
from cxroadmap.scheduling.planner import schedule

FLAG = "Customer effort score (1-7, lower is better)"


def test_fit_text_ends_at_a_word_and_cuts_a_lone_word_only_when_asked():
    font_set()
    room = text_width("Customer effort score (1-7, lower is bett…", 6)
    assert fit_text(FLAG, room, 6) == "Customer effort score (1-7, lower is…"
    assert fit_text(FLAG, text_width(FLAG, 6), 6) == FLAG
    word = "Supercalifragilisticexpialidocious"
    half = text_width(word, 6) / 2
    assert fit_text(word, half, 6).endswith(ELLIPSIS) and len(fit_text(word, half, 6)) > 3
    assert fit_text(word, half, 6, whole_words=True) == ""


def test_measure_labels_in_the_pdf_strip_are_cut_at_a_word_and_never_overlap():
    font_set()
    strategy = demo_strategy()
    chart = plan_timeline(strategy, schedule(strategy), 780, 500, None)
    dated = {m.name for m in strategy.measures if m.target_date}
    assert {f.name for f in chart.strip} == dated and len(dated) >= 3
    shown = [f for f in chart.strip if f.level >= 0]
    for flag in shown:
        assert chart.chart_x <= flag.left and flag.right <= chart.width
        if flag.label != flag.name:
            head = flag.label.removesuffix(ELLIPSIS)
            assert flag.name.startswith(head) and flag.name[len(head)] in " ,;:·-(", flag.label
    for a, b in itertools.combinations(shown, 2):
        assert a.level != b.level or a.right <= b.left or b.right <= a.left, (a.label, b.label)
