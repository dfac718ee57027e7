"""Asks fontconfig's command-line tools (fc-match, fc-list) for font files."""

from __future__ import annotations


def ask(tool: str, *args: str) -> str | None:
    """What `tool args` prints, or None when the tool is not installed or fails to run."""
    import shutil
    import subprocess  # only when fontconfig is asked: most exports never are

    if not shutil.which(tool):
        return None
    try:
        return subprocess.run(
            [tool, *args], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
