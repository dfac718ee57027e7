"""The workspace against a real PostgreSQL server: publish, checkout, sync, merge, conflicts."""

import psycopg
import pytest
from workspace_helpers import edit, strategy, sync

from cxroadmap.app import main
from cxroadmap.domain.edits import AddDependency, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Dependency
from cxroadmap.storage.document import read_document
from cxroadmap.storage.workspace.items import document_items


def test_init_is_versioned_and_idempotent(ws, capsys):
    capsys.readouterr()
    assert main(["workspace", "init", ws.url()]) == 0
    assert "workspace schema 3 is up to date" in capsys.readouterr().out
    with psycopg.connect(ws.url()) as conn:
        assert conn.execute("SELECT value FROM cxroadmap.meta").fetchone() == ("3",)


def test_publish_refuses_existing_keys_unless_replace(ws, tmp_path, capsys):
    source = tmp_path / "source.cxroadmap"
    capsys.readouterr()
    assert main(["publish", str(source), "--to", ws.url()]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ORG: is already in postgresql://") and "--replace" in err
    assert main(["publish", str(source), "--to", ws.url(), "--replace"]) == 0


def test_checkout_is_the_published_document(ws, tmp_path):
    copy = ws.laptop("copy")
    assert document_items(read_document(copy)) == document_items(
        read_document(tmp_path / "source.cxroadmap")
    )
    assert main(["check", str(copy)]) == 0


def test_a_password_never_lands_in_the_file(ws, tmp_path):
    url = ws.url().replace("@", ":secret@", 1)
    copy = tmp_path / "pw.cxroadmap"
    assert main(["checkout", url, "-o", str(copy)]) == 0
    assert b"secret" not in copy.read_bytes()


def test_different_fields_on_two_laptops_both_kept(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert main(["set", str(a), "--strategy", "CARE", "C-STD", "owner=Ana"]) == 0
    assert (
        main(["set", str(b), "--strategy", "CARE", "C-STD", "impact=5", "status=in_progress"]) == 0
    )
    assert sync(a, capsys)[0] == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        ini = strategy(path, "CARE").initiatives["C-STD"]
        assert (ini.owner, ini.impact, ini.status) == ("Ana", 5, "in_progress")
    fields = ws.server_items("CARE")[("initiative", "C-STD")]
    assert (fields["owner"], fields["impact"], fields["status"]) == ("Ana", 5, "in_progress")


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_same_field_is_a_conflict_with_both_values_kept(ws, capsys, side):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert main(["set", str(a), "--strategy", "CARE", "C-STD", "owner=Ana"]) == 0
    assert main(["set", str(b), "--strategy", "CARE", "C-STD", "owner=Ben", "impact=1"]) == 0
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    assert out == 'CARE\tC-STD\towner\t"Ben"\t"Ana"\n'
    # Both kept: mine in the file, theirs on the server; the other field merged.
    assert strategy(b, "CARE").initiatives["C-STD"].owner == "Ben"
    assert ws.server_items("CARE")[("initiative", "C-STD")]["owner"] == "Ana"
    assert ws.server_items("CARE")[("initiative", "C-STD")]["impact"] == 1
    # Until decided, syncing again changes nothing and says so again.
    assert sync(b, capsys)[:2] == (3, out)
    capsys.readouterr()
    assert main(["conflicts", str(b)]) == 3
    assert capsys.readouterr().out == out
    assert main(["resolve", str(b), "C-STD.owner", f"--{side}"]) == 0
    assert main(["conflicts", str(b)]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    want = "Ben" if side == "mine" else "Ana"
    for path in (a, b):
        assert strategy(path, "CARE").initiatives["C-STD"].owner == want
    assert ws.server_items("CARE")[("initiative", "C-STD")]["owner"] == want


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_delete_on_one_side_edit_on_the_other(ws, capsys, side):
    a, b = ws.laptop("a"), ws.laptop("b")
    edit(a, "CARE", RemoveInitiative("C-FCR"))
    assert main(["set", str(b), "--strategy", "CARE", "C-FCR", "title=Weekly FCR review"]) == 0
    assert sync(a, capsys)[0] == 0
    assert ("initiative", "C-FCR") not in ws.server_items("CARE")
    code, out, _ = sync(b, capsys)
    assert code == 3
    assert out.startswith("CARE\tC-FCR\texists\tpresent\tdeleted\n")
    assert strategy(b, "CARE").initiatives["C-FCR"].title == "Weekly FCR review"
    assert main(["resolve", str(b), "C-FCR.exists", f"--{side}"]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        present = "C-FCR" in strategy(path, "CARE").initiatives
        assert present is (side == "mine")
    assert (("initiative", "C-FCR") in ws.server_items("CARE")) is (side == "mine")


def test_edit_here_delete_there(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    assert main(["set", str(a), "--strategy", "CARE", "C-FCR", "owner=Ana"]) == 0
    edit(b, "CARE", RemoveInitiative("C-FCR"))
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    assert out.startswith("CARE\tC-FCR\texists\tdeleted\tpresent\n")
    # The file shows the server's edited initiative until the deletion is decided.
    assert strategy(b, "CARE").initiatives["C-FCR"].owner == "Ana"
    assert main(["resolve", str(b), "C-FCR.exists", "--mine"]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    assert "C-FCR" not in strategy(a, "CARE").initiatives
    assert ("initiative", "C-FCR") not in ws.server_items("CARE")


def test_new_dependencies_that_together_make_a_cycle(ws, capsys):
    a, b = ws.laptop("a"), ws.laptop("b")
    edit(a, "CARE", AddDependency(Dependency("C-FCR", "C-AUTH")))
    edit(b, "CARE", AddDependency(Dependency("C-AUTH", "C-MS")))
    # C-STD -> C-AUTH exists, C-MS -> C-FCR exists: C-AUTH -> C-MS -> C-FCR -> C-AUTH.
    assert sync(a, capsys)[0] == 0
    code, out, _ = sync(b, capsys)
    assert code == 3
    assert out == "CARE\tC-AUTH->C-MS\texists\tpresent\tdeleted\n"
    server = ws.server_items("CARE")
    assert ("dependency", '["C-AUTH", "C-MS"]') not in server  # never pushed
    assert main(["check", str(b)]) == 0
    assert main(["resolve", str(b), "C-AUTH->C-MS.exists", "--mine"]) == 0
    assert sync(b, capsys)[0] == 0
    assert sync(a, capsys)[0] == 0
    for path in (a, b):
        pairs = {d.pair for d in strategy(path, "CARE").dependencies}
        assert ("C-AUTH", "C-MS") in pairs and ("C-FCR", "C-AUTH") not in pairs
        assert main(["check", str(path)]) == 0


def test_a_reader_is_refused_by_the_server_and_keeps_the_edits(ws, capsys):
    reader = ws.role("reader", edit=["STORES"], read=["CARE", "ORG"])
    path = ws.laptop("reader", reader)
    # The copy says CARE is read-only, so `set` refuses first ...
    assert main(["set", str(path), "--strategy", "CARE", "C-STD", "owner=Eve"]) == 2
    # ... but an edit made anyway is refused by PostgreSQL itself.
    edit(path, "CARE", ChangeInitiative("C-STD", {"owner": "Eve"}))
    with (
        psycopg.connect(ws.url(reader)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("UPDATE cxroadmap.item SET fields = '{}' WHERE strategy = 'CARE'")


def test_an_edit_right_taken_away_is_refused_by_the_server_and_the_edits_kept(ws, capsys):
    ana = ws.role("ana", edit=["CARE"], read=["ORG"])
    path = ws.laptop("ana", ana, "CARE")
    capsys.readouterr()
    assert main(["workspace", "revoke", ws.url(), ana, "--strategy", "CARE"]) == 0
    assert capsys.readouterr().out == f"{ana} may no longer read or edit CARE\n"
    assert main(["workspace", "revoke", ws.url(), ana, "--strategy", "CARE"]) == 0
    assert capsys.readouterr().out == f"{ana} had no grant on CARE\n"
    assert main(["workspace", "grant", ws.url(), ana, "--strategy", "CARE", "--read"]) == 0
    # The copy still thinks CARE is editable: the edit is made, the server refuses it.
    assert main(["set", str(path), "--strategy", "CARE", "C-STD", "owner=Ana"]) == 0
    code, _, err = sync(path, capsys)
    assert code == 2
    assert "error: you may not edit CARE (the server refused; your local edits are kept)" in err
    assert strategy(path, "CARE").initiatives["C-STD"].owner == "Ana"
    assert ws.server_items("CARE")[("initiative", "C-STD")]["owner"] != "Ana"
    # Given the right again, the next sync pushes the kept edit.
    assert main(["workspace", "grant", ws.url(), ana, "--strategy", "CARE", "--edit"]) == 0
    assert sync(path, capsys)[0] == 0
    assert ws.server_items("CARE")[("initiative", "C-STD")]["owner"] == "Ana"


def test_history_keeps_role_time_old_and_new(ws, capsys):
    ana = ws.role("ana", edit=["CARE"], read=["ORG"])
    path = ws.laptop("ana", ana, "CARE")
    assert main(["set", str(path), "--strategy", "CARE", "C-STD", "owner=Ana"]) == 0
    assert sync(path, capsys)[0] == 0
    capsys.readouterr()
    assert main(["history", str(path), "C-STD"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[1:] == [ana, "CARE", "C-STD", "owner", '"Head of Customer Care"', '"Ana"']
