"""The cxroadmap/1 JSON interchange: parsing, defaults, canonical form and round trips."""

import copy
import datetime as dt
import json

import pytest
from storage_samples import rich_strategy, second_strategy

from cxroadmap.domain import CycleError, Phase, ValidationError, validate_strategy
from cxroadmap.interop.jsonfile import (
    dump_json,
    load_json,
    strategy_from_json,
    strategy_to_json,
)
from cxroadmap.storage.document import read_document, write_document

SPEC_EXAMPLE = {
    "format": "cxroadmap/1",
    "strategy": {
        "name": "Service culture 2027",
        "level": "department",
        "start": "2027-01-04",
        "owner": "Head of Customer Care",
        "vision": "Every customer leaves an interaction feeling helped.",
        "mission": "...",
        "values": ["Own the outcome", "Make it easy"],
        "working_days": ["mon", "tue", "wed", "thu", "fri"],
        "holidays": ["2027-04-02"],
        "max_parallel": 3,
        "phases": [
            {"name": "Short term", "weeks": 13},
            {"name": "Medium term", "weeks": 39},
            {"name": "Long term"},
        ],
    },
    "initiatives": [
        {
            "key": "REC1",
            "title": "Hire for service mindset",
            "pillar": "recruitment",
            "duration": "6w",
            "owner": "HR",
            "not_before": "2027-02-01",
            "phase": "Short term",
            "impact": 4,
            "status": "planned",
            "description": "...",
        },
        {"key": "M1", "title": "Service standards agreed", "duration": 0},
    ],
    "dependencies": [{"from": "REC1", "to": "M1", "type": "FS", "lag": "1w"}],
}

MINIMAL = {
    "format": "cxroadmap/1",
    "strategy": {"name": "Small", "start": "2027-01-04"},
    "initiatives": [{"key": "A", "title": "Only one", "duration": 3}],
}


def _with(base: dict, path: list, value: object) -> dict:
    """A deep copy of `base` with the item at `path` set to `value` (or removed for ...)."""
    data = copy.deepcopy(base)
    target = data
    for step in path[:-1]:
        target = target[step]
    if value is ...:
        del target[path[-1]]
    elif isinstance(target, list) and path[-1] == len(target):
        target.append(value)
    else:
        target[path[-1]] = value
    return data


