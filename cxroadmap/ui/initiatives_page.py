"""The Initiatives view: a filter bar over the sortable, inline-editable initiatives table."""

from __future__ import annotations

import re

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.cascade_edits import remove_initiatives_everywhere
from cxroadmap.domain.edits import AddInitiative, Change, CompositeEdit, Edit
from cxroadmap.domain.labels import STATUS_LABELS
from cxroadmap.domain.model import Initiative, Strategy, own_copy
from cxroadmap.domain.pillars import DEFAULT_PILLARS
from cxroadmap.ui.actions import Actions
from cxroadmap.ui.delegates import InitiativeDelegate
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.models.initiatives_filter import InitiativesFilter
from cxroadmap.ui.models.initiatives_model import COLUMN, InitiativesModel
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.table_clipboard import install_clipboard

ANY = "All"
COLUMN_WIDTHS = {
    "key": 62,
    "title": 320,
    "pillar": 180,
    "duration": 76,
    "start": 92,
    "finish": 92,
    "slack": 56,
    "scheduled_phase": 104,
    "rag": 150,
    "owner": 150,
    "status": 92,
    "impact": 60,
    "not_before": 96,
    "phase": 110,
}


def next_key(existing: set[str], like: str = "I") -> str:
    """A free key shaped like `like`: TR5 gives TR6 (or the next free number), blank gives I1."""
    match = re.fullmatch(r"(.*?)(\d*)", like.strip() or "I")
    prefix = (match.group(1) if match else "") or "I"
    numbers = [
        int(k[len(prefix) :]) for k in existing if re.fullmatch(re.escape(prefix) + r"\d+", k)
    ]
    n = max(numbers, default=0) + 1
    while f"{prefix}{n}" in existing:
        n += 1
    return f"{prefix}{n}"


class FilterBar(QWidget):
    """Search box and the pillar, phase, owner and status filters."""

    def __init__(self, proxy: InitiativesFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.search = QLineEdit(placeholderText="Search key, title, owner, description…")
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.pillar = self._combo("pillar")
        self.phase = self._combo("phase")
        self.owner = self._combo("owner")
        self.status = self._combo("status")
        self.count = QLabel()
        self._offered: dict[str, list[tuple[str, str]]] = {}  # each combo's items, by name
        # Each initiative's pillar and owner when the choices were last gathered.
        self._seen: tuple[Strategy | None, dict[str, tuple[str, str]]] = (None, {})
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for label, combo in (
            ("Pillar", self.pillar),
            ("Phase", self.phase),
            ("Owner", self.owner),
            ("Status", self.status),
        ):
            layout.addWidget(QLabel(label))
            layout.addWidget(combo, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._apply)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter_{name}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(ANY, None)
        combo.currentIndexChanged.connect(self._apply)
        return combo

    def refresh_choices(self, document: OpenDocument | None, change: Change | None = None) -> None:
        """Offer what the strategy holds, keeping each filter's choice while it still exists
        (after `change`, looked for again only when an initiative's pillar or owner may be
        new or gone)."""
        strategy = document.strategy if document else None
        if change is not None and strategy is not None and self._same_choices(strategy, change):
            self._apply()
            return
        inis = list(strategy.initiatives.values()) if strategy else []
        self._seen = (strategy, {i.key: (i.pillar.strip(), i.owner.strip()) for i in inis})
        custom = sorted({i.pillar.strip() for i in inis if i.pillar.strip()} - _default_names())
        pillars = [(p.label, p.key) for p in DEFAULT_PILLARS] + [(c, c) for c in custom]
        phases = strategy.phase_names() if strategy else []
        owners = sorted({i.owner.strip() for i in inis if i.owner.strip()}, key=str.lower)
        self._fill(self.pillar, pillars)
        self._fill(self.phase, [(p, p) for p in phases])
        self._fill(self.owner, [(o, o) for o in owners])
        self._fill(self.status, [(label, key) for key, label in STATUS_LABELS.items()])
        self._apply()

    def _same_choices(self, strategy: Strategy, change: Change) -> bool:
        """Whether `change` keeps every initiative's pillar and owner as last looked at."""
        seen_in, seen = self._seen
        if seen_in is not strategy or change.strategy or change.removed_initiatives:
            return False
        found = strategy.initiatives
        return all(
            key in found and seen.get(key) == (found[key].pillar.strip(), found[key].owner.strip())
            for key in change.initiatives
        )

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        if self._offered.get(combo.objectName()) == items:
            return  # every edit offers the choices again: most leave them as they are
        self._offered[combo.objectName()] = items
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ANY, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _apply(self) -> None:
        self.proxy.set_filters(
            pillar=self.pillar.currentData(),
            phase=self.phase.currentData(),
            owner=self.owner.currentData(),
            status=self.status.currentData(),
            search=self.search.text(),
        )
        shown, total = self.proxy.rowCount(), self.proxy.sourceModel().rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} initiatives")


def _default_names() -> set[str]:
    return {p.key for p in DEFAULT_PILLARS} | {p.label for p in DEFAULT_PILLARS}


