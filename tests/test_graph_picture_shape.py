"""The dependency graph's image (slides, print) wraps a long chain into bands shaped like a
slide, instead of a strip too thin to read once fitted to a slide or a page."""

from __future__ import annotations

from pdf_samples import large_strategy

from cxroadmap.content.demo import demo_strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.ui.image_export import ensure_app, graph_picture
from cxroadmap.ui.views.graph_layout import best_bands


def test_the_demos_graph_picture_is_shaped_like_a_slide():
    ensure_app()
    strategy = demo_strategy()
    picture = graph_picture(strategy, schedule(strategy))
    assert 1.2 <= picture.width / picture.height <= 2.6, (picture.width, picture.height)


def test_a_long_chain_wraps_into_bands_and_a_short_one_does_not():
    ensure_app()
    chain = large_strategy(120)
    picture = graph_picture(chain, schedule(chain))
    assert picture.width / picture.height <= 2.6, (picture.width, picture.height)
    columns = [["A"], ["B"], ["C"]]  # three generations: one band fits a slide best
    assert best_bands(columns, (300.0, 70.0), (1600.0, 900.0), 24.0)[0] == 3
    long = [[str(n)] for n in range(30)]  # thirty in a row: wrapped
    per_band, zoom = best_bands(long, (300.0, 70.0), (1600.0, 900.0), 24.0)
    assert 1 < per_band < 30 and zoom > 1600 / (30 * 300 + 48)
