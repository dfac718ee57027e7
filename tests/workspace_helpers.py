"""Helpers of the workspace tests: a workspace per test, laptops, edits the app's way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import psycopg

from cxroadmap.app import main
from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.edits import Edit
from cxroadmap.domain.model import Strategy
from cxroadmap.storage.document import Document, read_document, write_document


@dataclass
class Workspace:
    cluster: object
    owner: str
    database: str
    folder: Path

    def url(self, role: str | None = None) -> str:
        return self.cluster.url(role or self.owner, self.database)  # type: ignore[attr-defined]

    def role(self, prefix: str, edit: list[str] = (), read: list[str] = ()) -> str:
        name = self.cluster.role(prefix)  # type: ignore[attr-defined]
        for key in edit:
            assert main(["workspace", "grant", self.url(), name, "--strategy", key, "--edit"]) == 0
        for key in read:
            assert main(["workspace", "grant", self.url(), name, "--strategy", key, "--read"]) == 0
        return name

    def laptop(self, name: str, role: str | None = None, *strategies: str) -> Path:
        path = self.folder / f"{name}.cxroadmap"
        extra = [a for key in strategies for a in ("--strategy", key)]
        assert main(["checkout", self.url(role), "-o", str(path), *extra]) == 0
        return path

    def server_items(self, strategy: str) -> dict[tuple[str, str], dict]:
        with psycopg.connect(self.url()) as conn:
            rows = conn.execute(
                "SELECT kind, key, fields FROM cxroadmap.item WHERE strategy = %s AND NOT deleted",
                (strategy,),
            ).fetchall()
        return {(kind, key): fields for kind, key, fields in rows}


_TEMPLATES: dict[int, tuple[str, str]] = {}


def new_workspace(cluster: object, folder: Path) -> Workspace:
    """A workspace holding the demo cascade, published by its owner (a copy of a template
    database made once per run: initialising and publishing every time is slow)."""
    source = folder / "source.cxroadmap"
    write_document(source, demo_cascade())
    if id(cluster) not in _TEMPLATES:
        owner = cluster.role("cco")  # type: ignore[attr-defined]
        template = cluster.database(owner)  # type: ignore[attr-defined]
        first = Workspace(cluster, owner, template, folder)
        assert main(["workspace", "init", first.url()]) == 0
        assert main(["publish", str(source), "--to", first.url()]) == 0
        _TEMPLATES[id(cluster)] = (owner, template)
    owner, template = _TEMPLATES[id(cluster)]
    database = cluster.database(owner, template)  # type: ignore[attr-defined]
    return Workspace(cluster, owner, database, folder)


def edit(path: Path, strategy_key: str, change: Edit) -> None:
    """Make one edit the way the app does: an edit object, then its Change written."""
    with Document.open(path) as doc:
        for sid, strategy in doc.load_all_with_ids():
            if strategy.key == strategy_key:
                doc.write_change(sid, strategy, change.apply(strategy))
                return
    raise AssertionError(f"no strategy {strategy_key}")


def strategy(path: Path, key: str) -> Strategy:
    return next(s for s in read_document(path) if s.key == key)


def sync(path: Path, capsys: object) -> tuple[int, str, str]:
    """`cxroadmap sync PATH`: its exit code, and what it printed on stdout and stderr."""
    capsys.readouterr()  # type: ignore[attr-defined]
    code = main(["sync", str(path)])
    out, err = capsys.readouterr()  # type: ignore[attr-defined]
    return code, out, err
