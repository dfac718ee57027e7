"""The customer-experience additions to `cxroadmap/1`: touchpoints, measures and the cascade."""

from __future__ import annotations

import copy
import json

import pytest
from cx_samples import cascade_strategies, touchpoint_strategy

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.touchpoint_edits import ConvertOpportunity
from cxroadmap.interop.jsonfile import (
    cascade_from_json,
    cascade_to_json,
    dump_json_cascade,
    load_json,
    load_json_cascade,
    strategy_from_json,
    strategy_to_json,
)
from cxroadmap.storage.document import read_document, write_document


def _cascade_json() -> dict:
    org, care, team = cascade_strategies()
    care.touchpoints = copy.deepcopy(touchpoint_strategy().touchpoints)
    care.touchpoints[0].opportunities[0].initiative_key = "STD"
    care.initiatives["STD"].touchpoints = ["CALL", "REFUND"]
    care.measures = copy.deepcopy(touchpoint_strategy().measures)
    care.measures[0].initiatives = ["COACH"]
    care.measures[0].baseline = 62.5
    return cascade_to_json([org, care, team])


def test_a_cascade_nests_children_under_their_parent():
    data = _cascade_json()
    assert list(data) == ["format", "strategy", "initiatives", "dependencies", "children"]
    assert data["strategy"]["key"] == "ORG" and "parent" not in data["strategy"]
    [care] = data["children"]
    assert list(care) == [
        "strategy",
        "initiatives",
        "dependencies",
        "touchpoints",
        "measures",
        "children",
    ]
    assert care["strategy"]["key"] == "CARE" and "parent" not in care["strategy"]
    assert care["initiatives"][0]["supports"] == ["ORG/VIS"]
    assert care["initiatives"][0]["touchpoints"] == ["CALL", "REFUND"]
    assert care["touchpoints"][0] == {
        "key": "CALL",
        "name": "Customer calls with a complaint",
        "stage": "Get help",
        "channel": "Phone",
        "now": "Passed between three teams",
        "should": "Owned by the first person who answers",
        "gap": 2,
        "standards": ["Answer within 30 seconds"],
        "measures": ["First-contact resolution"],
        "no_value": ["Re-keying the complaint in two systems"],
        "root_causes": ["Nobody may approve a refund under 50"],
        "opportunities": [{"text": "Refund authority at the front line", "initiative": "STD"}],
    }
    assert care["measures"] == [
        {
            "key": "FCR",
            "name": "First-contact resolution",
            "unit": "%",
            "baseline": 62.5,
            "target": 80,
            "target_date": "2027-12-31",
            "initiatives": ["COACH"],
        }
    ]
    assert care["children"][0]["initiatives"][0]["supports"] == ["CARE/COACH", "ORG/LEAD"]


def test_a_cascade_survives_json_and_the_document_file_without_loss(tmp_path):
    data = _cascade_json()
    strategies = cascade_from_json(data, "x.json")
    assert [s.key for s in strategies] == ["ORG", "CARE", "CARE-T1"]
    assert [s.parent for s in strategies] == [None, "ORG", "CARE"]
    assert cascade_to_json(strategies) == data
    write_document(tmp_path / "plan.cxroadmap", strategies)
    assert cascade_to_json(read_document(tmp_path / "plan.cxroadmap")) == data


def test_load_json_gives_the_top_strategy_and_load_json_cascade_all(tmp_path):
    path = tmp_path / "cascade.json"
    dump_json_cascade(cascade_from_json(_cascade_json()), path)
    assert load_json(path).key == "ORG"
    assert [s.key for s in load_json_cascade(path)] == ["ORG", "CARE", "CARE-T1"]
    assert json.loads(path.read_text(encoding="utf-8")) == _cascade_json()


def test_a_strategy_without_the_new_parts_is_written_as_before():
    org = cascade_strategies()[0]
    org.key = ""
    data = strategy_to_json(org)
    assert list(data) == ["format", "strategy", "initiatives", "dependencies"]
    assert "key" not in data["strategy"]
    assert list(data["initiatives"][0])[-1] == "description"


