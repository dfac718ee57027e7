"""What a PDF export does before it draws: no CJK font search without CJK text, lean imports.

A 1,000-initiative export must finish in under a second as a whole command, so what it does
once per run counts: asking fontconfig for a CJK font (three child processes) when no text
needs one, or importing urllib, http and email through `xml.sax.saxutils`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_samples import page_texts, small_strategy

from cxroadmap.export import cjk_font
from cxroadmap.export.fonts import font_set, markup
from cxroadmap.export.pdf import render_pdf
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import write_document


def test_the_cjk_font_is_looked_for_once_and_only_when_a_text_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[str] = []
    real = cjk_font._load

    def spy(choice: str) -> object:
        looked.append(choice)
        return real(choice)

    monkeypatch.setattr(cjk_font, "_load", spy)
    monkeypatch.delenv(cjk_font.CJK_ENV, raising=False)
    cjk_font.cjk_font.cache_clear()
    strategy = small_strategy()
    strategy.initiatives["C"].title = "Ελληνικά και Кириллица: обучение"  # DejaVu draws these
    text = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert "Ελληνικά και Кириллица: обучение" in text and "Define the service vision" in text
    assert looked == []
    strategy.initiatives["D"].title = "顧客体験の研修 training"
    text = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert looked == [""]
    found = font_set().cjk
    # With a CJK font installed the characters print as themselves; without one, as U+FFFD.
    assert ("顧客体験の研修 training" if found else "\ufffd" * 7 + " training") in text
    render_pdf(strategy, schedule(strategy))
    assert looked == [""]  # found once per choice of font, not once per export
    cjk_font.cjk_font.cache_clear()


def test_markup_escapes_what_paragraph_markup_would_read_as_tags() -> None:
    assert markup('R&D <b>bold</b> a<b and c>d "q"') == (
        'R&amp;D &lt;b&gt;bold&lt;/b&gt; a&lt;b and c&gt;d "q"'
    )


def test_a_pdf_export_imports_no_url_http_or_mail_library(tmp_path: Path) -> None:
    path = tmp_path / "small.cxroadmap"
    write_document(path, [small_strategy()])
    probe = (
        "import json, sys\n"
        "from cxroadmap.app import main\n"
        "assert main(['export', sys.argv[1], '-o', sys.argv[2]]) == 0\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, CXROADMAP_CJK_FONT="")
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path), str(tmp_path / "out.pdf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert "reportlab.platypus" in modules  # the probe did export
    assert {"xml.sax.saxutils", "urllib.request", "http.client", "email.parser"} & modules == set()
