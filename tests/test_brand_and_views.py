"""The brand kit and saved views: edits, the document (schema 3), and cxroadmap/1 JSON."""

from __future__ import annotations

import base64
import json
import sqlite3
from contextlib import closing

import pytest
from storage_samples import rich_strategy

from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.brand_edits import SetBrand, SetViews, save_view
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.view_filter import ViewFilter, find_view
from cxroadmap.interop.jsonfile import parse_json_text, strategy_to_json
from cxroadmap.storage.document import Document, read_document, write_document

# A 1x1 PNG: enough for the round trip to carry real image bytes.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
KIT = BrandKit(
    client="Acme Telecom",
    logo=PNG,
    accent="#0B6E4F",
    pillar_colours={"training": "#ff8800", "Leadership": "#123"},
    font="Georgia",
)
VIEWS = [
    ViewFilter("Learning team", owners=["Ana"], show_slack=False),
    ViewFilter("Training and recruitment", pillars=["training", "recruitment"], text="frontline"),
]


def branded():
    strategy = rich_strategy()
    SetBrand(KIT).apply(strategy)
    SetViews(VIEWS).apply(strategy)
    return strategy


def test_the_kit_is_normalised_and_the_edits_revert_exactly():
    strategy = rich_strategy()
    edit = SetBrand(KIT)
    change = edit.apply(strategy)
    assert change.strategy
    assert strategy.brand.accent == "#0b6e4f"
    assert strategy.brand.pillar_colours == {"training": "#ff8800", "Leadership": "#112233"}
    edit.revert(strategy)
    assert strategy == rich_strategy()
    with pytest.raises(ValidationError, match=r"brand\.accent"):
        SetBrand(BrandKit(accent="blue-ish")).apply(strategy)
    with pytest.raises(ValidationError, match=r"brand\.logo"):
        SetBrand(BrandKit(logo=b"not an image")).apply(strategy)
    assert strategy == rich_strategy()  # nothing changed on an error
    with pytest.raises(ValidationError, match=r"views\[1\]\.name"):
        SetViews([ViewFilter("A"), ViewFilter("a")]).apply(strategy)


def test_brand_kit_and_views_round_trip_through_the_document(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    strategy = branded()
    write_document(path, [strategy])
    (loaded,) = read_document(path)
    assert loaded.brand == strategy.brand and loaded.views == strategy.views
    assert loaded == strategy
    # An edit saved through the open document (the change writer) lands in the file too.
    with Document.open(path) as doc:
        (strategy_id,) = doc.strategy_ids()
        current = doc.load(strategy_id)
        edit = SetViews(save_view(current.views, ViewFilter("Critical", critical_only=True)))
        doc.write_change(strategy_id, current, edit.apply(current))
        doc.write_change(strategy_id, current, SetBrand(BrandKit()).apply(current))
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM brand").fetchone()[0] == 0  # empty: no row
        names = [r[0] for r in conn.execute("SELECT name FROM saved_view ORDER BY position")]
    assert names == ["Learning team", "Training and recruitment", "Critical"]
    (reread,) = read_document(path)
    assert reread.brand == BrandKit() and reread.views[2] == ViewFilter(
        "Critical", critical_only=True
    )


def test_brand_kit_and_views_round_trip_through_json_and_are_optional():
    strategy = branded()
    data = strategy_to_json(strategy)
    assert data["brand"] == {
        "client": "Acme Telecom",
        "logo": base64.b64encode(PNG).decode(),
        "accent": "#0b6e4f",
        "pillar_colours": {"training": "#ff8800", "Leadership": "#112233"},
        "font": "Georgia",
    }
    assert data["views"] == [
        {"name": "Learning team", "owners": ["Ana"], "show_slack": False},
        {"name": "Training and recruitment", "pillars": ["training", "recruitment"],
         "text": "frontline"},
    ]  # fmt: skip
    again = parse_json_text(json.dumps(data))
    assert again.brand == strategy.brand and again.views == strategy.views
    plain = strategy_to_json(rich_strategy())
    assert "brand" not in plain and "views" not in plain


@pytest.mark.parametrize(
    ("patch", "where"),
    [
        ({"brand": {"accent": "nope"}}, "brand.accent"),
        ({"brand": {"colour": "#fff"}}, "brand.colour"),
        ({"brand": {"logo": "!!!"}}, "brand.logo"),
        ({"views": [{"name": "X", "statuses": ["late"]}]}, r"views\[0\]\.statuses"),
        ({"views": [{"name": "X", "critical_only": "yes"}]}, r"views\[0\]\.critical_only"),
        ({"views": [{"pillars": []}]}, r"views\[0\]\.name"),
    ],
)
def test_bad_brand_or_view_json_is_refused_naming_the_field(patch, where):
    data = strategy_to_json(rich_strategy()) | patch
    with pytest.raises(ValidationError, match=where):
        parse_json_text(json.dumps(data))


def test_a_saved_view_is_found_by_name_in_any_case_or_named_in_the_error():
    assert find_view(VIEWS, "learning TEAM") is VIEWS[0]
    with pytest.raises(ValidationError, match=r"--view-filter.*Learning team"):
        find_view(VIEWS, "Marketing")
