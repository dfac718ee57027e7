"""The Qt model over a strategy's measures (KPIs); every cell edit is a ChangeMeasure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from cxroadmap.domain.field_text import display_text
from cxroadmap.domain.fields import LIST_KINDS, NUMBER
from cxroadmap.domain.measure_edits import ChangeMeasure
from cxroadmap.domain.registry import MEASURE
from cxroadmap.ui.cx.touchpoint_models import KEY_ROLE, Index, KeyedRowsModel

ROLE = Qt.ItemDataRole
# A column per declared field, in the registry's order: a new measure field shows here.
FIELDS = tuple(MEASURE)
MEASURE_COLUMNS = tuple(MEASURE[name].label for name in FIELDS)


class MeasuresModel(KeyedRowsModel):
    """One row per measure (KPI); every cell is edited in place (as edits)."""

    COLUMNS = MEASURE_COLUMNS

    def items(self) -> Sequence[Any]:
        return self.strategy.measures

    def data(self, index: Index, role: int = ROLE.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.strategy.measures):
            return None
        measure = self.strategy.measures[index.row()]
        name = FIELDS[index.column()]
        if role == KEY_ROLE:
            return measure.key
        if role in (ROLE.DisplayRole, ROLE.EditRole):
            return display_text(MEASURE[name], getattr(measure, name))
        if role == ROLE.ToolTipRole and name == "initiatives":
            titles = [
                f"{k}: {self.strategy.initiatives[k].title}"
                for k in measure.initiatives
                if k in self.strategy.initiatives
            ]
            return "\n".join(titles) or "No initiative linked yet"
        if role == ROLE.TextAlignmentRole and MEASURE[name].kind == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.document.readonly:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = ROLE.EditRole) -> bool:
        if not index.isValid() or role != ROLE.EditRole:
            return False
        measure = self.strategy.measures[index.row()]
        name = FIELDS[index.column()]
        if self.data(index, ROLE.EditRole) == value:
            return False
        f = MEASURE[name]
        if f.kind in LIST_KINDS:
            value = [k for k in re.split(r"[,;\s]+", str(value)) if k]
        elif f.nullable and not str(value).strip():
            value = None
        return self.document.apply(ChangeMeasure(measure.key, {name: value}))
