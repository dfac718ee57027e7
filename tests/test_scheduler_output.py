"""schedule_to_json gives the exact cxroadmap-schedule/1 form; format_table reads well."""

from __future__ import annotations

import datetime as dt
import json

from cxroadmap.domain import Dependency, Initiative, Phase, Strategy
from cxroadmap.scheduling.output import format_table, schedule_to_json
from cxroadmap.scheduling.planner import schedule


def small_strategy() -> Strategy:
    strategy = Strategy(
        "Service culture 2027",
        dt.date(2027, 1, 4),
        phases=[Phase("Short term", 2), Phase("Medium term", 8), Phase("Long term")],
    )
    for key, title, duration in [
        ("VIS", "Define the service vision", 5),
        ("REC1", "Hire for service mindset", 30),
        ("GO", "Vision launched", 0),
        ("TRN", "Train the trainers", 3),
    ]:
        strategy.initiatives[key] = Initiative(key, title, duration)
    strategy.initiatives["TRN"].phase = "Short term"
    strategy.dependencies = [
        Dependency("VIS", "REC1"),
        Dependency("VIS", "GO"),
        Dependency("REC1", "TRN", "FS", 2),
    ]
    return strategy


def test_schedule_to_json_is_exactly_the_interchange_form() -> None:
    data = schedule_to_json(schedule(small_strategy()))
    assert data == {
        "format": "cxroadmap-schedule/1",
        "strategy": "Service culture 2027",
        "start": "2027-01-04",
        "finish": "2027-02-26",
        "finish_day": 40,
        "initiatives": [
            {"key": "VIS", "title": "Define the service vision", "start_day": 0,
             "finish_day": 5, "start": "2027-01-04", "finish": "2027-01-08",
             "slack_days": 0, "critical": True, "phase": "Short term"},
            {"key": "REC1", "title": "Hire for service mindset", "start_day": 5,
             "finish_day": 35, "start": "2027-01-11", "finish": "2027-02-19",
             "slack_days": 0, "critical": True, "phase": "Short term"},
            {"key": "GO", "title": "Vision launched", "start_day": 5,
             "finish_day": 5, "start": "2027-01-08", "finish": "2027-01-08",
             "slack_days": 35, "critical": False, "phase": "Short term"},
            {"key": "TRN", "title": "Train the trainers", "start_day": 37,
             "finish_day": 40, "start": "2027-02-24", "finish": "2027-02-26",
             "slack_days": 0, "critical": True, "phase": "Medium term"},
        ],
        "warnings": ["TRN is pinned to Short term but starts on 2027-02-24, in Medium term"],
    }  # fmt: skip
    assert list(data) == ["format", "strategy", "start", "finish", "finish_day", "initiatives",
                          "warnings"]  # fmt: skip
    assert list(data["initiatives"][0]) == [
        "key", "title", "start_day", "finish_day", "start", "finish", "slack_days", "critical",
        "phase",
    ]  # fmt: skip
    json.dumps(data)  # plain JSON types only


def test_format_table_lists_every_initiative_in_document_order_with_a_summary() -> None:
    text = format_table(schedule(small_strategy()))
    lines = text.splitlines()
    assert lines[0].split() == [
        "Key", "Title", "Start", "Finish", "Days", "Slack", "Crit", "Phase"
    ]  # fmt: skip
    assert set(lines[1]) == {"-", " "}
    assert lines[2].split() == [
        "VIS", "Define", "the", "service", "vision", "2027-01-04", "2027-01-08", "5", "0", "*",
        "Short", "term",
    ]  # fmt: skip
    assert [line.split()[0] for line in lines[2:6]] == ["VIS", "REC1", "GO", "TRN"]
    assert lines[4].split() == [
        "GO", "Vision", "launched", "2027-01-08", "2027-01-08", "0", "35", "Short", "term"
    ]  # fmt: skip
    # Columns line up: every start date begins in the same column.
    assert len({line.index("2027-") for line in lines[2:6]}) == 1
    assert (
        "Service culture 2027: finishes 2027-02-26 (working day 40); 3 of 4 initiatives critical"
        in lines
    )
    assert lines[-2:] == [
        "Warnings:",
        "- TRN is pinned to Short term but starts on 2027-02-24, in Medium term",
    ]


def test_format_table_truncates_long_titles_and_aligns_wide_characters() -> None:
    strategy = Strategy("Wide", dt.date(2027, 1, 4))
    strategy.initiatives["L"] = Initiative("L", "A very long title " * 5, 1)
    strategy.initiatives["J"] = Initiative("J", "顧客体験の改善", 1)
    lines = format_table(schedule(strategy)).splitlines()
    long_row, wide_row = lines[2], lines[3]
    assert "A very long title A very long tit...  " in long_row
    assert "顧客体験の改善" in wide_row
    # The wide title takes two columns a character, so the dates still line up on screen.
    before_long = long_row[: long_row.index("2027-")]
    before_wide = wide_row[: wide_row.index("2027-")]
    assert len(before_long) == len(before_wide) + len("顧客体験の改善")


def test_format_table_of_an_empty_strategy_says_so() -> None:
    text = format_table(schedule(Strategy("Empty", dt.date(2027, 1, 4))))
    assert "Empty: finishes 2027-01-04 (working day 0); 0 of 0 initiatives critical" in text
    assert "Warnings" not in text
