"""PDF and PowerPoint labels: shortened at a word, and measure flags' labels never overlap."""

from __future__ import annotations

from cxroadmap.content.demo import demo_strategy
from cxroadmap.export.fonts import ELLIPSIS, fit_text, font_set, text_width
from cxroadmap.export.timeline import flag_rooms, plan_timeline
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


def test_measure_flags_share_the_chart_and_their_labels_never_overlap():
    font_set()
    strategy = demo_strategy()
    chart = plan_timeline(strategy, schedule(strategy), 780, 500, None)
    rooms = flag_rooms(chart)
    dated = {m.target_date for m in strategy.measures if m.target_date}
    assert len(rooms) == len(dated) >= 3  # one flag per date, names joined
    xs = [x for x, _, _ in rooms]
    assert xs == sorted(xs)
    for (x, measures, room), following in zip(rooms, [*xs[1:], chart.width], strict=True):
        assert room == following - x
        names = " · ".join(measures)
        label = fit_text(names, min(120, room - 10), 6, whole_words=True)
        assert x + 7 + text_width(label, 6) <= following  # ends before the next flag
        if label and label != names:
            head = label.removesuffix(ELLIPSIS)
            assert names.startswith(head) and names[len(head)] in " ,;:·-(", label
