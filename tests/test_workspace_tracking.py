"""Baselines and scenarios through a workspace: between two laptops via a real server."""

import datetime as dt
import json

import pytest
from workspace_helpers import edit, strategy, sync

from cxroadmap.app import main
from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.baseline_edits import ChooseBaseline, DeleteBaseline, TakeBaseline
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.domain.scenarios import CopyAsScenario
from cxroadmap.scheduling.baselines import take
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import Document, write_document


def schedule_json(path, capsys, *args):
    capsys.readouterr()
    assert main(["schedule", str(path), "--strategy", "CARE", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_baseline_taken_on_one_laptop_reaches_the_other_with_its_choice(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    capsys.readouterr()
    assert main(["baseline", str(a), "--strategy", "CARE", "take", "Board approval"]) == 0
    assert sync(a, capsys)[0] == 0
    assert ws.server_items("CARE")[("order", "")]["baselines"] == ["Board approval"]
    assert ws.server_items("CARE")[("strategy", "")]["chosen_baseline"] == "Board approval"
    assert sync(b, capsys)[0] == 0
    taken = strategy(a, "CARE").baselines
    assert strategy(b, "CARE").baselines == taken and len(taken[0].entries) == 7
    assert strategy(b, "CARE").chosen_baseline == "Board approval"
    # The same variance on both laptops after a change that moves the plan.
    assert main(["set", str(a), "--strategy", "CARE", "C-STD", "duration=40"]) == 0
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    one, two = (schedule_json(p, capsys, "--baseline", "Board approval") for p in (a, b))
    assert one == two
    assert one["baseline"]["finish_variance_days"] > 0


def test_baselines_taken_on_both_sides_are_both_kept_and_a_deletion_travels(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    for path, name, day in ((a, "Q1 review", 10), (b, "Budget", 12)):
        with Document.open(path) as doc:
            care = next(s for s in doc.load_all() if s.key == "CARE")
        edit(path, "CARE", TakeBaseline(take(schedule(care), name, dt.date(2027, 1, day))))
    assert sync(a, capsys)[0] == 0
    # Both baselines merge; each laptop chose its own first one: that choice conflicts.
    code, out, _ = sync(b, capsys)
    assert (code, out) == (3, 'CARE\tCARE\tchosen_baseline\t"Budget"\t"Q1 review"\n')
    assert main(["resolve", str(b), "CARE.chosen_baseline", "--theirs"]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        care = strategy(path, "CARE")
        assert [x.name for x in care.baselines] == ["Q1 review", "Budget"]
        assert care.chosen_baseline == "Q1 review"
    # b deletes the baseline a chose; the choice goes with it on both laptops.
    edit(b, "CARE", DeleteBaseline("Q1 review"))
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        care = strategy(path, "CARE")
        assert [x.name for x in care.baselines] == ["Budget"]
    assert ("baseline", "Q1 review") not in ws.server_items("CARE")


def test_a_baseline_chosen_on_one_side_and_deleted_on_the_other_leaves_none_chosen(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert main(["baseline", str(a), "--strategy", "CARE", "take", "First"]) == 0
    assert main(["baseline", str(a), "--strategy", "CARE", "take", "Second"]) == 0
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    assert strategy(b, "CARE").chosen_baseline == "First"
    edit(a, "CARE", ChooseBaseline("Second"))
    edit(b, "CARE", DeleteBaseline("Second"))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        care = strategy(path, "CARE")
        assert [x.name for x in care.baselines] == ["First"]
        assert care.chosen_baseline is None
    assert main(["check", str(a)]) == 0


def test_the_same_baseline_name_taken_on_both_sides_is_a_conflict(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert main(["baseline", str(a), "--strategy", "CARE", "take", "Board"]) == 0
    assert main(["set", str(b), "--strategy", "CARE", "C-STD", "duration=40"]) == 0
    assert main(["baseline", str(b), "--strategy", "CARE", "take", "Board"]) == 0
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    assert "CARE\tbaseline:Board\tentries\t" in out
    assert main(["resolve", str(b), "baseline:Board.entries", "--theirs"]) == 0
    assert sync(b, capsys)[0] == 0
    assert strategy(b, "CARE").baselines == strategy(a, "CARE").baselines


def test_a_scenario_round_trips_between_two_laptops(ws, pg_cluster, tmp_path, capsys):
    # The organisation's document holds a scenario of CARE; the owner publishes it.
    strategies = demo_cascade()
    care = next(s for s in strategies if s.key == "CARE")
    CopyAsScenario(care).apply(strategies)
    scenario = strategies[-1]
    assert (scenario.key, scenario.scenario_of) == ("CARE-S1", "CARE")
    source = tmp_path / "with-scenario.cxroadmap"
    write_document(source, strategies)
    capsys.readouterr()
    assert main(["publish", str(source), "--to", ws.url()]) == 2  # ORG and the rest: there
    scenario_only = tmp_path / "scenario.cxroadmap"
    write_document(scenario_only, [scenario])
    assert main(["publish", str(scenario_only), "--to", ws.url()]) == 0
    assert ws.server_items("CARE-S1")[("strategy", "")]["scenario_of"] == "CARE"
    a, b = ws.laptop("a"), ws.laptop("b")
    assert strategy(a, "CARE-S1").scenario_of == "CARE"
    # a tries the what-if: a longer C-STD in the scenario; b sees it after syncing.
    edit(a, "CARE-S1", ChangeInitiative("C-STD", {"duration": 60}))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    assert strategy(b, "CARE-S1").initiatives["C-STD"].duration == 60
    assert strategy(b, "CARE").initiatives["C-STD"].duration != 60
    capsys.readouterr()
    assert main(["compare", str(b), "CARE-S1", "CARE", "--json"]) == 0
    compared = json.loads(capsys.readouterr().out)
    assert compared["a"]["scenario_of"] == "CARE"


def make_scenario(path, of="CARE"):
    """Copy a strategy as a scenario in a copy, the app's way (one document edit)."""
    with Document.open(path) as doc:
        strategies = doc.load_all()
        original = next(s for s in strategies if s.key == of)
        change = CopyAsScenario(original).apply(strategies)
        doc.add_strategies(change.added, [])
    return change.added[0]


def test_a_scenario_made_in_a_copy_is_created_in_the_workspace_and_reaches_the_other(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    scenario = make_scenario(a)
    assert scenario.key == "CARE-S1" and len(scenario.initiatives) == 7
    edit(a, "CARE-S1", ChangeInitiative("C-STD", {"duration": 60}))
    capsys.readouterr()
    assert main(["sync", str(a)]) == 0
    assert "CARE-S1: created in the workspace" in capsys.readouterr().err
    server = ws.server_items("CARE-S1")
    assert server[("strategy", "")]["scenario_of"] == "CARE"
    assert server[("initiative", "C-STD")]["duration"] == 60
    assert strategy(a, "CARE-S1").initiatives["C-STD"].duration == 60  # kept in the copy
    capsys.readouterr()
    assert main(["sync", str(b)]) == 0
    assert "CARE-S1: new in the workspace, added to this copy" in capsys.readouterr().err
    got = strategy(b, "CARE-S1")
    assert (got.scenario_of, len(got.initiatives)) == ("CARE", 7)
    assert got == strategy(a, "CARE-S1")
    # From then on it syncs like any strategy, both ways.
    edit(b, "CARE-S1", ChangeInitiative("C-FCR", {"owner": "Ben"}))
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    assert strategy(a, "CARE-S1").initiatives["C-FCR"].owner == "Ben"
    assert main(["check", str(b)]) == 0


def test_a_scenario_the_role_may_not_create_is_refused_and_kept(ws, capsys):
    ana = ws.role("ana", edit=["CARE"], read=["ORG"])
    path = ws.laptop("ana", ana)
    make_scenario(path)
    capsys.readouterr()
    assert main(["sync", str(path)]) == 2
    assert "error: you may not edit CARE-S1" in capsys.readouterr().err
    assert len(strategy(path, "CARE-S1").initiatives) == 7  # nothing lost in the copy
    assert ws.server_items("CARE-S1") == {}
    # Once the owner grants it, the next sync creates it.
    assert main(["workspace", "grant", ws.url(), ana, "--strategy", "CARE-S1", "--edit"]) == 0
    capsys.readouterr()
    assert main(["sync", str(path)]) == 0
    assert "CARE-S1: created in the workspace" in capsys.readouterr().err
    assert len([k for k in ws.server_items("CARE-S1") if k[0] == "initiative"]) == 7


def test_a_scenario_key_taken_meanwhile_is_refused_and_kept(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    make_scenario(a)
    make_scenario(b)
    edit(b, "CARE-S1", ChangeInitiative("C-STD", {"owner": "Ben's what-if"}))
    assert sync(a, capsys)[0] == 0
    capsys.readouterr()
    assert main(["sync", str(b)]) == 2
    assert "CARE-S1 is already a strategy of the workspace" in capsys.readouterr().err
    assert strategy(b, "CARE-S1").initiatives["C-STD"].owner == "Ben's what-if"
    assert ws.server_items("CARE-S1")[("initiative", "C-STD")]["owner"] != "Ben's what-if"


def test_adopting_a_scenario_travels_with_its_before_baseline(ws, capsys):
    from cxroadmap.domain.scenarios import AdoptScenario, adoption_baseline_name

    a, b = ws.laptop("a"), ws.laptop("b")
    make_scenario(a)
    edit(a, "CARE-S1", ChangeInitiative("C-STD", {"duration": 60}))
    assert sync(a, capsys)[0] == 0
    with Document.open(a) as doc:
        pairs = doc.load_all_with_ids()
        care_id, care = next((i, s) for i, s in pairs if s.key == "CARE")
        scenario = next(s for _, s in pairs if s.key == "CARE-S1")
        name = adoption_baseline_name(care, scenario)
        before = take(schedule(care), name, dt.date(2027, 2, 1))
        doc.write_change(care_id, care, AdoptScenario(scenario, before).apply(care))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    adopted = strategy(b, "CARE")
    assert adopted == strategy(a, "CARE")
    assert adopted.initiatives["C-STD"].duration == 60
    assert adopted.chosen_baseline == name and adopted.baseline().entries == before.entries


class _Killed(Exception):
    pass


def test_a_scenario_created_by_a_sync_killed_before_the_file_recorded_it(ws, capsys):
    from cxroadmap.storage.workspace.sync import sync as run_sync

    a = ws.laptop("a")
    make_scenario(a)

    def die(phase):
        if phase == "server committed":
            raise _Killed  # as a SIGKILL right after the server's commit

    with Document.open(a) as doc, pytest.raises(_Killed):
        run_sync(doc, die)
    assert len([k for k in ws.server_items("CARE-S1") if k[0] == "initiative"]) == 7
    # The next sync finds its own pushes: no "key taken", the copy now knows it is there.
    capsys.readouterr()
    assert main(["sync", str(a)]) == 0
    assert "CARE-S1: created in the workspace" in capsys.readouterr().err
    edit(a, "CARE-S1", ChangeInitiative("C-STD", {"owner": "Ana"}))
    assert sync(a, capsys)[0] == 0
    assert ws.server_items("CARE-S1")[("initiative", "C-STD")]["owner"] == "Ana"


def test_publish_and_checkout_carry_the_baselines(ws, tmp_path, capsys):
    strategies = demo_cascade()
    care = next(s for s in strategies if s.key == "CARE")
    for name, day in (("Board approval", 4), ("Q1 review", 29)):
        TakeBaseline(take(schedule(care), name, dt.date(2027, 1, day))).apply(care)
    ChooseBaseline("Q1 review").apply(care)
    source = tmp_path / "with-baselines.cxroadmap"
    write_document(source, strategies)
    assert main(["publish", str(source), "--to", ws.url(), "--replace"]) == 0
    copy = ws.laptop("fresh")
    got = strategy(copy, "CARE")
    assert [b.name for b in got.baselines] == ["Board approval", "Q1 review"]
    assert got.baselines == care.baselines and got.chosen_baseline == "Q1 review"
    capsys.readouterr()
    assert main(["baseline", str(copy), "--strategy", "CARE", "list"]) == 0
    assert "Q1 review" in capsys.readouterr().out
