"""The domain layer: plain Python objects for a strategy and its edits (standard library only)."""

from cxroadmap.domain.calendar import WorkCalendar, parse_date
from cxroadmap.domain.durations import format_duration, parse_duration
from cxroadmap.domain.edits import (
    AddDependency,
    AddInitiative,
    Change,
    ChangeDependency,
    ChangeInitiative,
    ChangeStrategy,
    CompositeEdit,
    Edit,
    RemoveDependency,
    RemoveInitiative,
    SetPhases,
)
from cxroadmap.domain.errors import CxRoadmapError, CycleError, ValidationError
from cxroadmap.domain.model import (
    DEPENDENCY_TYPES,
    LEVELS,
    STATUSES,
    Dependency,
    Initiative,
    Phase,
    Strategy,
    default_phases,
)
from cxroadmap.domain.validation import find_cycle, validate_strategy

__all__ = [
    "DEPENDENCY_TYPES",
    "LEVELS",
    "STATUSES",
    "AddDependency",
    "AddInitiative",
    "Change",
    "ChangeDependency",
    "ChangeInitiative",
    "ChangeStrategy",
    "CompositeEdit",
    "CxRoadmapError",
    "CycleError",
    "Dependency",
    "Edit",
    "Initiative",
    "Phase",
    "RemoveDependency",
    "RemoveInitiative",
    "SetPhases",
    "Strategy",
    "ValidationError",
    "WorkCalendar",
    "default_phases",
    "find_cycle",
    "format_duration",
    "parse_date",
    "parse_duration",
    "validate_strategy",
]
