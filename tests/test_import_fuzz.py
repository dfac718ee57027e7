"""Every importer on hostile input: exit 0, or exit 2 with one `error:` line, never a crash.

Seeds are files we write ourselves (JSON, CSV, XLSX and MSPDI exports of the demo) plus
the real MS Project files in ../shared/data/mspdi when present. Hypothesis flips bytes,
truncates, splices in known poison (lone surrogates, 1e309, NaN, deep nesting, 5,000-digit
numbers, unknown XML encodings) and, for XLSX, damages one member inside the archive.
The importers run in-process for speed; test_cli_reports_poison_in_one_line runs the CLI.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxroadmap.app import main
from cxroadmap.content.demo import demo_strategy
from cxroadmap.interop.formats import FileFormatError, export_file, import_file

SHARED = [Path(__file__).parents[2] / "shared" / "data" / "mspdi", Path("/work/shared/data/mspdi")]
MSPDI_FILES = next((sorted(d.glob("*.xml")) for d in SHARED if d.is_dir()), [])

POISON = [
    b'"\\ud800"',
    b"\\ud800",
    b"\xed\xa0\x80",
    b"1e309",
    b"NaN",
    b"-1e999",
    b"9" * 5000,
    b"[" * 990,
    b"{" * 500,
    b'<?xml version="1.0" encoding="x"?>',
    b"<<",
    b"<sheetData><<",
    b"\x00",
    b"\r",
    b"=cmd|' /C calc'!A0",
    b"2100000",
    b"5000000w",
    b"9999-12-01",
    b"18446744073709551617",
    b"<MinutesPerDay>1e309</MinutesPerDay>",
    b"<LinkLag>NaN</LinkLag>",
    b"<Duration>PT99999999999999H0M0S</Duration>",
    b"&#0;",
    b"&#55296;",
    b"\xff\xfe",
]


def _seeds(folder: Path) -> dict[str, bytes]:
    """Our own exports of the demo, one per importable format."""
    strategy = demo_strategy()
    found = {}
    for suffix in (".json", ".csv", ".xlsx", ".xml"):
        path = folder / f"seed{suffix}"
        export_file(strategy, None, path)
        found[suffix] = path.read_bytes()
    return found


SEEDS: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    if not SEEDS:
        SEEDS.update(_seeds(tmp_path_factory.mktemp("seeds")))
        for i, path in enumerate(MSPDI_FILES):
            SEEDS[f".xml#{i}"] = path.read_bytes()
    return SEEDS


def outcome(path: Path) -> int:
    """0 for an accepted file, 2 for a refused one; anything else fails the test."""
    try:
        import_file(path)
    except FileFormatError as exc:
        text = str(exc)
        assert "\n" not in text and "\r" not in text, text
        assert text.startswith(f"{path}: ") or text == str(path), text
        assert text.count(path.name) == 1 or path.name in exc.problem, text
        assert len(text) < 600, text[:200]
        return 2
    return 0


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    edits = draw(st.integers(1, 4))
    out = bytearray(data)
    for _ in range(edits):
        kind = draw(st.sampled_from(["flip", "truncate", "poison", "delete", "repeat"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if kind == "flip" and out:
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del out[at:]
        elif kind == "poison":
            out[at:at] = draw(st.sampled_from(POISON))
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        else:
            out[at:at] = out[at : at + draw(st.integers(1, 200))]
    return bytes(out)


def _mutate_member(data: bytes, name: str, member: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = member if info.filename == name else source.read(info)
            target.writestr(info.filename, body)
    return buffer.getvalue()


FUZZ = settings(
    max_examples=int(os.environ.get("CXROADMAP_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xml"])
@FUZZ
@given(data=st.data())
def test_a_mutated_text_file_is_accepted_or_refused_in_one_line(
    tmp_path: Path, seeds: dict[str, bytes], suffix: str, data: st.DataObject
) -> None:
    names = [k for k in seeds if k.split("#")[0] == suffix]
    seed = seeds[data.draw(st.sampled_from(names))]
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data.draw(mutated(seed)))
    assert outcome(path) in (0, 2)


@FUZZ
@given(data=st.data())
def test_a_workbook_with_one_damaged_member_is_accepted_or_refused_in_one_line(
    tmp_path: Path, seeds: dict[str, bytes], data: st.DataObject
) -> None:
    seed = seeds[".xlsx"]
    members = zipfile.ZipFile(io.BytesIO(seed)).namelist()
    name = data.draw(st.sampled_from(members))
    body = zipfile.ZipFile(io.BytesIO(seed)).read(name)
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(_mutate_member(seed, name, data.draw(mutated(body))))
    assert outcome(path) in (0, 2)


@FUZZ
@given(data=st.data())
def test_a_workbook_with_flipped_archive_bytes_is_refused_in_one_line(
    tmp_path: Path, seeds: dict[str, bytes], data: st.DataObject
) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data.draw(mutated(seeds[".xlsx"])))
    assert outcome(path) in (0, 2)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("surrogate.json", b'{"format": "cxroadmap/1", "strategy": {"name": "\\ud800", '
         b'"start": "2027-01-04"}, "initiatives": [{"key": "A", "title": "x\\udc00", '
         b'"duration": 1}]}'),
        ("deep.json", b"[" * 990 + b"]" * 990),
        ("digits.json", b'{"format": "cxroadmap/1", "strategy": {"name": "n", "start": '
         b'"2027-01-04"}, "initiatives": [{"key": "A", "title": "t", "duration": '
         + b"9" * 5000 + b"}]}"),
        ("minutes.xml", b'<Project xmlns="http://schemas.microsoft.com/project"><Name>p</Name>'
         b"<MinutesPerDay>1e309</MinutesPerDay><Tasks/></Project>"),
        ("encoding.xml", b'<?xml version="1.0" encoding="x"?><Project/>'),
        ("sheet.xlsx", b"PK\x03\x04 not a zip"),
        ("big.csv", b"# start: 2027-01-04\nkey,title,duration\nA,a,2100000\n"),
        ("start.csv", b"# start: 9999-12-01\nkey,title,duration\nA,a,5\n"),
        ("lag.csv", b"# start: 2027-01-04\nkey,title,duration,depends_on\n"
         b"A,a,5,\nB,b,5,A+1000000000d\n"),
    ],
)  # fmt: skip
def test_cli_reports_poison_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, body: bytes
) -> None:
    (tmp_path / name).write_bytes(body)
    out = tmp_path / "d.cxroadmap"
    code = main(["import", str(tmp_path / name), "-o", str(out)])
    err = capsys.readouterr().err
    if name.startswith("surrogate"):
        assert code == 0, err
        return
    assert code == 2, err
    assert len(err.splitlines()) == 1 and err.startswith(f"error: {tmp_path / name}: ")
    assert err.count(name) == 1
    assert not out.exists()


def test_a_cascade_of_500_nested_children_is_refused(tmp_path: Path) -> None:
    node = '{"strategy": {"name": "n", "start": "2027-01-04", "key": "K499"}}'
    for i in range(498, -1, -1):
        node = (
            f'{{"strategy": {{"name": "n", "start": "2027-01-04", "key": "K{i}"}}, '
            f'"children": [{node}]}}'
        )
    path = tmp_path / "children.json"
    path.write_text('{"format": "cxroadmap/1", ' + node[1:])
    assert outcome(path) == 2
