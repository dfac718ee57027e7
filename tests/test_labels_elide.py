"""Labels are shortened at a word, never inside one, and keep their full text in a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from cxroadmap.ui.views.look import ELLIPSIS, elide, font, wrap

FLAG = "Customer effort score (1-7, lower is better)"


@pytest.fixture
def metrics(qapp) -> QFontMetricsF:
    return QFontMetricsF(font(10))


def is_word_cut(full: str, shown: str) -> bool:
    """`shown` is `full`, or whole words of it and an ellipsis."""
    if shown == full:
        return True
    head = shown.removesuffix(ELLIPSIS)
    return shown.endswith(ELLIPSIS) and full.startswith(head) and full[len(head)] in " ,;:-–(/"


def test_a_label_that_fits_is_left_alone_and_one_that_does_not_ends_at_a_word(metrics):
    assert elide(metrics, FLAG, metrics.horizontalAdvance(FLAG)) == FLAG
    for width in range(40, int(metrics.horizontalAdvance(FLAG)), 7):
        shown = elide(metrics, FLAG, width)
        assert metrics.horizontalAdvance(shown) <= width, (width, shown)
        if metrics.horizontalAdvance("Customer" + ELLIPSIS) <= width:
            assert is_word_cut(FLAG, shown), (width, shown)
    # "lower is bett…" was what the flags showed: now the cut comes before "better".
    room = metrics.horizontalAdvance("Customer effort score (1-7, lower is bett…")
    assert elide(metrics, FLAG, room) == "Customer effort score (1-7, lower is…"
    # A trailing comma or bracket goes with the cut word.
    room = metrics.horizontalAdvance("Customer effort score (1-7, low…")
    assert elide(metrics, FLAG, room) == "Customer effort score (1-7…"


def test_a_single_word_too_long_is_cut_inside_only_because_nothing_else_would_show(metrics):
    word = "Supercalifragilisticexpialidocious"
    shown = elide(metrics, word, metrics.horizontalAdvance(word) / 2)
    assert shown.endswith(ELLIPSIS) and word.startswith(shown[:-1]) and len(shown) > 3
    assert elide(metrics, word, 2) == ""


def test_wrapped_titles_end_their_last_line_at_a_word(metrics):
    title = "Refresher and reinforcement every quarter for every frontline team"
    width = metrics.horizontalAdvance("Refresher and reinforcement")
    lines = wrap(metrics, title, width, 2)
    assert lines[0] == "Refresher and reinforcement"
    assert is_word_cut(title[len(lines[0]) + 1 :], lines[1]) and lines[1].endswith(ELLIPSIS)
