"""ScheduledInitiative is a NamedTuple made in C by scheduled_items: the same item, repr,
hash and immutability as the frozen dataclass it replaced."""

import datetime as dt
import pickle

import pytest

from cxroadmap.scheduling.result import ScheduledInitiative, scheduled_items

DAY = dt.date(2027, 1, 4)
VALUES = ("A", "Title", 3, 8, 2, 5, 2, False, "Now", DAY, DAY, "FS from B")
DEFAULTS = (True, "not started", 0)


def _columns(*rows: tuple[object, ...]) -> list[list[object]]:
    return [list(column) for column in zip(*rows, strict=True)]


def test_scheduled_items_makes_the_constructed_items_by_key():
    other = ("B", "Other", 0, 0, 0, 0, 0, True, "Later", DAY, DAY, "project start")
    made = scheduled_items(*_columns((*VALUES, *DEFAULTS), (*other, False, "complete", 4)))
    assert list(made) == ["A", "B"]
    assert made["A"] == ScheduledInitiative(*VALUES)
    assert made["B"] == ScheduledInitiative(
        *other, at_day_start=False, state="complete", behind_days=4
    )
    assert type(made["A"]) is ScheduledInitiative and hash(made["A"]) == hash(
        ScheduledInitiative(*VALUES)
    )
    assert made["A"].duration == 5 and made["B"].is_milestone and made["B"].behind
    assert made["B"].moment == DAY + dt.timedelta(days=1)


def test_the_repr_is_the_dataclass_one_field_by_field():
    assert repr(ScheduledInitiative(*VALUES)) == (
        "ScheduledInitiative(key='A', title='Title', start_day=3, finish_day=8, early_start=2, "
        "latest_start=5, slack_days=2, critical=False, phase='Now', "
        "start=datetime.date(2027, 1, 4), finish=datetime.date(2027, 1, 4), "
        "reason='FS from B', at_day_start=True, state='not started', behind_days=0)"
    )


def test_it_stays_immutable_and_has_no_other_attributes():
    item = ScheduledInitiative(*VALUES)
    with pytest.raises(AttributeError):
        item.start_day = 0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        item.note = "x"  # type: ignore[attr-defined]


def test_replace_and_pickle_keep_the_type():
    item = ScheduledInitiative(*VALUES)
    assert item._replace(key="Z").key == "Z" and type(item._replace(key="Z")) is ScheduledInitiative
    assert pickle.loads(pickle.dumps(item)) == item


def test_columns_of_another_length_or_a_missing_column_are_refused():
    columns = _columns((*VALUES, *DEFAULTS))
    with pytest.raises(ValueError):
        scheduled_items(*columns[:-1])
    columns[3] = [3, 4]
    with pytest.raises(ValueError):
        scheduled_items(*columns)
