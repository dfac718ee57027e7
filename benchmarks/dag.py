"""The benchmarks' roadmap generator: random layered DAGs of n initiatives with a seed.

`layered_dag(5000)` is a strategy of 5,000 initiatives in layers, each initiative depending
on initiatives of the few layers before its own (1.5 links per initiative on average, mixed
FS/SS/FF/SF links with lags and leads), over all ten pillars and forty owners, with 5 %
milestones, a few `not_before` dates and phase pins. The same n and seed always give the
same strategy, so a schedule digest of it can be pinned in a test.

Run `python benchmarks/dag.py 5000 out.cxroadmap` to write one as a document.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.pillars import DEFAULT_PILLARS

SEED = 20261206
LINK_TYPES = ("FS", "FS", "FS", "FS", "FS", "SS", "SS", "FF", "SF")  # mostly FS, as roadmaps are
LAGS = (0, 0, 0, 0, 2, 5, 10, -3)  # working days; negative is a lead
VERBS = ("Define", "Map", "Pilot", "Roll out", "Review", "Train", "Measure", "Redesign")
THINGS = (
    "service standards",
    "the complaint journey",
    "frontline coaching",
    "recognition for service heroes",
    "the onboarding programme",
    "touchpoint measures",
    "hiring interviews for a service mindset",
    "the self-service portal",
)


def chains(n: int, seed: int = 7, chain: int = 6) -> Strategy:
    """n initiatives in short dependency chains over about two years, all pillars used:
    the PDF and PowerPoint benchmarks' roadmap, and the PDF tests' large one."""
    rng = random.Random(seed)
    strategy = Strategy(
        "Large roadmap",
        dt.date(2027, 1, 4),
        level="organisation",
        owner="Programme office",
        vision="Every customer feels helped.",
    )
    keys: list[str] = []
    for i in range(n):
        key = f"K{i:05d}"
        pillar = DEFAULT_PILLARS[i % len(DEFAULT_PILLARS)].key
        title = f"{rng.choice(VERBS)} {rng.choice(THINGS)} #{i}"
        duration = 0 if i % 17 == 5 else rng.randint(3, 40)
        not_before = strategy.start + dt.timedelta(days=rng.randint(0, 500))
        strategy.initiatives[key] = Initiative(
            key, title, duration, pillar, owner=f"Team {i % 13}", not_before=not_before
        )
        if i % chain:
            strategy.dependencies.append(Dependency(keys[-1], key))
        keys.append(key)
    return strategy


def layer_count(n: int) -> int:
    """How many layers n initiatives are spread over: more work runs more in parallel."""
    return max(4, min(40, round(n**0.5 / 2)))


def layered_dag(
    n: int, seed: int = SEED, links: float = 1.5, max_parallel: int | None = None
) -> Strategy:
    """A strategy of n initiatives in layers; about `links` x n dependencies between layers.

    Each dependency goes from an initiative of one of the three layers before the
    successor's layer, so the graph is acyclic and its critical path crosses every layer.
    Keys are `I00000` onwards in document order (layer by layer).
    """
    rng = random.Random(f"{seed}-{n}")
    start = dt.date(2027, 1, 4)
    strategy = Strategy(
        f"Generated roadmap ({n:,} initiatives)",
        start,
        level="organisation",
        owner="Benchmarks",
        max_parallel=max_parallel,
    )
    strategy.holidays = [dt.date(2027, 12, 24), dt.date(2027, 12, 31), dt.date(2028, 1, 1)]
    layers = layer_count(n)
    bounds = [n * i // layers for i in range(layers + 1)]
    layer_of: list[int] = []
    phases = strategy.phase_names()
    for layer in range(layers):
        for i in range(bounds[layer], bounds[layer + 1]):
            key = f"I{i:05d}"
            roll = rng.random()
            ini = Initiative(
                key,
                f"{rng.choice(VERBS)} {rng.choice(THINGS)} #{i}",
                0 if roll < 0.05 else rng.randint(1, 40),
                DEFAULT_PILLARS[rng.randrange(len(DEFAULT_PILLARS))].key,
                owner=f"Team {rng.randrange(40)}",
                impact=rng.randint(1, 5),
            )
            if 0.05 <= roll < 0.08:
                ini.not_before = start + dt.timedelta(days=rng.randint(0, 60 * layers))
            elif 0.08 <= roll < 0.09:
                ini.phase = phases[min(len(phases) - 1, layer * len(phases) // layers)]
            strategy.initiatives[key] = ini
            layer_of.append(layer)
    keys = list(strategy.initiatives)
    pairs: set[tuple[int, int]] = set()
    wanted = round(n * links) if layers > 1 else 0
    first_linkable = bounds[1]
    while len(pairs) < wanted:
        to = rng.randrange(first_linkable, n)
        layer = layer_of[to]
        back = rng.randint(max(0, layer - 3), layer - 1)
        pairs.add((rng.randrange(bounds[back], bounds[back + 1]), to))
    for a, b in sorted(pairs, key=lambda pair: (pair[1], pair[0])):
        strategy.dependencies.append(
            Dependency(keys[a], keys[b], rng.choice(LINK_TYPES), rng.choice(LAGS))
        )
    return strategy


def layered_cascade(n: int, strategies: int = 5, seed: int = SEED) -> list[Strategy]:
    """An organisation strategy and departments under it, n initiatives in all (layered DAGs).

    Keys ORG, D1, D2, ...; one department initiative in ten supports an organisation one.
    """
    from cxroadmap.domain.support import SupportLink

    rng = random.Random(f"cascade-{seed}-{n}")
    each = n // strategies
    top = layered_dag(each, seed)
    top.key, top.name = "ORG", "Organisation roadmap"
    out = [top]
    top_keys = list(top.initiatives)
    for i in range(1, strategies):
        child = layered_dag(each, seed + i)
        child.key, child.parent, child.level = f"D{i}", "ORG", "department"
        child.name = f"Department {i}"
        for ini in list(child.initiatives.values())[::10]:
            ini.supports = [SupportLink("ORG", rng.choice(top_keys))]
        out.append(child)
    return out


def write_dag(path: Path, n: int, seed: int = SEED, cascade: bool = False) -> Path:
    """Write `layered_dag(n, seed)` (or `layered_cascade`) as a .cxroadmap document."""
    from cxroadmap.storage.document import write_document

    if path.exists():
        path.unlink()
    write_document(path, layered_cascade(n, seed=seed) if cascade else [layered_dag(n, seed)])
    return path


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"dag-{size}.cxroadmap")
    write_dag(target, size)
    print(f"wrote {size} initiatives to {target}")
