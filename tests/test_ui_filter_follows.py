"""A filter set in the bar follows edits row by row, without filtering the table again."""

from __future__ import annotations

from pathlib import Path

from ui_fixtures import visible_keys

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.domain.model import Strategy
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.main_window import MainWindow


def open_demo(window: MainWindow, tmp_path: Path) -> tuple[Strategy, OpenDocument]:
    """The demo, written to a file and open in `window`: what was written, and the document."""
    from cxroadmap.storage.document import write_document

    path = tmp_path / "demo.cxroadmap"
    demo = demo_strategy()
    write_document(path, [demo])
    assert window.files.open_path(path)
    assert window.document is not None
    return demo, window.document


def test_an_edited_row_enters_or_leaves_the_filtered_table(window: MainWindow, tmp_path) -> None:
    demo, doc = open_demo(window, tmp_path)
    bar = window.initiatives.filters
    keys = list(demo.initiatives)
    owner = demo.initiatives[keys[0]].owner
    bar.owner.setCurrentIndex(bar.owner.findData(owner))
    shown = [k for k in keys if demo.initiatives[k].owner == owner]
    assert visible_keys(window) == shown
    hidden = next(k for k in keys if demo.initiatives[k].owner != owner)

    assert doc.apply(ChangeInitiative(shown[0], {"owner": "Someone else"}))
    assert visible_keys(window) == shown[1:]
    assert doc.apply(ChangeInitiative(hidden, {"owner": owner}))
    assert visible_keys(window) == [k for k in keys if k in {*shown[1:], hidden}]
    assert bar.count.text() == f"{len(shown)} of {len(keys)}"


def test_the_filter_choices_follow_pillars_and_owners_edits_bring_or_take_away(
    window: MainWindow, tmp_path
) -> None:
    from cxroadmap.domain.edits import AddInitiative, RemoveInitiative
    from cxroadmap.domain.model import Initiative

    demo, doc = open_demo(window, tmp_path)
    bar = window.initiatives.filters

    def choices(combo) -> list[str]:  # type: ignore[no-untyped-def]
        return [combo.itemText(i) for i in range(combo.count())]

    owners = choices(bar.owner)
    key = next(iter(demo.initiatives))
    assert doc.apply(ChangeInitiative(key, {"duration": 30}))
    assert choices(bar.owner) == owners
    assert doc.apply(ChangeInitiative(key, {"owner": "Zed", "pillar": "Partnerships"}))
    assert "Zed" in choices(bar.owner) and "Partnerships" in choices(bar.pillar)
    doc.undo_stack.undo()
    assert choices(bar.owner) == owners and "Partnerships" not in choices(bar.pillar)
    assert doc.apply(AddInitiative(Initiative("NEW", "New one", 5, owner="Newcomer")))
    assert "Newcomer" in choices(bar.owner)
    assert doc.apply(RemoveInitiative("NEW"))
    assert choices(bar.owner) == owners
