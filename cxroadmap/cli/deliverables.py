"""What the CLI hands the PDF, PowerPoint and image exports: a saved view and the brand kit."""

from __future__ import annotations

import argparse

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import ViewFilter, find_view
from cxroadmap.export.pdf import PdfOptions
from cxroadmap.export.pptx_deck import DeckOptions
from cxroadmap.scheduling.filtered import apply_view
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule


def chosen_view(strategy: Strategy, name: str | None) -> ViewFilter | None:
    """The saved view `--view-filter NAME` picks, or None (everything)."""
    return None if name is None else find_view(strategy.views, name)


def shown(strategy: Strategy, view: ViewFilter | None) -> tuple[Strategy, Schedule]:
    """The strategy scheduled whole, then narrowed to the view (dates as in the full plan)."""
    return apply_view(strategy, schedule(strategy), view)


def pdf_options(args: argparse.Namespace, strategy: Strategy) -> PdfOptions:
    """The command line's options, falling back to the document's brand kit."""
    brand = strategy.brand
    return PdfOptions(
        page=args.page,
        portrait=args.portrait,
        title=args.title,
        accent=args.accent or brand.accent or None,
        logo=args.logo or brand.logo or None,
        fit=args.fit,
        pillar_colours=dict(brand.pillar_colours),
    )


def deck_options(
    args: argparse.Namespace, strategy: Strategy, view: ViewFilter | None
) -> DeckOptions:
    brand = strategy.brand
    from cxroadmap.export.pdf import accent_colour

    return DeckOptions(
        aspect=args.aspect,
        title=args.title,
        accent=accent_colour(args.accent or brand.accent or None),
        font=brand.font or None,
        logo=brand.logo or None,
        client=brand.client,
        show_today=view.show_today if view is not None else True,
        pillar_colours=dict(brand.pillar_colours),
    )
