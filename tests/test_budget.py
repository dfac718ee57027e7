"""Budget: costs, phase and year budgets, their totals, and where people see them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain.edits import ChangeInitiative, ChangeStrategy
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.fields import number_from_text
from cxroadmap.domain.model import Initiative, Phase, Strategy
from cxroadmap.domain.money import format_amount
from cxroadmap.interop.jsonfile import parse_json_text, strategy_to_json
from cxroadmap.scheduling.budget import budget_summary
from cxroadmap.scheduling.planner import schedule


def plan() -> Strategy:
    """Two phases of 4 weeks and the rest; A runs into the new year, B is dropped."""
    strategy = Strategy(
        name="Budgeted",
        start=dt.date(2027, 12, 6),
        currency="EUR",
        phases=[Phase("First", 4, budget=10_000), Phase("Rest", None, budget=50_000)],
        year_budgets={2027: 5_000, 2028: 100_000},
    )
    for ini in (
        Initiative("A", "Across the new year", 20, pillar="training", owner="HR", cost=12_000),
        Initiative("B", "Dropped", 5, owner="HR", status="dropped", cost=99_000),
        Initiative("C", "Later", 5, owner="", not_before=dt.date(2028, 2, 1), cost=3_000),
        Initiative("D", "Not costed yet", 5),
        Initiative("M", "Milestone", 0, cost=1_000, not_before=dt.date(2028, 3, 1)),
    ):
        strategy.initiatives[ini.key] = ini
    return strategy


def test_totals_by_phase_pillar_owner_and_year_leave_dropped_initiatives_out():
    summary = budget_summary(plan(), schedule(plan()))
    assert summary.total == 16_000
    assert (summary.costed, summary.uncosted) == (3, 1)
    assert [(line.name, line.planned, line.budget, line.over) for line in summary.by_phase] == [
        ("First", 12_000, 10_000, True),
        ("Rest", 4_000, 50_000, False),
    ]
    assert [(line.name, line.planned) for line in summary.by_owner] == [
        ("HR", 12_000),
        ("(no owner)", 4_000),
    ]
    assert [(line.name, line.planned) for line in summary.by_pillar] == [
        ("training", 12_000),
        ("", 4_000),
    ]


def test_a_cost_is_spread_over_calendar_years_by_its_working_days():
    strategy = plan()
    result = schedule(strategy)
    item = result.items["A"]
    calendar = strategy.calendar()
    in_2027 = sum(
        1 for day in range(item.start_day, item.finish_day) if calendar.date_of(day).year == 2027
    )
    summary = budget_summary(strategy, result)
    years = {line.name: line for line in summary.by_year}
    assert years["2027"].planned == round(12_000 * in_2027 / 20)
    assert years["2028"].planned == round(12_000 * (20 - in_2027) / 20) + 3_000 + 1_000
    assert years["2027"].over and not years["2028"].over
    assert [line.name for line in summary.over] == ["First", "2027"]


def test_amounts_typed_by_people_are_read_and_written_plainly():
    assert number_from_text("1 250 000") == 1_250_000
    assert number_from_text("1,250,000.50") == 1_250_000.5
    assert number_from_text("1250,5") == 1250.5
    assert number_from_text("lots") is None
    assert format_amount(1_250_000, "EUR") == "EUR 1,250,000"
    assert format_amount(1250.5) == "1,250.50"
    assert format_amount(1_250_000, compact=True) == "1.25M"


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"cost": -5}, "initiatives[A].cost"),
        ({"cost": "a lot"}, "initiatives[A].cost"),
    ],
)
def test_a_bad_cost_is_refused_naming_the_field(changes, where):
    with pytest.raises(ValidationError) as info:
        ChangeInitiative("A", changes).apply(plan())
    assert info.value.where == where


def test_a_bad_currency_or_year_budget_is_refused():
    with pytest.raises(ValidationError, match="currency code"):
        ChangeStrategy({"currency": "euros"}).apply(plan())
    with pytest.raises(ValidationError, match=r"strategy\.year_budgets"):
        ChangeStrategy({"year_budgets": {2027: -1}}).apply(plan())


def test_json_carries_budget_fields_only_when_set_and_reads_them_back():
    data = strategy_to_json(plan())
    assert data["strategy"]["currency"] == "EUR"
    assert data["strategy"]["year_budgets"] == {"2027": 5000, "2028": 100000}
    assert data["strategy"]["phases"][0] == {"name": "First", "weeks": 4, "budget": 10000}
    assert data["initiatives"][0]["cost"] == 12000
    assert "cost" not in data["initiatives"][3]
    back = parse_json_text(json.dumps(data))
    assert back.initiatives["A"].cost == 12_000
    assert back.phases[1].budget == 50_000
    bare = strategy_to_json(Strategy(name="Old", start=dt.date(2027, 1, 4)))
    assert "currency" not in bare["strategy"] and "year_budgets" not in bare["strategy"]


def test_json_refuses_an_amount_written_as_text():
    data = strategy_to_json(plan())
    data["initiatives"][0]["cost"] = "12000"
    with pytest.raises(ValidationError) as info:
        parse_json_text(json.dumps(data))
    assert info.value.where == "initiatives[A].cost"


def test_the_demo_has_costs_budgets_and_one_phase_over_budget():
    strategy = demo_strategy()
    summary = budget_summary(strategy, schedule(strategy))
    assert strategy.currency == "EUR"
    assert summary.uncosted == 0 and summary.costed > 30
    assert [line.name for line in summary.over] == ["Medium term"]


def test_the_demo_pdf_has_a_budget_page_and_phase_budget_lines(tmp_path):
    from cxroadmap.export.pdf import export_pdf

    path = tmp_path / "demo.pdf"
    strategy = demo_strategy()
    export_pdf(strategy, schedule(strategy), path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Over budget: Medium term." in text
    assert "Planned EUR 816,000 of a EUR 780,000 budget: over by EUR 36,000" in text
    assert "By calendar year" in text and "By owner" in text
    for line in ("Training", "Learning team", "2027", "2028"):
        assert line in text


def test_the_budget_tab_and_status_bar_flag_an_overrun_and_edit_budgets(small_window, qtbot):
    w = small_window
    doc = w.document
    panel = w.budget_panel
    assert panel.status_label.text() == ""  # nothing costed: nothing to say
    first = next(iter(doc.strategy.initiatives))
    assert doc.apply(ChangeInitiative(first, {"cost": "12 500"}))
    assert panel.status_label.text() == "Budget 12,500"
    phase = doc.strategy.phases[0].name
    item = panel.phases.item(0, 1)
    item.setText("10,000")  # as typed into the Budget cell
    assert doc.strategy.phases[0].budget == 10_000
    assert panel.status_label.text().startswith("⚠ Budget 12,500")
    assert phase in panel.status_label.text()
    assert "over by 2,500" in panel.phases.item(0, 4).text()
    doc.undo_stack.undo()
    assert doc.strategy.phases[0].budget is None
    assert not panel.status_label.text().startswith("⚠")
