"""RowEnds picks the same row a scan of every row picks, whatever the marks."""

from __future__ import annotations

import random

from cxroadmap.export.firstfit import RowEnds


def test_the_same_rows_as_scanning_them_all() -> None:
    chooser = random.Random(11)
    for _ in range(30):
        tree, scanned = RowEnds(), []
        for _ in range(chooser.randint(0, 400)):
            start = chooser.uniform(0, 1000)
            end = start + chooser.choice([0.0, 1.0, chooser.uniform(0, 300)])
            gap = chooser.choice([0.0, 5.0])
            expected = next((r for r, e in enumerate(scanned) if e + gap <= start), -1)
            row = tree.first_free(start, gap)
            assert row == expected
            if row < 0:
                row = tree.add()
                scanned.append(0.0)
            scanned[row] = max(scanned[row], end)
            tree.set(row, max(tree.end(row), end))
        assert tree.count == len(scanned)
        assert [tree.end(r) for r in range(tree.count)] == scanned