def test_a_department_exported_alone_keeps_its_parent_and_links():
    strategies = cascade_from_json(_cascade_json())
    care = strategies[1]
    data = cascade_to_json(strategies, root=care)
    assert data["strategy"]["parent"] == "ORG"
    back = cascade_from_json(data)
    assert [(s.key, s.parent) for s in back] == [("CARE", "ORG"), ("CARE-T1", "CARE")]
    assert back == strategies[1:]


def test_a_strategy_with_touchpoints_survives_json():
    strategy = touchpoint_strategy()
    ConvertOpportunity("CALL", 0, Initiative("AUTH", "Refund authority", 5)).apply(strategy)
    assert strategy_from_json(strategy_to_json(strategy)) == strategy


def _edit(path: str, value: object) -> dict:
    data = _cascade_json()
    target = data
    parts = path.split("/")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = parts[-1]
    if value is DELETE:
        del target[last]
    elif last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        ("children/0/touchpoints/0/colour", "red", "children[0].touchpoints[CALL].colour"),
        ("children/0/touchpoints/0/gap", 7, "children[0].touchpoints[CALL].gap"),
        ("children/0/touchpoints/0/name", DELETE, "children[0].touchpoints[CALL].name"),
        (
            "children/0/touchpoints/0/opportunities/0/initiative",
            "NOPE",
            "children[0].touchpoints[CALL].opportunities[0].initiative",
        ),
        (
            "children/0/touchpoints/0/opportunities/0/owner",
            "x",
            "children[0].touchpoints[CALL].opportunities[0].owner",
        ),
        ("children/0/measures/0/baseline", "62", "children[0].measures[FCR].baseline"),
        ("children/0/measures/0/target_date", "soon", "children[0].measures[FCR].target_date"),
        ("children/0/measures/0/initiatives/0", "NOPE", "children[0].measures[FCR].initiatives[0]"),
        (
            "children/0/initiatives/0/touchpoints/0",
            "NOPE",
            "children[0].initiatives[STD].touchpoints[0]",
        ),
        (
            "children/0/initiatives/0/supports/0",
            "ORG",
            "children[0].initiatives[STD].supports[0]",
        ),
        (
            "children/0/children/0/initiatives/0/supports/0",
            "ORG/NOPE",
            "CARE-T1: initiatives[HUD].supports[0]",
        ),
        ("children/0/strategy/key", DELETE, "children[0].strategy.key"),
        ("children/0/strategy/parent", "ORG", "children[0].strategy.parent"),
        ("children/0/format", "cxroadmap/1", "children[0].format"),
        (
            "children/0/children/0/initiatives/0/title",
            " ",
            "children[0].children[0].initiatives[HUD].title",
        ),
        ("strategy/key", DELETE, "strategy.key"),
        ("children/0/strategy/key", "C/D", "children[0].strategy.key"),
    ],
)
def test_a_bad_cx_field_is_an_error_naming_it(path, value, where):
    with pytest.raises(ValidationError) as error:
        strategy_from_json(_edit(path, value), "plan.json")
    assert error.value.where == where


def test_a_cycle_in_a_child_names_the_child():
    data = _edit(
        "children/0/dependencies", [{"from": "STD", "to": "COACH"}, {"from": "COACH", "to": "STD"}]
    )
    with pytest.raises(ValidationError) as error:
        strategy_from_json(data)
    assert error.value.where == "children[0].dependencies"
    assert "STD -> COACH -> STD" in error.value.problem


def test_an_opportunity_may_be_given_as_plain_text():
    data = _edit("children/0/touchpoints/0/opportunities", ["Call back within the hour"])
    care = cascade_from_json(data)[1]
    assert care.touchpoints[0].opportunities[0].text == "Call back within the hour"
    assert care.touchpoints[0].opportunities[0].initiative_key is None


def test_a_strategy_key_used_twice_in_a_cascade_is_named():
    data = _edit("children/0/children/0/strategy/key", "ORG")
    data["children"][0]["children"][0]["initiatives"][0]["supports"] = ["CARE/COACH"]
    with pytest.raises(ValidationError) as error:
        strategy_from_json(data)
    assert (error.value.where, error.value.problem) == (
        "ORG: strategy.key",
        "duplicate strategy key",
    )
