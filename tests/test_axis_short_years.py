"""A date axis too narrow for "Q1 2027" keeps the year short ("Q1 '27") before dropping it."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from cxroadmap.ui.views.date_axis import tick_label
from cxroadmap.ui.views.look import font


def test_a_label_shortens_to_its_short_year_then_to_its_first_word(qapp):
    metrics = QFontMetrics(font(13, bold=True))
    full, short, bare = (metrics.horizontalAdvance(t) for t in ("Q1 2027", "Q1 '27", "Q1"))
    assert bare < short < full
    assert tick_label(metrics, "Q1 2027", full + 1) == "Q1 2027"
    assert tick_label(metrics, "Q1 2027", short + 1) == "Q1 '27"
    assert tick_label(metrics, "Jan 2028", metrics.horizontalAdvance("Jan '28")) == "Jan '28"
    assert tick_label(metrics, "Q1 2027", bare + 1) == "Q1"
    assert tick_label(metrics, "Q1 2027", bare - 1) == ""
    assert tick_label(metrics, "Feb", metrics.horizontalAdvance("F")) == "F"
