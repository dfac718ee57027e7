"""What hovering a timeline bar explains: dates, length, slack, why it starts then, RAG."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxroadmap.scheduling.rag import tracked
from cxroadmap.ui.rag_state import rag_tooltip, rags
from cxroadmap.ui.views.timeline_scene import long_date

if TYPE_CHECKING:
    from cxroadmap.ui.views.timeline_scene import TimelineScene


def bar_tooltip(scene: TimelineScene, key: str) -> str:
    """What hovering a bar explains: dates, length, slack and why it starts then."""
    if scene.schedule is None or scene.strategy is None or key not in scene.schedule.items:
        return ""
    item = scene.schedule.items[key]
    ini = scene.strategy.initiatives.get(key)
    lines = [f"<b>{_html(item.title)}</b> ({_html(key)})"]
    if item.is_milestone:
        lines.append(f"Milestone: {long_date(item.start)}")
    else:
        lines.append(
            f"{long_date(item.start)} – {long_date(item.finish)} ({item.duration} working days)"
        )
    lines.append(
        "Critical: no slack" if item.critical else f"Slack: {item.slack_days} working days"
    )
    lines.append(f"Starts then because: {_html(item.reason or 'project start')}")
    phase = f"Phase: {_html(item.phase)}"
    if ini is not None and ini.phase:
        phase += f" (pinned to {_html(ini.phase)})"
    lines.append(phase)
    rag = rags(scene.strategy, scene.schedule).get(key)
    if rag is not None and tracked(scene.strategy):
        lines.append(_html(rag_tooltip(rag)))
    if ini is not None and ini.owner:
        lines.append(f"Owner: {_html(ini.owner)}")
    return "<br>".join(lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
