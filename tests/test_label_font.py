"""A bar's title font is made once per family and kind, and is the font the title always had."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from cxroadmap.ui.views.look import brand_font, family, font, label_font


def test_the_cached_title_font_is_the_plain_font_struck_or_not(qapp) -> None:
    for bold in (False, True):
        for struck in (False, True):
            expected = font(8.5, bold)
            expected.setStrikeOut(struck)
            assert label_font(8.5, bold, struck) == expected
            assert label_font(8.5, bold, struck) is label_font(8.5, bold, struck)


def test_a_brand_font_gets_its_own_title_font(qapp) -> None:
    other = next(f for f in QFontDatabase.families() if f != family())
    before = label_font(8.5)
    with brand_font(other):
        branded = label_font(8.5)
        assert branded.family() == family() == other
    assert branded != before
    assert label_font(8.5) == before