class InitiativesPage(QWidget):
    """The table of initiatives; its selection is the window's shared Selection."""

    def __init__(
        self, actions: Actions, selection: Selection | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document: OpenDocument | None = None
        self.selection = selection if selection is not None else Selection(self)
        self._syncing = False
        self.model = InitiativesModel(parent=self)
        self.proxy = InitiativesFilter(self.model, self)
        self.filters = FilterBar(self.proxy)
        self.table = QTableView()
        self.table.setObjectName("initiatives_table")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(InitiativeDelegate(self._phase_names, self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # strategy order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for name, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(COLUMN[name], width)
        header.setStretchLastSection(True)
        for name in ("add", "duplicate", "rename", "delete"):
            self.table.addAction(actions[name])
        install_clipboard(self)  # Ctrl+C / Ctrl+V: rows as TSV, pasted through the import mapping
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._table_selection_changed)
        self.selection.changed.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.table)

    # -- the document ------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.model.set_document(document)
        if document is not None:
            document.changed.connect(self._on_changed)
        self.filters.refresh_choices(document)
        self.selection.clear(self)

    def _on_changed(self, change: Change) -> None:
        self.filters.refresh_choices(self.document, change)
        if change.removed_initiatives and self.document is not None:
            self.selection.forget(
                change.removed_initiatives - set(self.document.strategy.initiatives), self
            )
        if change.removed_initiatives or change.initiatives:
            self._table_selection_changed()  # a renamed key is still the selected row

    def _phase_names(self) -> list[str]:
        return self.document.strategy.phase_names() if self.document else []

    # -- selection -----------------------------------------------------------------------

    def _table_selection_changed(self, *_: object) -> None:
        if self._syncing:
            return
        keys = self.selected_keys()
        current = self.current_key()
        if current in keys:  # the current row is what the inspector shows: put it last
            keys = [k for k in keys if k != current] + [current]
        self.selection.set_keys(keys, self)

    def _selection_changed(self, keys: list[str], source: object) -> None:
        if source is self:
            return
        self._syncing = True
        try:
            chosen = QItemSelection()
            for key in keys:
                index = self.proxy_index(key)
                if index.isValid():
                    chosen.select(index, index)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            model = self.table.selectionModel()
            model.select(chosen, flags)
            last = self.proxy_index(keys[-1]) if keys else QModelIndex()
            if last.isValid():
                model.setCurrentIndex(last, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(last)
        finally:
            self._syncing = False

    def current_key(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.key_at(self.proxy.mapToSource(index).row())

    def selected_keys(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        keys = [self.model.key_at(r) for r in sorted(rows)]
        current = self.current_key()
        return keys or ([current] if current else [])

    def proxy_index(self, key: str, column: str = "title") -> QModelIndex:
        row = self.model.row_of(key)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, COLUMN[column]))

    def select_key(self, key: str) -> bool:
        index = self.proxy_index(key)
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    # -- commands ------------------------------------------------------------------------

    def _apply(self, edit: Edit) -> bool:
        return self.document is not None and self.document.apply(edit)

    def add_initiative(self) -> str | None:
        if self.document is None:
            return None
        strategy = self.document.strategy
        key = next_key(set(strategy.initiatives))
        current = self.current_key()
        pillar = strategy.initiatives[current].pillar if current else ""
        ini = Initiative(
            key=key, title="New initiative", duration=strategy.days_per_week, pillar=pillar
        )
        if not self._apply(AddInitiative(ini)):
            return None
        self._clear_filters_hiding(key)
        self.select_key(key)
        self.edit_title()
        return key

    def duplicate_selected(self) -> list[str]:
        if self.document is None:
            return []
        strategy = self.document.strategy
        taken = set(strategy.initiatives)
        edits: list[Edit] = []
        new_keys = []
        order = list(strategy.initiatives)
        for offset, key in enumerate(self.selected_keys()):
            source = strategy.initiatives[key]
            new_key = next_key(taken, key)
            taken.add(new_key)
            copy = own_copy(source)
            copy.key, copy.title = new_key, f"{source.title} (copy)"
            edits.append(AddInitiative(copy, order.index(key) + 1 + offset))
            new_keys.append(new_key)
        if not edits:
            return []
        text = edits[0].text if len(edits) == 1 else f"Duplicate {len(edits)} initiatives"
        if not self._apply(edits[0] if len(edits) == 1 else CompositeEdit(text, edits)):
            return []
        self.select_key(new_keys[0])
        return new_keys

    def delete_selected(self) -> bool:
        keys = self.selected_keys()
        if self.document is None or not keys:
            return False
        row = self.table.currentIndex().row()
        text = f"Delete {len(keys)} initiatives"
        if len(keys) == 1:
            ini = self.document.strategy.initiatives.get(keys[0])
            text = f"Delete {ini.title!r}" if ini is not None else f"Delete {keys[0]}"
        # Support links to them from strategies further down go in the same undo step.
        done = self.document.apply_across(
            text, lambda cascade, s: remove_initiatives_everywhere(cascade, s, keys)
        )
        if done and self.proxy.rowCount():
            index = self.proxy.index(min(row, self.proxy.rowCount() - 1), COLUMN["title"])
            self.table.setCurrentIndex(index)
        return done

    def edit_title(self) -> None:
        key = self.current_key()
        if key is None:
            return
        index = self.proxy_index(key)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def edit_current(self) -> None:
        """F2: edit the cell the user is on, as in any table; the title when it is read-only."""
        current = self.table.currentIndex()
        if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
            self.table.setFocus()
            self.table.edit(current)
        else:
            self.edit_title()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _clear_filters_hiding(self, key: str) -> None:
        if not self.proxy_index(key).isValid():
            self.filters.search.clear()
            for combo in (
                self.filters.pillar,
                self.filters.phase,
                self.filters.owner,
                self.filters.status,
            ):
                combo.setCurrentIndex(0)
