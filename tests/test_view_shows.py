"""A saved view's switches (slack, links, measures, today) act on every view and export alike."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from cxroadmap.app import main
from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.view_filter import Shows, ViewFilter, shows_of
from cxroadmap.storage.document import write_document
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.graph_view import GraphView
from cxroadmap.ui.views.timeline_view import TimelineView

BARE = ViewFilter("Bare", show_slack=False, show_links=False, show_measures=False, show_today=False)
ALL = ViewFilter("Everything")
IN_THE_ROADMAP = dt.date(2027, 6, 1)  # the demo runs from January 2027


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    strategy = demo_strategy()
    strategy.views = [ALL, BARE]
    path = tmp_path / "demo.cxroadmap"
    write_document(path, [strategy])
    return path


def tabs(window):  # type: ignore[no-untyped-def]
    found = {type(t): t for t in window.roadmap_tabs}
    return found[TimelineView], found[BoardView], found[GraphView]


def drawn(timeline: TimelineView, board: BoardView, graph: GraphView) -> dict[str, object]:
    """What each switch governs, as the views hold it after a refresh."""
    for tab in (timeline, board, graph):
        tab.refresh()
    scene = timeline.timeline
    board.board.today = IN_THE_ROADMAP
    return {
        "arrows": len(scene.arrows.deps),
        "slack tails": sum(1 for x, width, tail, _, _ in scene.geom.values() if tail > width),
        "flag strip": scene.flags_height,
        "today line": scene.today_line is not None,
        "graph edges": len(graph.graph.edges),
        "board today": board.board.today_phase(),
    }


def test_shows_of_no_view_is_everything_and_a_view_says_its_switches():
    assert shows_of(None) == Shows(True, True, True, True)
    assert shows_of(BARE) == Shows(False, False, False, False)
    assert ViewFilter("x", show_links=False).shows == Shows(links=False)


def test_the_switches_act_on_the_timeline_board_graph_and_presentation(window, demo_file):
    assert window.files.open_path(demo_file)
    commands = window.view_commands.saved_views
    timeline, board, graph = tabs(window)
    timeline.timeline.today = IN_THE_ROADMAP
    commands.choose("Everything")
    everything = drawn(timeline, board, graph)
    assert everything["arrows"] == len(window.document.strategy.dependencies)
    assert everything["slack tails"] > 5
    assert everything["flag strip"] > 0
    assert everything["today line"] is True
    assert everything["graph edges"] == len(window.document.strategy.dependencies)
    bounds = window.document.strategy.phase_bounds()
    now = [n for n, f, e in bounds if f <= IN_THE_ROADMAP and (e is None or e > IN_THE_ROADMAP)]
    assert everything["board today"] == now[0]

    commands.choose("Bare")
    assert drawn(timeline, board, graph) == {
        "arrows": 0,
        "slack tails": 0,
        "flag strip": 0.0,
        "today line": False,
        "graph edges": 0,
        "board today": None,
    }
    # The first lane starts right under the axis when no flags stand above it.
    assert timeline.timeline.lane_tops[0][0] == 4.0
    show = window.view_commands.start_presenting()
    scene = show.body.timeline
    assert scene.shows == BARE.shows and not scene.arrows.deps and scene.flags_height == 0
    show.set_mode("board")
    assert show.body.board.shows == BARE.shows
    show.close()

    commands.choose(None)  # all initiatives, everything drawn again
    assert drawn(timeline, board, graph) == everything
    show = window.view_commands.start_presenting()
    assert show.body.timeline.arrows.deps and show.body.timeline.flags_height > 0
    show.close()


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_the_pdfs_today_line_follows_the_view(demo_file, tmp_path, monkeypatch):
    epoch = dt.datetime(2027, 6, 1, 12, tzinfo=dt.UTC).timestamp()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch)))
    shown, bare = tmp_path / "all.pdf", tmp_path / "bare.pdf"
    assert main(["export", str(demo_file), "-o", str(shown), "--view-filter", "Everything"]) == 0
    assert main(["export", str(demo_file), "-o", str(bare), "--view-filter", "bare"]) == 0
    assert "Today (1 Jun 2027)" in " ".join(_pdf_text(shown).split())
    assert "Today (" not in _pdf_text(bare)


def test_images_leave_out_what_the_view_hides(demo_file, tmp_path):
    shown, bare = tmp_path / "all.svg", tmp_path / "bare.svg"
    for out, name in ((shown, "Everything"), (bare, "Bare")):
        args = ["export", str(demo_file), "-o", str(out), "--view", "timeline"]
        assert main([*args, "--view-filter", name]) == 0
    # The measures' names are drawn as flags only when measures are shown.
    measure = "Complaint"
    assert measure in shown.read_text() and measure not in bare.read_text()
