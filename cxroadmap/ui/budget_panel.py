"""The Budget tab and its status-bar label: totals by phase, year, pillar and owner.

Phase and year budgets are edited in place (one undoable edit each); a phase or year
over its budget is shown in red, and the status bar says so wherever the user is.
"""

from __future__ import annotations

import dataclasses
from itertools import repeat
from operator import attrgetter, is_not

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.edits import Change, ChangeStrategy, SetPhases
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.fields import coerce
from cxroadmap.domain.money import format_amount
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.domain.registry import PHASE, STRATEGY
from cxroadmap.scheduling.budget import BudgetLine, BudgetSummary, budget_summary
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named

OVER = "#c62828"
BUDGET_COLUMN = 1

_COST = attrgetter("cost")


def _item(text: str, right: bool = False, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(name: str, headers: tuple[str, ...]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class BudgetPanel(QWidget):
    """Totals of the open strategy's costs; `status_label` goes into the window's status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: OpenDocument | None = None
        self.summary: BudgetSummary | None = None
        self._filling = False
        self._stale = False  # edits were made while hidden: fill in when shown
        self.status_label = named(QLabel(), "status_budget")
        self.status_label.setContentsMargins(10, 0, 10, 0)
        self.headline = named(QLabel(), "budget_headline")
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = named(QLabel(), "budget_detail")
        self.detail.setWordWrap(True)
        self.currency_edit = named(QLineEdit(), "budget_currency")
        self.currency_edit.setMaximumWidth(80)
        self.currency_edit.setPlaceholderText("EUR")
        self.currency_edit.setToolTip(STRATEGY["currency"].help)
        self.currency_edit.editingFinished.connect(self._commit_currency)
        self.phases = _table("budget_phases", ("Phase", "Budget", "Planned", "Left", ""))
        self.years = _table("budget_years", ("Year", "Budget", "Planned", "Left", ""))
        self.pillars = _table("budget_pillars", ("Pillar", "Planned", "Share", "Initiatives"))
        self.owners = _table("budget_owners", ("Owner", "Planned", "Share", "Initiatives"))
        self.phases.itemChanged.connect(self._phase_budget_edited)
        self.years.itemChanged.connect(self._year_budget_edited)

        top = QFormLayout()
        top.addRow(self.headline)
        top.addRow(self.detail)
        top.addRow(STRATEGY["currency"].label, self.currency_edit)
        grid = QGridLayout()
        for i, (title, table) in enumerate(
            (
                ("By phase (double-click a budget to change it)", self.phases),
                ("By calendar year (double-click a budget to change it)", self.years),
                ("By pillar", self.pillars),
                ("By owner", self.owners),
            )
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            grid.addWidget(box, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.set_document(None)

    # -- document ------------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._on_changed)
        if document is None or self.isVisible() or self.parentWidget() is None:
            self.refresh()
        else:
            # A hidden tab (a window opening a file): the status bar's line now, the tab's
            # tables and totals when it is first shown.
            self.summary = budget_summary(document.strategy, document.schedule)
            self._fill_status(self.summary)
            self._stale = True

    def _on_changed(self, change: Change) -> None:
        if self.isVisible() or self.parentWidget() is None or self._budgeted():
            self.refresh()
        else:
            # A hidden tab with no cost or budget to put in the status bar: its totals are
            # worked out when it is shown (a pass over every initiative saved per edit).
            self._stale = True

    def _budgeted(self) -> bool:
        strategy = self.document.strategy if self.document is not None else None
        return strategy is not None and (
            bool(strategy.year_budgets)
            or any(p.budget is not None for p in strategy.phases)
            # Asked after every edit, of every initiative: the costs are read at C speed.
            or any(map(is_not, map(_COST, strategy.initiatives.values()), repeat(None)))
            or bool(self.status_label.text())  # the last cost was just removed: clear it
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        doc = self.document
        if doc is None:
            self.summary = None
            self.status_label.clear()
            return
        summary = budget_summary(doc.strategy, doc.schedule)
        self.summary = summary
        self._filling = True
        try:
            self._fill(summary, doc)
        finally:
            self._filling = False

    def _money(self, value: float | None) -> str:
        return format_amount(value, self.summary.currency if self.summary else "")

    def _fill(self, summary: BudgetSummary, doc: OpenDocument) -> None:
        total = summary.budget_total
        self.headline.setText(
            f"Planned {self._money(summary.total)}"
            + (f" of {self._money(total)} budgeted" if total is not None else "")
        )
        over = summary.over
        parts = [f"{summary.costed} initiatives costed"]
        if summary.uncosted:
            parts.append(f"{summary.uncosted} without a cost yet")
        if over:
            parts.append("over budget: " + ", ".join(line.name for line in over))
        parts.append("dropped initiatives are not counted")
        self.detail.setText("; ".join(parts) + ".")
        self.detail.setStyleSheet(f"color: {OVER};" if over else "")
        if not self.currency_edit.hasFocus():
            self.currency_edit.setText(doc.strategy.currency)
        self.currency_edit.setReadOnly(doc.readonly)
        self._fill_budgets(self.phases, summary.by_phase, not doc.readonly)
        self._fill_budgets(self.years, summary.by_year, not doc.readonly)
        self._fill_shares(self.pillars, summary.by_pillar, summary.total, pillar=True)
        self._fill_shares(self.owners, summary.by_owner, summary.total)
        self._fill_status(summary)

    def _fill_budgets(self, table: QTableWidget, lines: list[BudgetLine], editable: bool) -> None:
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            left = line.left
            flag = f"⚠ over by {format_amount(-left)}" if line.over and left is not None else ""
            cells = (
                _item(line.name),
                _item(format_amount(line.budget), right=True, editable=editable),
                _item(format_amount(line.planned), right=True),
                _item("" if left is None else format_amount(left), right=True),
                _item(flag),
            )
            for column, cell in enumerate(cells):
                if line.over:
                    cell.setForeground(QBrush(QColor(OVER)))
                table.setItem(row, column, cell)

    def _fill_shares(
        self, table: QTableWidget, lines: list[BudgetLine], total: float, pillar: bool = False
    ) -> None:
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            share = f"{100 * line.planned / total:.0f}%" if total else ""
            name = pillar_label(line.name) if pillar else line.name
            for column, cell in enumerate(
                (
                    _item(name),
                    _item(format_amount(line.planned), right=True),
                    _item(share, right=True),
                    _item(str(line.count), right=True),
                )
            ):
                table.setItem(row, column, cell)

    def _fill_status(self, summary: BudgetSummary) -> None:
        label = self.status_label
        if not summary.has_budget:
            label.clear()
            label.setToolTip("")
            return
        total = summary.budget_total
        text = f"Budget {self._money(summary.total)}"
        if total is not None:
            text += f" of {format_amount(total)}"
        over = summary.over
        if over:
            text = f"⚠ {text}: over in " + ", ".join(line.name for line in over)
        label.setText(text)
        # Red by the palette, not a style sheet: a style sheet set before the window's first
        # show took the label's 10-px margins away, and the status bar sat 20 px off.
        palette = QPalette()
        if over:
            palette.setColor(QPalette.ColorRole.WindowText, QColor(OVER))
        label.setPalette(palette)
        label.setToolTip("Totals by phase, year, pillar and owner: the Budget tab")

    # -- editing -------------------------------------------------------------------------

    def _commit_currency(self) -> None:
        doc = self.document
        text = self.currency_edit.text().strip().upper()
        if doc is None or doc.readonly or text == doc.strategy.currency:
            return
        doc.apply(ChangeStrategy({"currency": text}, text="Change currency"))

    def _amount(self, item: QTableWidgetItem, where: str) -> float | bool | None:
        """The typed budget, None for blank, or False (refused, with the message shown)."""
        assert self.document is not None
        try:
            return coerce(PHASE["budget"], item.text(), where)  # type: ignore[return-value]
        except CxRoadmapError as exc:
            self.document.refuse(str(exc))
            return False

    def _phase_budget_edited(self, item: QTableWidgetItem) -> None:
        doc = self.document
        if self._filling or doc is None or item.column() != BUDGET_COLUMN:
            return
        head = self.phases.item(item.row(), 0)
        name = head.text() if head is not None else ""
        amount = self._amount(item, f"phase {name!r} budget")
        phases = [dataclasses.replace(p) for p in doc.strategy.phases]
        target = next((p for p in phases if p.name == name), None)
        if amount is False or target is None or target.budget == amount:
            self.refresh()
            return
        target.budget = amount
        edit = SetPhases(phases)
        edit.text = f"Change budget of {name}"
        if not doc.apply(edit):
            self.refresh()

    def _year_budget_edited(self, item: QTableWidgetItem) -> None:
        doc = self.document
        if self._filling or doc is None or item.column() != BUDGET_COLUMN:
            return
        head = self.years.item(item.row(), 0)
        if head is None:
            return
        year = int(head.text())
        amount = self._amount(item, f"budget of {year}")
        budgets = dict(doc.strategy.year_budgets)
        if amount is False or budgets.get(year) == amount:
            self.refresh()
            return
        if amount is None:
            budgets.pop(year, None)
        else:
            budgets[year] = amount
        if not doc.apply(
            ChangeStrategy({"year_budgets": budgets}, text=f"Change budget of {year}")
        ):
            self.refresh()
