"""The file formats the app imports and exports, each with its loader or writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxroadmap.domain.model import Strategy
from cxroadmap.ui.live_schedule import snapshot as copy_of

Progress = Callable[[int, int], None]
Options = dict[str, Any]  # the CLI's option names, e.g. {"page": "A3", "portrait": True}


@dataclass(frozen=True)
class ImportFormat:
    label: str
    suffixes: tuple[str, ...]
    # The strategies (the top one first) and the notes for the import summary.
    load: Callable[[Path], tuple[list[Strategy], list[str]]]


@dataclass(frozen=True)
class ExportFormat:
    label: str
    suffix: str
    write: Callable[[Strategy, Path, Progress, Options], None]


# The formats come from the one registry (cli/formats.py) that the CLI uses too; loaders
# and writers import their libraries late: reportlab and openpyxl are slow to load.


def _loader(suffix: str) -> Callable[[Path], tuple[list[Strategy], list[str]]]:
    def load(path: Path) -> tuple[list[Strategy], list[str]]:
        from cxroadmap.cli.formats import import_strategies

        return import_strategies(path)

    return load


def _writer(suffix: str) -> Callable[[Strategy, Path, Progress, Options], None]:
    def write(strategy: Strategy, path: Path, progress: Progress, options: Options) -> None:
        from cxroadmap.cli.formats import export_strategies

        # `strategies`: the document's strategies (fresh copies), so that the formats that
        # carry a cascade (JSON, the PDF's roll-up, calendars per strategy) write all of it.
        others = [s for s in options.get("strategies", []) if s.key != strategy.key or not s.key]
        everything = [strategy, *(s for s in others if s is not strategy)]
        export_strategies(everything, strategy, path, options, progress)

    return write


def _formats() -> tuple[tuple[ImportFormat, ...], tuple[ExportFormat, ...]]:
    from cxroadmap.cli.formats import FORMATS

    imports = tuple(
        ImportFormat(f.label, (f.suffix,), _loader(f.suffix)) for f in FORMATS if f.imports
    )
    # Images of a view are the views' own commands (views/install.py), beside these.
    exports = tuple(
        ExportFormat(f.label, f.suffix, _writer(f.suffix))
        for f in FORMATS
        if f.exports and not f.image
    )
    return imports, exports


IMPORT_FORMATS, EXPORT_FORMATS = _formats()


def file_filter(label: str, suffixes: tuple[str, ...]) -> str:
    return f"{label} ({' '.join('*' + s for s in suffixes)})"


def import_filter() -> str:
    every = tuple(s for f in IMPORT_FORMATS for s in f.suffixes)
    parts = [file_filter("Importable files", every)]
    parts += [file_filter(f.label, f.suffixes) for f in IMPORT_FORMATS]
    return ";;".join(parts)


def importer_for(path: Path) -> ImportFormat | None:
    suffix = Path(path).suffix.lower()
    return next((f for f in IMPORT_FORMATS if suffix in f.suffixes), None)


def exporter(suffix: str) -> ExportFormat:
    return next(f for f in EXPORT_FORMATS if f.suffix == suffix)


def export_job(
    fmt: ExportFormat, strategy: Strategy, path: Path, options: Options | None = None
) -> Callable[[Progress], Path]:
    """Work for a thread: it gets its own copy of the strategy, so editing can go on meanwhile."""
    snapshot = copy_of(strategy)

    def work(progress: Progress) -> Path:
        fmt.write(snapshot, path, progress, options or {})
        return path

    return work
