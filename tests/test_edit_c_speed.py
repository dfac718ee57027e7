"""The per-edit passes over every initiative, now made at C speed (compress, list scans) or
over just the initiatives named, give exactly what the loops and dictionaries of every
initiative they replaced gave: the same moved initiatives in the same order, the same rows,
choices and matrix columns, the same rows written to the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from cx_samples import cascade_strategies, touchpoint_strategy
from storage_samples import big_strategy
from views_fixtures import medium_strategy

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.cx_checks import alignment_findings
from cxroadmap.domain.edits import (
    AddInitiative,
    ChangeInitiative,
    CompositeEdit,
    RemoveInitiative,
)
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.scheduling.cascade import alignment_flags, finishes_of, strategy_label
from cxroadmap.scheduling.impact import compare
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage import change_writer
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.ui.budget_panel import BudgetPanel
from cxroadmap.ui.cx.touchpoint_models import MatrixModel
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.models.initiative_choices import InitiativeChoices
from cxroadmap.ui.models.initiatives_model import InitiativesModel
from cxroadmap.ui.views.follow import moved_keys


def test_impact_among_the_moved_keys_equals_the_full_comparison():
    strategy = medium_strategy()
    before = schedule(strategy)
    key = next(iter(strategy.initiatives))
    ChangeInitiative(key, {"duration": strategy.initiatives[key].duration + 9}).apply(strategy)
    after = schedule(strategy)
    moved = {k for k, item in after.items.items() if before.items[k] != item}
    assert len(moved) > 3
    full = compare(before, after)
    for among in (moved, frozenset(moved), sorted(moved, reverse=True), moved | {"nope"}):
        assert compare(before, after, among) == full
    assert list(full.moved) == [k for k in after.items if k in full.moved]  # schedule order


def _interleaved() -> Strategy:
    """Chains A (short) and B (long, critical) on alternate rows, then 100 lone initiatives."""
    strategy = Strategy("Interleaved", dt.date(2027, 1, 4))
    for i in range(20):
        for chain, days in (("A", 2), ("B", 5)):
            strategy.initiatives[f"{chain}{i}"] = Initiative(f"{chain}{i}", f"{chain} {i}", days)
            if i:
                strategy.dependencies.append(Dependency(f"{chain}{i - 1}", f"{chain}{i}"))
    for i in range(100):
        strategy.initiatives[f"C{i}"] = Initiative(f"C{i}", f"C {i}", 1)
    return strategy


def test_table_rows_to_update_are_the_rows_of_the_moved_initiatives(qapp):
    strategy = _interleaved()
    doc = OpenDocument(strategy)
    model = InitiativesModel(doc)
    before = doc.schedule
    change = ChangeInitiative("A10", {"duration": 3}).apply(strategy)
    doc.schedule = schedule(strategy)
    keys = list(strategy.initiatives)
    rows = sorted(keys.index(k) for k in moved_keys(change, before, doc.schedule))
    assert rows == list(range(0, 40, 2))  # every A: dates or slack
    blocks = model._rows_to_update(change, before)
    assert blocks == [(row, row) for row in rows]


def test_choices_leave_out_the_excluded_key_only(qapp):
    strategy = medium_strategy()
    keys = list(strategy.initiatives)
    choices = InitiativeChoices()
    for excluded in (keys[5], None, "not a key"):
        choices.sync(strategy, excluded)
        shown = [choices.index(r).data(0x0100) for r in range(choices.rowCount())]
        assert shown == [k for k in keys if k != excluded]


def test_matrix_columns_every_initiative_or_the_linked_ones(qapp):
    strategy = touchpoint_strategy()
    model = MatrixModel(OpenDocument(strategy))
    assert model.initiative_keys() == list(strategy.initiatives)
    model.set_linked_only(True)
    touchpoints = {tp.key for tp in strategy.touchpoints}
    linked = [k for k, i in strategy.initiatives.items() if set(i.touchpoints) & touchpoints]
    assert model.initiative_keys() == linked != list(strategy.initiatives)


def _rows(path):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [
            (table, sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr))
            for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
    finally:
        conn.close()


def _edited_file(path, few, monkeypatch):
    """The rows of a file of 60 initiatives after eight edits, places looked up `few` at a time."""
    monkeypatch.setattr(change_writer, "_FEW_KEYS", few)
    strategy = big_strategy(60)
    write_document(path, [strategy])
    keys = list(strategy.initiatives)
    edits = [
        ChangeInitiative(keys[0], {"duration": 9, "title": "First"}),
        ChangeInitiative(keys[59], {"duration": 2}),
        AddInitiative(Initiative("MID", "In the middle", 3), index=30),
        AddInitiative(Initiative("TOP", "At the top", 1), index=0),
        CompositeEdit("Three", [ChangeInitiative(k, {"duration": 4}) for k in keys[10:13]]),
        CompositeEdit("Twelve", [ChangeInitiative(k, {"duration": 5}) for k in keys[20:32]]),
        RemoveInitiative(keys[40]),
        ChangeInitiative(keys[41], {"key": "RENAMED"}),
    ]
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        for edit in edits:
            doc.write_change(sid, strategy, edit.apply(strategy))
        assert doc.load(sid) == strategy
    assert list(read_document(path)[0].initiatives) == list(strategy.initiatives)
    return _rows(path)


def test_writing_a_few_initiatives_stores_what_the_dictionary_of_places_stored(
    tmp_path, monkeypatch
):
    few = _edited_file(tmp_path / "few.cxroadmap", change_writer._FEW_KEYS, monkeypatch)
    every = _edited_file(tmp_path / "every.cxroadmap", 0, monkeypatch)  # the dictionary
    assert few == every


def test_support_pairs_and_flags_equal_the_plain_walk():
    strategies = cascade_strategies()
    strategies[1].initiatives["LONE"] = Initiative("LONE", "Supports nothing", 3)
    strategies[1].initiatives["STD"].duration = 40  # finishes after ORG/VIS, which it supports
    cascade = Cascade(strategies)
    plain = [
        (s.key, ini.key, str(link))
        for s in strategies
        for ini in s.initiatives.values()
        for link in ini.supports
        if cascade.resolve(link) is not None
    ]
    found = cascade.support_pairs()
    assert [(p.child_strategy.key, p.child.key, str(p.link)) for p in found] == plain
    assert len(plain) >= 3
    schedules = {strategy_label(s): schedule(s) for s in strategies}
    flags = alignment_flags(cascade, schedules)
    assert flags == alignment_findings(cascade, finishes_of(cascade, schedules))
    assert [f.initiatives for f in flags] == [("STD",)]
    alone = Cascade([strategies[0]])
    assert alignment_flags(alone, {strategy_label(strategies[0]): schedule(strategies[0])}) == []


def _plain_moved(change, before, after) -> set[str]:
    """What moved_keys answers, the plain way: the dataclass's == item by item."""
    moved = {k for k, item in after.items.items() if before.items.get(k) != item}
    return moved | change.initiatives


