"""Sample strategies for the storage and JSON tests: every field set, text in several scripts."""

import datetime as dt
import hashlib
from pathlib import Path

from cxroadmap.domain import Dependency, Initiative, Phase, Strategy

TEXTS = ["Café", "Ελληνικά", "Кириллица", "漢字", "<b>&\"'", "R&D </para> a<b and c>d"]


def rich_strategy() -> Strategy:
    """A strategy with every field away from its default."""
    strategy = Strategy(
        name="Service culture 2027 — Café & Ελληνικά",
        start=dt.date(2027, 1, 4),
        level="department",
        owner="Head of Customer Care <b>&\"'",
        vision="Every customer leaves feeling helped. 漢字",
        mission="Кириллица\nsecond line",
        values=["Own the outcome", "Make it easy", "<b>&\"'"],
        working_days=("mon", "tue", "wed", "thu", "sat"),
        holidays=[dt.date(2027, 4, 2), dt.date(2027, 12, 24)],
        max_parallel=3,
        phases=[Phase("Kurz", 6), Phase("Mittel", 20), Phase("Lang ∞")],
    )
    rows = [
        ("REC1", "Hire for service mindset", 30, "recruitment", "Kurz", "idea"),
        ("V1", "Vision Café workshop", 10, "vision", None, "in_progress"),
        ("TR1", "Training — Ελληνικά", 25, "Custom pillar 漢字", "Mittel", "done"),
        ("M1", "Standards agreed <b>&\"'", 0, "", None, "dropped"),
        ("Кл1", "Кириллица key", 5, "training", None, "planned"),
    ]
    for i, (key, title, duration, pillar, phase, status) in enumerate(rows):
        strategy.initiatives[key] = Initiative(
            key=key,
            title=title,
            duration=duration,
            pillar=pillar,
            description=f"{TEXTS[i]} description\nwith two lines",
            owner=TEXTS[i + 1],
            not_before=dt.date(2027, 2, 1) if i % 2 == 0 else None,
            phase=phase,
            impact=1 + i,
            status=status,
        )
    strategy.dependencies = [
        Dependency("V1", "REC1", "FS", 5),
        Dependency("V1", "TR1", "SS", -2),
        Dependency("REC1", "M1", "FF", 0),
        Dependency("TR1", "Кл1", "SF", 3),
    ]
    return strategy


def second_strategy() -> Strategy:
    """A small organisation-level strategy with defaults and a closed last phase."""
    strategy = Strategy(
        name="漢字 organisation",
        start=dt.date(2026, 9, 7),
        level="organisation",
        phases=[Phase("One", 4), Phase("Two", 8)],
    )
    strategy.initiatives["A"] = Initiative("A", "First", 3)
    strategy.initiatives["B"] = Initiative("B", "Second", 0)
    strategy.dependencies = [Dependency("A", "B")]
    return strategy


def big_strategy(count: int) -> Strategy:
    """`count` initiatives in chains of ten, with about 1.5 dependencies each."""
    strategy = Strategy(name=f"Big {count}", start=dt.date(2027, 1, 4))
    keys = [f"I{i:05d}" for i in range(count)]
    for i, key in enumerate(keys):
        strategy.initiatives[key] = Initiative(key, f"Initiative {i}", 1 + i % 15, "training")
    for i in range(1, count):
        strategy.dependencies.append(Dependency(keys[i - 1], keys[i]))
        if i % 2 == 0 and i >= 10:
            strategy.dependencies.append(Dependency(keys[i - 10], keys[i], "SS", 2))
    return strategy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path, *statements):
    """Run SQL on a document as a careful outside tool would: through a connection that keeps
    the document's checksum (the triggers call a function every cxroadmap connection has)."""
    from cxroadmap.storage import schema

    conn = schema.connect(path, readonly=False)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
