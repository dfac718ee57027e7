"""The Alignment tab: the tree of strategies, what supports what, and late support."""

from __future__ import annotations

from collections.abc import Callable

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
from cxroadmap.ui.cx.cascade_state import CascadeState, cascade_state
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.naming import named
from cxroadmap.ui.selection import Selection

HEADERS = ("Strategy / initiative", "Supports", "Supported by", "Finishes", "")
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # storage id on strategy rows
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # initiative key on initiative rows of the current one


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
        """Bring the view up to date after `change` (the feed calls this while it is shown)."""
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def refresh(self) -> None:
        state = self.state = cascade_state(self.document)
        late = state.late()
        self.model.clear()
        self.model.setHorizontalHeaderLabels(list(HEADERS))
        parents: dict[int, QStandardItem] = {}
        supported_by: dict[tuple[str, str], list[str]] = {}
        for pair in state.cascade.support_pairs():
            target = (strategy_label(pair.parent_strategy), pair.parent.key)
            supported_by.setdefault(target, []).append(
                f"{strategy_label(pair.child_strategy)}/{pair.child.key}"
            )
        for strategy in state.cascade:
            if strategy.scenario_of is not None:
                continue  # a what-if copy is not part of the cascade's alignment
            row = self._strategy_row(strategy, state)
            parent = state.cascade.parent_of(strategy)
            holder = parents.get(id(parent)) if parent is not None else None
            (holder or self.model.invisibleRootItem()).appendRow(row)
            parents[id(strategy)] = row[0]
            for ini in strategy.initiatives.values():
                label = strategy_label(strategy)
                backers = supported_by.get((label, ini.key), [])
                if not ini.supports and not backers:
                    continue
                row[0].appendRow(self._initiative_row(strategy, ini.key, backers, late, state))
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 260)
        self.tree.setColumnWidth(2, 200)
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
        self.summary.setText(text)
        self._update_links()

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

    def _initiative_row(
        self,
        strategy: Strategy,
        key: str,
        backers: list[str],
        late: set[tuple[str, str]],
        state: CascadeState,
    ) -> list[QStandardItem]:
        ini = strategy.initiatives[key]
        label = strategy_label(strategy)
        name = QStandardItem(f"{key}: {ini.title}")
        if strategy is state.current:
            name.setData(key, KEY_ROLE)
        targets = []
        for link in ini.supports:
            found = state.cascade.resolve(link)
            targets.append(f"{link} {found[1].title}" if found else str(link))
        supports = QStandardItem("; ".join(targets))
        result = state.schedules.get(label)
        item = result.items.get(key) if result else None
        finish = QStandardItem(item.finish.isoformat() if item else "")
        flag = QStandardItem()
        if (label, key) in late:
            flag.setText("⚑ finishes after what it supports")
            for cell in (name, flag, finish):
                cell.setForeground(QBrush(QColor(style.LATE)))
        return [name, supports, QStandardItem(", ".join(backers)), finish, flag]

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
        self.target.clear()
        for ancestor in self._ancestors():
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
