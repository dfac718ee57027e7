"""The presenter's view with two real screens: Qt's offscreen platform given two screens."""

from __future__ import annotations

from offscreen_screens import run_on_screens

from cxroadmap.content.demo import demo_strategy

SCREENS = {
    "screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 720},
        {"name": "Projector", "x": 1280, "y": 0, "width": 1920, "height": 1080},
    ]
}


def test_the_presenter_view_is_on_the_other_screen_and_esc_leaves_from_either(tmp_path):
    report = run_on_screens(tmp_path, SCREENS["screens"], "two_screens_child.py")
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
