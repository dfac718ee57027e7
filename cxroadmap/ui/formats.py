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
    load: Callable[[Path], list[Strategy]]  # the top strategy first


@dataclass(frozen=True)
class ExportFormat:
    label: str
    suffix: str
    write: Callable[[Strategy, Path, Progress, Options], None]


# Loaders and writers import their libraries late: reportlab and openpyxl are slow to load.


def _load_json(path: Path) -> list[Strategy]:
    from cxroadmap.interop.jsonfile import load_json_cascade

    # A cxroadmap/1 file may carry a whole cascade: keep every strategy, not just the top.
    return load_json_cascade(path)


def _load_csv(path: Path) -> list[Strategy]:
    from cxroadmap.interop.csvfile import read_csv

    return [read_csv(path)]


def _load_xlsx(path: Path) -> list[Strategy]:
    from cxroadmap.interop.xlsxfile import read_xlsx

    return [read_xlsx(path)]


def _load_mspdi(path: Path) -> list[Strategy]:
    from cxroadmap.interop.mspdi_read import read_mspdi

    return [read_mspdi(path)]


def _write_pdf(strategy: Strategy, path: Path, progress: Progress, options: Options) -> None:
    from cxroadmap.export.pdf import PdfOptions, export_pdf
    from cxroadmap.scheduling.filtered import apply_view
    from cxroadmap.scheduling.planner import schedule

    brand = strategy.brand  # the document's brand kit, unless the dialog chose otherwise
    settings = PdfOptions(
        page=options.get("page", "A4"),
        portrait=bool(options.get("portrait", False)),
        fit=bool(options.get("fit", False)),
        title=options.get("title") or None,
        logo=options.get("logo") or brand.logo or None,
        accent=brand.accent or None,
        pillar_colours=dict(brand.pillar_colours),
    )
    children = [(child, schedule(child)) for child in options.get("children", [])]
    shown, plan = apply_view(strategy, schedule(strategy), options.get("view"))
    export_pdf(shown, plan, path, settings, progress, children)


def _write_pptx(strategy: Strategy, path: Path, progress: Progress, options: Options) -> None:
    from cxroadmap.export.pptx_deck import DeckOptions, export_pptx
    from cxroadmap.scheduling.filtered import apply_view
    from cxroadmap.scheduling.planner import schedule

    brand, view = strategy.brand, options.get("view")
    settings = DeckOptions(
        aspect=options.get("aspect", "16:9"),
        accent=brand.accent or None,
        font=brand.font or None,
        logo=brand.logo or None,
        client=brand.client,
        show_today=view.show_today if view is not None else True,
        pillar_colours=dict(brand.pillar_colours),
    )
    shown, plan = apply_view(strategy, schedule(strategy), view)
    export_pptx(shown, plan, path, settings)


def _write_json(
    strategy: Strategy, path: Path, progress: Progress, options: dict[str, Any]
) -> None:
    from cxroadmap.interop.jsonfile import dump_json

    dump_json(strategy, path)


def _write_csv(strategy: Strategy, path: Path, progress: Progress, options: Options) -> None:
    from cxroadmap.interop.csvfile import write_csv
    from cxroadmap.scheduling.planner import schedule

    write_csv(strategy, schedule(strategy), path)


def _write_xlsx(
    strategy: Strategy, path: Path, progress: Progress, options: dict[str, Any]
) -> None:
    from cxroadmap.interop.xlsxfile import write_xlsx
    from cxroadmap.scheduling.planner import schedule

    write_xlsx(strategy, schedule(strategy), path)


IMPORT_FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat("cxroadmap JSON", (".json",), _load_json),
    ImportFormat("CSV", (".csv",), _load_csv),
    ImportFormat("Excel workbook", (".xlsx",), _load_xlsx),
    ImportFormat("MS Project XML", (".xml",), _load_mspdi),
)
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("PDF", ".pdf", _write_pdf),
    ExportFormat("PowerPoint", ".pptx", _write_pptx),
    ExportFormat("cxroadmap JSON", ".json", _write_json),
    ExportFormat("CSV", ".csv", _write_csv),
    ExportFormat("Excel workbook", ".xlsx", _write_xlsx),
)


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
