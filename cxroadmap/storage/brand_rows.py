"""The brand kit and the saved views of each strategy in the file (schema 4)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, delete, insert
from sqlmodel import Column, Field, SQLModel

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import view_to_dict


class BrandRow(SQLModel, table=True):
    """A strategy's brand kit; no row while it is empty. Pillar colours are a JSON object."""

    __tablename__ = "brand"

    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", primary_key=True)
    client: str
    logo: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    accent: str
    pillar_colours: str
    font: str


class SavedViewRow(SQLModel, table=True):
    """A saved view (filter and what to show) as its cxroadmap/1 JSON object, in order."""

    __tablename__ = "saved_view"

    id: int | None = Field(default=None, primary_key=True)
    strategy_id: int = Field(foreign_key="strategy.id", ondelete="CASCADE", index=True)
    position: int
    name: str
    spec: str


BRAND: Table = SQLModel.metadata.tables["brand"]
SAVED_VIEW: Table = SQLModel.metadata.tables["saved_view"]


def write_brand_and_views(conn: Connection, strategy_id: int, strategy: Strategy) -> None:
    """Replace the stored kit and views with the strategy's (a few rows: rewritten whole)."""
    conn.execute(delete(BRAND).where(BRAND.c.strategy_id == strategy_id))
    conn.execute(delete(SAVED_VIEW).where(SAVED_VIEW.c.strategy_id == strategy_id))
    brand = strategy.brand
    if not brand.is_empty:
        conn.execute(
            insert(BRAND).values(
                strategy_id=strategy_id,
                client=brand.client,
                logo=brand.logo,
                accent=brand.accent,
                pillar_colours=json.dumps(brand.pillar_colours, ensure_ascii=False),
                font=brand.font,
            )
        )
    rows: list[dict[str, Any]] = [
        {
            "strategy_id": strategy_id,
            "position": i,
            "name": view.name,
            "spec": json.dumps(view_to_dict(view), ensure_ascii=False),
        }
        for i, view in enumerate(strategy.views)
    ]
    if rows:
        conn.execute(insert(SAVED_VIEW), rows)
