"""What the CLI hands the PDF, PowerPoint and image exports: a saved view and the brand kit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import ViewFilter, find_view
from cxroadmap.scheduling.filtered import apply_view
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule

if TYPE_CHECKING:  # each export is imported by the command that writes it (PDF or deck)
    from cxroadmap.export.pdf import PdfOptions
    from cxroadmap.export.pptx_deck import DeckOptions


def chosen_view(strategy: Strategy, name: str | None) -> ViewFilter | None:
    """The saved view `--view-filter NAME` picks, or None (everything)."""
    return None if name is None else find_view(strategy.views, name)


def shown(strategy: Strategy, view: ViewFilter | None) -> tuple[Strategy, Schedule]:
    """The strategy scheduled whole, then narrowed to the view (dates as in the full plan)."""
    return apply_view(strategy, schedule(strategy), view)


def pdf_options(
    opts: dict[str, Any], strategy: Strategy, view: ViewFilter | None = None
) -> PdfOptions:
    """The export's options (as the CLI spells them), falling back to the brand kit; the
    saved view decides whether today's line is drawn."""
    from cxroadmap.export.pdf import PdfOptions

    brand = strategy.brand
    return PdfOptions(
        page=opts.get("page") or "A4",
        portrait=bool(opts.get("portrait", False)),
        title=opts.get("title") or None,
        accent=opts.get("accent") or brand.accent or None,
        logo=opts.get("logo") or brand.logo or None,
        fit=bool(opts.get("fit", False)),
        pillar_colours=dict(brand.pillar_colours),
        show_today=view.show_today if view is not None else True,
        font=brand.font or None,
    )


def deck_options(opts: dict[str, Any], strategy: Strategy, view: ViewFilter | None) -> DeckOptions:
    from cxroadmap.export.pdf import accent_colour
    from cxroadmap.export.pptx_deck import DeckOptions

    brand = strategy.brand

    return DeckOptions(
        aspect=opts.get("aspect") or "16:9",
        title=opts.get("title") or None,
        accent=accent_colour(opts.get("accent") or brand.accent or None),
        font=brand.font or None,
        logo=brand.logo or None,
        client=brand.client,
        show_today=view.show_today if view is not None else True,
        pillar_colours=dict(brand.pillar_colours),
    )
