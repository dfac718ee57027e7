"""iCalendar export read back with icalendar, and the import/export registry by suffix."""

import datetime as dt
import json

import pytest
from icalendar import Calendar
from interop_samples import MARKUP, rich_strategy, small_strategy

from cxroadmap.domain.errors import CycleError, ValidationError
from cxroadmap.domain.model import Dependency
from cxroadmap.interop.formats import EXPORT_SUFFIXES, export_file, import_file
from cxroadmap.interop.icsfile import ics_bytes, slug
from cxroadmap.interop.jsonfile import dump_json, strategy_to_json
from cxroadmap.scheduling.planner import schedule


@pytest.fixture
def fixed_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01T00:00:00Z


def _events(strategy):
    cal = Calendar.from_ical(ics_bytes(strategy, schedule(strategy)))
    return cal, {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_each_initiative_is_one_all_day_event_with_a_stable_uid(fixed_epoch):
    cal, events = _events(small_strategy())
    assert str(cal["x-wr-calname"]) == "Small plan"
    assert list(events) == [
        "A@small-plan.cxroadmap",
        "B@small-plan.cxroadmap",
        "M@small-plan.cxroadmap",
    ]
    a = events["A@small-plan.cxroadmap"]
    assert str(a["summary"]) == f"Vision {MARKUP}"
    assert a.decoded("dtstart") == dt.date(2027, 1, 4)
    assert a.decoded("dtend") == dt.date(2027, 1, 9)  # the day after Friday's finish
    assert a.decoded("dtstamp") == dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    assert [str(c) for c in a["categories"].cats] == ["Vision and values"]


def test_a_milestone_is_a_one_day_event(fixed_epoch):
    _, events = _events(small_strategy())
    m = events["M@small-plan.cxroadmap"]
    assert (m.decoded("dtstart"), m.decoded("dtend")) == (
        # SS+2 after B (starting Monday 11th): Wednesday, the moment that binds it.
        dt.date(2027, 1, 13),
        dt.date(2027, 1, 14),
    )
    assert "categories" not in m


def test_the_description_gives_pillar_owner_slack_and_dependencies(fixed_epoch):
    _, events = _events(rich_strategy())
    slug_ = "servicekultur-2027-lodz"
    tr2 = events[f"TR2@{slug_}.cxroadmap"]
    assert str(tr2["description"]) == (
        "Pillar: Training\nOwner: L&D\nSlack: 0 working days (critical)\n"
        "Depends on: TR1 SS+3d; VIS1 FF-2d"
    )
    vis1 = events[f"VIS1@{slug_}.cxroadmap"]
    assert str(vis1["description"]).endswith(f"\n\nLine one\nLine two {MARKUP}")
    assert str(vis1["summary"]) == "Define the vision — «why»"


def test_the_calendar_is_byte_for_byte_the_same_when_source_date_epoch_is_set(fixed_epoch):
    strategy = rich_strategy()
    first = ics_bytes(strategy, schedule(strategy))
    assert first == ics_bytes(strategy, schedule(strategy))
    assert b"DTSTAMP:20270101T000000Z" in first
    assert all(len(line) <= 75 for line in first.split(b"\r\n"))


def test_slugs_are_ascii_and_keep_separators():
    assert slug("Customer experience strategy 2027–2028") == (
        "customer-experience-strategy-2027-2028"
    )
    assert slug("Zoë's plan") == "zoe-s-plan"
    assert slug("Łódź, Ørsted & Straße") == "lodz-orsted-strasse"
    assert slug("漢字") == "strategy"


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx", ".xml"])
def test_import_and_export_pick_the_format_by_suffix(tmp_path, suffix):
    strategy = small_strategy()
    path = tmp_path / f"plan{suffix.upper()}"
    export_file(strategy, None, path)
    back = import_file(path)
    assert list(back.initiatives) == ["A", "B", "M"]
    assert back.initiatives["A"].title == f"Vision {MARKUP}"
    assert back.start == strategy.start


def test_export_writes_ics_and_json_is_the_canonical_form(tmp_path):
    strategy = small_strategy()
    export_file(strategy, schedule(strategy), tmp_path / "plan.ics")
    assert (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    export_file(strategy, None, tmp_path / "plan.json")
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert data == strategy_to_json(strategy)
    assert set(EXPORT_SUFFIXES) == {".json", ".csv", ".xlsx", ".xml", ".ics"}


def test_an_unknown_suffix_is_refused_naming_the_file(tmp_path):
    with pytest.raises(ValidationError) as info:
        import_file(tmp_path / "plan.docx")
    assert info.value.where == str(tmp_path / "plan.docx")
    assert "cannot import a .docx file" in info.value.problem
    with pytest.raises(ValidationError, match="cannot export to a file without a suffix"):
        export_file(small_strategy(), None, tmp_path / "plan")
    with pytest.raises(ValidationError, match=r"cannot import a \.ics file"):
        import_file(tmp_path / "plan.ics")


def test_an_import_error_names_the_file_then_the_cell(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("# start: 2027-01-04\nkey,title,duration\nA,a,soon\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        import_file(path)
    assert str(info.value).startswith(f"{path}: row 3, column duration: ")
    assert info.value.path == str(path)  # so the command line does not name the file twice


def test_a_missing_file_is_a_validation_error_naming_it(tmp_path):
    with pytest.raises(ValidationError, match="cannot read"):
        import_file(tmp_path / "absent.xml")


def test_the_csv_start_option_reaches_the_reader(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("key,title,duration\nA,a,1\n", encoding="utf-8")
    assert import_file(path, start=dt.date(2027, 5, 3)).start == dt.date(2027, 5, 3)


@pytest.mark.parametrize("suffix", EXPORT_SUFFIXES)
def test_a_rejected_strategy_leaves_no_file_behind(tmp_path, suffix):
    strategy = small_strategy()
    strategy.dependencies.append(Dependency("M", "A"))
    with pytest.raises(CycleError):
        export_file(strategy, None, tmp_path / f"out{suffix}")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole(tmp_path):
    path = tmp_path / "plan.json"
    dump_json(rich_strategy(), path)
    export_file(small_strategy(), None, path)
    assert import_file(path).name == "Small plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]
