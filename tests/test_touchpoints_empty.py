"""A strategy without touchpoints: the Touchpoints tab shows an empty, disabled editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QSpinBox

from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.ui.cx.touchpoints_page import TouchpointsPage
from cxroadmap.ui.document import OpenDocument


def test_the_touchpoint_editor_of_a_strategy_without_touchpoints_is_empty_and_disabled(qtbot):
    # Its number fields once got "" to show (int("") raised inside the tab's Show event).
    strategy = Strategy(name="No touchpoints", start=dt.date(2027, 1, 4))
    strategy.initiatives = {"A": Initiative(key="A", title="A", duration=5)}
    page = TouchpointsPage(OpenDocument(strategy))
    qtbot.addWidget(page)
    page.show()
    spins = page.editor.findChildren(QSpinBox)
    assert spins  # the number fields (the gap and the like) are there, at their minimum
    assert all(s.value() == s.minimum() for s in spins)
    assert not page.editor.isEnabled()
