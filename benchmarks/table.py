"""Issue 15's table in one command: every row measured on generated DAGs of 1k, 5k and 20k.

Run:  python benchmarks/table.py            (1k, 5k, 20k; add --50k for 50,000 too)
      python benchmarks/table.py --rows schedule,cli --sizes 5000 --runs 7
      python benchmarks/table.py --profile cli --sizes 5000    (cProfile of one row, top 30)
      python benchmarks/table.py --demo --sizes 5000 --rows start,memory   (the demo too)

Each figure is the minimum over several runs (the machine is shared: the minimum is the
run least disturbed by other work); the load average is printed with the table, and the
last column is the growth from 5k to 20k when both are measured. Rows:

- schedule:  `schedule()` in-process, garbage collector on (also levelled to n/100 in
             parallel); the sizes' calls alternate in one process (10 rounds unless --runs),
             so each size's minimum comes from the same minutes of the machine and their
             ratio measures the code, not how busy the machine was at each size's turn
- cli:       `cxroadmap schedule --json FILE`, whole process, output to /dev/null
- start:     app cold start to first paint (benchmarks/probe_paint.py), and its peak memory
- edit:      one edit to repaint on every tab (benchmarks/probe_edit.py): min-max over tabs
             of each tab's median edit; and peak memory after visiting every tab, editing
             and exporting a PDF from the window (File > Export > PDF, on its worker thread)
- pdf:       `cxroadmap export FILE -o x.pdf`, whole process
- png:       `cxroadmap export FILE -o x.png --view timeline`, whole process (5k only)
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from dag import layered_dag, write_dag  # noqa: E402

from cxroadmap.scheduling.planner import schedule  # noqa: E402

ROWS = (
    "schedule", "levelled", "cli", "start", "memory", "edit", "edit_memory", "cascade", "pdf",
    "png",
)  # fmt: skip
LABELS = {
    "schedule": "`schedule()` in-process",
    "levelled": "`schedule()` levelled (n/100 in parallel)",
    "cli": "`cxroadmap schedule --json`, whole process",
    "start": "app cold start to first paint",
    "memory": "peak memory at first paint",
    "edit": "one edit to repaint (median, by tab)",
    "edit_memory": "peak memory after every tab, the edits and a PDF export",
    "cascade": "one edit in a child of a 5-strategy cascade (by tab)",
    "pdf": "PDF export, whole process",
    "png": "PNG of the timeline, whole process",
}
DEMO = 0  # the "size" of the demo document (`cxroadmap demo`, what .ci/demo opens)
# Runs per size: fewer for the big ones, whose single runs take seconds.
RUNS = {DEMO: 7, 1000: 7, 5000: 5, 20000: 3, 50000: 2}


def env() -> dict[str, str]:
    out = dict(os.environ)
    # An installed cxroadmap has its bytecode compiled (pip does it); without this, a shell
    # that sets PYTHONDONTWRITEBYTECODE makes every child compile ~160 modules from source.
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    out["PYTHONPATH"] = str(ROOT) + os.pathsep + out.get("PYTHONPATH", "")
    out.setdefault("QT_QPA_PLATFORM", "offscreen")
    return out


Timing = tuple[float, float]  # (minimum wall seconds, minimum CPU seconds)


def in_process(work: Callable[[], object], runs: int) -> Timing:
    """Minimum wall and CPU seconds of `runs` calls, the collector on as in the app."""
    wall = cpu = float("inf")
    for _ in range(runs):
        gc.collect()
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    return wall, cpu


def whole_process(argv: list[str], runs: int) -> Timing:
    """Minimum wall and CPU (user + system) seconds of running `python argv...` to completion.

    CPU time is shown beside wall time because the machine is shared: other work stretches
    wall time while CPU time stays close to what the command costs on a quiet machine.
    """
    wall = cpu = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, *argv], env=env(), stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise SystemExit(f"failed ({child.returncode}): {' '.join(argv)}")
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, usage.ru_utime + usage.ru_stime)
    return wall, cpu


def probe(script: str, args: list[str]) -> dict[str, object]:
    """Run a probe child; BENCH_T0 is the monotonic clock just before it starts."""
    child_env = env()
    child_env["BENCH_T0"] = repr(time.monotonic())
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        env=child_env,
        check=True,
        capture_output=True,
        text=True,
    )
    line = done.stdout.strip().splitlines()[-1]
    result: dict[str, object] = json.loads(line)
    return result


def alternated(row: str, sizes: list[int], rounds: int) -> dict[int, Timing]:
    """`schedule()` of each size's DAG, the sizes taken in turn in each of `rounds` rounds:
    the minimum per size, collector on as in the app."""
    plans = {
        n: layered_dag(n, max_parallel=capacity(n) if row == "levelled" else None) for n in sizes
    }
    for strategy in plans.values():
        schedule(strategy)  # warm: imports, the calendar's caches
    best = {n: (float("inf"), float("inf")) for n in sizes}
    for _ in range(rounds):
        for n, strategy in plans.items():
            wall, cpu = in_process(lambda: schedule(strategy), 1)  # noqa: B023 (called here)
            best[n] = (min(best[n][0], wall), min(best[n][1], cpu))
    return best


def measure(row: str, n: int, path: Path, folder: Path, runs: int, cache: dict[str, object]) -> str:
    if row in ("schedule", "levelled"):
        figures = cache[row]
        assert isinstance(figures, dict)
        return ms(figures[n]) if n in figures else ""  # none for the demo
    if row == "cli":
        return secs(whole_process(["-m", "cxroadmap", "schedule", "--json", str(path)], runs))
    if row in ("start", "memory"):
        if "start" not in cache:
            found = [probe("probe_paint.py", [str(path)]) for _ in range(runs)]
            wall = min(float(f["seconds"]) for f in found)  # type: ignore[arg-type]
            cpu = min(float(f["cpu"]) for f in found)  # type: ignore[arg-type]
            cache["start"] = (wall, cpu)
            cache["memory"] = min(float(f["peak_mb"]) for f in found)  # type: ignore[arg-type]
        if row == "start":
            return secs(cache["start"])  # type: ignore[arg-type]
        return f"{cache['memory']:,.0f} MB"
    if row in ("edit", "edit_memory"):
        if "edit" not in cache:
            found = probe("probe_edit.py", [str(path), str(max(3, runs))])
            tabs = dict(found["tabs"])  # type: ignore[call-overload]
            cache["edit"] = tabs
            cache["edit_cpu"] = dict(found["cpu"])  # type: ignore[call-overload]
            cache["edit_memory"] = found["peak_mb"]
            by_tab = ", ".join(f"{t} {v:.0f}" for t, v in tabs.items())
            print(f"  edit by tab at {size_name(n)}: {by_tab}")
            cpus = dict(found["cpu"])  # type: ignore[call-overload]
            print("  (CPU by tab: " + ", ".join(f"{t} {v:.0f}" for t, v in cpus.items()) + ")")
        if row == "edit_memory":
            return f"{cache['edit_memory']:,.0f} MB"
        values = list(dict(cache["edit"]).values())  # type: ignore[call-overload]
        cpus = list(dict(cache["edit_cpu"]).values())  # type: ignore[call-overload]
        return f"{min(values):.0f}–{max(values):.0f} ms ({min(cpus):.0f}–{max(cpus):.0f})"
    if row == "cascade":
        if n != 5000:
            return ""
        cascade = write_dag(folder / "cascade-5000.cxroadmap", n, cascade=True)
        found = probe("probe_edit.py", [str(cascade), str(max(3, runs)), "D2"])
        tabs = dict(found["tabs"])  # type: ignore[call-overload]
        cpus = dict(found["cpu"])  # type: ignore[call-overload]
        print("  cascade edit by tab: " + ", ".join(f"{t} {v:.0f}" for t, v in tabs.items()))
        print("  (CPU by tab: " + ", ".join(f"{t} {v:.0f}" for t, v in cpus.items()) + ")")
        low, high = min(cpus.values()), max(cpus.values())
        return f"{min(tabs.values()):.0f}–{max(tabs.values()):.0f} ms ({low:.0f}–{high:.0f})"
    if row == "pdf":
        out = folder / f"x-{n}.pdf"
        return secs(whole_process(["-m", "cxroadmap", "export", str(path), "-o", str(out)], runs))
    if row == "png":
        if n != 5000:
            return ""
        out = folder / "x.png"
        argv = ["-m", "cxroadmap", "export", str(path), "-o", str(out), "--view", "timeline"]
        return secs(whole_process(argv, runs))
    raise SystemExit(f"unknown row {row}")


def capacity(n: int) -> int:
    """The levelled row's limit: one in a hundred initiatives at a time."""
    return max(1, n // 100)


def ms(timing: Timing) -> str:
    return f"{timing[0] * 1000:.1f} ms ({timing[1] * 1000:.1f})"


def secs(timing: Timing) -> str:
    return f"{timing[0]:.2f} s ({timing[1]:.2f})"


def profile(row: str, n: int, path: Path, folder: Path) -> None:
    """cProfile of one row at one size (the child process for whole-process rows)."""
    stats_file = folder / f"{row}-{n}.prof"
    if row in ("schedule", "levelled"):
        strategy = layered_dag(n, max_parallel=capacity(n) if row == "levelled" else None)
        schedule(strategy)
        cProfile.runctx("schedule(strategy)", globals(), {"strategy": strategy}, str(stats_file))
    elif row in ("start", "edit"):
        # The probes leave with os._exit at the moment measured: they dump their own profile.
        child_env = env()
        child_env["BENCH_PROFILE"] = str(stats_file)
        script = "probe_paint.py" if row == "start" else "probe_edit.py"
        argv = [str(HERE / script), str(path)]
        subprocess.run([sys.executable, *argv], env=child_env, check=True, capture_output=True)
    else:
        png = ["--view", "timeline"] if row == "png" else []
        argv = {
            "cli": ["schedule", "--json", str(path)],
            "pdf": ["export", str(path), "-o", str(folder / "p.pdf")],
            "png": ["export", str(path), "-o", str(folder / "p.png"), *png],
        }[row]
        # main(argv) as `python -m cxroadmap` runs it, but given its arguments: run as the
        # program, an export leaves with os._exit once its file is written, before
        # `-m cProfile` could write the profile.
        code = (
            "import cProfile; from cxroadmap.app import main; "
            f"cProfile.run({f'main({argv!r})'!r}, {str(stats_file)!r})"
        )
        child = [sys.executable, "-c", code]
        subprocess.run(child, env=env(), check=True, stdout=subprocess.DEVNULL)
    stats = pstats.Stats(str(stats_file))
    stats.sort_stats("cumulative").print_stats(30)
    print(f"profile written to {stats_file}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="comma-separated sizes")
    parser.add_argument("--50k", dest="big", action="store_true", help="add 50,000")
    parser.add_argument(
        "--demo", action="store_true", help="add the demo roadmap (cxroadmap demo) as a column"
    )
    parser.add_argument("--rows", default=",".join(ROWS), help="comma-separated rows")
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default by size)")
    parser.add_argument(
        "--profile", choices=("schedule", "levelled", "cli", "start", "edit", "pdf", "png")
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.big and 50000 not in sizes:
        sizes.append(50000)
    rows = [r for r in args.rows.split(",") if r]
    folder = Path(tempfile.mkdtemp(prefix="cxbench-"))
    paths = {n: write_dag(folder / f"dag-{n}.cxroadmap", n) for n in sizes}
    if args.demo:
        sizes.insert(0, DEMO)
        paths[DEMO] = write_demo(folder / "demo.cxroadmap")
    if args.profile:
        for n in sizes:
            profile(args.profile, n, paths[n], folder)
        return
    print(f"python {sys.version.split()[0]}, load average before: {load()}")
    table: dict[str, dict[int, str]] = {row: {} for row in rows}
    generated = [n for n in sizes if n != DEMO]
    in_process_rows = {
        row: alternated(row, generated, max(args.runs, 5) if args.runs else 10)
        for row in rows
        if row in ("schedule", "levelled")
    }
    walls: dict[str, dict[int, float]] = {row: {} for row in rows}
    edit_tabs: dict[int, dict[str, float]] = {}  # each tab's median edit, by size
    for n in sizes:
        cache: dict[str, object] = dict(in_process_rows)
        for row in rows:
            runs = args.runs or RUNS.get(n, 2)
            table[row][n] = measure(row, n, paths[n], folder, runs, cache)
            figure = table[row][n]
            walls[row][n] = leading_number(figure)
            if row == "edit":
                edit_tabs[n] = dict(cache["edit"])  # type: ignore[call-overload]
            print(f"  {LABELS[row]} at {size_name(n)}: {figure}  (load {load()})", flush=True)
    print(f"\nload average after: {load()}; minimum wall time (minimum CPU time in brackets)\n")
    growth = 5000 in sizes and 20000 in sizes
    names = ["demo" if n == DEMO else f"{n // 1000}k" for n in sizes] + ["20k/5k"] * growth
    print("| what | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for row in rows:
        cells = [table[row].get(n, "") for n in sizes]
        if growth and row == "edit" and 5000 in edit_tabs and 20000 in edit_tabs:
            small, big = edit_tabs[5000], edit_tabs[20000]
            worst = max((big[t] / small[t], t) for t in small if t in big and small[t] > 0)
            cells.append(f"{worst[0]:.1f}x ({worst[1]}, the tab that grows most)")
        elif growth:
            cells.append(ratio(walls[row].get(5000), walls[row].get(20000)))
        print(f"| {LABELS[row]} | " + " | ".join(cells) + " |")


def leading_number(figure: str) -> float:
    """The first number of a figure ("12.3 ms (12.1)", "0.45 s", "88 MB"), NaN if none."""
    word = figure.split(" ", 1)[0].replace(",", "")
    try:
        return float(word)
    except ValueError:
        return float("nan")  # an empty cell, or a range such as the edit row's "12-30 ms"


def ratio(small: float | None, big: float | None) -> str:
    """big / small as "4.1x", or "" when either is missing."""
    if small is None or big is None or not small > 0 or big != big:
        return ""
    return f"{big / small:.1f}x"


def size_name(n: int) -> str:
    return "the demo" if n == DEMO else f"{n:,}"


def write_demo(path: Path) -> Path:
    """The demo roadmap as `cxroadmap demo -o FILE` writes it (the cascade of four)."""
    from cxroadmap.content.demo import demo_cascade
    from cxroadmap.storage.document import write_document

    write_document(path, demo_cascade())
    return path


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
