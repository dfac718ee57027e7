"""Reading the brand kit and saved views of a strategy with sqlite3 alone (loading.py's way)."""

from __future__ import annotations

import json
import sqlite3

from cxroadmap.domain.brand import BrandKit
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import view_from_dict


def load_brand_and_views(conn: sqlite3.Connection, strategy_id: int, strategy: Strategy) -> None:
    """Fill `strategy.brand` and `strategy.views` from the brand and saved_view tables."""
    row = conn.execute(
        "SELECT client, logo, accent, pillar_colours, font FROM brand WHERE strategy_id = ?",
        (strategy_id,),
    ).fetchone()
    if row is not None:
        client, logo, accent, colours, font = row
        strategy.brand = BrandKit(client, bytes(logo), accent, dict(json.loads(colours)), font)
    specs = conn.execute(
        "SELECT spec FROM saved_view WHERE strategy_id = ? ORDER BY position, id", (strategy_id,)
    ).fetchall()
    strategy.views = [
        view_from_dict(json.loads(spec), f"views[{i}]") for i, (spec,) in enumerate(specs)
    ]
