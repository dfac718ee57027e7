"""The inspector: every field of the selected initiative, its description and its dependencies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.cascade_edits import rename_initiative_key
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.edits import AddDependency, Change, ChangeInitiative, RemoveDependency
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.fields import coerce
from cxroadmap.domain.model import DEPENDENCY_TYPES, Dependency, Initiative
from cxroadmap.domain.registry import INITIATIVE
from cxroadmap.scheduling.result import COMPLETE, NOT_STARTED
from cxroadmap.ui.baseline_state import baseline_line
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.field_editors import (
    commit_signals,
    editor_value,
    load_editor,
    make_editor,
    set_read_only,
)
from cxroadmap.ui.models.dependencies_model import TYPE_NAMES, DependenciesModel
from cxroadmap.ui.models.initiative_choices import InitiativeChoices
from cxroadmap.ui.naming import named


class Inspector(QScrollArea):
    """Shows one initiative (`set_key`); each field commits as one undoable edit when left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: OpenDocument | None = None
        self.key: str | None = None
        self._loading = False
        self.setWidgetResizable(True)
        self.setMinimumWidth(360)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self.empty = QLabel("Select an initiative to see its details.")
        self.empty.setWordWrap(True)
        self.fields = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.empty)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        self._build_fields()
        self.set_document(None)

    # -- building --------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.schedule_label = named(QLabel(), "inspector_schedule")
        self.schedule_label.setWordWrap(True)
        self.schedule_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and keys are user text
        self.schedule_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # One row per registry field that has an editor, in the registry's order.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, QWidget] = {}
        for f in INITIATIVE.values():
            if f.editor is None:
                continue
            widget = named(make_editor(f), f"inspector_{f.name}")
            self.editors[f.name] = widget
            form.addRow(f.label, widget)
            for signal in commit_signals(f, widget):
                signal.connect(lambda *_, f=f, w=widget: self._commit(f.name, editor_value(f, w)))
        form.addRow("Schedule", self.schedule_label)

        self.deps_model = DependenciesModel(parent=self)
        self.deps_table = named(QTableView(), "inspector_dependencies")
        self.deps_table.setModel(self.deps_model)
        self.deps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deps_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deps_table.verticalHeader().setVisible(False)
        header = self.deps_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.deps_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deps_table.setWordWrap(False)
        self.deps_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.deps_table.setMinimumHeight(150)
        self.other_combo = named(QComboBox(), "dependency_other")
        self.other_combo.setEditable(True)
        self.other_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.other_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.other_combo.setMinimumContentsLength(8)
        self.choices = InitiativeChoices()
        self.other_combo.setModel(self.choices)
        # Typing finds an initiative by any part of its key or title, in a popup.
        completer = QCompleter(self.choices, self.other_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.other_combo.setCompleter(completer)
        self.type_combo = named(QComboBox(), "dependency_type")
        for name in DEPENDENCY_TYPES:
            self.type_combo.addItem(f"{name}  ({TYPE_NAMES[name]})", name)
        self.lag_edit = named(QLineEdit("0"), "dependency_lag")
        self.lag_edit.setToolTip("Lag in working days (12, 3w); negative for a lead")
        self.lag_edit.setMaximumWidth(70)
        self.add_pred_button = named(QPushButton("Add predecessor"), "add_predecessor")
        self.add_succ_button = named(QPushButton("Add successor"), "add_successor")
        self.remove_dep_button = named(QPushButton("Remove"), "remove_dependency")
        self.add_pred_button.clicked.connect(lambda: self.add_dependency(predecessor=True))
        self.add_succ_button.clicked.connect(lambda: self.add_dependency(predecessor=False))
        self.remove_dep_button.clicked.connect(self.remove_selected_dependency)

        deps_box = QGroupBox("Dependencies")
        deps_layout = QVBoxLayout(deps_box)
        deps_layout.addWidget(self.deps_table)
        pick = QFormLayout()
        pick.addRow("Initiative", self.other_combo)
        type_row = QHBoxLayout()
        type_row.addWidget(self.type_combo, 1)
        type_row.addWidget(QLabel("Lag"))
        type_row.addWidget(self.lag_edit)
        pick.addRow("Type", type_row)
        deps_layout.addLayout(pick)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_pred_button)
        buttons.addWidget(self.add_succ_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_dep_button)
        deps_layout.addLayout(buttons)

        outer = QVBoxLayout(self.fields)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(deps_box)

    # -- document and selection ------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.deps_model.set_document(document)
        if document is not None:
            document.changed.connect(self._on_changed)
        self.key = None
        self.refresh()

    def set_key(self, key: str | None) -> None:
        if key == self.key:
            return
        self.key = key
        self.deps_model.set_key(key)
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        doc = self.document
        if self.key is not None and doc is not None and self.key not in doc.strategy.initiatives:
            # A key edit renames the initiative: follow it.
            renamed = change.initiatives - {self.key}
            self.key = next(iter(renamed)) if len(renamed) == 1 else None
            self.deps_model.set_key(self.key)
        self.refresh()

    def initiative(self) -> Initiative | None:
        if self.document is None or self.key is None:
            return None
        return self.document.strategy.initiatives.get(self.key)

    def refresh(self) -> None:
        ini = self.initiative()
        self.empty.setVisible(ini is None)
        self.fields.setVisible(ini is not None)
        if ini is None or self.document is None:
            return
        self._loading = True
        try:
            self._load(ini)
        finally:
            self._loading = False

    def _load(self, ini: Initiative) -> None:
        assert self.document is not None
        strategy = self.document.strategy
        readonly = self.document.readonly
        dpw, phases = strategy.days_per_week, strategy.phase_names()
        for name, widget in self.editors.items():
            load_editor(INITIATIVE[name], widget, getattr(ini, name), dpw, phases)
        self._load_schedule(ini)
        current = self.other_combo.currentData()
        self.choices.sync(strategy, ini.key)
        self.other_combo.setCurrentIndex(self.choices.row_of(current))
        for widget in self.editors.values():
            set_read_only(widget, readonly)
        for button in (self.add_pred_button, self.add_succ_button, self.remove_dep_button):
            button.setEnabled(not readonly)

    def _load_schedule(self, ini: Initiative) -> None:
        assert self.document is not None
        schedule = self.document.schedule
        item = schedule.items.get(ini.key) if schedule is not None else None
        if item is None:
            self.schedule_label.setText(self.document.schedule_error or "not scheduled")
            return
        when = (
            f"{item.start:%a %d %b %Y}"
            if item.is_milestone
            else f"{item.start:%a %d %b %Y} – {item.finish:%a %d %b %Y}"
        )
        slack = "critical" if item.critical else f"{item.slack_days} working days slack"
        reason = f"\nStarts at {item.reason}" if item.reason else ""
        progress = ""
        if item.state != NOT_STARTED:
            done = "100" if item.state == COMPLETE else str(ini.percent_complete)
            progress = f"\n{item.state.capitalize()}, {done} % done"
            if item.behind:
                progress += f", behind by {item.behind_days} working days"
        against = baseline_line(self.document.strategy, schedule, ini.key)
        self.schedule_label.setText(f"{when}\n{item.phase}, {slack}{reason}{progress}{against}")

    # -- editing ---------------------------------------------------------------------------

    def _commit(self, field: str, value: Any) -> bool:
        ini = self.initiative()
        if self._loading or ini is None or self.document is None or self.document.readonly:
            return False
        f = INITIATIVE[field]
        try:
            if coerce(f, value, field, self._days()) == getattr(ini, field):
                return False
        except CxRoadmapError:
            pass  # the edit itself says what is wrong
        text = f"Change {f.label.lower()} of {ini.title!r}"
        if field == "key" and isinstance(value, str):
            # Support links further down the cascade follow the new key, in the same undo step.
            old = ini.key
            done = self.document.apply_across(
                text, lambda cascade, s: rename_initiative_key(cascade, s, old, value)
            )
        else:
            done = self.document.apply(ChangeInitiative(ini.key, {field: value}, text=text))
        if not done:
            self.refresh()  # show the value that stands
        return done

    def _days(self) -> int:
        return self.document.strategy.days_per_week if self.document else 5

    def _other_key(self) -> str | None:
        if self.document is None:
            return None
        data = self.other_combo.currentData()
        text = self.other_combo.currentText().strip()
        if data is not None and self.other_combo.itemText(self.other_combo.currentIndex()) == text:
            return str(data)
        # Typed by hand: accept a key, or "KEY · title" as the list shows it.
        key = text.split("·")[0].strip()
        return key or None

    def add_dependency(self, predecessor: bool) -> bool:
        """Add a dependency between the shown initiative and the picked one; cycles are refused."""
        if self.document is None or self.key is None:
            return False
        other = self._other_key()
        if other is None:
            return self.document.refuse("Pick the initiative to link to first.")
        try:
            lag = parse_duration(
                self.lag_edit.text() or "0", "lag", self._days(), allow_negative=True
            )
        except CxRoadmapError as exc:
            return self.document.refuse(str(exc))
        kind = str(self.type_combo.currentData())
        dep = (
            Dependency(other, self.key, kind, lag)
            if predecessor
            else Dependency(self.key, other, kind, lag)
        )
        return self.document.apply(AddDependency(dep))

    def remove_selected_dependency(self) -> bool:
        index = self.deps_table.currentIndex()
        if self.document is None or not index.isValid():
            return False
        dep = self.deps_model.dependency_at(index.row())
        return self.document.apply(RemoveDependency(dep.from_key, dep.to_key))
