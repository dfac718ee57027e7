"""The edit benchmark stops its clock on a finished screen: after `probe_edit.settle`, the window
on screen is exactly what a full repaint of it shows, on every tab (so the probe measures
everything a user waits for after an edit, and no repaint the edit did not ask for)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSettings

from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_settled_screen_equals_a_full_repaint_on_every_tab(qapp, tmp_path):
    dag, probe = _load("dag"), _load("probe_edit")
    path = dag.write_dag(tmp_path / "dag.cxroadmap", 200)
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1440, 880)
    window.show()
    try:
        assert window.files.open_path(path)
        doc = window.document
        probe.settle(qapp, window)
        key = next(iter(doc.strategy.initiatives))
        base = doc.strategy.initiatives[key].duration
        checked = []
        for index in range(window.views.count()):
            window.views.setCurrentIndex(index)
            probe.settle(qapp, window)
            window.repaint()  # as the probe does: what differs afterwards is the edits' doing
            for step in range(3):  # the first edit on a tab is the probe's uncounted warm-up
                assert doc.apply(ChangeInitiative(key, {"duration": base + 1 + step}))
                probe.settle(qapp, window)
                if step:
                    assert probe.check_screen(window), window.views.tabText(index)
            checked.append(window.views.tabText(index))
            assert doc.strategy.initiatives[key].duration == base + 3
        assert len(checked) == window.views.count() >= 10
    finally:
        window.document.undo_stack.clear()
        window.close()
