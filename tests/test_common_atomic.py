"""The one atomic write: old file or new, never half; permissions kept; companions handled."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cxroadmap.common.atomic import replacing, write_bytes_atomically, write_text_atomically


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_replaces_the_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    target.write_text("old", encoding="utf-8")
    write_text_atomically(target, "nouveau ő")
    assert target.read_text(encoding="utf-8") == "nouveau ő"
    assert files_in(tmp_path) == ["plan.csv"]


def test_a_failed_write_leaves_the_old_file_untouched_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="half way"), replacing(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("half way")
    assert target.read_bytes() == b"old"
    assert files_in(tmp_path) == ["plan.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_the_new_file_keeps_the_old_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.ics"
    write_bytes_atomically(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_companions_of_the_old_file_go_and_those_of_a_failed_temp_file_too(
    tmp_path: Path,
) -> None:
    target = tmp_path / "plan.cxroadmap"
    target.write_bytes(b"old")
    (tmp_path / "plan.cxroadmap-journal").write_bytes(b"stale journal of the old file")
    with replacing(target, companions=("-journal",)) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert files_in(tmp_path) == ["plan.cxroadmap"]
    with pytest.raises(OSError), replacing(target, companions=("-journal",)) as temp:
        temp.write_bytes(b"half")
        Path(f"{temp}-journal").write_bytes(b"journal of the temp file")
        raise OSError("disk full")
    assert target.read_bytes() == b"new"
    assert files_in(tmp_path) == ["plan.cxroadmap"]
