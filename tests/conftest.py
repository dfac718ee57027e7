"""Shared pytest setup: Qt offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The desktop app's fixtures (windows, recorded message boxes) live in their own module.
pytest_plugins = ["ui_fixtures"]
