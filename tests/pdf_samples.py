"""Strategies for the PDF tests: a small hand-made one and large generated ones."""

from __future__ import annotations

import datetime as dt
import random

from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.pillars import DEFAULT_PILLARS

VERBS = ("Define", "Map", "Pilot", "Roll out", "Review", "Train", "Measure", "Redesign", "Agree")
THINGS = (
    "service standards",
    "the complaint journey",
    "frontline coaching",
    "recognition for service heroes",
    "the onboarding programme",
    "touchpoint measures",
    "hiring interviews for a service mindset",
    "the escalation process",
)


def large_strategy(n: int, seed: int = 7, chain: int = 6) -> Strategy:
    """`n` initiatives in short dependency chains over about two years, all pillars used."""
    rng = random.Random(seed)
    strategy = Strategy(
        "Large roadmap",
        dt.date(2027, 1, 4),
        level="organisation",
        owner="Programme office",
        vision="Every customer feels helped.",
    )
    keys = []
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


def small_strategy() -> Strategy:
    """Five initiatives, one milestone, one SS link with a lag, two phases."""
    strategy = Strategy(
        "Service <b>excellence</b> & more",
        dt.date(2027, 1, 4),
        level="department",
        owner="Head of Service",
        vision="Customers leave every interaction helped.",
        mission="Make service easy.",
        values=["Own the outcome", "Calm under pressure"],
        phases=[Phase("Foundations", 8), Phase("Scale up", None)],
    )
    items = [
        ("A", "Define the service vision", 10, "vision"),
        ("B", "Map the moments of truth", 15, "touchpoints"),
        ("C", "Train leaders to coach", 20, "leadership"),
        ("M", "Vision signed off", 0, "vision"),
        ("D", "Roll out frontline training", 30, "training"),
    ]
    for key, title, duration, pillar in items:
        strategy.initiatives[key] = Initiative(key, title, duration, pillar, owner="Team")
    strategy.dependencies += [
        Dependency("A", "M"),
        Dependency("M", "C"),
        Dependency("B", "D", "SS", 5),
        Dependency("C", "D"),
    ]
    return strategy


def page_texts(data: bytes) -> list[str]:
    """Text of each page, whitespace collapsed (pypdf, so no poppler needed)."""
    import io
    import re

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def render_png(pdf_path: str, page: int, dpi: int, out_prefix: str) -> str | None:
    """Render one page with pdftoppm; None when poppler is not installed."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        return None
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            pdf_path,
            out_prefix,
        ],
        check=True,
    )
    return out_prefix + ".png"
