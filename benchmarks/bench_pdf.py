"""PDF export timings for generated roadmaps of 1,000 and 5,000 initiatives (fixed seed).

Run: python benchmarks/bench_pdf.py    (figures go into docs/performance.md, "PDF export")

Times `export_pdf` (cover, paginated timeline, phase tables, written atomically to a file)
and, separately, the whole `cxroadmap export` path: scheduling plus the PDF.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dag import chains

from cxroadmap.domain.model import Strategy
from cxroadmap.export.fonts import font_set
from cxroadmap.export.pdf import PdfOptions, export_pdf
from cxroadmap.scheduling.planner import schedule


def roadmap(n: int, seed: int = 20270104) -> Strategy:
    """n initiatives over all pillars in dependency chains of six (dag.chains)."""
    return chains(n, seed)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(best, median) wall time in seconds, garbage collector on as in the app."""
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    font_set()  # registering fonts is a once-per-process cost, paid at the first export
    out = Path(tempfile.mkdtemp()) / "bench.pdf"
    print(f"python {sys.version.split()[0]}")
    print("initiatives | pages | size | export_pdf best / median | schedule + export best / median")
    for n, runs in ((1000, 7), (5000, 5)):
        strategy = roadmap(n)
        plan = schedule(strategy)
        options = PdfOptions()
        pdf_best, pdf_median = timed(lambda s=strategy, p=plan: export_pdf(s, p, out), runs)
        size = out.stat().st_size
        pages = out.read_bytes().count(b"/Type /Page\n")
        both_best, both_median = timed(
            lambda s=strategy, o=options: export_pdf(s, schedule(s), out, o), runs
        )
        print(
            f"{n:>11,} | {pages:>5} | {size / 1e6:.1f} MB | {pdf_best:.2f} s / {pdf_median:.2f} s"
            f" | {both_best:.2f} s / {both_median:.2f} s"
        )


if __name__ == "__main__":
    main()
