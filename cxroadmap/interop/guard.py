"""The door every imported file passes: size limits first, then any failure is bad input.

A reader (ours or a library's: json, csv, openpyxl, defusedxml) may raise anything on a
hostile or damaged file: RecursionError, OverflowError, LookupError for an unknown XML
encoding, KeyError from a damaged workbook. Whatever it is, it is the file's fault, so it
becomes one FileFormatError naming the file once; library warnings are silenced here
(openpyxl warns on odd workbooks), so the command line prints exactly one `error:` line.
Lone surrogates in the text read are replaced (they cannot be stored or written).
"""

from __future__ import annotations

import dataclasses
import os
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from cxroadmap.domain.errors import CxRoadmapError, ValidationError
from cxroadmap.domain.field_checks import clean_text
from cxroadmap.domain.limits import (
    MAX_FILE_BYTES,
    MAX_NESTING_DEPTH,
    MAX_NUMBER_DIGITS,
    MAX_XLSX_UNPACKED_BYTES,
)

T = TypeVar("T")

KIND_NAMES = {
    "json": "JSON",
    "csv": "CSV",
    "xlsx": "XLSX workbook",
    "mspdi": "MS Project XML (MSPDI)",
    "ics": "iCalendar",
}
KIND_OF_SUFFIX = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".xml": "mspdi", ".ics": "ics"}


class FileFormatError(ValidationError):
    """A ValidationError whose message already names the file (`path`), so callers need not."""

    def __init__(self, path: str | os.PathLike[str], where: str, problem: str) -> None:
        self.path = os.fspath(path)
        super().__init__(f"{self.path}: {where}" if where else self.path, problem)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def check_file_size(path: Path, kind: str) -> None:
    """Refuse a file larger than MAX_FILE_BYTES[kind] before a byte of it is read."""
    size = path.stat().st_size
    limit = MAX_FILE_BYTES[kind]
    if size > limit:
        raise ValidationError(
            "", f"the file is {_megabytes(size)}; at most {_megabytes(limit)} can be imported"
        )
    if kind == "xlsx" and zipfile.is_zipfile(path):
        # A workbook is a zip: a small archive can unpack into gigabytes.
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_XLSX_UNPACKED_BYTES:
            raise ValidationError(
                "",
                f"the workbook unpacks to {_megabytes(unpacked)}; "
                f"at most {_megabytes(MAX_XLSX_UNPACKED_BYTES)} can be imported",
            )


def one_line(text: str) -> str:
    """Messages from libraries may span lines; an `error:` line is one line."""
    return " ".join(clean_text(text).split())[:300]


def guarded_read(path: str | os.PathLike[str], kind: str, read: Callable[[], T]) -> T:
    """Run `read` for the file at `path` of `kind`; every failure is a FileFormatError."""
    source = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            check_file_size(source, kind)
            return clean_strings(read())
    except FileFormatError:
        raise
    except ValidationError as exc:
        raise FileFormatError(source, exc.where, one_line(exc.problem)) from None
    except CxRoadmapError as exc:
        raise FileFormatError(source, "", one_line(str(exc))) from None
    except OSError as exc:
        raise FileFormatError(source, "", f"cannot read: {exc.strerror or exc}") from None
    except RecursionError:
        raise FileFormatError(source, "", "nested too deeply to read") from None
    except MemoryError:
        raise FileFormatError(source, "", "too large to read into memory") from None
    except Exception as exc:  # a library's failure on a damaged file: the file's fault
        what = KIND_NAMES.get(kind, kind)
        detail = one_line(str(exc)) or type(exc).__name__
        raise FileFormatError(source, "", f"not a readable {what} file ({detail})") from None


def clean_strings(value: T) -> T:
    """Replace lone surrogates in every text of a read result (dataclasses, lists, dicts)."""
    todo: list[Any] = [value]
    seen: set[int] = set()
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            for field in dataclasses.fields(item):
                current = getattr(item, field.name)
                if isinstance(current, str):
                    cleaned = clean_text(current)
                    if cleaned is not current:
                        object.__setattr__(item, field.name, cleaned)
                elif isinstance(current, list | dict | tuple) or dataclasses.is_dataclass(current):
                    todo.append(current)
        elif isinstance(item, list):
            for i, element in enumerate(item):
                if isinstance(element, str):
                    item[i] = clean_text(element)
                else:
                    todo.append(element)
        elif isinstance(item, dict):
            rebuilt = {
                clean_text(k) if isinstance(k, str) else k: clean_text(v)
                if isinstance(v, str)
                else v
                for k, v in item.items()
            }
            item.clear()
            item.update(rebuilt)  # in place and in order: the dict may be shared
            todo.extend(v for v in rebuilt.values() if not isinstance(v, str))
        elif isinstance(item, tuple):
            todo.extend(item)
    return value


def check_nesting(data: object, where: str = "") -> None:
    """Refuse parsed JSON nested deeper than MAX_NESTING_DEPTH (walked without recursion)."""
    todo: list[tuple[object, int]] = [(data, 1)]
    while todo:
        item, depth = todo.pop()
        if depth > MAX_NESTING_DEPTH:
            raise ValidationError(where, f"nested more than {MAX_NESTING_DEPTH} levels deep")
        if isinstance(item, dict):
            todo.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            todo.extend((v, depth + 1) for v in item)


def parse_json_int(text: str) -> int:
    """json's parse_int: a whole number of at most MAX_NUMBER_DIGITS digits."""
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValidationError("", f"a number of {len(text):,} digits is too long")
    return int(text)
