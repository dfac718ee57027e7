"""Customer-experience checks: gaps nobody works on, gaps left to training, late support.

Pure functions over a strategy (and, for alignment, finish dates passed as plain dicts),
so the scheduler, the CLI, the app and the PDF all say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.model import Strategy

# A gap this large with no initiative on it is a warning.
UNADDRESSED_GAP = 4
# A gap this large addressed by training alone is a warning.
TRAINING_ONLY_GAP = 3
TRAINING_PILLAR = "training"

KIND_UNADDRESSED = "unaddressed"
KIND_TRAINING_ONLY = "training_only"
KIND_LATE_SUPPORT = "late_support"


@dataclass(frozen=True)
class Finding:
    """One warning: its kind, the sentence shown, and the keys involved (for highlighting)."""

    kind: str
    message: str
    strategy: str = ""
    touchpoint: str = ""
    initiatives: tuple[str, ...] = ()


def addressing(strategy: Strategy) -> dict[str, list[str]]:
    """Touchpoint key -> keys of the initiatives that address it (dropped ones left out).

    Every touchpoint is present, in order; this is the touchpoint matrix's coverage.
    """
    found: dict[str, list[str]] = {tp.key: [] for tp in strategy.touchpoints}
    for ini in strategy.initiatives.values():
        if ini.status == "dropped":
            continue
        for key in ini.touchpoints:
            if key in found:
                found[key].append(ini.key)
    return found


def touchpoint_findings(strategy: Strategy) -> list[Finding]:
    """Large gaps no initiative addresses, and gaps addressed by training alone, in order."""
    findings: list[Finding] = []
    if not strategy.touchpoints:
        return findings  # nothing to find (and no loop over every initiative)
    covered = addressing(strategy)
    for tp in strategy.touchpoints:
        keys = covered[tp.key]
        if not keys:
            if tp.gap >= UNADDRESSED_GAP:
                findings.append(
                    Finding(
                        KIND_UNADDRESSED,
                        f"Touchpoint {tp.key} ({tp.name}) has a gap of {tp.gap} and no "
                        "initiative addresses it",
                        strategy.key,
                        tp.key,
                    )
                )
            continue
        pillars = {strategy.initiatives[k].pillar.strip().lower() for k in keys}
        if tp.gap >= TRAINING_ONLY_GAP and pillars == {TRAINING_PILLAR}:
            findings.append(
                Finding(
                    KIND_TRAINING_ONLY,
                    f"Touchpoint {tp.key} ({tp.name}) has a gap of {tp.gap} addressed by "
                    f"training alone ({', '.join(keys)}): training treats symptoms; the cause "
                    "needs its own initiative",
                    strategy.key,
                    tp.key,
                    tuple(keys),
                )
            )
    return findings


def touchpoint_warnings(strategy: Strategy) -> list[str]:
    return [f.message for f in touchpoint_findings(strategy)]


def alignment_findings(cascade: Cascade, finishes: dict[str, dict[str, dt.date]]) -> list[Finding]:
    """Supporting initiatives scheduled to finish after the initiative they support.

    `finishes` maps strategy key -> initiative key -> last day of work (the schedule's
    `finish`); strategies or initiatives missing from it are not judged.
    """
    findings: list[Finding] = []
    for pair in cascade.support_pairs():
        child_finish = finishes.get(pair.child_strategy.key, {}).get(pair.child.key)
        parent_finish = finishes.get(pair.parent_strategy.key, {}).get(pair.parent.key)
        if child_finish is None or parent_finish is None or child_finish <= parent_finish:
            continue
        child = f"{pair.child_strategy.key}/{pair.child.key}"
        findings.append(
            Finding(
                KIND_LATE_SUPPORT,
                f"{child} ({pair.child.title}) finishes on {child_finish.isoformat()}, after "
                f"{pair.link} ({pair.parent.title}) that it supports finishes on "
                f"{parent_finish.isoformat()}",
                pair.child_strategy.key,
                "",
                (pair.child.key,),
            )
        )
    return findings
