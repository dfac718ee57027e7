"""The Qt model over a strategy's measures (KPIs); every cell edit is a ChangeMeasure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from cxroadmap.domain.measure_edits import ChangeMeasure
from cxroadmap.domain.measures import format_number
from cxroadmap.ui.cx.touchpoint_models import KEY_ROLE, Index, KeyedRowsModel

ROLE = Qt.ItemDataRole
MEASURE_COLUMNS = ("Key", "Measure", "Baseline", "Target", "Unit", "Target date", "Initiatives")
FIELDS = ("key", "name", "baseline", "target", "unit", "target_date", "initiatives")


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
            value = getattr(measure, name)
            if name in ("baseline", "target"):
                return format_number(value)
            if name == "target_date":
                return value.isoformat() if value else ""
            if name == "initiatives":
                return ", ".join(value)
            return value
        if role == ROLE.ToolTipRole and name == "initiatives":
            titles = [
                f"{k}: {self.strategy.initiatives[k].title}"
                for k in measure.initiatives
                if k in self.strategy.initiatives
            ]
            return "\n".join(titles) or "No initiative linked yet"
        if role == ROLE.TextAlignmentRole and name in ("baseline", "target"):
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
        if name == "initiatives":
            value = [k for k in re.split(r"[,;\s]+", str(value)) if k]
        elif name in ("baseline", "target", "target_date") and not str(value).strip():
            value = None
        return self.document.apply(ChangeMeasure(measure.key, {name: value}))
