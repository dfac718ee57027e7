"""The initiatives table model: a row per initiative, fields editable, schedule read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import compress
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from cxroadmap.domain.edits import Change, ChangeInitiative
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.field_text import display_text, edit_text, sort_key
from cxroadmap.domain.fields import CHOICE, DURATION, INT, MONEY
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.pillars import find_pillar, pillar_colour
from cxroadmap.domain.registry import INITIATIVE
from cxroadmap.domain.validation import coerce_initiative_value
from cxroadmap.scheduling.compare import Delta
from cxroadmap.scheduling.rag import COLOURS, Rag
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.baseline_state import chosen_comparison
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.rag_state import rag_colour, rag_tooltip, rags
from cxroadmap.ui.views.follow import moved_keys

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

# Roles and flags as plain values: `data` and `flags` run for every cell painted, and each
# `Qt.ItemDataRole.X` looked up or Qt flags or-ed together is a Python enum operation.
_DISPLAY, _EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
_TOOLTIP, _DECORATION = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND, _FONT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.FontRole)
_SORT, _KEY = int(SORT_ROLE), int(KEY_ROLE)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    editable: bool
    tip: str


# The schedule's columns, shown after the duration.
_COMPUTED = (
    Column("start", "Start", False, "Computed start date"),
    Column("finish", "Finish", False, "Computed finish date"),
    Column("slack", "Slack", False, "Working days it can slip without moving the finish"),
    Column("scheduled_phase", "Phase", False, "Computed phase (from its start date)"),
    Column("start_variance", "Δ Start", False, "Working days later (+) than the chosen baseline"),
    Column("finish_variance", "Δ Finish", False, "Working days later (+) than the chosen baseline"),
    Column("rag", "RAG", False, "Red, amber or green: against the chosen baseline and the "
           "status date; set by hand in the inspector"),
)  # fmt: skip
VARIANCE = frozenset({"start_variance", "finish_variance"})
COMPUTED = frozenset(c.name for c in _COMPUTED)


def _columns() -> tuple[Column, ...]:
    """The registry's table fields in order, the computed ones after the duration."""
    columns: list[Column] = []
    for f in INITIATIVE.values():
        if f.table is not None:
            columns.append(Column(f.name, f.label, f.table == "edit", f.help))
        if f.name == "duration":
            columns += _COMPUTED
    return tuple(columns)


COLUMNS = _columns()
COLUMN = {c.name: i for i, c in enumerate(COLUMNS)}
_RIGHT = frozenset({DURATION, INT, MONEY})


