"""Shared pytest setup: Qt offscreen before anything imports it."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The desktop app's fixtures (windows, recorded message boxes) live in their own module.
pytest_plugins = ["ui_fixtures", "qt_teardown"]


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the whole run (tests/pg_cluster.py)."""
    from pg_cluster import running_cluster

    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def ws(pg_cluster, tmp_path):
    """A workspace of its own holding the demo cascade (tests/workspace_helpers.py)."""
    from workspace_helpers import new_workspace

    return new_workspace(pg_cluster, tmp_path)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Backups, the demo copy and the checksum cache go to folders of the test's own, never
    the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    return folder / "cxroadmap"