def test_moved_keys_paired_in_order_equal_the_plain_comparison():
    strategy = _interleaved()
    keys = list(strategy.initiatives)
    before = schedule(strategy)
    for edit in (
        ChangeInitiative("A10", {"duration": 3}),
        ChangeInitiative("B3", {"duration": 9}),
        ChangeInitiative("C5", {"title": "Renamed, dates kept"}),
        ChangeInitiative("B0", {"duration": 1}),
        ChangeInitiative("A2", {"duration": 2}),  # its own value: nothing moves
    ):
        change = edit.apply(strategy)
        after = schedule(strategy)
        assert moved_keys(change, before, after) == _plain_moved(change, before, after)
        before = after
    # The same items in another order (not paired by position): compared key by key.
    change = ChangeInitiative("B19", {"duration": 2}).apply(strategy)
    after = schedule(strategy)
    shuffled = replace(after, items={k: after.items[k] for k in reversed(keys)})
    assert moved_keys(change, before, shuffled) == _plain_moved(change, before, after)
    assert len(_plain_moved(change, before, after)) > 1


def test_the_budget_tab_asks_for_costs_as_the_plain_test_of_each_initiative(qapp):
    strategy = medium_strategy()
    panel = BudgetPanel()
    panel.set_document(OpenDocument(strategy))
    keys = list(strategy.initiatives)
    for key, cost in ((None, None), (keys[7], 0), (keys[7], None), (keys[-1], 1200)):
        if key is not None:
            strategy.initiatives[key].cost = cost
        plain = any(ini.cost is not None for ini in strategy.initiatives.values())
        assert panel._budgeted() == plain == (key is not None and cost is not None)
