""" "What changed since …": slips with their binding reason, added, removed, moved phase and the
one-line summary, on the PDF page and the PowerPoint slide."""

import datetime as dt
import shutil
import subprocess

from pdf_samples import page_texts
from pptx import Presentation
from test_pptx_export import texts_of

from cxroadmap.domain.baseline_edits import ChooseBaseline, TakeBaseline
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative, RemoveInitiative
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.export.pdf import render_pdf
from cxroadmap.export.pptx_deck import export_pptx
from cxroadmap.scheduling.baselines import take
from cxroadmap.scheduling.changes import what_changed
from cxroadmap.scheduling.planner import schedule

D = dt.date
SUMMARY = (
    "Since 'Board approval': finish 2027-01-19, 2 working days later; 3 slipped "
    "(most: D, +4 working days), 1 added, 1 removed, 1 moved phase."
)


def changed_plan() -> Strategy:
    """Baseline taken, then A grows, C goes, E comes and D must wait for Monday 11 January.

    Working days (Wed 6 and Fri 15 are holidays): Mon 4, Tue 5, Thu 7, Fri 8, Mon 11,
    Tue 12, Wed 13, Thu 14, Mon 18, Tue 19. Phase "Now" is the first calendar week.
    """
    s = Strategy("Care", D(2027, 1, 4), holidays=[D(2027, 1, 6), D(2027, 1, 15)])
    s.phases = [Phase("Now", 1), Phase("Next", None)]
    for key, days in (("A", 5), ("B", 3), ("C", 2), ("D", 3)):
        s.initiatives[key] = Initiative(key, f"Task {key}", days)
    s.dependencies.append(Dependency("A", "B"))
    TakeBaseline(take(schedule(s), "Board approval", D(2027, 1, 4))).apply(s)
    ChangeInitiative("A", {"duration": 7}).apply(s)
    RemoveInitiative("C").apply(s)
    AddInitiative(Initiative("E", "Task E", 1)).apply(s)
    ChangeInitiative("D", {"not_before": D(2027, 1, 11)}).apply(s)
    return s


def test_what_changed_names_each_slip_with_its_binding_reason():
    s = changed_plan()
    changes = what_changed(s, schedule(s))
    assert changes is not None
    assert changes.summary == SUMMARY
    assert changes.finish_line == (
        "Project finish: 2027-01-14 in the baseline, 2027-01-19 now (+2 working days)."
    )
    assert [(x.key, x.was, x.now, x.days, x.reason) for x in changes.slips] == [
        ("D", D(2027, 1, 7), D(2027, 1, 13), 4, "starts later: not before 2027-01-11"),
        ("A", D(2027, 1, 11), D(2027, 1, 13), 2, "takes 2 working days longer"),
        (
            "B",
            D(2027, 1, 14),
            D(2027, 1, 19),
            2,
            "waits for A, which finishes 2 working days later",
        ),
    ]
    assert changes.added == [("E", "Task E", "2027-01-04", "2027-01-04")]
    assert changes.removed == [("C", "2027-01-04", "2027-01-05")]
    assert changes.moved == [("D", "Task D", "Now", "Next")]


def test_without_a_chosen_baseline_there_is_no_page_or_slide(tmp_path):
    s = changed_plan()
    ChooseBaseline(None).apply(s)
    assert what_changed(s, schedule(s)) is None
    texts = page_texts(render_pdf(s, schedule(s)))
    assert not any("What changed since" in t for t in texts)
    export_pptx(s, schedule(s), tmp_path / "deck.pptx")
    titles = [x.shapes.title.text for x in Presentation(str(tmp_path / "deck.pptx")).slides]
    assert not any(t.startswith("What changed") for t in titles)


def test_the_pdf_page_lists_slipped_added_removed_and_moved(tmp_path):
    s = changed_plan()
    data = render_pdf(s, schedule(s))
    (page,) = [t for t in page_texts(data) if "What changed since Board approval (2027-01-04)" in t]
    assert SUMMARY.replace("'", "’") in page.replace("'", "’")
    assert "Project finish: 2027-01-14 in the baseline, 2027-01-19 now (+2 working days)." in page
    for text in (
        "Slipped (3)",
        "Added (1)",
        "Removed (1)",
        "Moved phase (1)",
        "+4d",
        "starts later: not before 2027-01-11",
        "waits for A",
        "Task E",
        "Was in",
    ):
        assert text in page, text
    (tmp_path / "changes.pdf").write_bytes(data)


def test_the_slide_lists_the_same_and_libreoffice_converts_it(tmp_path):
    s = changed_plan()
    out = tmp_path / "deck.pptx"
    export_pptx(s, schedule(s), out)
    deck = Presentation(str(out))
    titles = [x.shapes.title.text for x in deck.slides]
    assert titles[1] == "What changed since Board approval (2027-01-04)"
    text = " ".join(texts_of(deck.slides[1]))
    assert SUMMARY in text
    for part in (
        "Slipped +4d",
        "Added",
        "Removed",
        "Moved phase",
        "starts later: not before 2027-01-11",
        "Project finish: 2027-01-14",
    ):
        assert part in text, part
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (Debian libreoffice-impress) is installed by .ci/setup"
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    page = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(tmp_path / "deck.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "What changed since" in page and "not before 2027-01-11" in page
