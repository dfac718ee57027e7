"""scheduled_item makes exactly the object ScheduledInitiative's constructor makes."""

import dataclasses
import datetime as dt

import pytest

from cxroadmap.scheduling.result import ScheduledInitiative, scheduled_item

DAY = dt.date(2027, 1, 4)
VALUES = ("A", "Title", 3, 8, 2, 5, 2, False, "Now", DAY, DAY, "FS from B")


def test_it_equals_the_constructed_item_with_defaults_filled():
    made = scheduled_item(*VALUES)
    built = ScheduledInitiative(*VALUES)
    assert made == built and hash(made) == hash(built)
    assert dataclasses.asdict(made) == dataclasses.asdict(built)
    assert made.at_day_start is True and made.duration == 5


def test_it_stays_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        scheduled_item(*VALUES).start_day = 0  # type: ignore[misc]


def test_too_few_or_too_many_values_are_refused_as_by_the_constructor():
    with pytest.raises(TypeError):
        scheduled_item(*VALUES[:5])
    fields = len(dataclasses.fields(ScheduledInitiative))
    with pytest.raises(TypeError):
        scheduled_item(*VALUES, *([True] * fields))
