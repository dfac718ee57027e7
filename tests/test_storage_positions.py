"""Sparse positions: inserts land between their neighbours; a full gap asks for renumbering."""

from cxroadmap.storage.positions import SPACING, anchors, plan_positions


def test_rows_still_in_order_keep_their_positions():
    stored = {0: 0, 1: 1024, 2: 2048}
    assert plan_positions(3, [1], stored) == {1: 1024}


def test_a_new_row_goes_halfway_between_its_neighbours():
    assert plan_positions(3, [1], {0: 0, 2: 1024}) == {1: 512}


def test_a_run_of_new_rows_is_spread_over_the_gap():
    assert plan_positions(5, [1, 2, 3], {0: 0, 4: 1000}) == {1: 250, 2: 500, 3: 750}


def test_new_rows_at_either_end_step_away_from_their_neighbour():
    assert plan_positions(3, [2], {1: 50}) == {2: 50 + SPACING}
    assert plan_positions(3, [0], {1: 50}) == {0: 50 - SPACING}
    assert plan_positions(2, [0, 1], {}) == {0: 0, 1: SPACING}


def test_a_row_out_of_order_is_moved_between_its_neighbours():
    assert plan_positions(3, [1], {0: 0, 1: 5000, 2: 1024}) == {1: 512}


def test_a_full_gap_asks_for_renumbering():
    assert plan_positions(3, [1], {0: 7, 2: 8}) is None


def test_a_missing_neighbour_asks_for_renumbering():
    assert plan_positions(3, [1], {0: 0}) is None


def test_anchors_are_the_neighbours_of_each_run():
    assert anchors(10, [0, 1, 5, 9]) == [2, 4, 6, 8]