def _error(data: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        strategy_from_json(data, "plan.json")
    return info.value


def test_the_spec_example_parses_with_durations_in_working_days():
    strategy = strategy_from_json(SPEC_EXAMPLE, "example.json")
    assert strategy.level == "department"
    assert strategy.initiatives["REC1"].duration == 30
    assert strategy.initiatives["REC1"].not_before == dt.date(2027, 2, 1)
    assert strategy.initiatives["REC1"].phase == "Short term"
    assert strategy.dependencies[0].lag == 5
    assert strategy.holidays == [dt.date(2027, 4, 2)]
    assert strategy.phases[-1] == Phase("Long term", None)


def test_a_minimal_document_gets_every_default():
    strategy = strategy_from_json(MINIMAL, "small.json")
    assert strategy.level == "team"
    assert strategy.working_days == ("mon", "tue", "wed", "thu", "fri")
    assert [(p.name, p.weeks) for p in strategy.phases] == [
        ("Short term", 13),
        ("Medium term", 39),
        ("Long term", None),
    ]
    assert strategy.max_parallel is None
    ini = strategy.initiatives["A"]
    assert (ini.impact, ini.status, ini.pillar, ini.owner, ini.phase) == (
        3,
        "planned",
        "",
        "",
        None,
    )
    assert strategy.dependencies == []


def test_a_week_is_the_strategys_number_of_working_days():
    data = _with(MINIMAL, ["strategy", "working_days"], ["mon", "tue", "wed", "thu"])
    data["initiatives"][0]["duration"] = "3w"
    data["initiatives"].append({"key": "B", "title": "Later", "duration": "2m"})
    data["dependencies"] = [{"from": "A", "to": "B", "lag": "1w"}]
    strategy = strategy_from_json(data, "four-days.json")
    assert strategy.initiatives["A"].duration == 12
    assert strategy.initiatives["B"].duration == 32
    assert strategy.dependencies[0].lag == 4


def test_organization_is_accepted_as_organisation():
    data = _with(MINIMAL, ["strategy", "level"], "organization")
    assert strategy_from_json(data, "x.json").level == "organisation"


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (["initiatives", 0, "durration"], 5, "initiatives[A].durration"),
        (["strategy", "colour"], "red", "strategy.colour"),
        (["strategy", "phases"], [{"name": "P", "wekes": 3}], "strategy.phases[0].wekes"),
        (["extra"], 1, "extra"),
        (["dependencies"], [{"from": "A", "to": "A", "kind": "FS"}], "dependencies[0].kind"),
    ],
)
def test_an_unknown_field_is_an_error_naming_it(path, value, where):
    error = _error(_with(MINIMAL, path, value))
    assert (error.where, error.problem) == (where, "unknown field")
    assert str(error) == f"{where}: unknown field"


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (["format"], "format"),
        (["strategy", "name"], "strategy.name"),
        (["strategy", "start"], "strategy.start"),
        (["initiatives", 0, "title"], "initiatives[A].title"),
        (["initiatives", 0, "duration"], "initiatives[A].duration"),
        (["initiatives", 0, "key"], "initiatives[0].key"),
    ],
)
def test_a_missing_required_field_is_named(path, where):
    error = _error(_with(MINIMAL, path, ...))
    assert error.where == where
    assert "missing" in error.problem


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (["format"], "cxroadmap/2", "format"),
        (["strategy"], [], "strategy"),
        (["strategy", "start"], "2027-13-01", "strategy.start"),
        (["strategy", "level"], "galaxy", "strategy.level"),
        (["strategy", "name"], 42, "strategy.name"),
        (["strategy", "values"], "one value", "strategy.values"),
        (["strategy", "values"], ["ok", 3], "strategy.values[1]"),
        (["strategy", "working_days"], ["mon", "funday"], "strategy.working_days[1]"),
        (["strategy", "holidays"], ["2027-04-02", "Easter"], "strategy.holidays[1]"),
        (["strategy", "max_parallel"], 0, "strategy.max_parallel"),
        (["strategy", "max_parallel"], True, "strategy.max_parallel"),
        (["strategy", "phases"], [{"name": "P", "weeks": 0}], "strategy.phases[0].weeks"),
        (["strategy", "phases"], [{"name": "P", "weeks": "3"}], "strategy.phases[0].weeks"),
        (["strategy", "phases"], [{"weeks": 3}], "strategy.phases[0].name"),
        (["strategy", "phases"], [{"name": "P"}, {"name": "Q"}], "strategy.phases[0].weeks"),
        (["initiatives"], {"A": {}}, "initiatives"),
        (["initiatives", 0], "A", "initiatives[0]"),
        (["initiatives", 0, "duration"], "6 weeks", "initiatives[A].duration"),
        (["initiatives", 0, "duration"], -1, "initiatives[A].duration"),
        (["initiatives", 0, "duration"], 2.5, "initiatives[A].duration"),
        (["initiatives", 0, "impact"], 6, "initiatives[A].impact"),
        (["initiatives", 0, "impact"], "high", "initiatives[A].impact"),
        (["initiatives", 0, "status"], "finished", "initiatives[A].status"),
        (["initiatives", 0, "not_before"], "01/02/2027", "initiatives[A].not_before"),
        (["initiatives", 0, "phase"], "Someday", "initiatives[A].phase"),
        (["initiatives", 0, "title"], "  ", "initiatives[A].title"),
        (["initiatives", 0, "key"], " A", "initiatives[ A].key"),
        (["initiatives", 0, "owner"], ["HR"], "initiatives[A].owner"),
    ],
)
def test_a_bad_value_is_an_error_naming_its_field(path, value, where):
    assert _error(_with(MINIMAL, path, value)).where == where


def test_a_duplicate_initiative_key_is_named():
    data = _with(MINIMAL, ["initiatives", 1], {"key": "A", "title": "Again", "duration": 1})
    error = _error(data)
    assert error.where == "initiatives[A].key"
    assert "duplicate" in error.problem


@pytest.mark.parametrize(
    ("dependency", "where"),
    [
        ({"from": "A", "to": "NOPE"}, "dependencies[0].to"),
        ({"from": "A", "to": "A"}, "dependencies[0]"),
        ({"from": "A", "to": "B", "type": "XX"}, "dependencies[0].type"),
        ({"from": "A", "to": "B", "lag": "soon"}, "dependencies[0].lag"),
        ({"to": "B"}, "dependencies[0].from"),
    ],
)
def test_a_bad_dependency_is_named(dependency, where):
    data = _with(MINIMAL, ["initiatives", 1], {"key": "B", "title": "Two", "duration": 1})
    data["dependencies"] = [dependency]
    assert _error(data).where == where


def test_a_negative_lag_is_a_lead():
    data = _with(MINIMAL, ["initiatives", 1], {"key": "B", "title": "Two", "duration": 1})
    data["dependencies"] = [{"from": "A", "to": "B", "type": "ss", "lag": "-1w"}]
    dep = strategy_from_json(data, "x.json").dependencies[0]
    assert (dep.type, dep.lag) == ("SS", -5)


def test_a_duplicate_dependency_is_refused():
    data = _with(MINIMAL, ["initiatives", 1], {"key": "B", "title": "Two", "duration": 1})
    data["dependencies"] = [{"from": "A", "to": "B"}, {"from": "A", "to": "B", "lag": 2}]
    assert _error(data).where == "dependencies[1]"


