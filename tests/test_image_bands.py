"""An image painted in bands (by a forked child, or in turn) has the whole painting's pixels."""

from __future__ import annotations

import importlib.util
import itertools
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui import image_bands, image_export

_SPEC = importlib.util.spec_from_file_location(
    "bench_dag", Path(__file__).resolve().parents[1] / "benchmarks" / "dag.py"
)
assert _SPEC is not None and _SPEC.loader is not None
bench_dag = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_dag)


def _painted(picture: image_export.Picture, scale: float, cuts: list[float]) -> QImage:
    """The PNG's pixels, its rows made in bands one after another, cut at `cuts` (shares)."""

    def one_by_one(width: int, height: int, band: image_bands.Band, split: object) -> list[bytes]:
        edges = [0, *(int(height * cut) for cut in cuts), height]
        return [band(first, last) for first, last in itertools.pairwise(edges)]

    original = image_export.in_bands
    image_export.in_bands = one_by_one  # type: ignore[assignment]
    try:
        data, _ = image_export.png_bytes(picture, scale)
    finally:
        image_export.in_bands = original
    return QImage.fromData(data)


@pytest.mark.parametrize(
    ("size", "scale"),
    [(120, 1.0), (400, 0.4)],  # arrows as antialiased lines; thinner than a pixel (a layer)
)
def test_a_timeline_painted_in_bands_has_the_pixels_of_one_painting(qapp, size, scale):
    strategy = bench_dag.layered_dag(size)
    picture = image_export.timeline_picture(strategy, schedule(strategy))
    whole = _painted(picture, scale, [])
    # Cuts through the title, the axis, rows and arrows running across several bands.
    for cuts in ([0.5], [0.003, 0.37, 0.371, 0.8]):
        assert _painted(picture, scale, cuts) == whole, cuts
    assert len({whole.pixel(x, y) for x in range(0, whole.width(), 9) for y in range(0, 900)}) > 8


def test_no_child_is_forked_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not image_bands.can_fork()
    finally:
        stop.set()
        thread.join()


SCRIPT = """
import os, sys
sys.path.insert(0, sys.argv[1])
from test_image_bands import bench_dag
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui import image_bands, image_export

image_export.ensure_app()
strategy = bench_dag.layered_dag(300)
picture = image_export.timeline_picture(strategy, schedule(strategy))
parent, forks = os.getpid(), []
fork = os.fork
def counted():
    forks.append(1)
    return fork()
os.fork = counted
image_bands.MIN_PIXELS = 0
in_bands = image_bands.in_bands
def failing_child(width, height, band, split=None):
    def rows(first, last):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return band(first, last)
    return in_bands(width, height, rows, split)
if sys.argv[2] == "failing":
    image_export.in_bands = failing_child
# The split is wanted only with a second core; this checks the fork itself, on any machine.
os.sched_getaffinity = lambda pid: {0, 1}
assert image_bands.can_fork()
data, _ = image_export.png_bytes(picture, 0.5)
assert forks == [1], forks
open(sys.argv[3], "wb").write(data)
"""


@pytest.mark.parametrize("child", ["painting", "failing"])
def test_a_forked_child_makes_the_lower_rows_of_the_same_image(qapp, tmp_path, monkeypatch, child):
    # A fresh process (the command line's case): here pytest's threads would forbid the fork.
    # A child that fails leaves its rows to the parent.
    out = tmp_path / "split.png"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(Path(__file__).parent), child, str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    strategy = bench_dag.layered_dag(300)
    picture = image_export.timeline_picture(strategy, schedule(strategy))
    monkeypatch.setattr(image_bands, "MIN_PIXELS", 10**12)
    alone, _ = image_export.png_bytes(picture, 0.5)
    split = QImage(str(out))
    assert split == QImage.fromData(alone)
    assert split.dotsPerMeterX() == QImage.fromData(alone).dotsPerMeterX() == 1890


def test_the_command_line_export_leaves_at_once_with_its_output_flushed(tmp_path):
    # As a program, `cxroadmap export` ends without tearing down what it built: nothing runs
    # after it (not even an exit handler), yet its line of output and its file are whole.
    script = (
        "import atexit, sys; atexit.register(print, 'torn down');"
        "from cxroadmap.app import main; from cxroadmap.content.demo import demo_strategy;"
        "from cxroadmap.storage.document import write_document;"
        "write_document(sys.argv[1], [demo_strategy()]);"
        "sys.argv = ['cxroadmap', 'export', sys.argv[1], '-o', sys.argv[2], '--view', 'timeline'];"
        "sys.exit(main())"
    )
    out = tmp_path / "t.png"
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "d.cxroadmap"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote {out}\n"
    assert not QImage(str(out)).isNull()
