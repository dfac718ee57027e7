"""The suite's per-test timeout: a hung test fails with every thread's stack, never hangs CI."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_hung_test_fails_with_the_stacks_of_its_threads_instead_of_hanging(tmp_path):
    hung = tmp_path / "test_hung.py"
    hung.write_text(
        "import threading, time\ndef test_waits_forever():\n    threading.Event().wait()\n"
    )
    # The project's own settings (timeout method included); only the limit is made short.
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c",
         str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), "--timeout", "2", str(hung)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    out = run.stdout + run.stderr
    assert run.returncode != 0, out
    assert "Timeout" in out and "Stack of MainThread" in out, out
    assert "test_waits_forever" in out, out


def test_every_test_has_a_timeout_far_above_the_slowest_test():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    settings = options["ini_options"]
    assert settings["timeout_method"] == "thread"  # works on a thread stuck in C++
    assert 120 <= settings["timeout"] <= 900
