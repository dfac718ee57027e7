"""The presenter's view with two real screens: Qt's offscreen platform given two screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cxroadmap.content.demo import demo_strategy

HERE = Path(__file__).resolve().parent
SCREENS = {
    "screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 720},
        {"name": "Projector", "x": 1280, "y": 0, "width": 1920, "height": 1080},
    ]
}


def test_the_presenter_view_is_on_the_other_screen_and_esc_leaves_from_either(tmp_path):
    for screen in SCREENS["screens"]:
        screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent), env.get("PYTHONPATH", "")])
    run = subprocess.run(
        [sys.executable, str(HERE / "two_screens_child.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert [name for name, _ in report["screens"]] == ["Laptop", "Projector"]
    start = report["start"]
    # The show fills the app's screen; the presenter's view is on the other one.
    assert start["show screen"] == "Laptop" and start["show geometry"] == [0, 0, 1280, 720]
    assert start["presenter screen"] == "Projector" and start["presenter visible"]
    x, _, width, height = start["presenter geometry"]
    assert x >= 1280 and x + width <= 1280 + 1920 and height <= 1080
    name = demo_strategy().name
    steps = start["steps"]
    assert start["now"] == f"Now (1 / {steps}): {name}  ·  part 1 of {start['now'].split()[-1]}"
    assert start["next"].startswith("Next: ")
    assert start["notes"].splitlines()[0].endswith("whole roadmap")
    assert any(line.startswith("• ") for line in start["notes"].splitlines())
    after = report["after next"]
    assert after["step"] == 1 and after["now"].startswith(f"Now (2 / {steps}): ")
    assert after["now"].removeprefix(f"Now (2 / {steps}): ") == start["next"].removeprefix("Next: ")
    assert report["esc from presenter"] == [False, False]
    assert report["esc from show"] == [False, False]
