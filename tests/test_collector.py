"""The collector's pauses: counted, so it comes back once, when the last pause ends."""

from __future__ import annotations

import gc

from cxroadmap.common.collector import collector_paused, pause


def test_a_pause_that_ends_elsewhere_ends_once_however_often_it_is_ended() -> None:
    assert gc.isenabled()
    resume = pause()
    assert not gc.isenabled()
    with collector_paused():
        resume()
        resume()  # a second call must not end the pause still held by the block
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_started_while_the_collector_is_off_leaves_it_off() -> None:
    gc.disable()
    try:
        resume = pause()
        resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
