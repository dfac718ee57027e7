"""The open document: strategy, file, undo stack and schedule, with one `changed` signal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.cascade_edits import CascadeEdit
from cxroadmap.domain.edits import Change, CompositeEdit, Edit
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.limit_checks import check_span
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.result import Schedule
from cxroadmap.storage.errors import DocumentChanged
from cxroadmap.ui.live_schedule import LiveScheduler, Outcome
from cxroadmap.ui.undo import EditCommand

if TYPE_CHECKING:
    from cxroadmap.storage.document import Document


class OpenDocument(QObject):
    """Owns one strategy while it is open; every view listens to `changed` (carrying the Change).

    `changed` fires after each edit, undo or redo, once the schedule has caught up.
    `refused` carries the message of an edit that was not made (nothing changed).
    """

    changed = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        strategy: Strategy,
        store: Document | None = None,
        strategy_id: int | None = None,
        readonly: bool = False,
        notice: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.strategy = strategy
        self.store = store
        self.strategy_id = strategy_id
        self.readonly = readonly
        self.notice = notice
        self.last_error = ""
        self.file_lost = False  # the file was moved, replaced or changed under us
        # Counts the writes that changed other strategies of the file too (a rename across
        # the cascade): the cascade's other strategies are read and scheduled again after one.
        self.cascade_generation = 0
        self.undo_stack = QUndoStack(self)
        self.schedule: Schedule | None = None
        self.schedule_error: str | None = None
        self.scheduler = LiveScheduler(self)
        self.scheduler.ready.connect(self._schedule_ready)
        self._pending = Change()
        self._take(self.scheduler.run(strategy))

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> OpenDocument:
        """Open a document file; read-only with a notice when another window or app has it.

        Raises storage's DocumentError (damaged, not ours, newer version) naming the file.
        """
        from cxroadmap.storage.document import Document
        from cxroadmap.storage.errors import DocumentLocked, DocumentReadOnly

        notice = ""
        try:
            store = Document.open(path)
        except DocumentReadOnly as error:
            store = Document.open(path, readonly=True)
            where = "its folder is" if "folder" in error.problem else "the file is"
            notice = (
                f"{Path(path).name} is open read-only: {where} read-only (no permission to "
                "write it). Use Save As to work on a copy."
            )
        except DocumentLocked:
            store = Document.open(path, readonly=True)
            notice = (
                f"{Path(path).name} is already open elsewhere, so it is open read-only here. "
                "Use Save As to work on a copy."
            )
        try:
            ids = store.strategy_ids()
            strategy_id = ids[0] if ids else None
            strategy = store.load(strategy_id)
        except Exception:
            store.close()
            raise
        if store.recovered:
            notice = f"{Path(path).name}: {store.recovered}."
        if store.upgraded_from is not None:
            notice = (
                f"{Path(path).name} was made by an older version of cxroadmap and has been "
                f"upgraded; the original is kept beside it as a .v{store.upgraded_from}.bak file."
            )
        return cls(strategy, store, strategy_id, store.readonly, notice, parent)

    @classmethod
    def create(
        cls, path: Path, strategies: list[Strategy], parent: QObject | None = None
    ) -> OpenDocument:
        """Write a new document holding `strategies` (the top one first) and open the top one."""
        from cxroadmap.storage.document import write_document

        write_document(Path(path), strategies)
        return cls.open(Path(path), parent)

    @property
    def path(self) -> Path | None:
        return Path(self.store.path) if self.store is not None else None

    @property
    def title(self) -> str:
        return self.path.name if self.path is not None else "Untitled"

    def switch_to_copy(self, target: Path) -> None:
        """Save As: copy the file (SQLite backup) and go on in the copy, undo history and all."""
        from cxroadmap.storage.document import Document, write_document
        from cxroadmap.storage.errors import DocumentError

        if self.store is None:
            raise ValueError("this document has no file to copy")
        try:
            self.store.save_as(Path(target))
            copy = Document.open(Path(target))
        except DocumentError:
            if not self.file_lost or self.strategy_id is None:
                raise
            # The file was overwritten under us: what is on screen is the one sound version.
            write_document(Path(target), [self.strategy])
            copy = Document.open(Path(target))
            self.strategy_id = copy.strategy_ids()[0]
        if self.file_lost and self.strategy_id is not None:
            copy.replace_strategy(self.strategy_id, self.strategy)
        self.file_lost = False
        self.store.close()
        self.store = copy
        self.readonly = False
        self.notice = ""
        self.changed.emit(Change(strategy=True))

    def close(self) -> None:
        self.scheduler.wait()
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- editing -------------------------------------------------------------------------

    def apply(self, edit: Edit) -> bool:
        """Make one edit: applied, written and pushed on the undo stack, or refused entirely."""
        if self.readonly:
            return self.refuse("This document is open read-only; nothing was changed.")
        try:
            change = edit.apply(self.strategy)
        except CxRoadmapError as exc:
            return self.refuse(str(exc))
        try:
            # Each value is checked by the edit; the plan as a whole must still fit in time.
            check_span(self.strategy)
        except CxRoadmapError as exc:
            edit.revert(self.strategy)
            return self.refuse(str(exc))
        # When the plan goes to the worker anyway, it starts now: the write waits for the disk
        # meanwhile (an edit at 20,000 initiatives saves that wait).
        early = self.store is not None and self.scheduler.off_thread
        if early:
            self.scheduler.start_early(self.strategy, change)
        try:
            self._write(change, edit)
        except DocumentChanged as exc:
            self._take_back(edit, early)
            return self.refuse(self._lose_file(exc))
        except Exception as exc:
            self._take_back(edit, early)
            return self.refuse(f"Could not write to {self.title}: {exc}")
        if self.store is not None and self.store.backup_error and not self.notice:
            self.notice = f"{self.title}: {self.store.backup_error}."
        self.last_error = ""
        self.undo_stack.push(EditCommand(self, edit, change))
        return True

    def _take_back(self, edit: Edit, early: bool) -> None:
        change = edit.revert(self.strategy)
        if early:
            self.scheduler.abandon(self.strategy, change)

    def _lose_file(self, error: DocumentChanged) -> str:
        """The file changed under us: stop writing to it, say so, and offer Save As (banner)."""
        self.readonly = True
        self.file_lost = True
        self.notice = (
            f"{self.title} {error.problem.split(';')[0]}, so it is read-only here now: nothing "
            "more is written to it and neither version is lost. Use Save As to keep what is "
            "on screen."
        )
        self.changed.emit(Change())  # the window shows the notice and stops offering edits
        return self.notice

    def refuse(self, message: str) -> bool:
        self.last_error = message
        self.refused.emit(message)
        return False

    def _write(self, change: Change, edit: Edit | None = None) -> None:
        if self.store is not None and self.strategy_id is not None:
            # An edit across the cascade also changed other strategies: one transaction.
            others = edit.others if isinstance(edit, CascadeEdit) else []
            items = [(self.strategy_id, self.strategy, change)]
            items += [(int(h), s, c) for h, s, c in others if isinstance(h, int)]
            self.store.write_changes(items)
            if len(items) > 1:
                self.cascade_generation += 1

    def apply_across(
        self, text: str, build: Callable[[Cascade, Strategy], list[tuple[Strategy, Edit]]]
    ) -> bool:
        """apply() of cascade_edit(): a rename or deletion that other strategies follow."""
        if self.readonly:
            return self.refuse("This document is open read-only; nothing was changed.")
        try:
            edit = self.cascade_edit(text, build)
        except CxRoadmapError as exc:
            return self.refuse(str(exc))
        return self.apply(edit)

    def cascade_edit(
        self, text: str, build: Callable[[Cascade, Strategy], list[tuple[Strategy, Edit]]]
    ) -> Edit:
        """One undoable edit of the whole document: `build` gets the cascade of the file
        (with this strategy in it) and returns (strategy, edit) pairs."""
        loaded: list[tuple[int, Strategy]] = []
        if self.store is not None and self.strategy_id is not None:
            loaded = [
                (sid, self.strategy if sid == self.strategy_id else s)
                for sid, s in self.store.load_all_with_ids()
            ]
        if not any(s is self.strategy for _, s in loaded):
            loaded.append((self.strategy_id or 0, self.strategy))
        handles = {id(s): sid for sid, s in loaded}
        pairs = build(Cascade([s for _, s in loaded]), self.strategy)
        if all(s is self.strategy for s, _ in pairs):
            edits = [e for _, e in pairs]
            return edits[0] if len(edits) == 1 else CompositeEdit(text, edits)
        return CascadeEdit(text, [(handles[id(s)], s, e) for s, e in pairs])

    def store_and_notify(self, change: Change, edit: Edit | None = None) -> None:
        """After an undo or redo: write the change, then reschedule and notify."""
        try:
            self._write(change, edit)
        except DocumentChanged as exc:
            self.refused.emit(self._lose_file(exc))
        except Exception as exc:
            # Try to bring the file in line with what is on screen; if even that fails,
            # stop editing rather than let the two drift apart.
            try:
                if self.store is not None and self.strategy_id is not None:
                    self.store.replace_strategy(self.strategy_id, self.strategy)
            except Exception:
                self.readonly = True
                self.notice = f"Writing to {self.title} failed ({exc}); it is now read-only."
            self.refused.emit(f"Could not write to {self.title}: {exc}")
        self.committed(change)

    def committed(self, change: Change) -> None:
        self._pending.merge(change)
        self._take(self.scheduler.run(self.strategy, change))

    def _take(self, outcome: Outcome | None) -> None:
        if outcome is None:
            return  # the worker thread will call _schedule_ready
        self.schedule, self.schedule_error = outcome
        change, self._pending = self._pending, Change()
        self.changed.emit(change)

    def _schedule_ready(self, result: object, error: object) -> None:
        schedule = result if isinstance(result, Schedule) else None
        self._take((schedule, str(error) if error else None))
