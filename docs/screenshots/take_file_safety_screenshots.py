"""Screenshots of File > Restore from Backup and of the read-only notice (under Xvfb).

Run: python docs/screenshots/take_file_safety_screenshots.py (xvfb-run when there is no display)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp()) / "Strategies"
folder.mkdir()
os.environ["XDG_DATA_HOME"] = str(folder.parent / "data")  # backups of this run only

from launcher import settle, show_file, snap, start  # noqa: E402

from cxroadmap.content.demo import demo_cascade  # noqa: E402
from cxroadmap.domain.edits import ChangeInitiative, RemoveInitiative  # noqa: E402
from cxroadmap.storage.document import Document, write_document  # noqa: E402
from cxroadmap.ui import messages  # noqa: E402
from cxroadmap.ui.backup_dialog import BackupDialog  # noqa: E402


def _sessions(path: Path, count: int) -> None:
    """`count` editing sessions, each of which leaves a backup behind."""
    for number in range(count):
        with Document.open(path) as doc:
            sid = doc.strategy_ids()[0]
            strategy = doc.load(sid)
            key = next(iter(strategy.initiatives))
            change = ChangeInitiative(key, {"title": f"Session {number + 1}"}).apply(strategy)
            doc.write_change(sid, strategy, change)
            if number == 1:
                last = next(reversed(strategy.initiatives))
                doc.write_change(sid, strategy, RemoveInitiative(last).apply(strategy))


def main() -> None:
    app = start()
    path = folder / "customer-experience-2027.cxroadmap"
    write_document(path, demo_cascade())
    _sessions(path, 3)
    window = show_file(path)
    settle()
    window.acts["restore_backup"].trigger()
    dialog = window.findChild(BackupDialog)
    assert dialog is not None
    dialog.table.selectRow(1)
    snap(dialog, "restore-from-backup")
    dialog.reject()
    # Another program replaces the file while it is open; the next edit finds out.
    theirs = folder / "theirs.cxroadmap"
    write_document(theirs, demo_cascade())
    os.replace(theirs, path)
    doc = window.document
    assert doc is not None
    key = next(iter(doc.strategy.initiatives))
    shown: list[str] = []
    messages.show_error = lambda parent, title, text: shown.append(text)  # no modal box here
    doc.apply(ChangeInitiative(key, {"title": "Typed after the file was replaced"}))
    snap(window, "read-only-notice", 600)
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
