"""Sync merges the order of initiatives, and touchpoints and measures one by one, between
two laptops against a real PostgreSQL server."""

import psycopg
from psycopg.types.json import Jsonb
from workspace_helpers import edit, strategy, sync

from cxroadmap.app import main
from cxroadmap.domain.edits import AddInitiative, Change
from cxroadmap.domain.measure_edits import AddMeasure, ChangeMeasure
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.touchpoint_edits import AddTouchpoint, ChangeTouchpoint, RemoveTouchpoint
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.storage.document import Document
from cxroadmap.storage.workspace.server_schema import MIGRATIONS


def move(path, key, index):
    """Move initiative `key` to `index` the way a move is written: its row, repositioned."""
    with Document.open(path) as doc:
        for sid, s in doc.load_all_with_ids():
            if s.key == "CARE":
                keys = [k for k in s.initiatives if k != key]
                keys.insert(index, key)
                s.initiatives = {k: s.initiatives[k] for k in keys}
                doc.write_change(sid, s, Change(initiatives={key}))


def order(path):
    return list(strategy(path, "CARE").initiatives)


def both_in_step(ws, a, b, capsys):
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    assert order(a) == order(b)


def test_order_moves_and_additions_on_both_sides_merge(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    before = order(a)
    last = before[-1]
    move(a, last, 0)  # a moves the last initiative to the top
    edit(b, "CARE", AddInitiative(Initiative("C-NEW", "Callback promise", 3), index=1))
    both_in_step(ws, a, b, capsys)
    # b's addition after the row it followed there, a's move kept.
    assert order(a) == [last, before[0], "C-NEW", *before[1:-1]]
    assert ws.server_items("CARE")[("order", "")]["initiatives"] == order(a)


def test_order_moved_differently_on_both_sides_is_a_conflict(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    before = order(a)
    move(a, before[-1], 0)
    move(b, before[0], len(before) - 1)
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    mine = [*before[1:], before[0]]
    theirs = [before[-1], *before[:-1]]
    assert out.split("\t")[:3] == ["CARE", "order", "initiatives"]
    assert order(b) == mine  # both kept until decided: mine in the file, theirs on the server
    assert ws.server_items("CARE")[("order", "")]["initiatives"] == theirs
    assert main(["resolve", str(b), "order.initiatives", "--theirs"]) == 0
    both_in_step(ws, a, b, capsys)
    assert order(b) == theirs


def touchpoints(path):
    return {t.key: t for t in strategy(path, "CARE").touchpoints}


def test_touchpoints_merge_one_by_one(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    keys = list(touchpoints(a))
    first, second = keys[0], keys[1]
    # Both add a different touchpoint, and change different fields of the same one.
    edit(a, "CARE", AddTouchpoint(Touchpoint("C-PHONE", "Phone call")))
    edit(b, "CARE", AddTouchpoint(Touchpoint("C-SHOP", "Shop visit")))
    edit(a, "CARE", ChangeTouchpoint(first, {"name": "Bill arrives"}))
    edit(b, "CARE", ChangeTouchpoint(first, {"channel": "Post"}))
    edit(b, "CARE", RemoveTouchpoint(second))
    both_in_step(ws, a, b, capsys)
    for path in (a, b):
        found = touchpoints(path)
        assert list(found) == [first, "C-PHONE", "C-SHOP"]
        assert (found[first].name, found[first].channel) == ("Bill arrives", "Post")
    assert ws.server_items("CARE")[("touchpoint", "C-SHOP")]["name"] == "Shop visit"
    # The same field changed differently: a conflict on that touchpoint's field.
    edit(a, "CARE", ChangeTouchpoint("C-PHONE", {"name": "Phone call (a)"}))
    edit(b, "CARE", ChangeTouchpoint("C-PHONE", {"name": "Phone call (b)"}))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[:2] == (
        3,
        'CARE\ttouchpoint:C-PHONE\tname\t"Phone call (b)"\t"Phone call (a)"\n',
    )
    assert main(["resolve", str(b), "touchpoint:C-PHONE.name", "--mine"]) == 0
    both_in_step(ws, a, b, capsys)
    assert touchpoints(a)["C-PHONE"].name == "Phone call (b)"
    capsys.readouterr()
    assert main(["history", str(a), "touchpoint:C-PHONE"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[2:] == [
        "CARE",
        "touchpoint:C-PHONE",
        "name",
        '"Phone call (a)"',
        '"Phone call (b)"',
    ]


def test_measures_merge_one_by_one(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    (fcr,) = [m.key for m in strategy(a, "CARE").measures]
    edit(a, "CARE", AddMeasure(Measure("C-CSAT", "Satisfaction", "%", 70.0, 80.0)))
    edit(b, "CARE", AddMeasure(Measure("C-WAIT", "Waiting time", "min", 9.0, 3.0)))
    edit(a, "CARE", ChangeMeasure(fcr, {"target": 90.0}))
    edit(b, "CARE", ChangeMeasure(fcr, {"unit": "percent"}))
    both_in_step(ws, a, b, capsys)
    for path in (a, b):
        measures = {m.key: m for m in strategy(path, "CARE").measures}
        assert list(measures) == [fcr, "C-CSAT", "C-WAIT"]
        assert (measures[fcr].target, measures[fcr].unit) == (90.0, "percent")
    edit(a, "CARE", ChangeMeasure("C-WAIT", {"target": 2.0}))
    edit(b, "CARE", ChangeMeasure("C-WAIT", {"target": 4.0}))
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[:2] == (3, "CARE\tmeasure:C-WAIT\ttarget\t4.0\t2.0\n")
    assert main(["resolve", str(b), "measure:C-WAIT.target", "--theirs"]) == 0
    both_in_step(ws, a, b, capsys)
    assert {m.key: m.target for m in strategy(b, "CARE").measures}["C-WAIT"] == 2.0


def test_upgrade_splits_touchpoints_and_measures_into_items(pg_cluster, tmp_path, capsys):
    owner = pg_cluster.role("old")
    url = pg_cluster.url(owner, pg_cluster.database(owner))
    fields = {
        "name": "Care",
        "touchpoints": [{"key": "T1", "name": "Call"}, {"key": "T2", "name": "Letter"}],
        "measures": [{"key": "M1", "name": "FCR", "initiatives": ["R1"]}],
    }
    with psycopg.connect(url, autocommit=True) as conn:  # a workspace of schema 1
        conn.execute(MIGRATIONS[0].encode())
        conn.execute("INSERT INTO cxroadmap.meta VALUES ('schema_version', '1')")
        for kind, key, value in [
            ("strategy", "", fields),
            ("initiative", "R2", {"title": "Two"}),
            ("initiative", "R1", {"title": "One"}),
        ]:
            conn.execute(
                "INSERT INTO cxroadmap.item (strategy, kind, key, fields) "
                "VALUES ('CARE', %s, %s, %s)",
                (kind, key, Jsonb(value)),
            )
    assert main(["workspace", "init", url]) == 0
    assert "workspace schema 1 -> 3" in capsys.readouterr().out
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT kind, key, fields FROM cxroadmap.item WHERE kind <> 'initiative' ORDER BY id"
        ).fetchall()
    assert rows == [
        ("strategy", "", {"name": "Care"}),
        ("touchpoint", "T1", {"name": "Call"}),
        ("touchpoint", "T2", {"name": "Letter"}),
        ("measure", "M1", {"name": "FCR", "initiatives": ["R1"]}),
        (
            "order",
            "",
            {"initiatives": ["R2", "R1"], "touchpoints": ["T1", "T2"], "measures": ["M1"]},
        ),
    ]
