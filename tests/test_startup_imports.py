"""The app paints a document without the heavy libraries: they load when first needed.

Each test runs a fresh Python (what a user's `cxroadmap FILE` runs) and looks at
`sys.modules`, so an import added to the start-up path shows up here, not only as a slower
benchmark.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage.checks import check
from cxroadmap.storage.document import read_document, write_document

# What first paint must not wait for: the ORM (a write needs it), graphs, PDF, slides, server.
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "networkx", "reportlab", "pptx", "psycopg")
# What a window started on a document does not need before it paints: the welcome screen
# (there is a document to show), the hidden tabs' views (built when first shown), printing,
# the Strategy tab's panel (built when first shown), the socket module (the edit lock names
# the host without it).
LAZY = (
    "cxroadmap.ui.welcome",
    "cxroadmap.ui.strategy_panel",
    "cxroadmap.ui.phases_editor",
    "cxroadmap.ui.brand_editor",
    "socket",
    "cxroadmap.ui.views.timeline_view",
    "cxroadmap.ui.views.board",
    "cxroadmap.ui.views.graph_view",
    "cxroadmap.ui.cx.touchpoints_page",
    "cxroadmap.ui.cx.matrix_view",
    "cxroadmap.ui.cx.measures_page",
    "cxroadmap.ui.cx.alignment_view",
    "PySide6.QtPrintSupport",
)
# Qt classes whose Python type (and its enums, made with it) a first paint does without:
# dialogs and boxes, printing's, and opening a file after an export.
QT_LATER = (
    "QtWidgets.QMessageBox",
    "QtWidgets.QFileDialog",
    "QtGui.QPainter",
    "QtGui.QTextDocument",
    "QtGui.QPageLayout",
    "QtGui.QDesktopServices",
    "QtCore.QUrl",
)

# The app as `cxroadmap FILE` starts it; at the main window's first paint with the document
# open, prints which of the classes named in argv[2] PySide6 has made a Python type for: it
# makes one when a class is first named (and only then puts it in its module). No filter
# on every event here: handing an event's receiver to Python would make its type.
TYPES_PROBE = """
import json, os, sys
from PySide6.QtCore import QTimer
from cxroadmap.ui import main_window

plain_paint = main_window.MainWindow.paintEvent

def paintEvent(self, event):
    plain_paint(self, event)
    if self.document is not None:
        QTimer.singleShot(0, report)

def report():
    made = []
    for name in json.loads(sys.argv[2]):
        module, cls = name.split(".")
        if cls in vars(sys.modules["PySide6." + module]):
            made.append(name)
    print(json.dumps(made), flush=True)
    os._exit(0)

main_window.MainWindow.paintEvent = paintEvent
from cxroadmap.app import main
main([sys.argv[1]])
os._exit(3)
"""

# Starts the app as `cxroadmap FILE` does; at the main window's first paint with the
# document open, prints the heavy modules already imported and leaves.
PAINT_PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            if getattr(watched.window(), "document", None) is not None:
                QTimer.singleShot(0, report)
        return False

def report():
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "views"))
    loaded = sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)
    import builtins, gc
    hook = builtins.__import__ is getattr(builtins, "__feature_import__", None)
    found = {"heavy": loaded, "title": window.windowTitle(), "collector": gc.isenabled(),
             "feature_hook": hook}
    window.views.setCurrentWidget(window.roadmap_tab("Timeline"))  # its modules imported now
    view = window.views.currentWidget()
    found["later_tab"] = [type(view).__name__, view.isVisible()]
    print(json.dumps(found), flush=True)
    os._exit(0)

app = QApplication(sys.argv[:1])
watcher = FirstPaint()
app.installEventFilter(watcher)
from cxroadmap.app import main
main([sys.argv[1]])
os._exit(3)
"""


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no last file, no saved window state
    return env


def _probe(tmp_path: Path, probe: str, watched: tuple[str, ...]) -> Any:
    """Opens the demo cascade in a fresh app running `probe`; the JSON it printed last."""
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path), json.dumps(watched)],
        capture_output=True,
        text=True,
        env=_child_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _first_paint(tmp_path: Path, watched: tuple[str, ...]) -> dict[str, object]:
    """What the first paint of the demo cascade found of `watched`."""
    found: dict[str, object] = _probe(tmp_path, PAINT_PROBE, watched)
    assert str(found["title"]).startswith("demo.cxroadmap")  # the document is what was painted
    return found


def test_the_first_paint_of_a_document_imports_no_orm_graph_pdf_or_server_library(tmp_path):
    found = _first_paint(tmp_path, HEAVY)
    assert found["heavy"] == []
    assert found["collector"]  # paused while the app starts, on again once it is up


def test_the_app_imports_its_modules_past_pyside6s_feature_hook_and_they_work(tmp_path):
    """PySide6's `__feature__` import hook reads every new module's source; the app puts
    Python's own import back before importing its window (ui/start.plain_imports), and a
    tab whose modules are imported after that still builds and shows."""
    found = _first_paint(tmp_path, ())
    assert found["feature_hook"] is False
    assert found["later_tab"] == ["TimelineView", True]


def test_a_window_started_on_a_document_paints_without_the_screens_it_does_not_show(tmp_path):
    assert _first_paint(tmp_path, LAZY)["heavy"] == []


def test_the_first_paint_makes_no_python_type_for_dialogs_printing_or_urls(tmp_path):
    """PySide6 makes a class's Python type, and every enum of it, when the class is first
    named; the window's modules name dialogs, printing's classes and QUrl where they are
    used, so a start makes none of them."""
    assert _probe(tmp_path, TYPES_PROBE, QT_LATER) == []


def test_an_edit_after_a_lazy_open_loads_sqlalchemy_then_and_keeps_the_checksum(tmp_path):
    """Opening reads with sqlite3 alone; the first write brings SQLAlchemy in and the file's
    seal (checksum) still matches its contents afterwards."""
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    code = (
        "import sys\n"
        "from cxroadmap.domain.edits import ChangeInitiative\n"
        "from cxroadmap.storage.document import Document\n"
        "doc = Document.open(sys.argv[1])\n"
        "strategy = doc.load()\n"
        "before = 'sqlalchemy' in sys.modules\n"
        "edit = ChangeInitiative('LEAD1', {'duration': 7})\n"
        "change = edit.apply(strategy)\n"
        "doc.write_change(doc.strategy_ids()[0], strategy, change)\n"
        "doc.close()\n"
        "print(before, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
    assert check(path) == []
    assert read_document(path)[0].initiatives["LEAD1"].duration == 7
