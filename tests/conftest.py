"""Shared pytest setup: Qt offscreen before anything imports it."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The desktop app's fixtures (windows, recorded message boxes) live in their own module.
pytest_plugins = ["ui_fixtures"]


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Backups and the demo copy go to a folder of the test's own, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder / "cxroadmap"
