"""docs/workspace.md's backup: pg_dump of a workspace as its owner, pg_restore into a new
database, and the restored workspace serves the same strategies, grants and history."""

import subprocess

from pg_cluster import _bin
from workspace_helpers import new_workspace

from cxroadmap.app import main
from cxroadmap.storage.document import read_document
from cxroadmap.storage.workspace.items import document_items


def test_pg_dump_and_restore_keep_strategies_grants_and_history(pg_cluster, tmp_path, capsys):
    ws = new_workspace(pg_cluster, tmp_path)
    ana = ws.role("ana", edit=["CARE"], read=["ORG"])
    mine = ws.laptop("ana", ana, "CARE")
    assert main(["set", str(mine), "--strategy", "CARE", "C-STD", "owner=Ana"]) == 0
    assert main(["sync", str(mine)]) == 0
    dump = tmp_path / "cx.dump"
    subprocess.run([_bin("pg_dump"), "-Fc", "-d", ws.url(), "-f", str(dump)], check=True)
    restored = pg_cluster.database(ws.owner)
    url = pg_cluster.url(ws.owner, restored)
    subprocess.run(
        [_bin("pg_restore"), "-d", url, "--no-owner", f"--role={ws.owner}", str(dump)],
        check=True,
    )
    # Ana checks out from the restored workspace: same grants, same items, same history.
    copy = tmp_path / "restored.cxroadmap"
    assert main(["checkout", pg_cluster.url(ana, restored), "-o", str(copy)]) == 0
    assert document_items(read_document(copy)) == document_items(read_document(mine))
    assert main(["set", str(copy), "--strategy", "ORG", "LEAD1", "owner=Ana"]) == 2
    capsys.readouterr()
    assert main(["history", str(copy), "C-STD"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[1:] == [ana, "CARE", "C-STD", "owner", '"Head of Customer Care"', '"Ana"']
