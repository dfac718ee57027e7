"""The Scenarios menu: Copy as Scenario, Adopt Scenario and Compare Strategies.

Copying adds a strategy to the open file and switches to it (a fresh undo history, as any
switch). Adopting switches to the original and applies one AdoptScenario edit there, so
Edit > Undo puts the original's plan back. Comparing opens the compare view.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.scenarios import (
    AdoptScenario,
    CopyAsScenario,
    adopt_scenario_edits,
    adoption_baseline_name,
)
from cxroadmap.ui import messages
from cxroadmap.ui.cx.switcher import switch_strategy
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named
from cxroadmap.ui.pending_edits import commit_typing

if TYPE_CHECKING:
    from cxroadmap.ui.compare_view import CompareView
    from cxroadmap.ui.main_window import MainWindow


def _action(parent: QObject, text: str, name: str, tip: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setStatusTip(tip)
    return action


class ScenarioCommands(QObject):
    """The window's Scenarios menu; it reads the open document when the menu opens."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = named(QMenu("Sc&enarios", window), "scenarios_menu")
        self.copy_action = _action(
            self,
            "&Copy as Scenario",
            "action_copy_scenario",
            "Copy this strategy as a what-if scenario and edit the copy",
        )
        self.adopt_action = _action(
            self,
            "&Adopt This Scenario",
            "action_adopt_scenario",
            "Replace the original's plan with this scenario's (undoable)",
        )
        self.compare_action = _action(
            self,
            "Co&mpare Strategies…",
            "action_compare",
            "Two strategies' timelines on one date axis, and what differs",
        )
        self.delete_action = _action(
            self,
            "&Delete This Scenario…",
            "action_delete_scenario",
            "Remove this scenario from the file and go back to its original",
        )
        self.menu.addActions([self.copy_action, self.adopt_action, self.delete_action])
        self.menu.addSeparator()
        self.menu.addAction(self.compare_action)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self.copy_action.triggered.connect(self.copy_as_scenario)
        self.adopt_action.triggered.connect(self.adopt)
        self.delete_action.triggered.connect(self.delete_scenario)
        self.compare_action.triggered.connect(self.compare)
        self.menu.aboutToShow.connect(self.update_actions)
        window.undo_group.activeStackChanged.connect(self.update_actions)
        self.compare_view: CompareView | None = None
        self.update_actions()

    @property
    def document(self) -> OpenDocument | None:
        return self.window.document

    def update_actions(self) -> None:
        doc = self.document
        editable = doc is not None and doc.store is not None and not doc.readonly
        self.copy_action.setEnabled(editable)
        self.adopt_action.setEnabled(editable and doc is not None
                                     and doc.strategy.scenario_of is not None)  # fmt: skip
        self.delete_action.setEnabled(self.adopt_action.isEnabled())
        self.compare_action.setEnabled(doc is not None and doc.store is not None)
        view = self.compare_view
        if view is not None and view.document is not doc:
            # It shows the strategy that was open: that document is closed now.
            view.close()
            view.deleteLater()
            self.compare_view = None

    def _strategies(self, doc: OpenDocument) -> list[tuple[int, Strategy]]:
        """(id, strategy) of the file, the open strategy being the live object."""
        assert doc.store is not None
        return [
            (sid, doc.strategy if sid == doc.strategy_id else s)
            for sid, s in doc.store.load_all_with_ids()
        ]

    def copy_as_scenario(self) -> bool:
        """Add a scenario of the open strategy to the file and switch to it."""
        doc = self.document
        if doc is None or doc.store is None or doc.readonly:
            return False
        commit_typing(self.window)
        pairs = self._strategies(doc)
        strategies = [s for _, s in pairs]
        ids = {id(s): sid for sid, s in pairs}
        edit = CopyAsScenario(doc.strategy)
        try:
            change = edit.apply(strategies)
            changed = [(ids[id(s)], s, c) for s, c in change.changed]
            [new_id] = doc.store.add_strategies(change.added, changed)
        except (CxRoadmapError, OSError) as exc:
            if edit.scenario is not None:
                edit.revert(strategies)
            messages.show_error(self.window, "No scenario made", str(exc))
            return False
        scenario = change.added[0]
        switch_strategy(self.window, new_id)
        self.window.statusBar().showMessage(
            f"Made {scenario.name} ({scenario.key}), a scenario of {doc.strategy.name}: edit "
            "it freely; Scenarios > Adopt This Scenario makes it the plan.",
            15000,
        )
        return True

    def adopt(self) -> bool:
        """Switch to the original and replace its plan with this scenario's (one undo step)."""
        doc = self.document
        if doc is None or doc.store is None or doc.readonly or doc.strategy.scenario_of is None:
            return False
        commit_typing(self.window)
        scenario = doc.strategy
        pairs = self._strategies(doc)
        original = Cascade(s for _, s in pairs).original_of(scenario)
        if original is None:
            missing = f"No strategy with key {scenario.scenario_of!r} in this file."
            messages.show_error(self.window, "Not adopted", missing)
            return False
        original_id = next(sid for sid, s in pairs if s is original)
        switch_strategy(self.window, original_id)
        target = self.window.document
        assert target is not None
        return self._adopt_into(target, scenario)

    def _adopt_into(self, target: OpenDocument, scenario: Strategy) -> bool:
        from cxroadmap.scheduling.baselines import take

        target.scheduler.wait()
        if target.schedule is None:
            return target.refuse(f"{target.strategy.name} cannot be scheduled "
                                 f"({target.schedule_error}); nothing was adopted.")  # fmt: skip
        name = adoption_baseline_name(target.strategy, scenario)
        baseline = take(target.schedule, name, dt.date.today())
        edit = AdoptScenario(scenario, baseline)
        done = target.apply_across(
            edit.text, lambda cascade, s: adopt_scenario_edits(cascade, s, edit)
        )
        if done:
            self.window.statusBar().showMessage(
                f"{target.strategy.name} now follows {scenario.name}; its plan before is kept "
                f"as baseline {name!r}. Edit > Undo puts it back.",
                15000,
            )
        return done

    def delete_scenario(self) -> bool:
        """After a confirmation, go back to the original and remove the scenario from the file.

        Not undoable (the undo history is per strategy); the session's backup keeps it.
        """
        doc = self.document
        if doc is None or doc.store is None or doc.readonly or doc.strategy.scenario_of is None:
            return False
        scenario, scenario_id = doc.strategy, doc.strategy_id
        pairs = self._strategies(doc)
        original = Cascade(s for _, s in pairs).original_of(scenario)
        delete = f"Delete {scenario.name}"
        answer = messages.choose_item(
            self.window,
            "Delete scenario",
            f"Remove {scenario.name} and everything in it from the file? This cannot be undone.",
            [delete, "Keep it"],
        )
        if answer != delete or scenario_id is None:
            return False
        others = [sid for sid, s in pairs if s is original] + [
            sid for sid, s in pairs if s is not scenario
        ]
        if not others:
            messages.show_error(self.window, "Not deleted", "It is the only strategy in the file.")
            return False
        switch_strategy(self.window, others[0])
        store = self.window.document.store if self.window.document is not None else None
        assert store is not None
        store.remove_strategy(scenario_id)
        self.window.cx_commands.switcher.refill()
        self.window.statusBar().showMessage(f"Deleted the scenario {scenario.name}.", 10000)
        return True

    def compare(self) -> CompareView | None:
        """Open the compare view: the open strategy against its original or first scenario."""
        from cxroadmap.ui.compare_view import CompareView

        doc = self.document
        if doc is None or doc.store is None:
            return None
        commit_typing(self.window)
        strategies = [s for _, s in self._strategies(doc)]
        cascade = Cascade(strategies)
        current = doc.strategy
        original = cascade.original_of(current)
        scenarios = cascade.scenarios_of(current)
        if original is not None:
            a, b = original, current
        elif scenarios:
            a, b = current, scenarios[0]
        else:
            a = current
            b = next((s for s in strategies if s is not current), current)
        if self.compare_view is not None:
            self.compare_view.close()
            self.compare_view.deleteLater()
        view = self.compare_view = CompareView(doc, strategies, a, b, self.window)
        view.show()
        return view
