"""The Touchpoints tab: the moments of truth in a list, and an editor for the one selected."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.fields import coerce
from cxroadmap.domain.registry import TOUCHPOINT
from cxroadmap.domain.touchpoint_edits import (
    AddOpportunity,
    AddTouchpoint,
    ChangeTouchpoint,
    ConvertOpportunity,
    RemoveOpportunity,
    RemoveTouchpoint,
)
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.ui.cx.touchpoint_models import TouchpointsModel, keyed_rows_table
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.field_editors import RecordForm
from cxroadmap.ui.naming import named
from cxroadmap.ui.selection import Selection


class TouchpointEditor(QWidget):
    """Every field of one touchpoint; each field commits as one undoable edit when left."""

    def __init__(self, page: TouchpointsPage) -> None:
        super().__init__()
        self.page = page
        self.key: str | None = None
        form = QFormLayout(self)
        # One row per touchpoint field that declares an editor, in the registry's order;
        # the opportunities, with their buttons, follow.
        self.form = RecordForm(form, TOUCHPOINT.values(), "tp", self._commit)
        self.editors = self.form.editors
        self.opportunities = named(QListWidget(), "tp_opportunities")
        self.opportunities.setFixedHeight(110)
        self.opportunities.setWordWrap(True)
        self.opportunities.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_opportunity = named(QLineEdit(), "tp_new_opportunity")
        self.new_opportunity.setPlaceholderText("An improvement opportunity, then Enter")
        self.add_opportunity = named(QPushButton("Add"), "tp_add_opportunity")
        self.remove_opportunity = named(QPushButton("Remove"), "tp_remove_opportunity")
        self.make_initiative = named(QPushButton("Make Initiative"), "tp_make_initiative")
        self.make_initiative.setToolTip(
            "Turn the selected opportunity into an initiative that addresses this touchpoint"
        )
        row = QHBoxLayout()
        row.addWidget(self.new_opportunity, 1)
        row.addWidget(self.add_opportunity)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_initiative)
        buttons.addWidget(self.remove_opportunity)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self.opportunities)
        box.addLayout(row)
        box.addLayout(buttons)
        form.addRow("Opportunities", box)

        self.new_opportunity.returnPressed.connect(self._add_opportunity)
        self.add_opportunity.clicked.connect(self._add_opportunity)
        self.remove_opportunity.clicked.connect(self._remove_opportunity)
        self.make_initiative.clicked.connect(self.convert_selected)
        self.opportunities.currentRowChanged.connect(lambda _=0: self._update_buttons())
        self.opportunities.itemDoubleClicked.connect(self._go_to_initiative)
        self._loading = False

    @property
    def document(self) -> OpenDocument:
        return self.page.document

    def _touchpoint(self) -> Touchpoint | None:
        return None if self.key is None else self.document.strategy.touchpoint(self.key)

    def show_touchpoint(self, key: str | None) -> None:
        if key != self.key:
            self.opportunities.setCurrentRow(-1)
        self.key = key
        tp = self._touchpoint()
        self._loading = True
        try:
            self.setEnabled(tp is not None)
            self.form.load(tp, self.document.readonly)
            current = self.opportunities.currentRow()
            self.opportunities.clear()
            strategy = self.document.strategy
            for opp in tp.opportunities if tp is not None else []:
                text = opp.text
                if opp.initiative_key is not None:
                    ini = strategy.initiatives.get(opp.initiative_key)
                    title = ini.title if ini is not None else opp.initiative_key
                    text += f"   → {opp.initiative_key}: {title}"
                item = QListWidgetItem(text)
                if opp.initiative_key is not None:
                    item.setToolTip("Already an initiative: double-click to select it")
                self.opportunities.addItem(item)
            if not 0 <= current < self.opportunities.count() and tp is not None:
                # Ready for Make Initiative: the first opportunity not yet made into one.
                current = next(iter(tp.open_opportunities), 0)
            if 0 <= current < self.opportunities.count():
                self.opportunities.setCurrentRow(current)
        finally:
            self._loading = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        tp = self._touchpoint()
        row = self.opportunities.currentRow()
        editable = not self.document.readonly
        has = tp is not None and 0 <= row < len(tp.opportunities)
        open_ = has and tp is not None and tp.opportunities[row].initiative_key is None
        self.make_initiative.setEnabled(editable and open_)
        self.remove_opportunity.setEnabled(editable and has)

    def _commit(self, name: str, value: object) -> None:
        tp = self._touchpoint()
        if self._loading or tp is None:
            return
        try:
            if coerce(TOUCHPOINT[name], value, name) == getattr(tp, name):
                return
        except CxRoadmapError:
            pass  # the edit refuses it and says why
        self.document.apply(ChangeTouchpoint(tp.key, {name: value}))

    def _add_opportunity(self) -> None:
        text = self.new_opportunity.text().strip()
        tp = self._touchpoint()
        if not text or tp is None:
            return
        if self.document.apply(AddOpportunity(tp.key, text)):
            self.new_opportunity.clear()
            self.opportunities.setCurrentRow(self.opportunities.count() - 1)

    def _remove_opportunity(self) -> None:
        tp = self._touchpoint()
        row = self.opportunities.currentRow()
        if tp is not None and row >= 0:
            self.document.apply(RemoveOpportunity(tp.key, row))

    def convert_selected(self) -> str | None:
        """Make the selected opportunity an initiative (one undo step) and select it."""
        tp = self._touchpoint()
        row = self.opportunities.currentRow()
        if tp is None or row < 0:
            return None
        edit = ConvertOpportunity(tp.key, row)
        if not self.document.apply(edit) or edit.initiative is None:
            return None
        key = edit.initiative.key
        self.page.selection.set_keys([key], self)
        self.page.initiative_made.emit(key)
        return key

    def _go_to_initiative(self, item: QListWidgetItem) -> None:
        tp = self._touchpoint()
        row = self.opportunities.row(item)
        if tp is not None and 0 <= row < len(tp.opportunities):
            key = tp.opportunities[row].initiative_key
            if key is not None:
                self.page.selection.set_keys([key], self)


class TouchpointsPage(QWidget):
    """List on the left (add, delete, edit in place), the selected touchpoint on the right."""

    initiative_made = Signal(str)

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        feed: ChangeFeed | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.selection = selection if selection is not None else Selection(self)
        self.model = TouchpointsModel(document, self)
        self.table = keyed_rows_table(
            self.model, "touchpoints_table", {0: 90, 2: 90, 3: 90, 4: 44, 5: 130}
        )
        self.add_button = named(QPushButton("Add Touchpoint"), "tp_add")
        self.remove_button = named(QPushButton("Delete Touchpoint"), "tp_remove")
        self.summary = named(QLabel(), "tp_summary")
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        intro = QLabel(
            "The customer's moments of truth: what happens now, what should happen, and the "
            "gap between. Turn each improvement opportunity into an initiative."
        )
        intro.setWordWrap(True)
        left_layout.addWidget(intro)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.summary)
        self.editor = TouchpointEditor(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(self.add_touchpoint)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.editor.show_touchpoint(self.model.key_at(current.row()))
        )
        (feed or DirectFeed(document)).attach(self)  # fills the table now or when first shown

    def current_key(self) -> str | None:
        return self.editor.key

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def refresh(self) -> None:
        key = self.editor.key
        points = self.document.strategy.touchpoints
        if key is None or self.document.strategy.touchpoint(key) is None:
            key = points[0].key if points else None
        if key is not None:
            self.select(key)
        self.editor.show_touchpoint(key)
        editable = not self.document.readonly
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and key is not None)
        self.summary.setText(self._summary())

    def _summary(self) -> str:
        schedule = self.document.schedule
        warnings = [w for w in (schedule.warnings if schedule else []) if "Touchpoint " in w]
        count = len(self.document.strategy.touchpoints)
        text = f"{count} touchpoint{'s' if count != 1 else ''}."
        if warnings:
            text += " ⚠ " + " ⚠ ".join(warnings)
        return text

    def follow(self, change: Change) -> None:
        """Bring the view up to date after `change` (the feed calls this while it is shown)."""
        self.refresh()

    def add_touchpoint(self) -> str | None:
        strategy = self.document.strategy
        n = len(strategy.touchpoints) + 1
        while strategy.touchpoint(f"TP{n}") is not None:
            n += 1
        key = f"TP{n}"
        if not self.document.apply(AddTouchpoint(Touchpoint(key, f"New touchpoint {n}"))):
            return None
        self.select(key)
        name = self.editor.editors["name"]
        name.setFocus()
        if isinstance(name, QLineEdit):
            name.selectAll()
        return key

    def remove_current(self) -> None:
        key = self.editor.key
        if key is not None:
            self.document.apply(RemoveTouchpoint(key))
