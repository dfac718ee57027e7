"""What regular expressions compile to is kept across processes and is the same program."""

from __future__ import annotations

import marshal
import re
import sys
import warnings
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from cxroadmap.common import regex_cache
from cxroadmap.common.kept_file import KeptFile

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in regex_cache.SUPPORTED, reason="kept only where tested"
)

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<key>[A-Z]+)(?P<n>\d+)?-(\w+)", 0),
    (
        r"""
        \b (typing\.Optional | typing\.Union) \s* (?= \[ )   # as PySide6's signatures
        ( \[ (?: [^\[\]]+ | \[ [^\[\]]* \] )* \] )
     """,
        re.VERBOSE,
    ),
    (r"^strasse\s+\d{1,3}$", re.IGNORECASE | re.MULTILINE),
    (rb"\x00(?:ab|cd){2,}\Z", 0),
    (r"(?i)(?s)a.b", 0),
]


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache on a file of its own, empty, for one test."""
    file = tmp_path / "__pycache__" / "programs.marshal"
    monkeypatch.setattr(
        regex_cache, "KEPT", KeptFile(file, regex_cache.KEPT.version, regex_cache.KEPT.most)
    )
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return file


def test_re_compiles_through_the_cache_in_this_process():
    assert _compiler.compile is regex_cache._compile


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_program_python_compiles(kept, pattern, flags):
    # Pattern equality compares the pattern, the flags and the compiled program itself.
    fresh = _compiler.compile(pattern, flags)
    assert fresh == regex_cache._plain(pattern, flags)
    assert regex_cache.save()
    regex_cache.KEPT.known.clear()
    regex_cache.KEPT.known.update(regex_cache.KEPT.read())
    again = _compiler.compile(pattern, flags)
    assert again == fresh
    assert again.groupindex == fresh.groupindex and again.groups == fresh.groups


def test_a_later_process_builds_the_pattern_without_parsing(kept, monkeypatch):
    for pattern, flags in PATTERNS:
        _compiler.compile(pattern, flags)
    assert regex_cache.save() and kept.exists()
    assert not regex_cache.save()  # nothing new since: no write
    monkeypatch.setattr(regex_cache.KEPT, "known", regex_cache.KEPT.read())
    monkeypatch.setattr(regex_cache.KEPT, "missed", False)

    def refuse(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(_parser, "parse", refuse)
    found = _compiler.compile(PATTERNS[0][0], 0).match("AB12-x")
    assert found is not None and found.groupdict() == {"key": "AB", "n": "12"}
    assert not regex_cache.KEPT.missed


@pytest.mark.parametrize("pattern", ["[[a]", "[a~~b]", "[a&&b]", "(?P<straße>x)", "[a||b]"])
def test_a_pattern_that_may_warn_still_warns_and_is_not_kept(kept, pattern):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = _compiler.compile(pattern, 0)
        plain = regex_cache._plain(pattern, 0)
    assert found == plain
    if pattern != "(?P<straße>x)":  # not ASCII: only kept out, it does not warn
        assert [w.category for w in caught] == [FutureWarning, FutureWarning]  # as Python
    assert (pattern, 0) not in regex_cache.KEPT.used and not regex_cache.KEPT.missed


def test_a_bad_pattern_raises_as_python_does(kept):
    with pytest.raises(re.error) as plain:
        regex_cache._plain("a(b", 0)
    with pytest.raises(re.error) as cached:
        _compiler.compile("a(b", 0)
    assert str(cached.value) == str(plain.value)
    assert not regex_cache.KEPT.used


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage", marshal.dumps(("another python", {})), marshal.dumps([1, 2])],
)
def test_an_unreadable_or_foreign_file_is_ignored(kept, content):
    kept.parent.mkdir()
    kept.write_bytes(content)
    assert regex_cache.KEPT.read() == {}
    assert _compiler.compile("x+y", 0).match("xxy")


def test_nothing_is_written_where_bytecode_is_not(kept, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _compiler.compile("unwritten", 0)
    assert not regex_cache.save() and not kept.exists()
