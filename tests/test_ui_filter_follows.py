"""A filter set in the bar follows edits row by row, without filtering the table again."""

from __future__ import annotations

from ui_fixtures import visible_keys

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.main_window import MainWindow


def test_an_edited_row_enters_or_leaves_the_filtered_table(window: MainWindow, tmp_path) -> None:
    from cxroadmap.storage.document import write_document

    path = tmp_path / "demo.cxroadmap"
    demo = demo_strategy()
    write_document(path, [demo])
    assert window.files.open_path(path)
    doc = window.document
    assert doc is not None
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
