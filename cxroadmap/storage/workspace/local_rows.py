"""SQLModel tables of a `.cxroadmap` file checked out of a workspace (schema 3).

They stay empty in a plain document. `ws_base` holds each item as the server last
had it (its revision and fields): the base of the three-way merge, so local edits are
found by comparing the strategies with it, whichever path made them.
"""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class WorkspaceLinkRow(SQLModel, table=True):
    """The workspace this file is a copy of (no password, ever) and how far it has synced."""

    __tablename__ = "ws_link"

    id: int | None = Field(default=None, primary_key=True)
    url: str
    last_rev: int
    synced_at: str | None = None
    copy_id: str  # this copy's own id: its pushes carry it to the server
    path: str  # where the file was when it got `copy_id`: a copied file takes a new one


class WorkspaceAccessRow(SQLModel, table=True):
    """A strategy of the copy; `editable` is false for read-only context."""

    __tablename__ = "ws_access"

    id: int | None = Field(default=None, primary_key=True)
    strategy: str = Field(unique=True)
    editable: bool


class WorkspaceBaseRow(SQLModel, table=True):
    """An item as the server last had it; `fields` is JSON."""

    __tablename__ = "ws_base"
    __table_args__ = (UniqueConstraint("strategy", "kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy: str
    kind: str
    key: str
    rev: int
    deleted: bool
    fields: str


class WorkspaceConflictRow(SQLModel, table=True):
    """A conflict waiting for a decision; `sides` is JSON with both values of every item."""

    __tablename__ = "ws_conflict"
    __table_args__ = (UniqueConstraint("strategy", "kind", "key", "field"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy: str
    kind: str
    key: str
    field: str
    mine: str
    theirs: str
    sides: str


class WorkspaceDirtyRow(SQLModel, table=True):
    """An item changed in the file since the last sync (recorded by every write of a change).

    Kind and key `*` mean the whole strategy (it was rewritten whole).
    """

    __tablename__ = "ws_dirty"
    __table_args__ = (UniqueConstraint("strategy", "kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    strategy: str
    kind: str
    key: str


WS_LINK = SQLModel.metadata.tables["ws_link"]
WS_ACCESS = SQLModel.metadata.tables["ws_access"]
WS_BASE = SQLModel.metadata.tables["ws_base"]
WS_CONFLICT = SQLModel.metadata.tables["ws_conflict"]
WS_DIRTY = SQLModel.metadata.tables["ws_dirty"]
WORKSPACE_TABLES = (WS_LINK, WS_ACCESS, WS_BASE, WS_CONFLICT, WS_DIRTY)
