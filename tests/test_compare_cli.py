"""`cxroadmap compare DOC A B [--json]`: two strategies of a document side by side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxroadmap.app import main
from cxroadmap.domain.model import Dependency, Initiative
from cxroadmap.domain.scenarios import CopyAsScenario
from cxroadmap.storage.document import write_document
from tests.cx_samples import cascade_strategies


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    """CARE (Mon-Fri from Mon 2027-01-04): STD 10 d, COACH 15 d and OLD 3 d, all at the start.

    Its scenario CARE-S1: STD takes 15 d (finish 01-15 -> 01-22, +5 working days), COACH
    waits for it (FS: 01-25 .. 02-12, +15), NEW is added and OLD removed.
    """
    strategies = cascade_strategies()
    care = strategies[1]
    care.initiatives["OLD"] = Initiative("OLD", "Old survey", 3, "measurement")
    CopyAsScenario(care).apply(strategies)
    scenario = strategies[-1]
    scenario.initiatives["STD"].duration = 15
    del scenario.initiatives["OLD"]
    scenario.initiatives["NEW"] = Initiative("NEW", "Care huddles", 5, "performance")
    scenario.dependencies = [Dependency("STD", "COACH")]
    path = tmp_path / "plan.cxroadmap"
    write_document(path, strategies)
    return path


def test_compare_prints_both_plans_and_the_differences_as_a_table(doc, capsys):
    assert main(["compare", str(doc), "CARE", "Customer care (scenario 1)"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "A = CARE: Customer care"
    assert lines[1] == "B = CARE-S1: Customer care (scenario 1)"
    # A finishes with COACH (15 d from 01-04: 01-22); B with COACH after STD (15 d + 15 d).
    assert lines[2] == "Project finish: 2027-01-22 -> 2027-02-12 (+15 working days)"
    table = {line.split()[0]: line for line in lines[6:10]}
    assert table["STD"].split()[-2:] == ["0", "+5"]
    assert "2027-01-04  2027-01-15  2027-01-04  2027-01-22" in table["STD"]
    assert table["COACH"].split()[-2:] == ["+15", "+15"]
    assert table["NEW"].endswith("added")
    assert table["OLD"].endswith("removed")
    assert "- COACH finishes +15 working days later in B" in lines
    assert "- STD finishes +5 working days later in B" in lines
    assert "- NEW only in B (added)" in lines and "- OLD only in A (removed)" in lines


def test_compare_json_names_every_difference(doc, capsys):
    assert main(["compare", str(doc), "CARE", "CARE-S1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "cxroadmap-compare/1"
    assert data["a"] == {"key": "CARE", "name": "Customer care", "scenario_of": None,
                         "finish": "2027-01-22"}  # fmt: skip
    assert data["b"]["scenario_of"] == "CARE" and data["b"]["finish"] == "2027-02-12"
    assert data["finish_variance_days"] == 15
    rows = {row["key"]: row for row in data["initiatives"]}
    assert [row["key"] for row in data["initiatives"]] == ["STD", "COACH", "NEW", "OLD"]
    assert rows["COACH"] == {
        "key": "COACH",
        "title": "Care leaders coach",
        "change": "both",
        "a": {"start": "2027-01-04", "finish": "2027-01-22", "phase": "Short term",
              "critical": True},
        "b": {"start": "2027-01-25", "finish": "2027-02-12", "phase": "Short term",
              "critical": True},
        "start_variance_days": 15,
        "finish_variance_days": 15,
        "phase_changed": False,
    }  # fmt: skip
    assert rows["NEW"]["a"] is None and rows["NEW"]["change"] == "added"
    assert rows["OLD"]["b"] is None and rows["OLD"]["finish_variance_days"] is None
    assert data["added"] == ["NEW"] and data["removed"] == ["OLD"]
    assert data["slipped"] == ["COACH", "STD"]
    assert data["critical_in_b_only"] == ["STD"]
    assert data["critical_in_a_only"] == []


def test_compare_names_a_strategy_that_is_not_there(doc, capsys):
    assert main(["compare", str(doc), "CARE", "NOPE"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "'NOPE'" in err and str(doc) in err
    assert len(err.splitlines()) == 1


def test_compare_reads_a_cxroadmap_json_file_too(doc, tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert main(["export", str(doc), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["compare", str(out), "CARE", "CARE-S1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["finish_variance_days"] == 15


def test_schedule_heads_a_scenario_with_its_original(doc, capsys):
    assert main(["schedule", str(doc)]) == 0
    headings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("==")]
    assert headings == [
        "== ORG: Organisation (organisation)",
        "== CARE: Customer care (department, under ORG)",
        "== CARE-S1: Customer care (scenario 1) (department, scenario of CARE)",
        "== CARE-T1: Complaints team (team, under CARE)",
    ]
