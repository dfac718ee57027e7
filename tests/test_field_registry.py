"""Every declared field goes through every serializer and view: a field forgotten anywhere fails.

Each field of the registry is set to its declared `example` (a valid value that is not
the default) and must come back unchanged from the .cxroadmap file, JSON, CSV (initiative
columns) and XLSX, appear in the table model, the inspector form and the PDF phase table
as the registry says it does, and be refused by the file's CHECKs where the registry has a
rule the file enforces.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from reportlab.platypus import LongTable

from cxroadmap.domain.field_text import display_text
from cxroadmap.domain.fields import LIST_KINDS, Field, coerce
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.registry import (
    DEPENDENCY,
    INITIATIVE,
    MEASURE,
    PHASE,
    READING,
    REGISTRY,
    STRATEGY,
    TOUCHPOINT,
    declare,
)
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.export.chunked import ChunkedTable
from cxroadmap.export.tables import phase_pages
from cxroadmap.export.typography import paragraph_styles
from cxroadmap.interop.csvfile import csv_text, parse_csv
from cxroadmap.interop.jsonfile import parse_json_text, strategy_to_json
from cxroadmap.interop.tabular import COMPUTED_COLUMNS, HEADER_ALIASES, header_key
from cxroadmap.interop.xlsxfile import read_xlsx, write_xlsx
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage import schema
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.storage.field_rows import check_sql
from cxroadmap.ui.field_editors import editor_value, make_editor
from cxroadmap.ui.models.initiatives_model import COLUMN

ALL_FIELDS = [(kind, f) for kind, fields in REGISTRY.items() for f in fields.values()]


def _example(f: Field) -> object:
    return coerce(f, f.example, f.name)


def _with_examples(record: object, fields: dict[str, Field] | object) -> object:
    values = {f.name: _example(f) for f in fields.values()}  # type: ignore[attr-defined]
    return dataclasses.replace(record, **values)  # type: ignore[type-var]


def sample() -> Strategy:
    """A strategy whose every declared field holds its example value."""
    strategy = _with_examples(Strategy(name="x", start=dt.date(2027, 1, 4)), STRATEGY)
    assert isinstance(strategy, Strategy)
    strategy.phases = [
        _with_examples(Phase("x"), PHASE),  # type: ignore[list-item]
        Phase("Later", None),
    ]
    ini = _with_examples(Initiative("x", "x"), INITIATIVE)
    assert isinstance(ini, Initiative)
    other = Initiative("TRN1", "Train the team", 5, owner="Learning")
    strategy.initiatives = {ini.key: ini, other.key: other}
    strategy.dependencies = [_with_examples(Dependency("a", "b"), DEPENDENCY)]  # type: ignore[list-item]
    strategy.touchpoints = [_with_examples(Touchpoint("x", "x"), TOUCHPOINT)]  # type: ignore[list-item]
    strategy.measures = [_with_examples(Measure("x", "x"), MEASURE)]  # type: ignore[list-item]
    reading = _with_examples(Reading(dt.date(2027, 1, 4), 0.0), READING)
    strategy.measures[0].readings = [reading]  # type: ignore[list-item]
    return strategy


def _record(strategy: Strategy, kind: str) -> object:
    if kind == "strategy":
        return strategy
    if kind == "initiative":
        return strategy.initiatives["REC1"]
    if kind == "reading":
        return strategy.measures[0].readings[0]
    return {"phase": strategy.phases, "dependency": strategy.dependencies,
            "touchpoint": strategy.touchpoints, "measure": strategy.measures}[kind][0]  # fmt: skip


def _same_everywhere(back: Strategy, where: str, only: set[str] | None = None) -> None:
    want = sample()
    for kind, f in ALL_FIELDS:
        if only is not None and f"{kind}.{f.name}" not in only:
            continue
        got = getattr(_record(back, kind), f.name)
        assert got == getattr(_record(want, kind), f.name), f"{where} lost {kind}.{f.name}"


def test_every_example_is_valid_and_differs_from_the_default():
    strategy = sample()
    for kind, f in ALL_FIELDS:
        value = getattr(_record(strategy, kind), f.name)
        assert value != f.default and value not in (None, "", [], {}), f"{kind}.{f.name}"
    schedule(strategy)  # the whole sample is a valid strategy


def test_every_field_survives_the_document_file(tmp_path):
    path = tmp_path / "all.cxroadmap"
    write_document(path, [sample()])
    _same_everywhere(read_document(path)[0], "the .cxroadmap file")


def test_every_field_survives_json():
    import json

    text = json.dumps(strategy_to_json(sample()))
    _same_everywhere(parse_json_text(text), "cxroadmap/1 JSON")


def test_every_field_survives_xlsx(tmp_path):
    strategy = sample()
    path = tmp_path / "all.xlsx"
    write_xlsx(strategy, schedule(strategy), path)
    _same_everywhere(read_xlsx(path), "XLSX")


def test_every_initiative_column_survives_csv():
    strategy = sample()
    back = parse_csv(csv_text(strategy, schedule(strategy)), "x")
    cells = {f"initiative.{f.name}" for f in INITIATIVE.values() if f.kind not in LIST_KINDS}
    budgets = {"strategy.currency", "strategy.year_budgets", "phase.budget", "phase.weeks"}
    settings = {"strategy.max_parallel", "strategy.status_date"}
    _same_everywhere(back, "CSV", cells | budgets | settings)


def test_header_synonyms_name_one_column_each_and_never_a_computed_one():
    seen: dict[str, str] = {}
    for f in INITIATIVE.values():
        if f.header is None:
            continue
        for name in (*f.synonyms, f.label, f.header):
            key = header_key(name)
            assert key not in COMPUTED_COLUMNS, f"{f.name}: {name!r} is a computed column"
            assert seen.setdefault(key, f.header) == f.header, f"{name!r} names two columns"
            assert HEADER_ALIASES[key] == f.header


def test_a_spreadsheet_with_people_s_headers_reads_into_the_fields():
    text = 'Task Name,ID,Length,Resource Names,Budget,Notes\nHire well,R1,2w,HR,"12,500",why\n'
    ini = parse_csv(text, "x", start=dt.date(2027, 1, 4)).initiatives["R1"]
    assert (ini.title, ini.duration, ini.owner, ini.cost, ini.description) == (
        "Hire well",
        10,
        "HR",
        12500.0,
        "why",
    )


@pytest.mark.parametrize(("kind", "f"), ALL_FIELDS, ids=[f"{k}.{f.name}" for k, f in ALL_FIELDS])
def test_the_file_refuses_what_the_field_refuses(tmp_path, kind, f):
    """Where the registry gives a rule the file enforces, a raw write breaking it fails."""
    rule = check_sql(f)
    if rule is None:
        return
    path = tmp_path / "all.cxroadmap"
    write_document(path, [sample()])
    table = {"strategy": "strategy", "phase": "phase", "initiative": "initiative",
             "dependency": "dependency", "touchpoint": "touchpoint",
             "reading": "measure_reading"}[kind]  # fmt: skip
    bad = "nonsense" if f.choices else -1 if f.maximum is None else f.maximum + 1
    # Through a connection with the checksum's function (its triggers call it): only the
    # rule itself can refuse the write.
    conn = schema.connect(path, readonly=False)
    with closing(conn), pytest.raises(sqlite3.IntegrityError, match=rule[0]):
        conn.execute(f'UPDATE "{table}" SET "{f.column}" = ?', (bad,))


def test_every_initiative_field_is_a_table_column_an_inspector_editor_or_said_not_to_be(
    small_window, tmp_path
):
    from cxroadmap.ui.models.initiatives_model import COLUMNS

    path = tmp_path / "all.cxroadmap"
    write_document(path, [sample()])
    assert small_window.files.open_path(path)
    model = small_window.initiatives.model
    row = model.row_of("REC1")
    ini = small_window.document.strategy.initiatives["REC1"]
    inspector = small_window.inspector
    inspector.set_key("REC1")
    dpw = small_window.document.strategy.days_per_week
    elsewhere = set()
    for f in INITIATIVE.values():
        value = getattr(ini, f.name)
        if f.table is not None:
            shown = model.index(row, COLUMN[f.name]).data()
            assert shown == display_text(f, value, dpw), f.name
            assert COLUMNS[COLUMN[f.name]].editable == (f.table == "edit")
        if f.editor is not None:
            widget = inspector.editors[f.name]
            assert widget.objectName() == f"inspector_{f.name}"
            assert coerce(f, editor_value(f, widget), f.name, dpw) == value, f.name
        if f.table is None and f.editor is None:
            elsewhere.add(f.name)
    # Edited on their own tabs (touchpoints, alignment), not in the table or the form.
    assert elsewhere == {"touchpoints", "supports"}


def test_every_pdf_field_is_in_the_phase_table():
    strategy = sample()
    flowables = phase_pages(
        strategy, schedule(strategy), 780, paragraph_styles("#12355b"), "#12355b"
    )
    rows = [
        [getattr(c, "text", c) for c in row]
        for table in flowables
        for row in (
            table._cellvalues
            if isinstance(table, LongTable)
            else [table.header, *table.rows]
            if isinstance(table, ChunkedTable)  # long tables are laid out a page at a time
            else []
        )
    ]
    ini = strategy.initiatives["REC1"]
    row = max((r for r in rows if ini.title in r), key=len)  # the table, not the critical list
    # The example initiative is complete (actual dates): the table shows its actual length.
    shown = {"duration": schedule(strategy).items["REC1"].duration}
    for f in INITIATIVE.values():
        if f.pdf and f.name != "status":
            value = shown.get(f.name, getattr(ini, f.name))
            assert display_text(f, value, strategy.days_per_week) in row, f.name
    assert "In progress" in row
    assert [c for c in rows[-1] if c] == ["Total", "45,000"]


def test_a_model_field_without_a_declaration_is_refused_at_import():
    with pytest.raises(TypeError, match=r"undeclared \['supports'\]"):
        declare(Initiative, *[f for f in INITIATIVE.values() if f.name != "supports"])


def test_editors_and_the_file_take_their_rules_from_the_declaration(qapp):
    from PySide6.QtWidgets import QComboBox, QSpinBox

    spin = make_editor(INITIATIVE["impact"])
    assert isinstance(spin, QSpinBox) and (spin.minimum(), spin.maximum()) == (1, 5)
    combo = make_editor(INITIATIVE["status"])
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == list(INITIATIVE["status"].choices)
    assert combo.itemText(2) == "In progress"
    assert check_sql(INITIATIVE["impact"]) == ("impact_range", "impact BETWEEN 1 AND 5")
    assert check_sql(STRATEGY["max_parallel"]) == (
        "max_parallel_positive",
        "max_parallel IS NULL OR max_parallel >= 1",
    )


def _walk_form(editors: dict, fields, prefix: str, record: object) -> set[str]:
    """Every field with an editor shows its example in its form; returns the others."""
    elsewhere = set()
    for f in fields.values():
        if f.editor is None:
            elsewhere.add(f.name)
            continue
        widget = editors[f.name]
        assert widget.objectName() == f"{prefix}_{f.name}"
        assert coerce(f, editor_value(f, widget), f.name) == getattr(record, f.name), f.name
    assert set(editors) == set(fields) - elsewhere
    return elsewhere


def test_the_strategy_touchpoint_and_measure_forms_show_every_declared_field(
    small_window, tmp_path
):
    path = tmp_path / "all.cxroadmap"
    write_document(path, [sample()])
    assert small_window.files.open_path(path)
    strategy = small_window.document.strategy
    small_window.acts["show_strategy"].trigger()
    panel = small_window.strategy_panel
    elsewhere = _walk_form(panel.editors, STRATEGY, "strategy", strategy)
    # The cascade's keys on the Alignment tab; the calendar box; the Budget tab; the
    # Scenarios menu (Copy as Scenario marks the copy).
    assert elsewhere == {
        "key", "parent", "working_days", "holidays", "currency", "year_budgets", "scenario_of"
    }, (
        "a strategy field without an `editor` in domain/registry.py is in no form: declare "
        "one (it then appears in the Strategy panel) or name it here with where it is edited"
    )  # fmt: skip

    page = small_window.cx_commands.show_tab("Touchpoints")
    page.editor.show_touchpoint("TP1")
    tp = strategy.touchpoints[0]
    assert _walk_form(page.editor.editors, TOUCHPOINT, "tp", tp) == {"key", "opportunities"}
    assert page.model.index(0, 0).data() == "TP1"

    from cxroadmap.ui.cx.measures_model import FIELDS

    model = small_window.cx_commands.show_tab("Measures").model
    measure = strategy.measures[0]
    assert list(FIELDS) == list(MEASURE)  # the table has a column per declared field
    for column, f in enumerate(MEASURE.values()):
        assert model.headerData(column, Qt.Orientation.Horizontal) == f.label
        assert model.index(0, column).data() == display_text(f, getattr(measure, f.name)), f.name


def test_a_field_declared_with_an_editor_appears_in_the_form_and_commits_typed(qapp):
    """What a tracking field (a status date, a number of days) gets without touching a form."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

    from cxroadmap.domain.fields import DATE, INT
    from cxroadmap.ui.field_editors import RecordForm

    new = {
        "status_date": Field("status_date", DATE, "Status date", "Progress as of", editor="date"),
        "red_after": Field(
            "red_after", INT, "Red after", "Days", minimum=1, editor="spin", blank="Never"
        ),
    }
    record = dataclasses.make_dataclass("R", [("status_date", object), ("red_after", object)])
    host = QWidget()
    committed = []
    form = RecordForm(QFormLayout(host), new.values(), "x", lambda *a: committed.append(a))
    form.load(record(dt.date(2027, 3, 1), None), readonly=False)
    date, spin = form.editors["status_date"], form.editors["red_after"]
    assert isinstance(date, QLineEdit) and date.text() == "2027-03-01"
    assert isinstance(spin, QSpinBox) and spin.text() == "Never" and not committed
    spin.setValue(3)
    date.setText("2027-03-08")
    date.editingFinished.emit()
    assert committed == [("red_after", 3), ("status_date", "2027-03-08")]
    assert coerce(new["status_date"], committed[1][1], "x") == dt.date(2027, 3, 8)
