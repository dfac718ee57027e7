"""PDF export: option checks, logo, accent, today line, progress, atomic writes and the CLI."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pdf_samples import page_texts, small_strategy
from PIL import Image
from pypdf import PdfReader

from cxroadmap.app import run_cli
from cxroadmap.domain.errors import ValidationError
from cxroadmap.export import pages
from cxroadmap.export.pdf import PdfOptions, accent_colour, export_pdf, render_pdf
from cxroadmap.interop.jsonfile import dump_json
from cxroadmap.scheduling.planner import schedule


def export(tmp_path: Path, **options: object) -> Path:
    strategy = small_strategy()
    path = tmp_path / "out.pdf"
    export_pdf(strategy, schedule(strategy), path, PdfOptions(**options))
    return path


@pytest.mark.parametrize(
    ("options", "where"),
    [
        ({"page": "B5"}, "--page"),
        ({"accent": "not-a-colour"}, "--accent"),
        ({"accent": "#12345"}, "--accent"),
        ({"logo": "/nonexistent/logo.png"}, "--logo"),
    ],
)
def test_a_bad_option_is_refused_by_name_and_nothing_is_written(
    tmp_path: Path, options: dict[str, object], where: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        export(tmp_path, **options)
    assert caught.value.where == where
    assert list(tmp_path.iterdir()) == []


def test_a_logo_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    with pytest.raises(
        ValidationError, match=r"logo\.png is not a PNG, JPEG or GIF image"
    ) as caught:
        export(tmp_path, logo=fake)
    assert caught.value.where == "--logo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logo.png"]


def test_a_logo_is_drawn_on_the_cover_and_in_every_header(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 80), (200, 30, 60)).save(logo)
    reader = PdfReader(export(tmp_path, logo=logo))
    for sheet in reader.pages:
        images = [x for x in sheet["/Resources"]["/XObject"].values() if x["/Subtype"] == "/Image"]
        assert images


@pytest.mark.parametrize(
    ("text", "colour"),
    [("#1F4E79", "#1f4e79"), ("1f4e79", "#1f4e79"), ("#18a", "#1188aa"), ("teal", "#008080")],
)
def test_the_accent_accepts_hex_and_colour_names(text: str, colour: str) -> None:
    assert accent_colour(text) == colour


def test_an_unwritable_folder_is_refused_naming_the_output(tmp_path: Path) -> None:
    strategy = small_strategy()
    with pytest.raises(ValidationError) as caught:
        export_pdf(strategy, schedule(strategy), tmp_path / "missing" / "out.pdf")
    assert caught.value.where == "-o" and "does not exist" in caught.value.problem
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("running as a user who can write anywhere (root)")
    with pytest.raises(ValidationError, match="not writable"):
        export_pdf(strategy, schedule(strategy), locked / "out.pdf")


def test_a_failed_build_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pages.RoadmapDocument, "build", broken)
    strategy = small_strategy()
    with pytest.raises(RuntimeError):
        export_pdf(strategy, schedule(strategy), path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_today_is_marked_only_when_it_falls_inside_the_roadmap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    strategy = small_strategy()
    plan = schedule(strategy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    assert "Today (15 Jan 2027)" in page_texts(render_pdf(strategy, plan))[1]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030
    assert "Today" not in page_texts(render_pdf(strategy, plan))[1]


def test_progress_counts_up_to_the_total() -> None:
    strategy = small_strategy()
    seen: list[tuple[int, int]] = []
    render_pdf(
        strategy, schedule(strategy), progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (10, 10)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_cli_exports_a_pdf_with_the_page_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "plan.json"
    dump_json(small_strategy(), source)
    out = tmp_path / "plan.pdf"
    code = run_cli(["export", str(source), "-o", str(out), "--page", "Letter", "--portrait"])
    assert code == 0
    sheet = PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == (612, 792)
    code = run_cli(["export", str(source), "-o", str(tmp_path / "x.pdf"), "--page", "B5"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "--page: unknown page size 'B5'" in err
    assert not (tmp_path / "x.pdf").exists()
    code = run_cli(["export", str(source), "-o", str(tmp_path / "nowhere" / "x.pdf")])
    assert code == 2
    assert capsys.readouterr().err.startswith("error:")