class InitiativesModel(QAbstractTableModel):
    """Rows follow the strategy's initiative order; edits go to the document as domain edits."""

    def __init__(self, document: OpenDocument | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document: OpenDocument | None = None
        self._keys: list[str] = []
        self._shown: Schedule | None = None  # the schedule the cells show
        if document is not None:
            self.set_document(document)

    # -- the document ------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.beginResetModel()
        self.document = document
        self._keys = list(document.strategy.initiatives) if document else []
        self._shown = document.schedule if document else None
        self.endResetModel()
        if document is not None:
            document.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        assert self.document is not None
        shown, self._shown = self._shown, self.document.schedule
        new = list(self.document.strategy.initiatives)
        if new != self._keys:
            self._sync_rows(new)
        if not self._keys:
            return
        last = len(COLUMNS) - 1
        for first, end in self._rows_to_update(change, shown):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def _rows_to_update(self, change: Change, shown: Schedule | None) -> list[tuple[int, int]]:
        """The blocks of rows whose cells `change` can have changed: those of the initiatives
        it named or the schedule moved (views and the filter then look at just those rows),
        or every row when the edit reached beyond them."""
        everything = [(0, len(self._keys) - 1)]
        named = change.initiatives or change.removed_initiatives or change.dependencies
        if not named or change.touchpoints or change.measures or change.baselines:
            return everything  # e.g. the file became read-only: every cell's flags changed
        assert self.document is not None
        moved = moved_keys(change, shown, self.document.schedule)
        if moved is None or 4 * len(moved) > len(self._keys):
            return everything
        # The rows of the moved keys, in order: one pass at C speed, no index of every row.
        rows = list(compress(range(len(self._keys)), map(moved.__contains__, self._keys)))
        blocks: list[tuple[int, int]] = []
        for row in rows:
            if blocks and blocks[-1][1] == row - 1:
                blocks[-1] = (blocks[-1][0], row)
            else:
                blocks.append((row, row))
        return blocks

    def _sync_rows(self, new: list[str]) -> None:
        """Remove and insert rows one block at a time so views keep their selection."""
        if len(new) == len(self._keys):
            old_set, new_set = set(self._keys), set(new)
            if all(
                a == b or (a not in new_set and b not in old_set)
                for a, b in zip(self._keys, new, strict=True)
            ):
                self._keys = list(new)  # renamed keys stay on their rows
                return
        keep = set(new)
        for row in range(len(self._keys) - 1, -1, -1):
            if self._keys[row] not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._keys[row]
                self.endRemoveRows()
        have = set(self._keys)
        for row, key in enumerate(new):
            if key not in have:
                self.beginInsertRows(QModelIndex(), row, row)
                self._keys.insert(row, key)
                self.endInsertRows()
        if self._keys != new:  # reordered: rare, so a reset is fine
            self.beginResetModel()
            self._keys = list(new)
            self.endResetModel()

    # -- lookups -----------------------------------------------------------------------

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int:
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def initiative_at(self, row: int) -> Initiative:
        assert self.document is not None
        return self.document.strategy.initiatives[self._keys[row]]

    def variance(self, key: str) -> Delta | None:
        """How the initiative moved against the chosen baseline (None: no baseline, or new)."""
        doc = self.document
        comparison = chosen_comparison(doc.strategy, doc.schedule) if doc else None
        return comparison.deltas.get(key) if comparison is not None else None

    def scheduled(self, key: str) -> ScheduledInitiative | None:
        schedule = self.document.schedule if self.document else None
        return schedule.items.get(key) if schedule is not None else None

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        editable = self.document is not None and not self.document.readonly
        return _EDITABLE if editable and COLUMNS[index.column()].editable else _READ_ONLY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.document is None or index.row() >= len(self._keys):
            return None
        ini = self.initiative_at(index.row())
        name = COLUMNS[index.column()].name
        if role == _DISPLAY:
            return self._display(ini, name)
        if role == _EDIT:
            return self._edit_value(ini, name)
        if role == _SORT:
            return self.sort_value(ini, name)
        if role == _KEY:
            return ini.key
        if role == _TOOLTIP:
            return self._tooltip(ini, name)
        if role == _DECORATION and name == "pillar":
            return QColor(pillar_colour(ini.pillar))
        if role == _DECORATION and name == "rag":
            rag = self._rag(ini.key)
            return None if rag is None else rag_colour(rag)
        if role == _ALIGNMENT and (
            name == "slack"
            or name in VARIANCE
            or (name in INITIATIVE and INITIATIVE[name].kind in _RIGHT)
        ):
            return _RIGHT_ALIGNED
        if role == _FOREGROUND and name in VARIANCE:
            delta = self.variance(ini.key)
            if delta is not None and getattr(delta, f"{name}_days") > 0:
                return QColor(_critical_colour())
        if role == _FOREGROUND and name == "slack":
            item = self.scheduled(ini.key)
            if item is not None and item.critical:
                return QColor(_critical_colour())
        if role == _FONT and name == "key" and ini.is_milestone:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _days_per_week(self) -> int:
        return self.document.strategy.days_per_week if self.document else 5

    def _display(self, ini: Initiative, name: str) -> str:
        if name == "rag":
            rag = self._rag(ini.key)
            return "" if rag is None else rag.label
        if name in VARIANCE:
            delta = self.variance(ini.key)
            if delta is None:
                return ""
            days = getattr(delta, f"{name}_days")
            return f"{days:+d}d" if days else "0d"
        if name in COMPUTED:
            item = self.scheduled(ini.key)
            if item is None:
                return ""
            if name == "slack":
                return f"{item.slack_days}d"
            if name == "scheduled_phase":
                return item.phase
            day: dt.date = getattr(item, name)
            return day.isoformat()
        return display_text(INITIATIVE[name], getattr(ini, name), self._days_per_week())

    def _edit_value(self, ini: Initiative, name: str) -> Any:
        f = INITIATIVE[name]
        value = getattr(ini, name)
        if f.kind in (INT, CHOICE) or f.editor == "phase":
            return value  # the cell's picker selects by value
        return edit_text(f, value, self._days_per_week())

    def _rag(self, key: str) -> Rag | None:
        document = self.document
        return rags(document.strategy, document.schedule).get(key) if document else None

    def sort_value(self, ini: Initiative, name: str) -> Any:
        """A value that orders the column as a planner expects (pillars in ecosystem order)."""
        if name == "rag":
            rag = self._rag(ini.key)
            return -1 if rag is None else COLOURS.index(rag.colour)
        if name in VARIANCE:
            delta = self.variance(ini.key)
            return getattr(delta, f"{name}_days") if delta is not None else -(10**9)
        if name in COMPUTED:
            item = self.scheduled(ini.key)
            if item is None:
                return -1
            return {
                "start": item.start_day,
                "finish": item.finish_day,
                "slack": item.slack_days,
                "scheduled_phase": item.start_day,
            }[name]
        if name == "phase":
            names = self.document.strategy.phase_names() if self.document else []
            return names.index(ini.phase) if ini.phase in names else -1
        return sort_key(INITIATIVE[name], getattr(ini, name))

    def _tooltip(self, ini: Initiative, name: str) -> str | None:
        if name == "rag":
            rag = self._rag(ini.key)
            return None if rag is None else rag_tooltip(rag)
        if name in ("title", "key"):
            return ini.description or None
        if name in VARIANCE:
            delta = self.variance(ini.key)
            if delta is None:
                return None
            side = "start" if name == "start_variance" else "finish"
            was = getattr(delta.before, side).isoformat()
            return (
                f"{was} in baseline {self.document.strategy.chosen_baseline!r}"
                if self.document
                else None
            )
        if name in ("start", "finish"):
            item = self.scheduled(ini.key)
            return f"Starts at {item.reason}" if item is not None and item.reason else None
        if name == "pillar" and ini.pillar:
            pillar = find_pillar(ini.pillar)
            return pillar.summary if pillar is not None else "Custom pillar"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.document is None:
            return False
        if not COLUMNS[index.column()].editable:
            return False
        ini = self.initiative_at(index.row())
        name = COLUMNS[index.column()].name
        value = self._from_editor(name, value)
        try:
            unchanged = coerce_initiative_value(
                name, value, name, self._days_per_week()
            ) == getattr(ini, name)
        except CxRoadmapError:
            unchanged = False  # the edit itself will say what is wrong
        if unchanged:
            return False
        label = INITIATIVE[name].label.lower()
        edit = ChangeInitiative(ini.key, {name: value}, text=f"Change {label} of {ini.title!r}")
        return self.document.apply(edit)

    @staticmethod
    def _from_editor(name: str, value: Any) -> Any:
        """Typed text as the edit takes it: a pillar or status by its label, blank as none."""
        f = INITIATIVE[name]
        if not isinstance(value, str):
            return value
        if f.editor == "pillar":
            pillar = find_pillar(value)
            return pillar.key if pillar is not None else value.strip()
        if f.kind == CHOICE:
            labels = {label.lower(): key for key, label in f.labels().items()}
            return labels.get(value.strip().lower(), value)
        if f.nullable and not value.strip():
            return None
        return value


def _critical_colour() -> str:
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return "#ef5350" if window.lightness() < 128 else "#c62828"
