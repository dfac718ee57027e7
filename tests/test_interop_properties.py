"""Round trips of generated strategies through CSV, XLSX and MS Project XML (hypothesis)."""

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint
from cxroadmap.interop.csvfile import csv_text, parse_csv
from cxroadmap.interop.jsonfile import strategy_to_json
from cxroadmap.interop.mspdi_read import parse_mspdi
from cxroadmap.interop.mspdi_write import mspdi_bytes
from cxroadmap.interop.tabular import format_dependency, parse_depends_on
from cxroadmap.interop.xlsxfile import read_xlsx, workbook
from cxroadmap.scheduling.planner import schedule

# Control characters cannot be stored in XLSX or XML and are dropped there by design.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Text that is only white space counts as empty in a spreadsheet cell, and XML (inside XLSX
# and MSPDI) reads every line break as "\n".
text = (
    st.text(max_size=12)
    .map(lambda t: _CONTROL.sub("", t).replace("\r\n", "\n").replace("\r", "\n"))
    .map(lambda t: t if t.strip() else "")
)
line = text.map(lambda t: t.replace("\r", ""))
keys = (
    st.text(
        st.characters(codec="utf-8", exclude_characters=";\r\n\x00", exclude_categories=["Cc"]),
        min_size=1,
        max_size=6,
    )
    .map(str.strip)
    .filter(bool)
)
PHASES = [Phase("Now", 4), Phase("Next: soon", 8), Phase("Later")]


STRATEGY_KEYS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,5}", fullmatch=True)
notes = st.lists(line.map(lambda t: t.replace("\n", " ")).filter(str.strip), max_size=3)


def _add_cx(draw, strategy):
    """Touchpoints, opportunities, measures and alignment links, as only XLSX carries them."""
    strategy.key = draw(STRATEGY_KEYS)
    strategy.parent = draw(st.none() | STRATEGY_KEYS.filter(lambda k: k != strategy.key))
    initiatives = list(strategy.initiatives)
    for key in draw(st.lists(keys, max_size=3, unique=True)):
        strategy.touchpoints.append(
            Touchpoint(
                key,
                draw(line.filter(str.strip)),
                stage=draw(line),
                now=draw(text),
                gap=draw(st.integers(1, 5)),
                standards=draw(notes),
                root_causes=draw(notes),
                opportunities=[
                    Opportunity(
                        draw(text.filter(str.strip)), draw(st.none() | st.sampled_from(initiatives))
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ],
            )
        )
    tp_keys = [tp.key for tp in strategy.touchpoints]
    for ini in strategy.initiatives.values():
        if tp_keys:
            ini.touchpoints = draw(st.lists(st.sampled_from(tp_keys), unique=True, max_size=2))
        if strategy.parent is not None:
            links = st.builds(SupportLink, STRATEGY_KEYS.filter(lambda k: k != strategy.key), keys)
            ini.supports = draw(st.lists(links, unique=True, max_size=2))
    # Excel keeps about 15 significant digits; a KPI never needs more.
    numbers = st.none() | st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 6))
    for key in draw(st.lists(keys, max_size=2, unique=True)):
        strategy.measures.append(
            Measure(
                key,
                draw(line.filter(str.strip)),
                unit=draw(line),
                baseline=draw(numbers),
                target=draw(numbers),
                target_date=draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2035, 1, 1))),
                initiatives=draw(st.lists(st.sampled_from(initiatives), unique=True, max_size=3)),
            )
        )


@st.composite
def strategies(draw, cx=False):
    strategy = Strategy(
        name=draw(line.map(str.strip).filter(bool)),
        start=draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
        working_days=tuple(
            draw(st.sets(st.sampled_from(("mon", "tue", "wed", "thu", "fri", "sat")), min_size=1))
        ),
        phases=list(PHASES),
    )
    strategy.working_days = tuple(
        d for d in ("mon", "tue", "wed", "thu", "fri", "sat") if d in strategy.working_days
    )
    strategy.holidays = sorted(
        draw(st.sets(st.dates(strategy.start, strategy.start + dt.timedelta(60)), max_size=3))
    )
    strategy.max_parallel = draw(st.none() | st.integers(1, 3))
    for key in draw(st.lists(keys, min_size=1, max_size=7, unique=True)):
        strategy.initiatives[key] = Initiative(
            key=key,
            title=draw(line.filter(str.strip)),
            duration=draw(st.integers(0, 15)),
            pillar=draw(st.sampled_from(["", "training", "Łódź <b>&", "vision"])),
            owner=draw(line),
            description=draw(text),
            not_before=draw(
                st.none() | st.dates(strategy.start, strategy.start + dt.timedelta(90))
            ),
            phase=draw(st.none() | st.sampled_from([p.name for p in PHASES])),
            impact=draw(st.integers(1, 5)),
            status=draw(st.sampled_from(["idea", "planned", "in_progress", "done", "dropped"])),
        )
    order = list(strategy.initiatives)
    pairs = draw(st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=10))
    for a, b in sorted(pairs):
        if a < b < len(order):
            strategy.dependencies.append(
                Dependency(
                    order[a],
                    order[b],
                    draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                    draw(st.integers(-3, 5)),
                )
            )
    if cx:
        _add_cx(draw, strategy)
    return strategy


def _dates(strategy):
    return {k: (i.start, i.finish) for k, i in schedule(strategy).items.items()}


def _deps(strategy):
    return sorted((d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies)


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(strategies())
def test_a_csv_round_trip_keeps_every_initiative_link_and_date(strategy):
    back = parse_csv(csv_text(strategy, schedule(strategy)), "x")
    assert strategy_to_json(back)["initiatives"] == strategy_to_json(strategy)["initiatives"]
    assert _deps(back) == _deps(strategy)
    assert back.name == strategy.name
    assert _dates(back) == _dates(strategy)


@FAST
@given(strategy=strategies(cx=True))
def test_an_xlsx_round_trip_is_lossless(strategy, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "s.xlsx"
    workbook(strategy, schedule(strategy)).save(path)
    assert read_xlsx(path) == strategy


@FAST
@given(strategies())
def test_an_mspdi_round_trip_gives_the_same_schedule(strategy):
    back = parse_mspdi(mspdi_bytes(strategy, schedule(strategy)))
    assert _deps(back) == _deps(strategy)
    assert {k: i.title for k, i in back.initiatives.items()} == {
        k: i.title for k, i in strategy.initiatives.items()
    }
    assert _dates(back) == _dates(strategy)


@given(
    st.lists(
        st.tuples(keys, st.sampled_from(["FS", "SS", "FF", "SF"]), st.integers(-9, 9)),
        unique_by=lambda t: t[0],
        max_size=5,
    )
)
def test_depends_on_text_reads_back_as_the_same_links(links):
    deps = [Dependency(k, "SUCC", t, lag) for k, t, lag in links if k != "SUCC"]
    written = "; ".join(format_dependency(d) for d in deps)
    keys_known = {d.from_key for d in deps}
    read = parse_depends_on(written, "SUCC", keys_known, "depends_on", 5)
    assert [(d.from_key, d.type, d.lag) for d in read] == [
        (d.from_key, d.type, d.lag) for d in deps
    ]
