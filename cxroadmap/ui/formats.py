"""The file formats the app imports and exports, each with its loader or writer."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cxroadmap.domain.model import Strategy


@dataclass(frozen=True)
class ImportFormat:
    label: str
    suffixes: tuple[str, ...]
    load: Callable[[Path], Strategy]


@dataclass(frozen=True)
class ExportFormat:
    label: str
    suffix: str
    write: Callable[[Strategy, Path], None]


def _load_json(path: Path) -> Strategy:
    from cxroadmap.interop.jsonfile import load_json

    return load_json(path)


def _write_pdf(strategy: Strategy, path: Path) -> None:
    from cxroadmap.export.pdf import PdfOptions, export_pdf
    from cxroadmap.scheduling.planner import schedule

    export_pdf(strategy, schedule(strategy), path, PdfOptions())


IMPORT_FORMATS: tuple[ImportFormat, ...] = (ImportFormat("cxroadmap JSON", (".json",), _load_json),)
EXPORT_FORMATS: tuple[ExportFormat, ...] = (ExportFormat("PDF", ".pdf", _write_pdf),)


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


def export_job(fmt: ExportFormat, strategy: Strategy, path: Path) -> Callable[[], Path]:
    """Work for a thread: it gets its own copy of the strategy, so editing can go on meanwhile."""
    snapshot = copy.deepcopy(strategy)

    def work() -> Path:
        fmt.write(snapshot, path)
        return path

    return work
