"""The PDF's customer-experience pages: touchpoints, measures, roll-up and alignment."""

from __future__ import annotations

import io

from cx_samples import cascade_strategies, touchpoint_strategy
from pypdf import PdfReader

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint
from cxroadmap.export.pdf import render_pdf
from cxroadmap.scheduling.planner import schedule


def pages_of(strategy: Strategy, children: list[Strategy] | None = None) -> list[str]:
    pairs = [(c, schedule(c)) for c in children or []]
    data = render_pdf(strategy, schedule(strategy), children=pairs)
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def page_with(pages: list[str], heading: str) -> str:
    found = [p for p in pages if heading in p]
    assert found, f"no page says {heading!r}"
    return found[0]


def test_the_touchpoint_page_shows_the_matrix_gaps_and_the_unaddressed_gap_warning() -> None:
    pages = pages_of(touchpoint_strategy())
    matrix = page_with(pages, "Touchpoints: the moments of truth")
    assert "Customer calls with a complaint" in matrix
    assert "Refund arrives" in matrix
    assert "MAP Map the moments of truth" in matrix
    assert "Touchpoint REFUND (Refund arrives) has a gap of 4 and no initiative addresses it" in (
        matrix
    )
    details = page_with(pages, "Touchpoints: now, should, causes and opportunities")
    for text in (
        "Passed between three teams",
        "Owned by the first person who answers",
        "Nobody may approve a refund under 50",
        "Answer within 30 seconds",
        "Re-keying the complaint in two systems",
        "Refund authority at the front line",
    ):
        assert text in details


def test_a_gap_left_to_training_alone_is_listed_on_the_touchpoint_page() -> None:
    strategy = touchpoint_strategy()
    strategy.initiatives["MAP"].touchpoints = []
    strategy.touchpoints[0].gap = 3
    matrix = page_with(pages_of(strategy), "Touchpoints: the moments of truth")
    assert "addressed by training alone (TR1)" in matrix


def test_the_measures_page_lists_each_kpi_with_its_baseline_target_and_initiatives() -> None:
    pages = pages_of(touchpoint_strategy())
    measures = page_with(pages, "Measures 1 measure")
    assert "First-contact resolution 62 80 % ↑ raise 31 Dec 2027" in measures
    assert "Map the moments of truth (MAP); Calm under pressure (TR1)" in measures
    roadmap = page_with(pages, "Roadmap")
    assert "Measure target date" in roadmap


def test_a_strategy_without_touchpoints_or_measures_gets_no_empty_pages() -> None:
    strategy = touchpoint_strategy()
    strategy.touchpoints = []
    strategy.measures = []
    for initiative in strategy.initiatives.values():
        initiative.touchpoints = []
    pages = pages_of(strategy)
    assert not [p for p in pages if "Touchpoints:" in p or "Measures" in p]
    assert not [p for p in pages if "Roll-up" in p]


def test_user_text_on_the_touchpoint_page_is_printed_as_typed() -> None:
    strategy = touchpoint_strategy()
    strategy.touchpoints.append(
        Touchpoint(
            "R&D",
            "Call <draft> & a<b and c>d",
            gap=5,
            root_causes=["</para> in the notes"],
            opportunities=[Opportunity("Fix R&D <br> handover")],
        )
    )
    pages = pages_of(strategy)
    matrix = page_with(pages, "Touchpoints: the moments of truth")
    assert "Call <draft> & a<b and c>d" in matrix
    details = page_with(pages, "Touchpoints: now, should")
    assert "</para> in the notes" in details
    assert "Fix R&D <br> handover" in details


def test_a_parent_strategy_gets_a_roll_up_with_a_lane_per_child_and_the_late_flag() -> None:
    org, care, team = cascade_strategies()
    care.initiatives["COACH"].duration = 60  # finishes long after ORG/LEAD
    pages = pages_of(org, [care, team])
    rollup = page_with(pages, "Roll-up: Organisation and the strategies below it")
    for text in ("Customer care", "Complaints team", "Care standards", "Daily huddle"):
        assert text in rollup
    assert "⚑ Care leaders coach" in rollup
    alignment = page_with(pages, "Alignment: what supports what")
    assert "4 alignment links · 1 supporting initiative finishes late" in alignment
    assert (
        "Customer care Care leaders coach 26 Mar 2027 Leaders coach for service (Organisation) "
        "12 Feb 2027 ⚑ late" in alignment
    )


def test_without_children_the_pdf_has_no_roll_up_even_for_an_organisation() -> None:
    org, _, _ = cascade_strategies()
    assert not [p for p in pages_of(org) if "Roll-up" in p or "Alignment" in p]


def test_a_wide_matrix_on_a_portrait_page_continues_in_a_second_table() -> None:
    from cxroadmap.domain.model import Initiative
    from cxroadmap.export.pdf import PdfOptions

    strategy = touchpoint_strategy()
    for n in range(1, 25):
        strategy.initiatives[f"X{n:02d}"] = Initiative(f"X{n:02d}", f"Extra {n}", 5, "touchpoints")
        strategy.initiatives[f"X{n:02d}"].touchpoints = ["REFUND"]
    data = render_pdf(strategy, schedule(strategy), PdfOptions(portrait=True))
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    matrix = page_with(pages, "Touchpoints: the moments of truth")
    assert matrix.count("Touchpoint Stage Channel Gap") >= 2  # a header per table
    assert "X01" in matrix and "X24" in matrix