def test_a_dependency_cycle_is_refused_with_the_cycle_named():
    data = copy.deepcopy(MINIMAL)
    data["initiatives"] += [
        {"key": "B", "title": "Two", "duration": 1},
        {"key": "C", "title": "Three", "duration": 1},
    ]
    data["dependencies"] = [
        {"from": "B", "to": "C"},
        {"from": "C", "to": "A"},
        {"from": "A", "to": "B"},
    ]
    with pytest.raises(CycleError) as info:
        strategy_from_json(data, "x.json")
    assert info.value.cycle == ["A", "B", "C", "A"]


def test_a_document_that_is_not_an_object_is_refused():
    error = _error(["format", "cxroadmap/1"])
    assert "plan.json" in error.problem
    assert "object" in error.problem


def test_the_canonical_form_of_the_spec_example_is_exact():
    canonical = strategy_to_json(strategy_from_json(SPEC_EXAMPLE, "example.json"))
    expected = copy.deepcopy(SPEC_EXAMPLE)
    expected["initiatives"][0]["duration"] = 30
    expected["initiatives"][1] = {
        "key": "M1",
        "title": "Service standards agreed",
        "pillar": "",
        "duration": 0,
        "owner": "",
        "not_before": None,
        "phase": None,
        "impact": 3,
        "status": "planned",
        "description": "",
    }
    expected["dependencies"][0]["lag"] = 5
    assert canonical == expected
    assert list(canonical) == ["format", "strategy", "initiatives", "dependencies"]
    assert list(canonical["strategy"]) == list(SPEC_EXAMPLE["strategy"])
    assert list(canonical["initiatives"][0]) == list(SPEC_EXAMPLE["initiatives"][0])


def test_max_parallel_unset_is_written_as_null():
    canonical = strategy_to_json(strategy_from_json(MINIMAL, "x.json"))
    assert canonical["strategy"]["max_parallel"] is None


@pytest.mark.parametrize("make", [rich_strategy, second_strategy])
def test_a_strategy_survives_json_unchanged(make):
    strategy = make()
    validate_strategy(strategy)
    back = strategy_from_json(strategy_to_json(strategy), "x.json")
    assert back == strategy
    assert list(back.initiatives) == list(strategy.initiatives)


def test_json_survives_a_trip_through_the_document_file(tmp_path):
    data = strategy_to_json(rich_strategy())
    write_document(tmp_path / "plan.cxroadmap", [strategy_from_json(data, "x.json")])
    [stored] = read_document(tmp_path / "plan.cxroadmap")
    assert strategy_to_json(stored) == data


def test_dump_json_writes_utf8_with_two_space_indent_and_a_final_newline(tmp_path):
    path = tmp_path / "plan.json"
    strategy = rich_strategy()
    dump_json(strategy, path)
    text = path.read_bytes().decode("utf-8")
    assert text == json.dumps(strategy_to_json(strategy), ensure_ascii=False, indent=2) + "\n"
    assert "Ελληνικά" in text and "漢字" in text
    assert load_json(path) == strategy
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_dump_json_leaves_the_old_file_and_no_temp_file_when_it_fails(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("old contents", encoding="utf-8")
    strategy = rich_strategy()
    strategy.start = "not a date"  # type: ignore[assignment]
    with pytest.raises(AttributeError):
        dump_json(strategy, path)
    assert path.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_malformed_json_names_the_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "cxroadmap/1",\n  "strategy": {,}\n}\n', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_json(path)
    assert info.value.where == "line 3, column 16"
    assert "malformed JSON" in info.value.problem


def test_a_json_file_that_is_not_an_object_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_json(path)
    assert "expected a JSON object" in str(info.value)


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(
        '{"format": "cxroadmap/1", "strategy": {"name": "Caf\u00e9"}}'.encode("latin-1")
    )
    with pytest.raises(ValidationError) as info:
        load_json(path)
    assert "not UTF-8" in info.value.problem


def test_a_byte_order_mark_is_tolerated(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode("utf-8"))
    assert load_json(path).name == "Small"


def test_a_field_given_twice_in_one_object_is_refused(tmp_path):
    path = tmp_path / "twice.json"
    path.write_text(
        '{"format": "cxroadmap/1", "strategy": {"name": "A", "name": "B", "start": "2027-01-04"}}',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        load_json(path)
    assert info.value.where == "name"
    assert "twice" in info.value.problem


def test_nan_is_refused(tmp_path):
    path = tmp_path / "nan.json"
    text = json.dumps(MINIMAL).replace('"duration": 3', '"duration": NaN')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match="NaN"):
        load_json(path)


def test_a_document_without_a_strategy_names_the_missing_field():
    error = _error({"format": "cxroadmap/1"})
    assert (error.where, error.problem) == ("strategy", "required field is missing")
