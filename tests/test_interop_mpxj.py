"""Our MS Project XML read by MPXJ, the standard Java reader: same dates, durations, links, lags.

One JVM for the whole session (it cannot be restarted in a process), started on first use.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain import Dependency, Initiative, Strategy
from cxroadmap.interop.mspdi_write import write_mspdi
from cxroadmap.scheduling.planner import schedule

TYPES = {"FINISH_START": "FS", "START_START": "SS", "FINISH_FINISH": "FF", "START_FINISH": "SF"}


@pytest.fixture(scope="session")
def mpxj():
    """The MPXJ classes the tests use, with the JVM started once."""
    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    if not jpype.isJVMStarted():
        jpype.startJVM()
    from org.mpxj.cpm import MicrosoftScheduler
    from org.mpxj.reader import UniversalProjectReader

    return UniversalProjectReader, MicrosoftScheduler


def big_roadmap(n: int = 1000, seed: int = 20270104) -> Strategy:
    """n initiatives, 1.5 n links of every type with lags and leads, holidays, milestones."""
    rng = random.Random(seed)
    strategy = Strategy("Big roadmap", dt.date(2027, 1, 4))
    strategy.holidays = [dt.date(2027, 12, 24), dt.date(2028, 1, 3)]
    for i in range(n):
        key = f"I{i:04d}"
        duration = 0 if rng.random() < 0.05 else rng.randint(1, 40)
        owner = rng.choice(("", "HR", "Care", "Ops"))
        strategy.initiatives[key] = Initiative(key, f"Initiative {i}", duration, owner=owner)
    keys = list(strategy.initiatives)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n * 3 // 2:
        b = rng.randrange(1, n)
        pairs.add((rng.randrange(max(0, b - 60), b), b))
    for a, b in sorted(pairs):
        kind = rng.choice(("FS", "FS", "FS", "SS", "FF", "SF"))
        strategy.dependencies.append(
            Dependency(keys[a], keys[b], kind, rng.choice((0, 0, 2, 5, -3)))
        )
    return strategy


def _read(mpxj, strategy, tmp_path):
    reader, _ = mpxj
    path = tmp_path / "plan.xml"
    result = schedule(strategy)
    write_mspdi(strategy, result, path)
    return result, reader().read(str(path))


def _by_key(project):
    return {str(t.getText(1)): t for t in project.getTasks() if t.getText(1) is not None}


def _when(value) -> str:
    return str(value)[:16]


def _expected(result, key):
    item = result.items[key]
    if item.is_milestone:
        time = "08:00" if item.at_day_start else "17:00"
        return f"{item.start}T{time}", f"{item.start}T{time}"
    return f"{item.start}T08:00", f"{item.finish}T17:00"


@pytest.mark.parametrize("make", [demo_strategy, big_roadmap], ids=["demo", "1000"])
def test_mpxj_reads_our_dates_durations_link_types_and_lags(mpxj, make, tmp_path):
    strategy = make()
    result, project = _read(mpxj, strategy, tmp_path)
    tasks = _by_key(project)
    assert set(tasks) == set(strategy.initiatives)
    for key, ini in strategy.initiatives.items():
        task = tasks[key]
        assert (_when(task.getStart()), _when(task.getFinish())) == _expected(result, key), key
        duration = task.getDuration()
        assert (duration.getDuration(), str(duration.getUnits())) == (ini.duration, "d"), key
        assert str(task.getType()) == "FIXED_DURATION"
    seen = []
    for task in tasks.values():
        for rel in task.getPredecessors():
            lag = rel.getLag()
            assert str(lag.getUnits()) == "d"
            seen.append(
                (
                    str(rel.getPredecessorTask().getText(1)),
                    str(task.getText(1)),
                    TYPES.get(str(rel.getType()), str(rel.getType())),
                    int(lag.getDuration()),
                )
            )
    assert sorted(seen) == sorted(
        (d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies
    )


@pytest.mark.parametrize("make", [demo_strategy, big_roadmap], ids=["demo", "1000"])
def test_mpxj_scheduler_on_our_export_gives_our_dates(mpxj, make, tmp_path):
    strategy = make()
    result, project = _read(mpxj, strategy, tmp_path)
    _, scheduler = mpxj
    # MPXJ's own Microsoft-Project-style scheduler: refuses a file without actual and
    # remaining durations; then recomputes every start and finish from links and constraints.
    scheduler().schedule(project, project.getProjectProperties().getStartDate())
    tasks = _by_key(project)
    calendar = strategy.calendar()
    for key, item in result.items.items():
        task = tasks[key]
        if not item.is_milestone:
            assert (_when(task.getStart()), _when(task.getFinish())) == _expected(result, key)
            continue
        # Project adds a lag to a moment as working time, so a lead into a milestone can land
        # on 08:00 of the next working day where scheduling.md shows 17:00 of the day before:
        # the same instant of working time. Compare the working-day boundary.
        stamp = _when(task.getStart())
        day = calendar.index_on_or_after(dt.date.fromisoformat(stamp[:10]))
        assert day + (stamp.endswith("17:00")) == item.start_day, key


def test_owners_are_resources_assigned_to_their_initiatives(mpxj, tmp_path):
    strategy = demo_strategy()
    _, project = _read(mpxj, strategy, tmp_path)
    names = {str(r.getName()) for r in project.getResources() if r.getName() is not None}
    assert names == {ini.owner for ini in strategy.initiatives.values() if ini.owner}
    for key, task in _by_key(project).items():
        assigned = [str(a.getResource().getName()) for a in task.getResourceAssignments()]
        owner = strategy.initiatives[key].owner
        assert assigned == ([owner] if owner else []), key


def test_summaries_carry_pillar_names_and_tasks_our_fields(mpxj, tmp_path):
    strategy = demo_strategy()
    result, project = _read(mpxj, strategy, tmp_path)
    summaries = [str(t.getName()) for t in project.getTasks() if t.getSummary()]
    assert "Vision and values" in summaries and "vision" not in summaries
    ms3 = _by_key(project)["MS3"]
    assert (str(ms3.getText(2)), str(ms3.getText(3))) == ("Planned", result.items["MS3"].phase)
    top = next(t for t in project.getTasks() if t.getUniqueID() == 0)
    assert str(top.getNotes()).startswith(f"Vision: {strategy.vision}")
