"""Each edit is written to the file as one transaction: reopening gives the in-memory strategy."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_samples import big_strategy, digest, rich_strategy

from cxroadmap.domain import (
    AddDependency,
    AddInitiative,
    ChangeDependency,
    ChangeInitiative,
    ChangeStrategy,
    CompositeEdit,
    CxRoadmapError,
    Dependency,
    Initiative,
    Phase,
    RemoveDependency,
    RemoveInitiative,
    SetPhases,
)
from cxroadmap.storage import DocumentError, change_writer
from cxroadmap.storage.document import Document, read_document, write_document


@pytest.fixture
def opened(tmp_path):
    """(document, strategy id, in-memory strategy) on a file holding rich_strategy()."""
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    doc = Document.open(path)
    yield doc, doc.strategy_ids()[0], doc.load()
    doc.close()


def _reopened(doc, strategy_id):
    with Document.open(doc.path, readonly=True) as again:
        return again.load(strategy_id)


def _assert_stored(doc, strategy_id, strategy):
    stored = _reopened(doc, strategy_id)
    assert stored == strategy
    assert list(stored.initiatives) == list(strategy.initiatives)
    assert stored.dependencies == strategy.dependencies


EDITS = {
    "add initiative at the end": lambda: AddInitiative(Initiative("NEW", "New one ∑", 4)),
    "add initiative in the middle": lambda: AddInitiative(
        Initiative("MID", "Middle <b>", 2, phase="Mittel"), index=2
    ),
    "remove initiative": lambda: RemoveInitiative("V1"),
    "remove the last initiative": lambda: RemoveInitiative("Кл1"),
    "change initiative fields": lambda: ChangeInitiative(
        "TR1",
        {
            "title": "Renamed Ελληνικά",
            "duration": "2w",
            "impact": 1,
            "status": "in progress",
            "not_before": "2027-03-01",
            "phase": None,
            "owner": "漢字",
        },
    ),
    "rename initiative key": lambda: ChangeInitiative("V1", {"key": "VISION"}),
    "add dependency": lambda: AddDependency(Dependency("M1", "Кл1", "SS", 2)),
    "remove dependency": lambda: RemoveDependency("V1", "TR1"),
    "change dependency": lambda: ChangeDependency("V1", "REC1", type="FF", lag="-1w"),
    "change strategy": lambda: ChangeStrategy(
        {
            "name": "New name Кириллица",
            "level": "organization",
            "start": "2027-02-01",
            "values": ["Only one"],
            "working_days": ["mon", "tue", "wed"],
            "holidays": ["2027-05-01", "2027-04-02"],
            "max_parallel": None,
            "vision": "",
        }
    ),
    "set phases with a rename": lambda: SetPhases(
        [Phase("Short", 4), Phase("Medium", 30), Phase("Rest")], {"Kurz": "Short"}
    ),
    "composite": lambda: CompositeEdit(
        "Several",
        [
            AddInitiative(Initiative("X1", "Extra", 1)),
            AddDependency(Dependency("X1", "V1")),
            ChangeInitiative("REC1", {"key": "R1", "title": "Recruit"}),
            RemoveDependency("V1", "TR1"),
            RemoveInitiative("M1"),
            ChangeStrategy({"owner": "Someone else"}),
        ],
    ),
    "composite that swaps two keys": lambda: CompositeEdit(
        "Swap",
        [
            ChangeInitiative("V1", {"key": "TMP"}),
            ChangeInitiative("REC1", {"key": "V1"}),
            ChangeInitiative("TMP", {"key": "REC1"}),
        ],
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_and_its_undo_are_each_stored_exactly(opened, name):
    doc, sid, strategy = opened
    edit = EDITS[name]()
    before = _reopened(doc, sid)
    doc.write_change(sid, strategy, edit.apply(strategy))
    _assert_stored(doc, sid, strategy)
    assert strategy != before
    doc.write_change(sid, strategy, edit.revert(strategy))
    _assert_stored(doc, sid, before)
    doc.write_change(sid, strategy, edit.apply(strategy))
    _assert_stored(doc, sid, strategy)


def test_a_renamed_key_keeps_its_dependencies_in_the_file(opened):
    doc, sid, strategy = opened
    doc.write_change(sid, strategy, ChangeInitiative("V1", {"key": "VISION"}).apply(strategy))
    stored = _reopened(doc, sid)
    assert [d.pair for d in stored.dependencies][:2] == [("VISION", "REC1"), ("VISION", "TR1")]


def test_a_change_naming_nothing_writes_nothing(opened):
    doc, sid, strategy = opened
    before = digest(doc.path)
    doc.write_change(sid, strategy, CompositeEdit("Nothing", []).apply(strategy))
    assert digest(doc.path) == before


def test_a_failing_write_leaves_the_file_as_before(opened, monkeypatch):
    doc, sid, strategy = opened
    before_bytes = digest(doc.path)
    before = _reopened(doc, sid)
    edit = CompositeEdit(
        "Half",
        [
            ChangeInitiative("REC1", {"title": "Written first"}),
            AddDependency(Dependency("M1", "Кл1")),
            ChangeStrategy({"name": "Also written"}),
        ],
    )
    change = edit.apply(strategy)

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(change_writer, "_write_dependencies", fail)
    with pytest.raises(OSError, match="disk full"):
        doc.write_change(sid, strategy, change)
    assert digest(doc.path) == before_bytes
    _assert_stored(doc, sid, before)
    monkeypatch.undo()
    doc.write_change(sid, strategy, change)
    _assert_stored(doc, sid, strategy)


def test_a_value_the_file_refuses_rolls_back_the_whole_change(opened):
    doc, sid, strategy = opened
    before = _reopened(doc, sid)
    strategy.name = "Changed too"
    strategy.initiatives["REC1"].impact = 11  # not through an edit: the CHECK constraint stops it
    with pytest.raises(DocumentError, match="could not save"):
        doc.write_change(
            sid,
            strategy,
            ChangeStrategy({}).apply(strategy).merge(ChangeInitiative("REC1", {}).apply(strategy)),
        )
    _assert_stored(doc, sid, before)


def test_an_unknown_strategy_id_is_refused(opened):
    doc, _, strategy = opened
    with pytest.raises(DocumentError, match="no strategy with id 99"):
        doc.write_change(99, strategy, ChangeStrategy({"owner": "x"}).apply(strategy))


def test_a_change_to_one_strategy_leaves_the_others_alone(tmp_path):
    path = tmp_path / "two.cxroadmap"
    write_document(path, [rich_strategy(), rich_strategy()])
    with Document.open(path) as doc:
        first, _ = doc.strategy_ids()
        strategy = doc.load(first)
        for edit in (RemoveInitiative("V1"), ChangeInitiative("REC1", {"key": "V1"})):
            doc.write_change(first, strategy, edit.apply(strategy))
    assert read_document(path) == [strategy, rich_strategy()]


# A random walk of edits and undos: after every step the file equals memory.
_KEYS = ["REC1", "V1", "TR1", "M1", "Кл1", "N1", "N2", "N3"]
_step = st.tuples(
    st.sampled_from(["add", "remove", "rename", "change", "dep", "undep", "redep", "undo"]),
    st.sampled_from(_KEYS),
    st.sampled_from(_KEYS),
    st.integers(min_value=0, max_value=6),
)


def _edit_for(strategy, kind, a, b, n):
    if kind == "add":
        return AddInitiative(Initiative(a, f"Added {a}", n), index=n)
    if kind == "remove":
        return RemoveInitiative(a)
    if kind == "rename":
        return ChangeInitiative(a, {"key": b})
    if kind == "change":
        return ChangeInitiative(a, {"duration": n, "title": f"T{n}", "impact": 1 + n % 5})
    if kind == "dep":
        return AddDependency(Dependency(a, b, ["FS", "SS", "FF", "SF"][n % 4], n - 3))
    if kind == "undep":
        return RemoveDependency(a, b)
    return ChangeDependency(a, b, lag=n)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(_step, min_size=1, max_size=12))
def test_any_sequence_of_edits_and_undos_is_stored_exactly(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("walk") / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    done = []
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        strategy = doc.load(sid)
        for kind, a, b, n in steps:
            if kind == "undo":
                if done:
                    doc.write_change(sid, strategy, done.pop().revert(strategy))
            else:
                edit = _edit_for(strategy, kind, a, b, n)
                try:
                    change = edit.apply(strategy)
                except CxRoadmapError:
                    continue
                doc.write_change(sid, strategy, change)
                done.append(edit)
            _assert_stored(doc, sid, strategy)
        while done:
            doc.write_change(sid, strategy, done.pop().revert(strategy))
    [back] = read_document(path)
    assert back == rich_strategy()
    assert list(back.initiatives) == list(rich_strategy().initiatives)
    assert back.start == dt.date(2027, 1, 4)


def test_many_inserts_at_one_spot_keep_the_order_once_the_gap_is_used_up(opened):
    doc, sid, strategy = opened
    for n in range(25):
        doc.write_change(
            sid, strategy, AddInitiative(Initiative(f"N{n}", "New", 1), 1).apply(strategy)
        )
    _assert_stored(doc, sid, strategy)
    assert list(strategy.initiatives)[:3] == ["REC1", "N24", "N23"]


def test_undoing_the_removal_of_a_well_connected_initiative_restores_dependency_order(tmp_path):
    path = tmp_path / "big.cxroadmap"
    write_document(path, [big_strategy(60)])
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        strategy = doc.load(sid)
        edit = RemoveInitiative("I00030")
        doc.write_change(sid, strategy, edit.apply(strategy))
        doc.write_change(sid, strategy, edit.revert(strategy))
        _assert_stored(doc, sid, strategy)
    assert read_document(path) == [big_strategy(60)]


def test_an_edit_touching_hundreds_of_initiatives_is_stored(tmp_path):
    path = tmp_path / "big.cxroadmap"
    big = big_strategy(900)
    for ini in big.initiatives.values():
        ini.phase = "Short term"
    write_document(path, [big])
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        strategy = doc.load(sid)
        edit = SetPhases([Phase("Soon", 10), Phase("Later")], {"Short term": "Soon"})
        doc.write_change(sid, strategy, edit.apply(strategy))
        _assert_stored(doc, sid, strategy)
        assert {i.phase for i in _reopened(doc, sid).initiatives.values()} == {"Soon"}
        doc.write_change(sid, strategy, edit.revert(strategy))
    assert read_document(path) == [big]
