"""`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, at C speed for flat parts.

With `indent` set, the standard library encodes in pure Python (its C encoder only writes
compact text): a 5,000-initiative `cxroadmap schedule --json` spent 40 ms there. Here each
list or object holding only scalars is written by the C encoder with the indentation spelled
into its separators, a list of such objects (a schedule's initiatives) by one call of it, and
only the nesting above them in Python.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any

_SCALARS = (str, int, float, bool, type(None))
_PLAIN = frozenset(_SCALARS)  # these exact types (the C encoder writes subclasses alike too)


class _Flat:
    """Writes a list or object of scalars as `json.dumps` with `indent` does at `level`."""

    def __init__(self, level: int, indent: int) -> None:
        self.pad = "\n" + " " * (indent * (level + 1))
        self.close = "\n" + " " * (indent * level)
        separators = ("," + self.pad, ": ")
        make: Any = getattr(json.encoder, "c_make_encoder", None)
        self.chunks: Callable[[object], Iterable[str]]
        if make is None:  # no C accelerator: the library's own encoder, same text
            encoder = json.JSONEncoder(ensure_ascii=False, separators=separators)
            self.chunks = encoder.iterencode
        else:
            c = make(
                None, _refuse, json.encoder.encode_basestring, None, ": ", separators[0],
                False, False, True,
            )  # fmt: skip
            self.chunks = lambda value: c(value, 0)

    def text(self, value: object) -> str:
        body = "".join(self.chunks(value))  # "{...}" or "[...]" with the items already apart
        return body[0] + self.pad + body[1:-1] + self.close + body[-1]


def _refuse(value: object) -> object:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _records(value: object) -> bool:
    """Whether `value` is a list of non-empty objects of str keys and plain scalar values
    (a schedule's initiatives), tested by C passes over all of them at once."""
    return (
        type(value) is list
        and bool(value)
        and set(map(type, value)) == {dict}
        and all(value)
        and set(map(type, chain.from_iterable(value))) == {str}
        and set(map(type, chain.from_iterable(map(dict.values, value)))) <= _PLAIN
    )


def _records_text(value: list[dict[str, object]], level: int, indent: int) -> str:
    """`_records` text as `json.dumps` with `indent` writes it at `level`: one C encoder
    call, the objects' items apart as they should be, then the few separators between
    objects respaced. A real line break only ever comes from a separator (JSON strings
    escape theirs) and every value is a scalar, so "},<line break>{" is only ever one."""
    outer = "\n" + " " * (indent * (level + 1))
    inner = "\n" + " " * (indent * (level + 2))
    close = "\n" + " " * (indent * level)
    body = "".join(_Flat(level + 1, indent).chunks(value))  # "[{...}," + inner + "{...}]"
    between = body[2:-2].replace("}," + inner + "{", outer + "}," + outer + "{" + inner)
    return "[" + outer + "{" + inner + between + outer + "}" + close + "]"


def dumps_indented(value: object, indent: int = 2) -> str:
    """The text `json.dumps(value, indent=indent, ensure_ascii=False)` gives."""
    out: list[str] = []
    flat: dict[int, _Flat] = {}

    def walk(v: object, level: int) -> None:
        if _records(v):
            out.append(_records_text(v, level, indent))  # type: ignore[arg-type]
            return
        if isinstance(v, dict) and v and all(type(k) is str for k in v):
            children: Iterable[object] = v.values()
        elif isinstance(v, list | tuple) and v:
            children = v
        else:
            # Scalars, empty containers, keys json turns into text: the library itself,
            # its lines moved in to this depth (JSON text has no raw newline inside a value).
            text = json.dumps(v, indent=indent, ensure_ascii=False)
            out.append(text.replace("\n", "\n" + " " * (indent * level)) if level else text)
            return
        if all(isinstance(x, _SCALARS) for x in children):
            encoder = flat.get(level) or flat.setdefault(level, _Flat(level, indent))
            out.append(encoder.text(v))
            return
        pad = "\n" + " " * (indent * (level + 1))
        if isinstance(v, dict):
            out.append("{")
            for i, (key, x) in enumerate(v.items()):
                out.append(("," if i else "") + pad + json.dumps(key, ensure_ascii=False) + ": ")
                walk(x, level + 1)
            out.append("\n" + " " * (indent * level) + "}")
        else:
            out.append("[")
            for i, x in enumerate(children):
                out.append(("," if i else "") + pad)
                walk(x, level + 1)
            out.append("\n" + " " * (indent * level) + "]")

    walk(value, 0)
    return "".join(out)
