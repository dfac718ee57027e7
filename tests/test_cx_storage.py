"""Touchpoints, measures and the cascade in the .cxroadmap file: round trips, edits, upgrade."""

from __future__ import annotations

import copy
import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from cx_samples import cascade_strategies, touchpoint_strategy
from storage_samples import rich_strategy
from test_cx_domain import EDITS

from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoint_edits import ConvertOpportunity
from cxroadmap.storage import check, schema
from cxroadmap.storage.document import Document, read_document, write_document

DATA = Path(__file__).parent / "data"
# Written by the schema-1 storage code (before commit bb74520), with a parent_id link.
SCHEMA_1 = DATA / "schema1_cascade.cxroadmap"


def test_a_strategy_with_touchpoints_and_measures_survives_the_file(tmp_path):
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 5)).apply(strategy)
    write_document(tmp_path / "plan.cxroadmap", [strategy])
    assert read_document(tmp_path / "plan.cxroadmap") == [strategy]


def test_a_cascade_survives_the_file_parents_first(tmp_path):
    org, care, team = cascade_strategies()
    write_document(tmp_path / "plan.cxroadmap", [team, org, care])
    stored = read_document(tmp_path / "plan.cxroadmap")
    assert stored == [org, care, team]
    assert stored[2].initiatives["HUD"].supports == [
        SupportLink("CARE", "COACH"),
        SupportLink("ORG", "LEAD"),
    ]
    assert check(tmp_path / "plan.cxroadmap") == []


@pytest.mark.parametrize("make", EDITS)
def test_every_cx_edit_and_its_undo_are_stored_exactly(tmp_path, make):
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 5)).apply(strategy)
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [strategy])
    with Document.open(path) as doc:
        [sid] = doc.strategy_ids()
        edit = make()
        doc.write_change(sid, strategy, edit.apply(strategy))
        assert doc.load(sid) == strategy
        doc.write_change(sid, strategy, edit.revert(strategy))
        assert doc.load(sid) == strategy


def test_converting_an_opportunity_is_stored_in_one_change(tmp_path):
    strategy = touchpoint_strategy()
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [strategy])
    with Document.open(path) as doc:
        [sid] = doc.strategy_ids()
        change = ConvertOpportunity("CALL", 0).apply(strategy)
        doc.write_change(sid, strategy, change)
        stored = doc.load(sid)
    assert stored.touchpoints[0].opportunities[0].initiative_key == "CALL-1"
    assert stored.initiatives["CALL-1"].touchpoints == ["CALL"]


def test_support_links_are_stored_with_the_initiative_and_follow_a_rename(tmp_path):
    org, care, team = cascade_strategies()
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [org, care, team])
    with Document.open(path) as doc:
        ids = {s.key: sid for sid, s in doc.load_all_with_ids()}
        change = ChangeInitiative("HUD", {"key": "HUDDLE", "title": "Huddle"}).apply(team)
        doc.write_change(ids["CARE-T1"], team, change)
        assert doc.load(ids["CARE-T1"]) == team
    assert read_document(path)[2].initiatives["HUDDLE"].supports == [
        SupportLink("CARE", "COACH"),
        SupportLink("ORG", "LEAD"),
    ]


def test_check_names_a_support_link_whose_target_is_gone(tmp_path):
    org, care, team = cascade_strategies()
    del org.initiatives["LEAD"]
    org.dependencies = []
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [org, care, team])
    assert check(path) == [
        "Cascade: CARE: initiatives[COACH].supports[0]: ORG has no initiative with key 'LEAD'."
    ]


_CHECK = re.compile(r"CONSTRAINT \w+ CHECK \((?:[^()]|\([^()]*\))*\)")


def _dump(path: Path) -> tuple[int, list[str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0], list(conn.iterdump())


def _schema(path: Path) -> dict[str, object]:
    """Columns, indexes and foreign keys of every table: what a migration must reproduce."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        shape: dict[str, object] = {}
        for table in tables:
            indexes = []
            for _, name, unique, origin, partial in conn.execute(f"PRAGMA index_list({table})"):
                columns = [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
                indexes.append((columns, unique, origin, partial))
            shape[table] = (
                conn.execute(f"PRAGMA table_info({table})").fetchall(),
                sorted(indexes),
                sorted(conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()),
            )
        index_sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        ).fetchall()
        # Each named check, wherever it sits: a column added by ALTER TABLE after a checked
        # column continues that column's line.
        shape["CHECK constraints"] = sorted(
            check
            for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'")
            for check in _CHECK.findall(sql)
        )
        shape["index sql"] = index_sql
    return shape


def test_a_schema_1_file_is_backed_up_and_upgraded_to_the_current_schema(tmp_path):
    path = tmp_path / "old.cxroadmap"
    shutil.copyfile(SCHEMA_1, path)
    with Document.open(path) as doc:
        assert doc.upgraded_from == 1
        upgraded = doc.load_all()
    backup = tmp_path / "old.cxroadmap.v1.bak"
    assert _dump(backup) == _dump(SCHEMA_1)
    fresh = tmp_path / "fresh.cxroadmap"
    write_document(fresh, [rich_strategy()])
    assert _schema(path) == _schema(fresh)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert check(path) == []

    # Everything schema 1 held is still there; the parent link now goes by key.
    from cxroadmap.interop.jsonfile import strategy_to_json

    expected = json.loads((DATA / "schema1_cascade.json").read_text(encoding="utf-8"))
    org, dept = upgraded
    assert (org.key, org.parent, dept.key, dept.parent) == ("S1", None, "S2", "S1")
    for strategy in upgraded:
        strategy.key, strategy.parent = "", None
    assert [strategy_to_json(s) for s in upgraded] == expected


def test_an_upgraded_file_takes_touchpoints_at_once(tmp_path):
    path = tmp_path / "old.cxroadmap"
    shutil.copyfile(SCHEMA_1, path)
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        strategy = doc.load(sid)
        tp_strategy = touchpoint_strategy()
        strategy.touchpoints = copy.deepcopy(tp_strategy.touchpoints)
        for tp in strategy.touchpoints:
            tp.opportunities[:] = [o for o in tp.opportunities if o.initiative_key is None]
        strategy.initiatives["TP1"].touchpoints = ["CALL", "REFUND"]
        doc.replace_strategy(sid, strategy)
        assert doc.load(sid) == strategy


def test_check_reports_a_touchpoint_link_that_joins_two_strategies(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [touchpoint_strategy(), cascade_strategies()[1]])
    with closing(schema.connect(path, readonly=False)) as conn:
        conn.execute(
            "INSERT INTO initiative_touchpoint (initiative_id, touchpoint_id, position) "
            "SELECT i.id, t.id, 9 FROM initiative i, touchpoint t "
            "WHERE i.key = 'STD' AND t.key = 'REFUND'"
        )
        conn.commit()
    assert "Initiative-touchpoint link row 3 joins two strategies." in check(path)
