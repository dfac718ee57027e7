"""The touchpoint matrix follows an edit without a reset when its rows and columns stay."""

from __future__ import annotations

from cx_samples import touchpoint_strategy
from PySide6.QtCore import Qt

from cxroadmap.domain.edits import AddInitiative, ChangeInitiative
from cxroadmap.domain.model import Initiative
from cxroadmap.ui.cx.touchpoint_models import MatrixModel
from cxroadmap.ui.document import OpenDocument


def test_an_edit_that_keeps_the_columns_repaints_cells_and_one_that_adds_resets(qapp) -> None:  # type: ignore[no-untyped-def]
    document = OpenDocument(touchpoint_strategy())
    model = MatrixModel(document)
    resets: list[bool] = []
    changed: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda *_: changed.append(True))
    keys = model.initiative_keys()
    assert document.apply(ChangeInitiative(keys[0], {"duration": 33}))
    assert resets == [] and changed
    index = model.index(1, 2)
    assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert document.apply(AddInitiative(Initiative("NEWONE", "A new one", 3)))
    assert resets and model.initiative_keys() == [*keys, "NEWONE"]
