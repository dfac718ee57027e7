"""`cxroadmap baseline DOC take|list|rename|delete|choose` and `schedule --baseline NAME`."""

import hashlib
import json

import pytest

from cxroadmap.app import main
from cxroadmap.storage.document import read_document


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({
        "format": "cxroadmap/1",
        "strategy": {"name": "Care", "start": "2027-01-04", "holidays": ["2027-01-06"]},
        "initiatives": [{"key": "A", "title": "Task A", "duration": 5},
                        {"key": "B", "title": "Task B", "duration": 3}],
        "dependencies": [{"from": "A", "to": "B"}],
    }))  # fmt: skip
    out = tmp_path / "plan.cxroadmap"
    assert main(["import", str(path), "-o", str(out)]) == 0
    return out


def run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_take_list_rename_choose_delete(doc, capsys):
    code, out, _ = run(capsys, "baseline", doc, "take", "Board approval", "--date", "2027-01-04")
    assert (code, out) == (0, "took baseline 'Board approval' of 'Care' on 2027-01-04 "
                              f"(2 initiatives, finish 2027-01-14) in {doc}\n")  # fmt: skip
    run(capsys, "baseline", doc, "take", "Q2", "--date", "2027-04-01")
    code, out, _ = run(capsys, "baseline", doc, "list")
    assert out == (
        "  Name            Taken on    Initiatives  Finish\n"
        "* Board approval  2027-01-04            2  2027-01-14\n"
        "  Q2              2027-04-01            2  2027-01-14\n"
        "\n"
        "* the baseline compared against\n"
    )
    assert run(capsys, "baseline", doc, "rename", "Q2", "Q2 review")[1] == (
        f"renamed baseline 'Q2' to 'Q2 review' in {doc}\n")  # fmt: skip
    assert run(capsys, "baseline", doc, "choose", "Q2 review")[1] == (
        f"'Care' compares with baseline 'Q2 review' in {doc}\n")  # fmt: skip
    code, out, _ = run(capsys, "baseline", doc, "list", "--json")
    assert json.loads(out)["baselines"][1] == {"name": "Q2 review", "taken_on": "2027-04-01",
                                              "initiatives": 2, "finish": "2027-01-14",
                                              "chosen": True}  # fmt: skip
    assert run(capsys, "baseline", doc, "delete", "Q2 review")[0] == 0
    [strategy] = read_document(doc)
    assert [b.name for b in strategy.baselines] == ["Board approval"]
    assert strategy.chosen_baseline is None
    assert run(capsys, "baseline", doc, "list")[1].endswith(
        "no baseline chosen to compare against\n"
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["delete", "Nope"], "baseline 'Nope': no baseline of that name in the strategy"),
        (
            ["take", "board approval"],
            "baseline 'board approval': a baseline named 'board approval' already exists",
        ),
        (["rename", "Nope", "X"], "baseline 'Nope': no baseline of that name"),
        (["choose", "Nope"], "baseline 'Nope': no baseline of that name"),
        (["take"], "take: needs the baseline's NAME"),
        (["take", "X", "--date", "2027-02-30"], "--date: expected a date"),
        (["list", "--strategy", "ORG"], "--strategy: no strategy with key or name 'ORG'"),
    ],
)
def test_bad_names_exit_2_naming_the_baseline_and_write_nothing(doc, capsys, argv, error):
    run(capsys, "baseline", doc, "take", "Board approval", "--date", "2027-01-04")
    before = hashlib.sha256(doc.read_bytes()).hexdigest()
    code, out, err = run(capsys, "baseline", doc, *argv)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and error in err and err.count("\n") == 1
    assert hashlib.sha256(doc.read_bytes()).hexdigest() == before


def test_schedule_baseline_json_and_table(doc, capsys):
    run(capsys, "baseline", doc, "take", "Board approval", "--date", "2027-01-04")
    plain = run(capsys, "schedule", doc, "--json")[1]
    assert run(capsys, "set", doc, "A", "duration=7")[0] == 0
    code, out, _ = run(capsys, "schedule", doc, "--json", "--baseline", "Board approval")
    data = json.loads(out)
    assert data["baseline"] == {"name": "Board approval", "taken_on": "2027-01-04",
                                "added": [], "removed": [], "finish_variance_days": 2}  # fmt: skip
    # Working days Mon 4, Tue 5, Thu 7 (Wed 6 is a holiday), Fri 8, Mon 11, ...
    assert data["initiatives"][1]["baseline"] == {
        "start": "2027-01-12", "finish": "2027-01-14", "start_variance_days": 2,
        "finish_variance_days": 2, "phase": "Short term"}  # fmt: skip
    assert "baseline" not in json.loads(run(capsys, "schedule", doc, "--json")[1])
    assert set(json.loads(plain)) == set(json.loads(run(capsys, "schedule", doc, "--json")[1]))
    code, out, _ = run(capsys, "schedule", doc, "--baseline", "board approval")
    assert out.endswith(
        "\nAgainst baseline 'Board approval' (taken 2027-01-04): project finish +2 working days\n"
        "- A finishes +2 working days (2027-01-11 -> 2027-01-13)\n"
        "- B finishes +2 working days (2027-01-14 -> 2027-01-18)\n"
    )
    code, out, err = run(capsys, "schedule", doc, "--json", "--baseline", "Nope")
    assert (code, out) == (2, "")
    assert err == "error: --baseline 'Nope': no baseline of that name in strategy 'Care'\n"


def test_choose_none_and_take_on_a_json_file(doc, capsys, tmp_path):
    run(capsys, "baseline", doc, "take", "Board approval", "--date", "2027-01-04")
    code, out, _ = run(capsys, "baseline", doc, "choose", "--none")
    assert (code, out) == (0, f"'Care' compares with no baseline in {doc}\n")
    assert read_document(doc)[0].chosen_baseline is None
    code, _, err = run(capsys, "baseline", doc, "choose", "Board approval", "--none")
    assert code == 2 and err == "error: --none: give either NAME or --none\n"
    plan = tmp_path / "plan.json"
    code, _, err = run(capsys, "baseline", plan, "take", "X")
    assert code == 2 and err == f"error: {plan}: baselines are kept in a .cxroadmap document\n"
