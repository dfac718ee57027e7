"""Limits at every door (issue 9): values that once bricked a document are refused up front."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_fixtures import Messages, cell_text, edit_cell, on_disk

from cxroadmap.domain.edits import ChangeDependency, ChangeInitiative, ChangeStrategy, SetPhases
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.limits import MAX_DATE, MAX_DURATION_DAYS, MAX_LAG_DAYS
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.main_window import MainWindow


def _strategy() -> Strategy:
    s = Strategy("T", dt.date(2027, 1, 4))
    s.initiatives = {"A": Initiative("A", "a", 5), "B": Initiative("B", "b", 5)}
    s.dependencies = [Dependency("A", "B")]
    return s


@pytest.mark.parametrize(
    ("edit", "where", "words"),
    [
        (ChangeInitiative("A", {"duration": 2100000}), "initiatives[A].duration", "10,000"),
        (ChangeInitiative("A", {"duration": "5000000w"}), "initiatives[A].duration", "limit"),
        (ChangeInitiative("A", {"duration": "9" * 5000}), "initiatives[A].duration", "expected"),
        (ChangeInitiative("A", {"duration": 2**64}), "initiatives[A].duration", "limit"),
        (ChangeInitiative("A", {"not_before": "9999-12-01"}), "initiatives[A].not_before", "2199"),
        (ChangeDependency("A", "B", lag=10**9), "dependency.lag", "lag"),
        (ChangeStrategy({"start": "9999-12-01"}), "strategy.start", "outside"),
        (ChangeStrategy({"start": dt.date(1, 1, 1)}), "strategy.start", "1900-01-01"),
        (SetPhases([Phase("P", 999999999), Phase("L")]), "strategy.phases[0].weeks", "2,600"),
        (ChangeInitiative("A", {"title": "x" * 300_000_000}), "initiatives[A].title", "at most"),
    ],
)
def test_an_edit_outside_the_limits_is_refused_naming_the_field_and_changes_nothing(
    edit: object, where: str, words: str
) -> None:
    strategy = _strategy()
    with pytest.raises(ValidationError) as error:
        edit.apply(strategy)  # type: ignore[attr-defined]
    assert error.value.where.startswith(where.split(".")[0])
    assert where in str(error.value) or error.value.where == where
    assert words in error.value.problem
    assert len(str(error.value)) < 200
    assert strategy.initiatives["A"].duration == 5
    assert schedule(strategy).finish == dt.date(2027, 1, 15)


def test_values_at_the_limits_still_schedule_inside_datetimes_range() -> None:
    s = Strategy("T", MAX_DATE, working_days=("mon",))
    s.phases = [Phase("P", 2600), Phase("L")]
    s.initiatives = {f"K{i}": Initiative(f"K{i}", "t", MAX_DURATION_DAYS) for i in range(60)}
    s.dependencies = [Dependency(f"K{i}", f"K{i + 1}", lag=MAX_LAG_DAYS) for i in range(59)]
    with pytest.raises(ValidationError, match="add up to 1,190,000 working days"):
        validate_strategy(s)
    s.initiatives = {f"K{i}": Initiative(f"K{i}", "t", MAX_DURATION_DAYS) for i in range(10)}
    s.dependencies = [Dependency(f"K{i}", f"K{i + 1}", lag=MAX_LAG_DAYS) for i in range(9)]
    result = schedule(s)
    assert result.finish == dt.date(5841, 5, 31)


def test_a_sum_of_durations_past_the_span_is_refused_by_the_open_document(
    qtbot, small_window: MainWindow, shown: Messages
) -> None:
    document = small_window.document
    assert document is not None
    for key in list(document.strategy.initiatives)[:2]:
        assert document.apply(ChangeInitiative(key, {"duration": MAX_DURATION_DAYS}))
    document.strategy.working_days = ("mon",)
    many = {f"Z{i}": Initiative(f"Z{i}", "z", MAX_DURATION_DAYS) for i in range(40)}
    document.strategy.initiatives.update(many)
    assert not document.apply(ChangeInitiative("Z0", {"duration": MAX_DURATION_DAYS - 1}))
    assert "shorten them" in document.last_error
    assert document.strategy.initiatives["Z0"].duration == MAX_DURATION_DAYS


def test_the_table_refuses_a_duration_of_2100000_and_the_file_still_opens(
    qtbot, small_window: MainWindow, small_file: Path, shown: Messages
) -> None:
    edit_cell(qtbot, small_window, "B", "duration", "2100000")
    qtbot.waitUntil(lambda: bool(shown.errors))
    assert "initiatives[B].duration" in shown.errors[0] and "10,000" in shown.errors[0]
    assert cell_text(small_window, "B", "duration") == "2w"
    assert on_disk(small_file).initiatives["B"].duration == 10
    assert small_window.document is not None
    assert small_window.document.undo_stack.count() == 0
    qtbot.keyClick(small_window.initiatives.table, Qt.Key.Key_Escape)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cxroadmap", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("key,title,duration\nA,a,2100000\n", "row 3, column duration"),
        ("key,title,duration\nA,a,5000000w\n", "row 3, column duration"),
        ("key,title,duration\nA,a,99999999999999999999999\n", "row 3, column duration"),
    ],
)
def test_csv_import_of_a_huge_duration_exits_2_and_writes_nothing(
    tmp_path: Path, body: str, field: str
) -> None:
    (tmp_path / "c.csv").write_text("# start: 2027-01-04\n" + body)
    done = _cli("import", "c.csv", "-o", "d.cxroadmap", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: c.csv: ")
    assert "c.csv: c.csv" not in lines[0]
    assert not (tmp_path / "d.cxroadmap").exists()


def test_a_csv_of_a_million_rows_is_refused_while_streaming_at_the_row_limit(
    tmp_path: Path,
) -> None:
    from cxroadmap.domain.limits import MAX_TABULAR_ROWS
    from cxroadmap.interop.formats import FileFormatError, import_file

    path = tmp_path / "rows.csv"
    rows = "".join(f"K{i},t,1\n" for i in range(1_000_000))
    path.write_text("# start: 2027-01-04\nkey,title,duration\n" + rows)
    with pytest.raises(FileFormatError) as error:
        import_file(path)
    assert error.value.where == f"{path}: row {MAX_TABULAR_ROWS + 2}"
    assert "more than 51,000 rows" in error.value.problem


def test_a_file_over_its_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    from cxroadmap.interop.formats import FileFormatError, import_file

    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no 65 MB written
    with pytest.raises(FileFormatError, match=r"the file is 65\.0 MB; at most 64\.0 MB"):
        import_file(path)
