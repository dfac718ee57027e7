"""Runs a test's child script under Qt's offscreen platform given the screens it names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def run_on_screens(tmp_path: Path, screens: list[dict[str, Any]], script: str, *args: str) -> Any:
    """The JSON report `script` (in tests/) prints last, run on `screens` at 96 dpi."""
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {"screens": [{**s, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for s in screens]}
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent), env.get("PYTHONPATH", "")])
    run = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])
