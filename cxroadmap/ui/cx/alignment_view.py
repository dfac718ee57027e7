"""The Alignment tab: the tree of strategies, what supports what, and late support."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.common import style
from cxroadmap.domain.alignment_edits import AddSupport, RemoveSupport
from cxroadmap.domain.edits import Change
from cxroadmap.domain.labels import level_label
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.scheduling.cascade import strategy_label
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.cx.cascade_state import CascadeState, cascade_state
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.naming import named
from cxroadmap.ui.selection import Selection

HEADERS = ("Strategy / initiative", "Supports", "Supported by", "Finishes", "")
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # storage id on strategy rows
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # initiative key on initiative rows of the current one


class Row(NamedTuple):
    """What one initiative row of the tree shows."""

    name: str
    supports: str
    supported_by: str
    finish: str
    late: bool


Place = tuple[str, str]  # (strategy label, initiative key)
Signature = tuple[str, tuple[SupportLink, ...]]  # an initiative's title and support links
LATE_TEXT = "⚑ finishes after what it supports"
FOREGROUND = Qt.ItemDataRole.ForegroundRole


def _show(cells: list[QStandardItem], row: Row) -> None:
    """Put `row` in the tree's cells, touching only those that change."""
    texts = (row.name, row.supports, row.supported_by, row.finish, LATE_TEXT if row.late else "")
    for cell, text in zip(cells, texts, strict=True):
        if cell.text() != text:
            cell.setText(text)
    if (cells[0].data(FOREGROUND) is not None) != row.late:
        # Late: the name, the date and the flag in red; on time: the view's own colour.
        late = QBrush(QColor(style.LATE)) if row.late else None
        for index in (0, 3, 4):
            cells[index].setData(late, FOREGROUND)


