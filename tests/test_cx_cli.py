"""The command line with a cascade: demo, JSON import and export, schedule, check warnings."""

from __future__ import annotations

import json

from cx_samples import cascade_strategies, touchpoint_strategy

from cxroadmap.app import run_cli
from cxroadmap.domain.model import Initiative
from cxroadmap.interop.jsonfile import cascade_to_json, dump_json
from cxroadmap.scheduling.output import schedule_to_json
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import read_document, write_document


def test_demo_writes_the_whole_cascade(tmp_path, capsys):
    out = tmp_path / "demo.cxroadmap"
    assert run_cli(["demo", "-o", str(out)]) == 0
    assert "ORG, CARE, STORES, CARE-T1" in capsys.readouterr().out
    assert [s.key for s in read_document(out)] == ["ORG", "CARE", "CARE-T1", "STORES"]


def test_schedule_prints_each_strategy_top_down_or_the_one_asked_for(tmp_path, capsys):
    out = tmp_path / "demo.cxroadmap"
    run_cli(["demo", "-o", str(out)])
    capsys.readouterr()
    assert run_cli(["schedule", str(out)]) == 0
    headings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("==")]
    assert headings == [
        "== ORG: Customer experience strategy 2027–2028 (organisation)",
        "== CARE: Customer Care service plan 2027 (department, under ORG)",
        "== CARE-T1: Complaints team plan (team, under CARE)",
        "== STORES: Retail stores service plan 2027 (department, under ORG)",
    ]
    assert run_cli(["schedule", str(out), "--strategy", "CARE-T1"]) == 0
    text = capsys.readouterr().out
    assert "==" not in text and "T-SHOUT" in text and "C-STD" not in text
    assert run_cli(["schedule", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["strategy"] == "Customer experience strategy 2027–2028"


def test_schedule_json_of_a_single_strategy_is_unchanged(tmp_path, capsys):
    strategy = touchpoint_strategy()
    path = tmp_path / "plan.json"
    dump_json(strategy, path)
    assert run_cli(["schedule", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == schedule_to_json(schedule(strategy))


def test_a_late_supporting_initiative_shows_in_its_strategys_warnings(tmp_path, capsys):
    org, care, team = cascade_strategies()
    care.initiatives["COACH"].duration = 60
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [org, care, team])
    assert run_cli(["schedule", str(path), "--strategy", "CARE"]) == 0
    assert (
        "- CARE/COACH (Care leaders coach) finishes on 2027-03-26, after ORG/LEAD "
        "(Leaders coach for service) that it supports finishes on 2027-02-12"
    ) in capsys.readouterr().out


def test_a_cascade_goes_through_json_import_and_export_unchanged(tmp_path, capsys):
    source = tmp_path / "cascade.json"
    data = cascade_to_json(cascade_strategies())
    source.write_text(json.dumps(data), encoding="utf-8")
    doc = tmp_path / "plan.cxroadmap"
    assert run_cli(["import", str(source), "-o", str(doc)]) == 0
    assert "imported 5 initiatives in 3 strategies" in capsys.readouterr().out
    back = tmp_path / "back.json"
    assert run_cli(["export", str(doc), "-o", str(back)]) == 0
    assert json.loads(back.read_text(encoding="utf-8")) == data
    care = tmp_path / "care.json"
    assert run_cli(["export", str(doc), "-o", str(care), "--strategy", "CARE"]) == 0
    written = json.loads(care.read_text(encoding="utf-8"))
    assert (written["strategy"]["key"], written["strategy"]["parent"]) == ("CARE", "ORG")
    assert [c["strategy"]["key"] for c in written["children"]] == ["CARE-T1"]


def test_check_reports_cx_gaps_and_late_support_as_warnings_only(tmp_path, capsys):
    org, care, team = cascade_strategies()
    care.initiatives["COACH"].duration = 60
    tp = touchpoint_strategy()
    org.touchpoints = tp.touchpoints[1:]  # REFUND, gap 4, addressed by nobody
    org.initiatives["TRAIN"] = Initiative("TRAIN", "Refund training", 5, "training")
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [org, care, team])
    assert run_cli(["check", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"warning: {path}: ORG: Touchpoint REFUND (Refund arrives) has a gap of 4 and no "
        "initiative addresses it",
        f"warning: {path}: CARE: CARE/COACH (Care leaders coach) finishes on 2027-03-26, "
        "after ORG/LEAD (Leaders coach for service) that it supports finishes on 2027-02-12",
    ]
    assert captured.out == f"{path}: OK (2 warnings)\n"


def test_check_of_a_template_finds_nothing(tmp_path, capsys):
    out = tmp_path / "team.cxroadmap"
    assert run_cli(["new", "-o", str(out), "--template", "team", "--start", "2027-01-04"]) == 0
    capsys.readouterr()
    assert run_cli(["check", str(out)]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (f"{out}: OK\n", "")


def test_check_of_a_json_cascade_with_a_bad_link_is_an_error(tmp_path, capsys):
    data = cascade_to_json(cascade_strategies())
    data["children"][0]["initiatives"][0]["supports"] = ["ORG/NOPE"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run_cli(["check", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {path}: CARE: initiatives[STD].supports[0]: "
        "ORG has no initiative with key 'NOPE'\n"
    )


def test_new_from_the_demo_template_writes_the_cascade_too(tmp_path):
    out = tmp_path / "demo.cxroadmap"
    assert run_cli(["new", "-o", str(out), "--template", "demo", "--name", "Our plan"]) == 0
    stored = read_document(out)
    assert [(s.key, s.name) for s in stored][:2] == [
        ("ORG", "Our plan"),
        ("CARE", "Customer Care service plan 2027"),
    ]
    assert len(stored) == 4
