"""PowerPoint export timings for generated roadmaps of 1,000 and 5,000 initiatives (fixed seed).

Run: python benchmarks/bench_pptx.py    (figures go into docs/performance.md, "PowerPoint export")

Times `export_pptx` (title, roadmap slides, a table slide or more per phase, written
atomically) on the same generated roadmaps as bench_pdf.py.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench_pdf import roadmap, timed

from cxroadmap.export.pptx_deck import export_pptx
from cxroadmap.scheduling.planner import schedule


def main() -> None:
    from pptx import Presentation

    out = Path(tempfile.mkdtemp()) / "bench.pptx"
    print(f"python {sys.version.split()[0]}")
    print("initiatives | slides | roadmap slides | shapes | size | export_pptx best / median | CPU")
    for n, runs in ((1000, 5), (5000, 3)):
        strategy = roadmap(n)
        plan = schedule(strategy)
        best, median = timed(lambda s=strategy, p=plan: export_pptx(s, p, out), runs)
        cpu = time.process_time()
        export_pptx(strategy, plan, out)
        cpu = time.process_time() - cpu  # this process's own CPU time: what load cannot inflate
        deck = Presentation(str(out))
        slides = len(deck.slides)
        roadmaps = sum(1 for s in deck.slides if s.shapes.title.text.startswith("Roadmap"))
        shapes = sum(len(s.shapes) for s in deck.slides)
        print(
            f"{n:>11,} | {slides:>6} | {roadmaps:>14} | {shapes:>6} | "
            f"{out.stat().st_size / 1e6:.1f} MB | {best:.2f} s / {median:.2f} s | {cpu:.2f} s"
        )


if __name__ == "__main__":
    main()
