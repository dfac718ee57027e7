"""The one registry of file formats: what the CLI and the app import and export, with options.

Both the `cxroadmap export`/`import` commands and the app's File menu read FORMATS, so a
format (and its options) is in both or in neither. Export writes the chosen strategy and,
where the format carries more than one, the strategies below it in the cascade.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy

Progress = Callable[[int, int], None]
# Renders a view image (PNG/SVG): lives in the ui layer, so the caller hands it in.
ImageWriter = Callable[[Strategy, Path, dict[str, Any]], None]

CALENDARS = ("strategy", "per-phase", "per-strategy")


@dataclass(frozen=True)
class Format:
    """One file format: its suffix, what people call it, and which doors it has."""

    suffix: str
    label: str
    imports: bool
    exports: bool
    # What an export of one chosen strategy writes besides it: "tree" (the strategies
    # below it, in the file), "rollup" (their roll-up pages), "calendars" (optionally one
    # file each), or "" (that strategy only).
    cascade: str = ""
    options: tuple[str, ...] = ()  # export option names, as the CLI spells them
    image: bool = False


FORMATS: tuple[Format, ...] = (
    Format(
        ".pdf",
        "PDF",
        False,
        True,
        "rollup",
        ("page", "portrait", "title", "accent", "logo", "fit", "view_filter"),
    ),
    Format(".pptx", "PowerPoint", False, True, "", ("aspect", "title", "view_filter")),
    Format(".json", "cxroadmap JSON", True, True, "tree"),
    Format(".csv", "CSV", True, True),
    Format(".xlsx", "Excel workbook", True, True),
    Format(".xml", "MS Project XML", True, True),
    Format(".ics", "iCalendar", False, True, "calendars", ("calendars",)),
    Format(".png", "PNG image", False, True, options=("view", "scale", "view_filter"), image=True),
    Format(".svg", "SVG image", False, True, options=("view", "view_filter"), image=True),
)
IMPORT_SUFFIXES = tuple(f.suffix for f in FORMATS if f.imports)
EXPORT_SUFFIXES = tuple(f.suffix for f in FORMATS if f.exports)


def format_of(path: str | os.PathLike[str], exporting: bool) -> Format:
    """The format of a file by its suffix; an error naming the file and the choices."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS:
        if fmt.suffix == suffix and (fmt.exports if exporting else fmt.imports):
            return fmt
    known = EXPORT_SUFFIXES if exporting else IMPORT_SUFFIXES
    verb = "export" if exporting else "import"
    what = f"{suffix} file" if suffix else "file without a suffix"
    raise ValidationError(os.fspath(path), f"cannot {verb} a {what}; use {', '.join(known)}")


def import_strategies(
    path: str | os.PathLike[str],
    start: dt.date | None = None,
    mapping: Sequence[str | None] | None = None,
) -> tuple[list[Strategy], list[str]]:
    """Every strategy a file holds (a JSON cascade keeps all), and notes for the summary."""
    source = Path(path)
    fmt = format_of(source, exporting=False)
    if fmt.suffix == ".json":
        from cxroadmap.interop.jsonfile import load_json_cascade

        return load_json_cascade(source), []
    if fmt.suffix == ".xml":
        from cxroadmap.interop.guard import KIND_OF_SUFFIX, guarded_read
        from cxroadmap.interop.mspdi_read import read_mspdi_with_notes

        # The same guards as every import (limits, errors naming the file), keeping the notes.
        strategy, notes = guarded_read(
            source, KIND_OF_SUFFIX[".xml"], lambda: read_mspdi_with_notes(source)
        )
        return [strategy], notes
    from cxroadmap.interop.formats import import_file

    return [import_file(source, start=start, mapping=mapping)], []


def export_strategies(
    strategies: list[Strategy],
    chosen: Strategy,
    path: str | os.PathLike[str],
    options: dict[str, Any] | None = None,
    progress: Progress | None = None,
    image_writer: ImageWriter | None = None,
) -> list[Path]:
    """Write `chosen` in the format of `path`'s suffix, with what its format carries of
    the strategies below it; returns the files written."""
    out = Path(path)
    fmt = format_of(out, exporting=True)
    opts = options or {}
    if opts.get("view_filter") is not None and "view_filter" not in fmt.options:
        raise ValidationError("--view-filter", "applies to .pdf, .pptx, .png and .svg exports")
    if fmt.image:
        if image_writer is None:
            raise ValidationError(os.fspath(out), "images are drawn by the app's views")
        image_writer(chosen, out, opts)
        return [out]
    if fmt.suffix == ".json":
        from cxroadmap.interop.jsonfile import dump_json_cascade

        dump_json_cascade(strategies, out, root=chosen)
        return [out]

    if fmt.suffix in (".pdf", ".pptx"):
        from cxroadmap.cli import deliverables

        view = deliverables.chosen_view(chosen, opts.get("view_filter"))
        narrowed, plan = deliverables.shown(chosen, view)
        if fmt.suffix == ".pptx":
            from cxroadmap.export.pptx_deck import export_pptx

            export_pptx(narrowed, plan, out, deliverables.deck_options(opts, chosen, view))
            return [out]
        from cxroadmap.export.pdf import export_pdf
        from cxroadmap.export.rollup import cascade_children

        settings = deliverables.pdf_options(opts, chosen, view)
        children = cascade_children(strategies, chosen)
        export_pdf(narrowed, plan, out, settings, progress=progress, children=children)
        return [out]
    if fmt.suffix == ".ics":
        return _calendars(strategies, chosen, out, str(opts.get("calendars") or "strategy"))
    from cxroadmap.interop.formats import export_file

    export_file(chosen, None, out)
    return [out]


def _calendars(strategies: list[Strategy], chosen: Strategy, out: Path, mode: str) -> list[Path]:
    from cxroadmap.domain.cascade import Cascade
    from cxroadmap.interop.icsfile import safe_file_part, write_ics, write_ics_per_phase
    from cxroadmap.scheduling.planner import schedule

    if mode not in CALENDARS:
        raise ValidationError("--calendars", f"expected {', '.join(CALENDARS)}, got {mode!r}")
    if mode == "per-phase":
        return write_ics_per_phase(chosen, schedule(chosen), out)
    write_ics(chosen, schedule(chosen), out)
    written = [out]
    if mode == "per-strategy":
        for below in Cascade(strategies).descendants(chosen):
            label = safe_file_part(below.key or below.name)
            target = out.with_name(f"{out.stem} - {label}{out.suffix}")
            write_ics(below, schedule(below), target)
            written.append(target)
    return written
