"""The methods dataclasses compiles are kept across processes and are the same code."""

from __future__ import annotations

import dataclasses
import marshal
import sys
from pathlib import Path

import pytest

from cxroadmap.common import dataclass_cache
from cxroadmap.common.kept_file import KeptFile

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in dataclass_cache.SUPPORTED, reason="kept only where tested"
)


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache on a file of its own, empty, for one test."""
    file = tmp_path / "__pycache__" / "methods.marshal"
    monkeypatch.setattr(
        dataclass_cache,
        "KEPT",
        KeptFile(file, dataclass_cache.KEPT.version, dataclass_cache.KEPT.most),
    )
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return file


def make(name: str) -> type:
    """A frozen dataclass with defaults, a factory and a field left out of eq (in a fresh
    namespace each time), so its methods are all the generated kinds."""
    namespace = {"__name__": __name__, "dataclasses": dataclasses}
    exec(  # a class written for the test, as a module would define it
        f"@dataclasses.dataclass(frozen=True, order=True)\n"
        f"class {name}:\n"
        f"    key: str\n"
        f"    size: int = 3\n"
        f"    tags: tuple = dataclasses.field(default_factory=tuple)\n"
        f"    note: str = dataclasses.field(default='', compare=False)\n",
        namespace,
    )
    made: type = namespace[name]
    return made


def plain(name: str, monkeypatch: pytest.MonkeyPatch) -> type:
    """The same class made by dataclasses as Python ships it (builtins' exec)."""
    with monkeypatch.context() as patch:
        patch.delattr(dataclasses, "exec")
        return make(name)


def test_dataclasses_runs_through_the_cache_in_this_process():
    assert vars(dataclasses)["exec"] is dataclass_cache._exec


def test_the_kept_methods_are_the_code_compiling_their_text_gives(kept, monkeypatch):
    cached, shipped = make("Probe"), plain("Probe", monkeypatch)
    for method in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__"):
        assert getattr(cached, method).__code__ == getattr(shipped, method).__code__, method
    assert cached.__init__.__annotations__ == shipped.__init__.__annotations__
    one, other = cached("a", tags=("x",)), cached("a", tags=("x",), note="ignored in eq")
    assert one == other and hash(one) == hash(other)
    assert repr(one) == "Probe(key='a', size=3, tags=('x',), note='')"
    assert cached("a") < cached("b")
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.size = 4  # type: ignore[attr-defined]


def test_a_later_process_runs_the_kept_code_without_compiling(kept, monkeypatch):
    make("Saved")
    assert dataclass_cache.save() and kept.exists()
    assert not dataclass_cache.save()  # nothing new since: no write

    # As the next process starts: it reads the file, and compiles nothing for the class.
    monkeypatch.setattr(dataclass_cache.KEPT, "known", dataclass_cache.KEPT.read())
    monkeypatch.setattr(dataclass_cache.KEPT, "missed", False)

    def refuse(text: str) -> None:
        raise AssertionError(f"compiled again: {text[:40]}")

    monkeypatch.setattr(dataclass_cache, "compiled", refuse)
    again = make("Saved")
    assert repr(again("k")) == "Saved(key='k', size=3, tags=(), note='')"
    assert not dataclass_cache.KEPT.missed


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage", marshal.dumps(("another python", {})), marshal.dumps([1, 2])],
)
def test_an_unreadable_or_foreign_file_is_ignored_and_classes_still_compile(
    kept, monkeypatch, content
):
    kept.parent.mkdir()
    kept.write_bytes(content)
    assert dataclass_cache.KEPT.read() == {}
    assert repr(make("Fresh")("z")) == "Fresh(key='z', size=3, tags=(), note='')"
    assert dataclass_cache.KEPT.missed


def test_nothing_is_written_where_bytecode_is_not(kept, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    make("Unwritten")
    assert not dataclass_cache.save() and not kept.exists()
