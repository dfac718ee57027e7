"""The PDF measures page charts the readings; roadmap flags of measures off track are red."""

from __future__ import annotations

import datetime as dt
import io

from cx_samples import touchpoint_strategy
from pypdf import PdfReader

from cxroadmap.common import style
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.export.pdf import export_pdf
from cxroadmap.export.timeline import off_track_names, plan_timeline
from cxroadmap.export.trend_pages import TrendChart, trend_grid, verdict
from cxroadmap.scheduling.planner import schedule


def strategy_with_readings():
    strategy = touchpoint_strategy()
    # FCR: 62 -> 80 from 2027-01-04 to 2027-12-31 (361 days); day 177 line = 70.83.
    strategy.measures[0].readings = [
        Reading(dt.date(2027, 3, 31), 65.0),
        Reading(dt.date(2027, 6, 30), 70.0),
    ]
    strategy.measures.append(Measure("CSAT", "Customer satisfaction", "%", 70.0, 90.0))
    return strategy


def test_the_caption_gives_the_latest_value_and_its_verdict():
    strategy = strategy_with_readings()
    fcr, csat = strategy.measures
    assert verdict(fcr, strategy.start) == (
        "70 % on 2027-06-30: off track (line 70.83)",
        style.OFF_TRACK,
    )
    fcr.readings[-1] = Reading(dt.date(2027, 6, 30), 71.0)
    assert verdict(fcr, strategy.start) == (
        "71 % on 2027-06-30: on track (line 70.83)",
        style.ON_TRACK,
    )
    assert verdict(csat, strategy.start) == ("No readings yet", style.MUTED)


def test_only_measures_with_readings_get_a_chart_three_to_a_row():
    strategy = strategy_with_readings()
    [grid] = trend_grid(strategy.measures, strategy.start, 780)
    cells = [c for row in grid._cellvalues for c in row]
    charts = [c for c in cells if isinstance(c, TrendChart)]
    assert [c.measure.key for c in charts] == ["FCR"]
    assert len(cells) == 3
    assert trend_grid([strategy.measures[1]], strategy.start, 780) == []


def test_the_pdf_measures_page_shows_the_charts_and_the_roadmap_flag_goes_red(tmp_path):
    strategy = strategy_with_readings()
    out = tmp_path / "plan.pdf"
    export_pdf(strategy, schedule(strategy), out)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
    [page] = [p for p in pages if "readings against its line to the target" in p]
    assert "70 % on 2027-06-30: off track (line 70.83)" in page
    assert off_track_names(strategy) == frozenset({"First-contact resolution"})
    chart = plan_timeline(strategy, schedule(strategy), 780, 500, None)
    assert chart.off_track == frozenset({"First-contact resolution"})
    labels = [label for line in chart.legend_lines for _, _, label in line]
    assert labels[-2:] == ["Measure target date", "Measure off track"]
    strategy.measures[0].readings[-1] = Reading(dt.date(2027, 6, 30), 71.0)
    assert off_track_names(strategy) == frozenset()


def test_the_pdf_has_a_rag_page_and_dots_on_the_roadmap_for_a_tracked_strategy(tmp_path):
    from test_rag import _worked

    from cxroadmap.export.rag_pages import rag_summary

    strategy, result = _worked(True)
    assert rag_summary(strategy, result) == (
        "2 red · 3 amber · 1 green, against baseline 'Board approval' · status date 20 January 2027"
    )
    chart = plan_timeline(strategy, result, 780, 500, None)
    assert chart.rag["D"] == style.RAG_COLOURS["red"]
    labels = [label for line in chart.legend_lines for _, _, label in line]
    assert labels[-3:] == ["RAG Red", "RAG Amber", "RAG Green"]
    out = tmp_path / "tracked.pdf"
    export_pdf(strategy, result, out)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
    [page] = [p for p in pages if "Status (RAG)" in p and "Why" in p]
    assert "finishes 12 working days later than the baseline (red after 10 working days)" in page
    assert page.index("Map touchpoints (D)") < page.index("Train the team leads (B)")
    untracked, plain = _worked(False)
    untracked.status_date = None
    assert plan_timeline(untracked, plain, 780, 500, None).rag == {}