class AlignmentView(QWidget):
    """Double-click a strategy to edit it (when the window can switch strategies)."""

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        switch: Callable[[int], object] | None = None,
        feed: ChangeFeed | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.selection = selection if selection is not None else Selection(self)
        self.switch = switch
        self.state: CascadeState | None = None
        self.cells: dict[Place, list[QStandardItem]] = {}  # initiative rows
        self.shown: dict[Place, Row] = {}  # what they show
        # What the rows were worked out from: the current strategy, the cascade's strategies,
        # the others' schedules, and each initiative's title and support links.
        self.basis: (
            tuple[Strategy, list[Strategy], dict[str, Schedule], dict[str, Signature]] | None
        ) = None
        self.finishes: dict[str, QStandardItem] = {}  # each strategy row's finish
        self._targets: list[int] = []  # the ancestors the target list was filled from
        self.model = QStandardItemModel(self)
        self.tree = named(QTreeView(), "alignment_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.summary = named(QLabel(), "alignment_summary")
        self.summary.setWordWrap(True)
        self.target = named(QComboBox(), "alignment_target")
        self.target.setMinimumContentsLength(30)
        self.link_button = named(QPushButton("Supports"), "alignment_link")
        self.unlink_button = named(QPushButton("Remove Link"), "alignment_unlink")
        self.link_label = QLabel()
        # The window gives it the View menu's roll-up command (see set_roll_up_action).
        self.rollup_button = named(QToolButton(), "alignment_rollup")
        self.rollup_button.hide()
        links = QHBoxLayout()
        links.addWidget(self.link_label)
        links.addWidget(self.target, 1)
        links.addWidget(self.link_button)
        links.addWidget(self.unlink_button)
        links.addSpacing(24)
        links.addWidget(self.rollup_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(links)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.clicked.connect(self._clicked)
        self.link_button.clicked.connect(self.link_selected)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.selection.changed.connect(self._selection_changed)
        (feed or DirectFeed(document)).attach(self)  # fills the tree now or when first shown

    def follow(self, change: Change) -> None:
        """Bring the view up to date after `change` (the feed calls this while it is shown):
        the rows' texts and flags change in place; the tree is built again only when its
        rows change (a support link, a strategy, an initiative added or removed)."""
        if change.strategy or change.removed_initiatives or self.state is None:
            self.refresh()
            return
        state = self.state = cascade_state(self.document)
        rows = self._rows_after(state, change)
        if rows is None:
            rows = self._rows(state)
        if rows.keys() != self.cells.keys():
            self._build(state, rows)
            return
        for place, values in rows.items():
            if self.shown.get(place) != values:
                _show(self.cells[place], values)
        self.shown = rows
        for label, cell in self.finishes.items():
            result = state.schedules.get(label)
            text = result.finish.isoformat() if result else ""
            if cell.text() != text:
                cell.setText(text)
        self.summary.setText(self._summary(state))

    # -- building ------------------------------------------------------------------------

    def refresh(self) -> None:
        state = self.state = cascade_state(self.document)
        self._build(state, self._rows(state))

    def _rows_after(self, state: CascadeState, change: Change) -> dict[Place, Row] | None:
        """The rows after an edit of the current strategy's own initiatives that kept every
        title and support link and every other strategy as it was: only their finish dates
        and late flags can differ. None when more may have changed (`_rows` then)."""
        basis = self.basis
        current = state.current
        label = strategy_label(current)
        if basis is None or basis[0] is not current or len(basis[1]) != len(state.cascade):
            return None
        if any(a is not b for a, b in zip(basis[1], state.cascade, strict=True)):
            return None
        others = {name: s for name, s in state.schedules.items() if name != label}
        if others.keys() != basis[2].keys() or any(basis[2][n] is not s for n, s in others.items()):
            return None
        for key in change.initiatives:
            ini = current.initiatives.get(key)
            if ini is None or basis[3].get(key) != (ini.title, tuple(ini.supports)):
                return None
        late, result = state.late(), state.schedules.get(label)
        rows: dict[Place, Row] = {}
        for place, row in self.shown.items():
            if place[0] == label:
                item = result.items.get(place[1]) if result else None
                finish = item.finish.isoformat() if item else ""
                if finish != row.finish:
                    row = row._replace(finish=finish)
            if row.late != (place in late):
                row = row._replace(late=place in late)
            rows[place] = row
        return rows

    def _rows(self, state: CascadeState) -> dict[Place, Row]:
        """What each initiative row shows, by (strategy label, key), in the tree's order:
        the initiatives that support something or are supported."""
        current = state.current
        label = strategy_label(current)
        self.basis = (
            current,
            list(state.cascade),
            {name: s for name, s in state.schedules.items() if name != label},
            {key: (ini.title, tuple(ini.supports)) for key, ini in current.initiatives.items()},
        )
        late = state.late()
        supported_by: dict[tuple[str, str], list[str]] = {}
        for pair in state.cascade.support_pairs():
            target = (strategy_label(pair.parent_strategy), pair.parent.key)
            supported_by.setdefault(target, []).append(
                f"{strategy_label(pair.child_strategy)}/{pair.child.key}"
            )
        rows: dict[tuple[str, str], Row] = {}
        for strategy in state.cascade:
            label = strategy_label(strategy)
            result = state.schedules.get(label)
            for ini in strategy.initiatives.values():
                backers = supported_by.get((label, ini.key), [])
                if not ini.supports and not backers:
                    continue
                targets = []
                for link in ini.supports:
                    found = state.cascade.resolve(link)
                    targets.append(f"{link} {found[1].title}" if found else str(link))
                item = result.items.get(ini.key) if result else None
                rows[(label, ini.key)] = Row(
                    f"{ini.key}: {ini.title}",
                    "; ".join(targets),
                    ", ".join(backers),
                    item.finish.isoformat() if item else "",
                    (label, ini.key) in late,
                )
        return rows

    def _build(self, state: CascadeState, rows: dict[Place, Row]) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(list(HEADERS))
        self.cells, self.finishes, self.shown = {}, {}, rows
        parents: dict[int, QStandardItem] = {}
        holders: dict[str, QStandardItem] = {}
        for strategy in state.cascade:
            if strategy.scenario_of is not None:
                continue  # a what-if copy is not part of the cascade's alignment
            row = self._strategy_row(strategy, state)
            parent = state.cascade.parent_of(strategy)
            holder = parents.get(id(parent)) if parent is not None else None
            (holder or self.model.invisibleRootItem()).appendRow(row)
            parents[id(strategy)] = holders[strategy_label(strategy)] = row[0]
            self.finishes[strategy_label(strategy)] = row[3]
        for (label, key), values in rows.items():
            cells = [QStandardItem() for _ in HEADERS]
            if label == strategy_label(state.current):
                cells[0].setData(key, KEY_ROLE)
            _show(cells, values)
            holders[label].appendRow(cells)
            self.cells[(label, key)] = cells
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 260)
        self.tree.setColumnWidth(2, 200)
        self.summary.setText(self._summary(state))
        self._update_links()

    def _summary(self, state: CascadeState) -> str:
        count, flagged = len(state.cascade.support_pairs()), len(state.flags)
        text = f"{len(state.cascade)} strateg{'ies' if len(state.cascade) != 1 else 'y'} · "
        text += f"{count} alignment link{'s' if count != 1 else ''}"
        if flagged:
            verb = "s finish" if flagged != 1 else " finishes"
            text += f" · ⚑ {flagged} supporting initiative{verb} late"
        if len(state.cascade) > 1:
            text += " · double-click a strategy to edit it"
        for problem in state.problems:
            text += f"\nCannot schedule {problem}"
        return text

    def _strategy_row(self, strategy: Strategy, state: CascadeState) -> list[QStandardItem]:
        name = QStandardItem(f"{strategy.name}  ({level_label(strategy.level)})")
        font = QFont()
        font.setBold(True)
        name.setFont(font)
        name.setData(state.id_of(strategy), ID_ROLE)
        if strategy is state.current:
            name.setText(name.text() + "  — editing")
            name.setBackground(QBrush(QColor(style.mix(style.ACCENT, 0.12))))
        count = len(strategy.initiatives)
        name.setToolTip(f"{strategy.name}: {count} initiative{'s' if count != 1 else ''}")
        result = state.schedules.get(strategy_label(strategy))
        finish = QStandardItem(result.finish.isoformat() if result else "")
        return [name, QStandardItem(), QStandardItem(), finish, QStandardItem()]

    def set_roll_up_action(self, action: QAction) -> None:
        """Offer the timeline's roll-up (a swimlane per strategy below) from here too."""
        self.rollup_button.setDefaultAction(action)
        self.rollup_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.rollup_button.show()

    # -- linking -------------------------------------------------------------------------

    def _ancestors(self) -> list[Strategy]:
        if self.state is None:
            return []
        return self.state.cascade.ancestors(self.document.strategy)

    def _selection_changed(self, keys: list[str], source: object) -> None:
        # A bound method, so the connection goes with this view when its tab is rebuilt.
        self._update_links()

    def _update_links(self) -> None:
        key = self.selection.current
        strategy = self.document.strategy
        ancestors = self._ancestors()
        if [id(a) for a in ancestors] != self._targets:
            # Refilled only when the ancestors are others: a parent of 1,000 initiatives is
            # 1,000 items, and only this strategy is edited while it is open.
            self._targets = [id(a) for a in ancestors]
            self.target.clear()
            for ancestor in ancestors:
                for ini in ancestor.initiatives.values():
                    link = SupportLink(ancestor.key, ini.key)
                    self.target.addItem(f"{link} — {ini.title}", str(link))
        selected = strategy.initiatives.get(key) if key is not None else None
        known = selected is not None
        self.link_label.setText(f"{key} supports:" if known else "Selected initiative supports:")
        editable = not self.document.readonly and known and self.target.count() > 0
        self.link_button.setEnabled(editable)
        self.target.setEnabled(self.target.count() > 0)
        has = selected is not None and bool(selected.supports)
        self.unlink_button.setEnabled(not self.document.readonly and has)

    def link_selected(self) -> bool:
        key, link = self.selection.current, self.target.currentData()
        if key is None or not link or self.state is None:
            return False
        return self.document.apply(AddSupport(key, link, self.state.cascade))

    def unlink_selected(self) -> bool:
        key = self.selection.current
        if key is None or key not in self.document.strategy.initiatives:
            return False
        supports = self.document.strategy.initiatives[key].supports
        if not supports:
            return False
        wanted = self.target.currentData()
        link = next((s for s in supports if str(s) == wanted), supports[-1])
        return self.document.apply(RemoveSupport(key, link))

    def _clicked(self, index: QModelIndex) -> None:
        key = index.siblingAtColumn(0).data(KEY_ROLE)
        if key:
            self.selection.set_keys([key], self)

    def _activated(self, index: QModelIndex) -> None:
        sid = index.siblingAtColumn(0).data(ID_ROLE)
        if sid is None:
            return
        if self.switch is not None:
            self.switch(int(sid))
