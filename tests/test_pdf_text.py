"""put_string writes exactly what reportlab's drawString writes, repeated strings included."""

from __future__ import annotations

import io
import random

from reportlab.pdfgen.canvas import Canvas

from cxroadmap.export.fonts import font_set
from cxroadmap.export.pdftext import put_centred_string, put_right_string, put_string


def test_the_same_operators_as_reportlab_for_every_kind_of_text() -> None:
    fs = font_set()
    chooser = random.Random(7)
    # Enough distinct characters for several font subsets; nbsp, brackets, backslashes,
    # a character no font has, and strings drawn again later in another size.
    alphabet = [chr(c) for c in range(32, 0x800) if chr(c).isprintable()]
    alphabet += ["\xa0", "(", ")", "\\", "\u4e00"]
    texts = ["", "12 Mar 2027", "a (b) \\ c", "x\xa0y"]
    texts += ["".join(chooser.choices(alphabet, k=chooser.randint(0, 30))) for _ in range(1200)]
    texts += texts[:300]
    theirs, ours = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    for i, text in enumerate(texts):
        font = (fs.regular, fs.bold, "Helvetica")[i % 3]  # Helvetica: reportlab's own way
        size = (8, 7.5, 10, 8)[i % 4]
        for canvas in (theirs, ours):
            canvas.setFont(font, size, size * 1.25)
        x, y = chooser.uniform(0, 500), chooser.uniform(0, 700)
        (theirs.drawString, theirs.drawRightString, theirs.drawCentredString)[i % 3](x, y, text)
        (put_string, put_right_string, put_centred_string)[i % 3](ours, x, y, text)
    assert ours._code == theirs._code
    assert len(ours._code) > 1500
