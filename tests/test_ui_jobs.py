"""The one QRunnable of the app: a job's result or error arrives on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool

from cxroadmap.domain.errors import CxRoadmapError, ValidationError
from cxroadmap.ui.jobs import Job, JobSignals


def outcome(qtbot, work, expected=(CxRoadmapError,)):  # type: ignore[no-untyped-def]
    """(signal name, value, thread it arrived on, thread the work ran on) of one job."""
    signals = JobSignals()
    got: list[tuple[str, object, threading.Thread]] = []
    ran_on: list[threading.Thread] = []
    signals.finished.connect(lambda v: got.append(("finished", v, threading.current_thread())))
    signals.failed.connect(lambda v: got.append(("failed", v, threading.current_thread())))

    def job():  # type: ignore[no-untyped-def]
        ran_on.append(threading.current_thread())
        return work()

    pool = QThreadPool()
    pool.start(Job(job, signals, expected))
    qtbot.waitUntil(lambda: bool(got))
    pool.waitForDone()
    (name, value, arrived_on) = got[0]
    assert len(got) == 1
    return name, value, arrived_on, ran_on[0]


def test_the_result_of_the_work_arrives_on_the_ui_thread_after_running_on_another(qtbot):
    name, value, arrived_on, ran_on = outcome(qtbot, lambda: {"planned": 3})
    assert (name, value) == ("finished", {"planned": 3})
    assert arrived_on is threading.main_thread() and ran_on is not threading.main_thread()


def test_an_expected_error_arrives_as_it_was_raised(qtbot):
    error = ValidationError("initiatives[A].duration", "must be a whole number of days")

    def work():  # type: ignore[no-untyped-def]
        raise error

    name, value, *_ = outcome(qtbot, work)
    assert name == "failed" and value is error


def test_an_error_of_a_kind_named_expected_is_passed_on_too(qtbot):
    def work():  # type: ignore[no-untyped-def]
        raise PermissionError("x.pdf: permission denied")

    name, value, *_ = outcome(qtbot, work, (CxRoadmapError, OSError))
    assert name == "failed" and isinstance(value, PermissionError)


def test_a_bug_in_the_work_is_said_to_be_one_rather_than_lost_on_the_thread(qtbot):
    def work():  # type: ignore[no-untyped-def]
        raise KeyError("K99")

    name, value, *_ = outcome(qtbot, work)
    assert name == "failed" and type(value) is CxRoadmapError
    assert str(value) == "unexpected failure (KeyError: 'K99')"


def background(qtbot, work):  # type: ignore[no-untyped-def]
    """What `run_in_background` hands its callbacks for `work`: ("done"|"error", value)."""
    from PySide6.QtWidgets import QWidget

    from cxroadmap.ui.workers import run_in_background

    parent = QWidget()
    qtbot.addWidget(parent)
    got: list[tuple[str, object]] = []
    task = run_in_background(
        parent,
        "Working",
        work,
        lambda r: got.append(("done", r)),
        lambda e: got.append(("error", e)),
    )
    task.wait()
    assert len(got) == 1 and not task.running and not task.progress.isVisible()
    return got[0]


def test_background_work_reports_progress_and_hands_its_result_to_the_ui(qtbot):
    def work(progress):  # type: ignore[no-untyped-def]
        progress(1, 2)  # called on the worker, shown by the dialog on the UI thread
        return "written"

    assert background(qtbot, work) == ("done", "written")


def test_background_work_that_cannot_write_or_has_a_bug_says_so_in_words(qtbot):
    def denied(progress):  # type: ignore[no-untyped-def]
        raise PermissionError("x.pdf: permission denied")

    def bug(progress):  # type: ignore[no-untyped-def]
        raise KeyError("K99")

    def bad_input(progress):  # type: ignore[no-untyped-def]
        raise ValidationError("initiatives[A].duration", "must be a whole number of days")

    assert background(qtbot, denied) == ("error", "x.pdf: permission denied")
    assert background(qtbot, bug) == ("error", "unexpected failure (KeyError: 'K99')")
    assert background(qtbot, bad_input) == (
        "error",
        "initiatives[A].duration: must be a whole number of days",
    )
