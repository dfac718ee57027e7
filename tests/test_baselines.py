"""Baselines: take, rename, delete, choose (with undo), variance on a holiday calendar, the file
and the JSON keep them."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxroadmap.domain.baseline_edits import (
    ChooseBaseline,
    DeleteBaseline,
    RenameBaseline,
    TakeBaseline,
)
from cxroadmap.domain.baselines import Baseline, BaselineEntry
from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.interop.jsonfile import parse_json_text, strategy_to_json
from cxroadmap.scheduling.baselines import take, with_baseline
from cxroadmap.scheduling.compare import WorkdayCounter, compare_to_baseline
from cxroadmap.scheduling.output import schedule_to_json
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import Document, read_document, write_document

D = dt.date
HOLIDAYS = [D(2027, 1, 6), D(2027, 1, 15)]  # a Wednesday and a Friday


def plan() -> Strategy:
    s = Strategy("Care", D(2027, 1, 4), holidays=list(HOLIDAYS))
    for key, days in (("A", 5), ("B", 3), ("C", 2)):
        s.initiatives[key] = Initiative(key, f"Task {key}", days)
    s.dependencies.append(Dependency("A", "B"))
    return s


def taken(strategy: Strategy, name: str = "Board approval") -> Baseline:
    return take(schedule(strategy), name, D(2027, 1, 4))


def test_a_baseline_holds_the_dates_and_phases_the_schedule_showed():
    base = taken(plan())
    # Working days: Mon 4, Tue 5, (Wed 6 holiday), Thu 7, Fri 8, Mon 11, Tue 12, Wed 13, Thu 14.
    assert base.entries == [
        BaselineEntry("A", D(2027, 1, 4), D(2027, 1, 11), 5, "Short term"),
        BaselineEntry("B", D(2027, 1, 12), D(2027, 1, 14), 3, "Short term"),
        BaselineEntry("C", D(2027, 1, 4), D(2027, 1, 5), 2, "Short term"),
    ]
    assert base.finish == D(2027, 1, 14)


def test_variance_counts_working_days_on_the_current_calendar_with_holidays():
    s = plan()
    base = taken(s)
    ChangeInitiative("A", {"duration": 7}).apply(s)
    RemoveInitiative("C").apply(s)
    AddInitiative(Initiative("E", "New", 1)).apply(s)
    now = schedule(s)
    c = compare_to_baseline(now, base, s.calendar())
    a, b = c.deltas["A"], c.deltas["B"]
    # A finishes 01-13 instead of 01-11: Mon 11 and Tue 12 lie between.
    assert (a.start_variance_days, a.finish_variance_days) == (0, 2)
    # B: 01-12 -> 01-14 (Tue 12, Wed 13) and 01-14 -> 01-19 (Thu 14, Mon 18; Fri 15 is a holiday).
    assert (b.now.start, b.now.finish) == (D(2027, 1, 14), D(2027, 1, 19))
    assert (b.start_variance_days, b.finish_variance_days) == (2, 2)
    assert (c.added, c.removed) == (["E"], ["C"])
    assert (c.finish_before, c.finish_now, c.finish_variance_days) == (
        D(2027, 1, 14), D(2027, 1, 19), 2)  # fmt: skip
    assert [d.key for d in c.slipped()] == ["A", "B"]
    assert c.moved_phase() == [] and c.critical_now_only == []


def test_the_counting_rule_is_signed_and_counts_days_before_the_start_too():
    count = WorkdayCounter(WorkCalendar(D(2027, 1, 4), holidays=HOLIDAYS)).between
    assert count(D(2027, 1, 4), D(2027, 1, 7)) == 2  # Mon, Tue; Wed is a holiday
    assert count(D(2027, 1, 8), D(2027, 1, 19)) == 6  # Fri 8, 11-14, Mon 18
    assert count(D(2027, 1, 19), D(2027, 1, 8)) == -6
    assert count(D(2027, 1, 1), D(2027, 1, 4)) == 1  # Fri 1 Jan, before the strategy starts
    assert count(D(2027, 1, 9), D(2027, 1, 10)) == 0  # a weekend
    four_days = WorkdayCounter(WorkCalendar(D(2027, 1, 4), ("mon", "tue", "wed", "thu"))).between
    assert four_days(D(2027, 1, 4), D(2027, 1, 18)) == 8


@given(
    st.dates(D(2026, 6, 1), D(2028, 6, 1)),
    st.dates(D(2026, 6, 1), D(2028, 6, 1)),
    st.sets(st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), min_size=1),
    st.lists(st.dates(D(2026, 6, 1), D(2028, 6, 1)), max_size=20),
)
def test_the_counter_agrees_with_counting_day_by_day(a, b, days, holidays):
    calendar = WorkCalendar(D(2027, 1, 4), days, holidays)
    lo, hi = min(a, b), max(a, b)
    brute = sum(1 for n in range((hi - lo).days) if calendar.is_working(lo + dt.timedelta(days=n)))
    assert WorkdayCounter(calendar).between(a, b) == (brute if a <= b else -brute)


def test_take_rename_delete_choose_and_undo_each():
    s = plan()
    first, second = taken(s), taken(s, "Q2 review")
    take1, take2 = TakeBaseline(first), TakeBaseline(second)
    assert take1.apply(s).baselines
    take2.apply(s)
    assert [b.name for b in s.baselines] == ["Board approval", "Q2 review"]
    assert s.chosen_baseline == "Board approval"  # the first one taken is chosen
    rename = RenameBaseline("Board approval", "Board")
    rename.apply(s)
    assert (s.baselines[0].name, s.chosen_baseline) == ("Board", "Board")
    choose = ChooseBaseline("Q2 review")
    choose.apply(s)
    assert s.baseline() is second
    delete = DeleteBaseline("q2 review")  # names are found ignoring case
    delete.apply(s)
    assert (s.baselines, s.chosen_baseline) == ([first], None)
    delete.revert(s)
    assert (s.baselines, s.chosen_baseline) == ([first, second], "Q2 review")
    choose.revert(s)
    assert s.chosen_baseline == "Board"
    rename.revert(s)
    assert (s.baselines[0].name, s.chosen_baseline) == ("Board approval", "Board approval")
    take2.revert(s)
    take1.revert(s)
    assert (s.baselines, s.chosen_baseline) == ([], None)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: TakeBaseline(taken(s, "BOARD APPROVAL")), "already exists"),
        (lambda s: TakeBaseline(Baseline(" padded", D(2027, 1, 4))), "one line"),
        (lambda s: RenameBaseline("Board approval", ""), "must not be empty"),
        (lambda s: RenameBaseline("Nope", "Other"), "baseline 'Nope': no baseline"),
        (lambda s: DeleteBaseline("Nope"), "baseline 'Nope'"),
        (lambda s: ChooseBaseline("Nope"), "baseline 'Nope'"),
    ],
)
def test_bad_names_are_refused_naming_the_baseline_and_change_nothing(edit, message):
    s = plan()
    TakeBaseline(taken(s)).apply(s)
    RenameBaseline("Board approval", "Board approval").apply(s)  # its own name is fine
    before = (list(s.baselines), s.chosen_baseline)
    with pytest.raises(ValidationError, match=message):
        edit(s).apply(s)
    assert (s.baselines, s.chosen_baseline) == before


def test_the_file_keeps_baselines_in_order_with_the_chosen_one(tmp_path):
    s = plan()
    TakeBaseline(taken(s)).apply(s)
    TakeBaseline(taken(s, "Q2 review")).apply(s)
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [s])
    assert read_document(path) == [s]
    with Document.open(path) as doc:
        [(sid, stored)] = doc.load_all_with_ids()
        for edit in (ChooseBaseline("Q2 review"), DeleteBaseline("Board approval")):
            doc.write_change(sid, stored, edit.apply(stored))
    [back] = read_document(path)
    assert [b.name for b in back.baselines] == ["Q2 review"]
    assert back.chosen_baseline == "Q2 review"
    assert back.baselines[0].entries == s.baselines[1].entries


def test_json_round_trip_in_the_contracts_shape():
    s = plan()
    TakeBaseline(taken(s)).apply(s)
    data = strategy_to_json(s)
    assert data["strategy"]["baselines"][0] == {
        "name": "Board approval",
        "taken_on": "2027-01-04",
        "initiatives": [
            {"key": "A", "start": "2027-01-04", "finish": "2027-01-11", "duration": 5,
             "phase": "Short term"},
            {"key": "B", "start": "2027-01-12", "finish": "2027-01-14", "duration": 3,
             "phase": "Short term"},
            {"key": "C", "start": "2027-01-04", "finish": "2027-01-05", "duration": 2,
             "phase": "Short term"},
        ],
    }  # fmt: skip
    assert data["strategy"]["chosen_baseline"] == "Board approval"
    import json

    assert parse_json_text(json.dumps(data)) == s


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda b: b.update(name=""), "strategy.baselines[0].name"),
        (lambda b: b["initiatives"][0].update(duration=-1), "initiatives[0].duration"),
        (lambda b: b["initiatives"][0].update(start="2027-13-01"), "initiatives[0].start"),
        (lambda b: b["initiatives"][0].update(extra=1), "initiatives[0]"),
        (lambda b: b["initiatives"].append(dict(b["initiatives"][0])), "duplicate key"),
    ],
)
def test_bad_baselines_in_json_are_errors_naming_the_field(change, where):
    import json

    s = plan()
    TakeBaseline(taken(s)).apply(s)
    data = strategy_to_json(s)
    change(data["strategy"]["baselines"][0])
    with pytest.raises(ValidationError, match=where.replace("[", r"\[").replace("]", r"\]")):
        parse_json_text(json.dumps(data))


def test_chosen_baseline_must_name_one(tmp_path):
    import json

    data = strategy_to_json(plan())
    data["strategy"]["chosen_baseline"] = "Ghost"
    with pytest.raises(ValidationError, match="no baseline named 'Ghost'"):
        parse_json_text(json.dumps(data))


def test_schedule_json_gains_the_baseline_objects():
    s = plan()
    base = taken(s)
    ChangeInitiative("A", {"duration": 7}).apply(s)
    AddInitiative(Initiative("E", "New", 1)).apply(s)
    result = schedule(s)
    data = with_baseline(schedule_to_json(result), result, base, s.calendar())
    assert data["baseline"] == {
        "name": "Board approval", "taken_on": "2027-01-04", "added": ["E"], "removed": [],
        "finish_variance_days": 2}  # fmt: skip
    by_key = {i["key"]: i for i in data["initiatives"]}
    assert by_key["B"]["baseline"] == {"start": "2027-01-12", "finish": "2027-01-14",
                                       "start_variance_days": 2, "finish_variance_days": 2,
                                       "phase": "Short term"}  # fmt: skip
    assert "baseline" not in by_key["E"]
    plain = schedule_to_json(result)
    assert [k for k in data if k != "baseline"] == list(plain)


def test_a_file_from_before_baselines_gains_the_baseline_tables_when_upgraded(tmp_path):
    import shutil
    from pathlib import Path

    from cxroadmap.storage import check

    path = tmp_path / "old.cxroadmap"
    # A schema 1 file goes through every migration, the baselines' among them.
    shutil.copyfile(Path(__file__).parent / "data" / "schema1_cascade.cxroadmap", path)
    with Document.open(path) as doc:
        assert doc.upgraded_from == 1
        [(sid, s), *_] = doc.load_all_with_ids()
        assert s.baselines == []
        doc.write_change(
            sid, s, TakeBaseline(take(schedule(s), "Board approval", s.start)).apply(s)
        )
    assert check(path) == []
    assert read_document(path)[0].baselines[0].name == "Board approval"


def test_two_strategies_compared_name_the_keys_critical_in_only_one():
    from cxroadmap.scheduling.compare import compare_schedules

    first = Strategy("Plan", D(2027, 1, 4))
    first.initiatives = {"A": Initiative("A", "A", 5), "B": Initiative("B", "B", 3)}
    second = Strategy("Scenario", D(2027, 1, 4))
    second.initiatives = {"B": Initiative("B", "B", 10), "N": Initiative("N", "N", 1)}
    c = compare_schedules(schedule(first), schedule(second), second.calendar())
    assert (c.critical_now_only, c.critical_before_only) == (["B"], [])
    assert (c.added, c.removed) == (["N"], ["A"])
    assert c.deltas["B"].finish_variance_days == 7  # Wed 6 -> Fri 15 January
    assert (c.finish_before, c.finish_now, c.finish_variance_days) == (
        D(2027, 1, 8),
        D(2027, 1, 15),
        5,
    )
    second.initiatives["A"] = Initiative("A", "A", 2)
    c = compare_schedules(schedule(first), schedule(second), second.calendar())
    assert (c.critical_now_only, c.critical_before_only) == (["B"], ["A"])


@given(st.integers(0, 10_000), st.integers(2, 40))
def test_comparing_the_other_way_round_negates_every_variance(seed, n):
    import itertools
    import random

    from cxroadmap.scheduling.compare import compare_schedules

    rng = random.Random(seed)

    def plan_of(keys: list[str]) -> Strategy:
        s = Strategy("P", D(2027, 1, 4), holidays=list(HOLIDAYS))
        for key in keys:
            s.initiatives[key] = Initiative(key, key, rng.randint(0, 15))
        for a, b in itertools.pairwise(keys):
            if rng.random() < 0.5:
                s.dependencies.append(Dependency(a, b, rng.choice(["FS", "SS"]), rng.randint(0, 3)))
        return s

    keys = [f"K{i}" for i in range(n)]
    one = plan_of(rng.sample(keys, rng.randint(1, n)))
    two = plan_of(rng.sample(keys, rng.randint(1, n)))
    calendar = one.calendar()
    a, b = schedule(one), schedule(two)
    there, back = compare_schedules(a, b, calendar), compare_schedules(b, a, calendar)
    assert (there.added, there.removed) == (back.removed, back.added)
    assert there.finish_variance_days == -back.finish_variance_days
    assert set(there.deltas) == set(back.deltas) == set(one.initiatives) & set(two.initiatives)
    for key, delta in there.deltas.items():
        assert delta.start_variance_days == -back.deltas[key].start_variance_days
        assert delta.finish_variance_days == -back.deltas[key].finish_variance_days
        assert (delta.finish_variance_days == 0) == (delta.before.finish == delta.now.finish)
    # Both lists follow the current plan's order, so only their contents swap.
    assert set(there.critical_now_only) == set(back.critical_before_only)
    assert set(there.critical_before_only) == set(back.critical_now_only)
