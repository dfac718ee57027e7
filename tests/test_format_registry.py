"""One format registry: every format in the CLI and the app, with the same options and cascade."""

from __future__ import annotations

import json
from pathlib import Path

from ui_fixtures import Messages

from cxroadmap.app import build_parser, run_cli
from cxroadmap.cli.formats import EXPORT_SUFFIXES, FORMATS, IMPORT_SUFFIXES
from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage.document import write_document
from cxroadmap.ui.formats import EXPORT_FORMATS, IMPORT_FORMATS
from cxroadmap.ui.main_window import MainWindow


def test_the_app_imports_and_exports_every_format_the_cli_does(window: MainWindow) -> None:
    assert [s for f in IMPORT_FORMATS for s in f.suffixes] == list(IMPORT_SUFFIXES)
    menu = {a.objectName() for a in window.export_menu.actions()}
    for fmt in FORMATS:
        if not fmt.exports:
            continue
        if fmt.image:
            assert f"Image of This View ({fmt.suffix[1:].upper()})" in {
                a.text().replace("&", "").rstrip("…") for a in window.export_menu.actions()
            }
        elif fmt.suffix != ".pdf":
            assert f"action_export_{fmt.suffix[1:]}" in menu
    assert {f.suffix for f in EXPORT_FORMATS} | {".png", ".svg"} == set(EXPORT_SUFFIXES)
    assert {".xml", ".ics"} <= {f.suffix for f in EXPORT_FORMATS}


def test_every_declared_option_is_a_cli_option() -> None:
    export = build_parser()._subparsers._group_actions[0].choices["export"]  # type: ignore[union-attr]
    dests = {a.dest for a in export._actions}
    assert {name for f in FORMATS for name in f.options} <= dests


def _demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    return path


def test_the_app_json_export_writes_the_cascade_like_the_cli(
    qtbot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    source = _demo_file(tmp_path)
    assert window.files.open_path(source)
    out = tmp_path / "app.json"
    assert window.files.export_to(out, ".json")
    qtbot.waitUntil(out.exists, timeout=30000)
    assert run_cli(["export", str(source), "-o", str(tmp_path / "cli.json")]) == 0
    app, cli = json.loads(out.read_text()), json.loads((tmp_path / "cli.json").read_text())
    assert app["strategy"] == cli["strategy"], [
        (k, v, cli["strategy"].get(k))
        for k, v in app["strategy"].items()
        if cli["strategy"].get(k) != v
    ]
    assert app == cli

    def keys(node):
        return [node["strategy"]["key"]] + [k for c in node.get("children", []) for k in keys(c)]

    assert keys(app) == ["ORG", "CARE", "CARE-T1", "STORES"]


def test_the_app_exports_ms_project_xml_and_calendars_per_phase(
    qtbot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    assert window.files.open_path(_demo_file(tmp_path))
    shown.save_paths.append(tmp_path / "plan.xml")
    assert window.files.export(".xml")
    qtbot.waitUntil((tmp_path / "plan.xml").exists, timeout=30000)
    assert b"<Type>1</Type>" in (tmp_path / "plan.xml").read_bytes()
    shown.choices.append("One calendar per phase")
    shown.save_paths.append(tmp_path / "plan.ics")
    assert window.files.export(".ics")
    qtbot.waitUntil((tmp_path / "plan - Long term.ics").exists, timeout=30000)
    assert sorted(p.name for p in tmp_path.glob("plan - *.ics")) == [
        "plan - Long term.ics",
        "plan - Medium term.ics",
        "plan - Short term.ics",
    ]
    assert shown.errors == []


def test_the_cli_writes_one_calendar_per_strategy_of_the_cascade(tmp_path: Path) -> None:
    source = _demo_file(tmp_path)
    out = tmp_path / "plan.ics"
    assert run_cli(["export", str(source), "-o", str(out), "--calendars", "per-strategy"]) == 0
    assert sorted(p.name for p in tmp_path.glob("plan*.ics")) == [
        "plan - CARE-T1.ics",
        "plan - CARE.ics",
        "plan - STORES.ics",
        "plan.ics",
    ]
