"""Structured errors raised by the domain: each names the key or field at fault."""

from __future__ import annotations


class CxRoadmapError(Exception):
    """Base class for every error a user can cause with bad input."""


class ValidationError(CxRoadmapError):
    """A value is not acceptable; `where` names the key or field (`initiatives[R1].duration`)."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


class CycleError(CxRoadmapError):
    """Dependencies form a cycle; `cycle` lists the keys in order, first repeated at the end."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = list(cycle)
        super().__init__("dependency cycle: " + " -> ".join(self.cycle))
