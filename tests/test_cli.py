"""The command line end to end: commands, exact outputs, exit codes and error lines."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cxroadmap import __version__
from cxroadmap.app import main

DATA = Path(__file__).parent / "data"

SMALL = {
    "format": "cxroadmap/1",
    "strategy": {"name": "T", "start": "2027-01-04"},
    "initiatives": [
        {"key": "A", "title": "Agree the service vision", "duration": "1w"},
        {"key": "B", "title": "Hire for it", "duration": 3},
        {"key": "C", "title": "Map touchpoints", "duration": "4d"},
        {"key": "M", "title": "Ready", "duration": 0},
    ],
    "dependencies": [
        {"from": "A", "to": "B", "lag": 2},
        {"from": "A", "to": "C", "type": "SS", "lag": "1d"},
        {"from": "B", "to": "M"},
    ],
}

SMALL_SCHEDULE = {
    "format": "cxroadmap-schedule/1",
    "strategy": "T",
    "start": "2027-01-04",
    "finish": "2027-01-15",
    "finish_day": 10,
    "initiatives": [
        {"key": "A", "title": "Agree the service vision", "start_day": 0, "finish_day": 5,
         "start": "2027-01-04", "finish": "2027-01-08", "slack_days": 0, "critical": True,
         "phase": "Short term"},
        {"key": "B", "title": "Hire for it", "start_day": 7, "finish_day": 10,
         "start": "2027-01-13", "finish": "2027-01-15", "slack_days": 0, "critical": True,
         "phase": "Short term"},
        {"key": "C", "title": "Map touchpoints", "start_day": 1, "finish_day": 5,
         "start": "2027-01-05", "finish": "2027-01-08", "slack_days": 5, "critical": False,
         "phase": "Short term"},
        {"key": "M", "title": "Ready", "start_day": 10, "finish_day": 10,
         "start": "2027-01-15", "finish": "2027-01-15", "slack_days": 0, "critical": True,
         "phase": "Short term"},
    ],
    "warnings": [],
}  # fmt: skip


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh process, as a user or a script would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "cxroadmap", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )  # fmt: skip


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_user_writes_the_demo_and_sees_a_readable_schedule(tmp_path):
    made = cli("demo", "-o", "demo.cxroadmap", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    shown = cli("schedule", "demo.cxroadmap", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr == ""
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("== ORG: Customer experience strategy 2027")
    assert lines[1].split()[:4] == ["Key", "Title", "Start", "Finish"]
    assert any(line.startswith("LEAD1 ") and "2027-01-04" in line for line in lines)
    assert "finishes 2028-07-12" in shown.stdout


def test_schedule_json_follows_the_contract_exactly(tmp_path):
    source = write_json(tmp_path / "small.json", SMALL)
    result = cli("schedule", str(source), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == SMALL_SCHEDULE
    assert list(json.loads(result.stdout)) == list(SMALL_SCHEDULE)


def test_json_imports_into_a_document_and_exports_back_unchanged(tmp_path, capsys):
    source = write_json(tmp_path / "small.json", SMALL)
    doc, back = tmp_path / "small.cxroadmap", tmp_path / "back.json"
    assert main(["import", str(source), "-o", str(doc)]) == 0
    assert main(["export", str(doc), "-o", str(back)]) == 0
    again = tmp_path / "again.json"
    assert main(["export", str(back), "-o", str(again)]) == 0
    assert back.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")
    exported = json.loads(back.read_text(encoding="utf-8"))
    assert [i["duration"] for i in exported["initiatives"]] == [5, 3, 4, 0]
    capsys.readouterr()
    assert main(["schedule", str(doc), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == SMALL_SCHEDULE


def test_a_cycle_is_exit_2_with_one_error_line_naming_the_keys_in_order(tmp_path):
    data = json.loads(json.dumps(SMALL))
    data["dependencies"] += [{"from": "M", "to": "C"}, {"from": "C", "to": "B"}]
    source = write_json(tmp_path / "cycle.json", data)
    out = tmp_path / "cycle.cxroadmap"
    for args in (["schedule", str(source)], ["import", str(source), "-o", str(out)]):
        result = cli(*args)
        assert result.returncode == 2
        assert result.stderr == f"error: {source}: dependency cycle: B -> M -> C -> B\n"
        assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["initiatives"][1].update(durration=3), "initiatives[B].durration"),
        (lambda d: d["initiatives"][1].update(duration="3x"), "initiatives[B].duration"),
        (lambda d: d["initiatives"][1].update(duration=-1), "initiatives[B].duration"),
        (lambda d: d["initiatives"].append({"key": "A", "title": "x", "duration": 1}), "'A'"),
        (lambda d: d["dependencies"].append({"from": "A", "to": "Z"}), "'Z'"),
        (lambda d: d["dependencies"].append({"from": "C", "to": "C"}), "'C'"),
        (lambda d: d["dependencies"].append({"from": "C", "to": "M", "type": "XY"}), "type"),
        (lambda d: d["strategy"].update(start="2027-02-30"), "strategy.start"),
        (lambda d: d["strategy"].pop("name"), "strategy.name"),
    ],
)
def test_bad_input_is_exit_2_names_the_field_and_writes_nothing(tmp_path, capsys, change, named):
    data = json.loads(json.dumps(SMALL))
    change(data)
    source = write_json(tmp_path / "bad.json", data)
    out = tmp_path / "out.cxroadmap"
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {source}: ") and err.count("\n") == 1
    assert named in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_a_file_that_is_not_ours_is_refused_and_left_untouched(tmp_path, capsys):
    path = tmp_path / "notes.cxroadmap"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    before = digest(path)
    for command in ("schedule", "check"):
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and str(path) in err
    assert digest(path) == before


def test_an_existing_document_is_not_replaced_without_force(tmp_path, capsys):
    doc = tmp_path / "mine.cxroadmap"
    assert main(["new", "-o", str(doc), "--template", "team", "--start", "2027-01-04"]) == 0
    before = digest(doc)
    assert main(["demo", "-o", str(doc)]) == 2
    assert "already exists (use --force to replace it)" in capsys.readouterr().err
    assert digest(doc) == before
    assert main(["demo", "-o", str(doc), "--force"]) == 0


def test_missing_files_and_bad_outputs_are_usage_errors(tmp_path, capsys):
    assert main(["schedule", str(tmp_path / "nope.cxroadmap")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.cxroadmap'}: no such file\n"
    source = write_json(tmp_path / "small.json", SMALL)
    assert main(["export", str(source), "-o", str(tmp_path / "x.docx")]) == 2
    assert "unknown export format .docx" in capsys.readouterr().err
    assert main(["export", str(source), "-o", str(tmp_path / "no" / "x.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["new", "-o", str(tmp_path / "x.cxroadmap"), "--template", "nope"]) == 2
    assert "--template" in capsys.readouterr().err


def test_an_unexpected_failure_is_exit_1_with_the_traceback_only_under_debug(
    tmp_path, capsys, monkeypatch
):
    import cxroadmap.scheduling.planner as planner

    def broken(strategy):
        raise RuntimeError("boom")

    monkeypatch.setattr(planner, "schedule", broken)
    source = write_json(tmp_path / "small.json", SMALL)
    assert main(["schedule", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: unexpected failure") and "Traceback" not in err
    assert main(["schedule", str(source), "--debug"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_check_passes_a_sound_document_and_names_a_cycle(tmp_path, capsys):
    doc = tmp_path / "demo.cxroadmap"
    assert main(["demo", "-o", str(doc)]) == 0
    capsys.readouterr()
    assert main(["check", str(doc)]) == 0
    assert capsys.readouterr().out.startswith(f"{doc}: OK")
    data = json.loads(json.dumps(SMALL))
    data["dependencies"].append({"from": "M", "to": "A"})
    assert main(["check", str(write_json(tmp_path / "c.json", data))]) == 2
    assert "dependency cycle: A -> B -> M -> A" in capsys.readouterr().err


def test_a_document_from_an_older_version_is_scheduled_without_being_changed(tmp_path):
    old = tmp_path / "old.cxroadmap"
    shutil.copyfile(DATA / "schema1_cascade.cxroadmap", old)
    before = digest(old)
    result = cli("schedule", str(old), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "cxroadmap-schedule/1"
    assert digest(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.cxroadmap"]


def test_version_and_help_are_as_usual():
    version = cli("--version")
    assert (version.returncode, version.stdout) == (0, f"cxroadmap {__version__}\n")
    helped = cli("--help")
    assert helped.returncode == 0
    for command in ("demo", "new", "import", "export", "schedule", "check"):
        assert command in helped.stdout


def test_the_demo_pdf_from_the_command_line_carries_the_cascade_pages(tmp_path, capsys):
    from pypdf import PdfReader

    doc, pdf = tmp_path / "demo.cxroadmap", tmp_path / "demo.pdf"
    assert main(["demo", "-o", str(doc)]) == 0
    assert main(["export", str(doc), "-o", str(pdf)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for heading in (
        "Roadmap",
        "Touchpoints: the moments of truth",
        "Measures",
        "Roll-up",
        "Alignment",
    ):
        assert heading in text
    assert "Complaints team plan" in text


def test_without_a_display_the_app_says_so_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "cxroadmap"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: no display to open the desktop app on")
