"""Screenshot of the compare view: Customer Care's plan against its scenario.

Run: python docs/screenshots/take_scenario_screenshots.py (under xvfb-run when there is no display)
"""

from __future__ import annotations

from launcher import open_window, settle, snap, start

from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Initiative


def main() -> None:
    app = start()
    window, _ = open_window(demo_cascade())
    document = window.document
    assert document is not None and document.store is not None
    ids = {s.key: sid for sid, s in document.store.load_all_with_ids()}
    window.cx_commands.switch_to(ids["CARE"])
    # "What if the care standards take a month longer, and we pilot huddles instead of
    # the handover rework?"
    window.scenario_commands.copy_action.trigger()
    scenario = window.document
    assert scenario is not None
    scenario.apply(ChangeInitiative("C-STD", {"duration": 45}))
    scenario.apply(RemoveInitiative("C-HAND"))
    scenario.apply(AddInitiative(Initiative("C-HUDDLE", "Daily care huddles pilot", 15,
                                            "performance", owner="Care leads")))  # fmt: skip
    view = window.scenario_commands.compare()
    assert view is not None
    view.resize(1500, 960)
    settle(300)
    view.timeline_a.fit()  # the other timeline follows: one date axis
    view.list.setCurrentItem(view.list.topLevelItem(0))
    snap(view, "compare", 500)
    view.close()
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
