"""A wheel is a real install (issue 9): built, installed in a fresh venv, it exports PDF and PNG.

The wheel is built from a copy of the project (so the checkout gets no build/ folder) and
installed with `pip install --no-deps` into a new venv that sees the shared dependencies
through a .pth file (the test venv's site-packages); the installed copy then runs from a
folder outside the checkout, so resources can only come from inside the wheel.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str | os.PathLike[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_a_wheel_installed_in_a_fresh_venv_exports_a_pdf_and_a_png(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("cxroadmap", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", dist, source, cwd=tmp_path)  # fmt: skip
    wheel = next(dist.glob("cxroadmap-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    target = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                       cwd=tmp_path).strip())  # fmt: skip
    # The shared dependencies (PySide6, reportlab, ...), after the venv's own packages.
    (target / "shared-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel,
         cwd=tmp_path)  # fmt: skip

    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    found = _run(python, "-c", "import cxroadmap.common.resources as r; print(r.resources_dir())",
                 cwd=work, env=env)  # fmt: skip
    assert Path(found.strip()) == target / "cxroadmap" / "resources"
    cli = env_dir / "bin" / "cxroadmap"
    _run(cli, "demo", "-o", "demo.cxroadmap", cwd=work, env=env)
    _run(cli, "export", "demo.cxroadmap", "-o", "demo.pdf", cwd=work, env=env)
    _run(cli, "export", "demo.cxroadmap", "-o", "demo.png", cwd=work, env=env)
    assert (work / "demo.pdf").read_bytes().startswith(b"%PDF")
    assert b"DejaVuSans" in (work / "demo.pdf").read_bytes()
    assert (work / "demo.png").read_bytes().startswith(b"\x89PNG")
