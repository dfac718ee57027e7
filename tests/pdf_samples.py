"""Strategies for the PDF tests: a small hand-made one and large generated ones."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy

# The large roadmap is the benchmarks' (benchmarks/dag.py), loaded by its path: one generator.
_spec = importlib.util.spec_from_file_location(
    "bench_dag", Path(__file__).resolve().parents[1] / "benchmarks" / "dag.py"
)
assert _spec is not None and _spec.loader is not None
_dag = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_dag)
large_strategy = _dag.chains


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
