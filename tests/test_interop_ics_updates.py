"""iCalendar updates: UIDs that survive renames, SEQUENCE raised for changed events only."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from interop_samples import small_strategy

from cxroadmap.content.demo import demo_strategy
from cxroadmap.interop.icsfile import write_ics, write_ics_per_phase
from cxroadmap.scheduling.planner import schedule


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_uids_survive_renaming_the_strategy_and_the_file(tmp_path):
    strategy = small_strategy()
    strategy.key = "CARE"
    write_ics(strategy, schedule(strategy), tmp_path / "plan.ics")
    strategy.name = "Service culture, renamed"
    write_ics(strategy, schedule(strategy), tmp_path / "renamed.ics")
    first, second = _events(tmp_path / "plan.ics"), _events(tmp_path / "renamed.ics")
    assert set(first) == set(second) == {"A@care.cxroadmap", "B@care.cxroadmap", "M@care.cxroadmap"}


def test_sequence_goes_up_only_for_events_that_changed(tmp_path):
    strategy = small_strategy()
    path = tmp_path / "plan.ics"
    write_ics(strategy, schedule(strategy), path)
    assert {uid: int(e["sequence"]) for uid, e in _events(path).items()} == dict.fromkeys(
        ("A@small-plan.cxroadmap", "B@small-plan.cxroadmap", "M@small-plan.cxroadmap"), 0
    )
    write_ics(strategy, schedule(strategy), path)  # nothing changed: nothing goes up
    assert {int(e["sequence"]) for e in _events(path).values()} == {0}
    # B ends later; M (SS from B) does not move but its slack, in its description, grows.
    strategy.initiatives["B"].duration = 12
    write_ics(strategy, schedule(strategy), path)
    write_ics(strategy, schedule(strategy), path)
    events = _events(path)
    assert {uid.split("@")[0]: int(e["sequence"]) for uid, e in events.items()} == {
        "A": 0,
        "B": 1,
        "M": 1,
    }
    assert events["B@small-plan.cxroadmap"].decoded("dtend") == dt.date(2027, 1, 27)
    strategy.initiatives["A"].title = "Vision, reworded"
    write_ics(strategy, schedule(strategy), path)
    assert int(_events(path)["A@small-plan.cxroadmap"]["sequence"]) == 1


def test_one_calendar_per_phase(tmp_path):
    strategy = demo_strategy()
    result = schedule(strategy)
    written = write_ics_per_phase(strategy, result, tmp_path / "demo.ics")
    assert [p.name for p in written] == [
        "demo - Short term.ics",
        "demo - Medium term.ics",
        "demo - Long term.ics",
    ]
    total = 0
    for path, phase in zip(written, ("Short term", "Medium term", "Long term"), strict=True):
        cal = Calendar.from_ical(path.read_bytes())
        assert str(cal["x-wr-calname"]) == f"{strategy.name} – {phase}"
        keys = {str(e["uid"]).split("@")[0] for e in cal.walk("VEVENT")}
        assert keys == {k for k, i in result.items.items() if i.phase == phase}
        total += len(keys)
    assert total == len(result.items)
