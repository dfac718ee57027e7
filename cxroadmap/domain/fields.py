"""What a declared field is (`Field`) and how each kind of value is checked and normalised.

The declarations themselves are in registry.py. Every door that lets a value in (edits,
JSON, CSV, XLSX, the editors) calls `coerce`; `validate_strategy` uses the compiled
`record_check` and falls back to `coerce` for the message; storage derives its CHECK
constraints from `minimum`, `maximum` and `choices`. So each rule is written here once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from cxroadmap.domain.calendar import parse_date, parse_weekdays
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_key, check_text
from cxroadmap.domain.support import SupportLink, check_strategy_key
from cxroadmap.domain.touchpoints import Opportunity

# The kinds of value. Each has one checker below and one form in every serializer.
KEY = "key"  # a short id, unique in its list
TEXT = "text"  # one line
LONG_TEXT = "long_text"  # several lines
NAME_REF = "name_ref"  # None, or the name of something else (a phase pin)
STRATEGY_KEY = "strategy_key"  # letters, digits, '-', '_', '.'
INT = "int"
DURATION = "duration"  # working days; typed as 12, 12d, 3w, 2m
LAG = "lag"  # a duration that may be negative (a lead)
DATE = "date"
CHOICE = "choice"
NUMBER = "number"  # any finite number, or None while unknown
MONEY = "money"  # an amount of money >= 0, or None
CURRENCY = "currency"  # an ISO 4217 code (EUR), or "" for none
KEYS = "keys"  # a list of keys of other things
TEXTS = "texts"  # a list of lines
SUPPORTS = "supports"  # a list of STRATEGY/INITIATIVE links
WEEKDAYS = "weekdays"
DATES = "dates"
OPPORTUNITIES = "opportunities"
YEAR_AMOUNTS = "year_amounts"  # {calendar year: amount of money}

LIST_KINDS = frozenset({KEYS, TEXTS, SUPPORTS, WEEKDAYS, DATES, OPPORTUNITIES})
# Kinds whose empty value is None (the others' is "" or an empty list).
NULLABLE_KINDS = frozenset({NAME_REF, INT, DATE, NUMBER, MONEY})

SAME = "\x00same"  # `column`, `json`, `header`: the same as the field's name


@dataclass(frozen=True)
class Field:
    """One field of a domain record, declared once; everything else derives from it.

    `minimum`/`maximum` are part of the field's meaning (impact runs from 1 to 5) and
    become CHECK constraints in the file; `limit` is a safety cap checked at every door
    (limits.py), not in the file. `column`, `json` and `header` are the field's name in
    the file, in `cxroadmap/1` JSON and in CSV/XLSX (None: not there, or stored in a
    table of its own). `editor` names how the desktop app edits it (None: not in the
    record's form; ui/field_editors.py makes the widget); `table` and `pdf` say whether the
    initiatives table and the PDF phase tables show it.
    """

    name: str
    kind: str
    label: str
    help: str = ""
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    limit: float | None = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    column: str | None = SAME
    json: str | None = SAME
    json_optional: bool = False  # left out of JSON while empty
    header: str | None = SAME
    synonyms: tuple[str, ...] = ()
    editor: str | None = None
    suggestions: tuple[str, ...] = ()  # what a free-text editor offers (`suggest`)
    blank: str = ""  # what an editor shows for "not set" ("No limit")
    table: str | None = None  # "edit": an editable column, "show": read-only
    pdf: bool = False
    example: object = None  # a valid, non-default value: for tests and placeholders
    default: object = None  # filled in from the dataclass by registry.declare

    def __post_init__(self) -> None:
        for name in ("column", "json", "header"):
            if getattr(self, name) == SAME:
                object.__setattr__(self, name, self.name)

    @property
    def nullable(self) -> bool:
        """None is a value ("not set"): only where the model's default is None."""
        return self.kind in NULLABLE_KINDS and not self.required and self.default is None

    def labels(self) -> dict[str, str]:
        """Choice -> what people read ("in_progress" -> "In progress")."""
        return dict(zip(self.choices, self.choice_labels or self.choices, strict=True))

    def empty(self) -> object:
        """The value meaning "not set": None, "", or an empty list."""
        if self.nullable:
            return None
        if self.kind in LIST_KINDS:
            return ()
        return {} if self.kind == YEAR_AMOUNTS else ""


def _say_choices(choices: tuple[str, ...]) -> str:
    choices = tuple(c or "blank" for c in choices)
    return ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]


def _choice(f: Field, value: object, where: str) -> str:
    if not isinstance(value, str):
        # Not "": a choice may be "" (rag_override's "automatic"), a list never is.
        raise ValidationError(where, f"expected {_say_choices(f.choices)}, got {value!r}")
    text = value.strip()
    upper = all(c.isupper() for c in f.choices)
    text = text.upper() if upper else text.lower()
    text = f.aliases.get(text, text)
    if text not in f.choices:
        raise ValidationError(where, f"expected {_say_choices(f.choices)}, got {value!r}")
    return text


def _int(f: Field, value: object, where: str) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,18}\s*", value):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    lo, hi = f.minimum, f.maximum if f.maximum is not None else f.limit
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or (lo is not None and value < lo)
        or (hi is not None and value > hi)
    ):
        span = (
            f"from {lo:g} to {hi:g}"
            if lo is not None and hi is not None
            else (f">= {lo:g}" if lo is not None else "")
        )
        raise ValidationError(where, f"expected a whole number {span}, got {value!r}".strip())
    return value


_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def number_from_text(text: str) -> float | None:
    """`1 250 000`, `1,250,000.50`, `1250000,5`: a number typed by a person, or None."""
    plain = re.sub(r"[\s_'\u00a0\u202f]", "", text)
    if _GROUPED.match(plain):
        plain = plain.replace(",", "")
    elif plain.count(",") == 1 and "." not in plain:
        plain = plain.replace(",", ".")
    try:
        return float(plain)
    except ValueError:
        return None


def _number(f: Field, value: object, where: str) -> float | None:
    if value is None or value == "":
        if f.required:
            raise ValidationError(where, "must not be empty")
        return None
    if isinstance(value, str):
        parsed = number_from_text(value)
        if parsed is None:
            raise ValidationError(where, f"expected a number, got {value!r}")
        value = parsed
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(where, f"expected a number, got {value!r}")
    lo = 0 if f.kind == MONEY and f.minimum is None else f.minimum
    if lo is not None and value < lo:
        raise ValidationError(where, f"must not be below {lo:g}, got {value!r}")
    if f.limit is not None and abs(value) > f.limit:
        raise ValidationError(where, f"must not be above {f.limit:g}, got {value!r}")
    return float(value)


def _text(f: Field, value: object, where: str) -> str:
    text = check_text(value, where, required=f.required)
    if f.limit is not None and len(text) > f.limit:
        raise ValidationError(where, f"at most {f.limit:g} characters, got {len(text)}")
    return text


def _keys(value: object, where: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list of keys, got {value!r}")
    keys = [check_key(v, f"{where}[{i}]") for i, v in enumerate(value)]
    for i, key in enumerate(keys):
        if key in keys[:i]:
            raise ValidationError(f"{where}[{i}]", f"{key!r} is listed twice")
    return keys


def _texts(value: object, where: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list of text, got {value!r}")
    return [check_text(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _supports(value: object, where: str) -> list[SupportLink]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list such as ['ORG/LEAD2'], got {value!r}")
    links = [SupportLink.parse(v, f"{where}[{i}]") for i, v in enumerate(value)]
    for i, link in enumerate(links):
        if link in links[:i]:
            raise ValidationError(f"{where}[{i}]", f"{link} is listed twice")
    return links


def _opportunities(value: object, where: str) -> list[Opportunity]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list of opportunities, got {value!r}")
    found = []
    for i, item in enumerate(value):
        at = f"{where}[{i}]"
        if isinstance(item, str):
            item = Opportunity(item)
        if not isinstance(item, Opportunity):
            raise ValidationError(at, f"expected an opportunity, got {item!r}")
        text = check_text(item.text, f"{at}.text", required=True)
        key = item.initiative_key
        found.append(Opportunity(text, None if key is None else check_key(key, f"{at}.initiative")))
    return found


def _year_amounts(f: Field, value: object, where: str) -> dict[int, float]:
    if not isinstance(value, Mapping):
        raise ValidationError(
            where, f"expected years with amounts such as {{2027: 250000}}, got {value!r}"
        )
    money = Field("amount", MONEY, "", limit=f.limit)
    found: dict[int, float] = {}
    for year, amount in value.items():
        at = f"{where}[{year}]"
        number = _int(Field("year", INT, "", minimum=1900, maximum=2199), year, at)
        checked = _number(money, amount, at)
        if checked is not None:
            found[number] = checked
    return dict(sorted(found.items()))


def _currency(value: object, where: str) -> str:
    text = value.strip().upper() if isinstance(value, str) else None
    if text is None or not re.fullmatch(r"([A-Z]{3})?", text):
        raise ValidationError(
            where, f"expected a three-letter currency code such as EUR, got {value!r}"
        )
    return text


def coerce(f: Field, value: object, where: str, days_per_week: int = 5) -> object:
    """Check one value of field `f` as a person or a file gave it; return it normalised."""
    kind = f.kind
    if f.nullable and (value is None or value == ""):
        return None
    if kind == KEY:
        return check_key(value, where)
    if kind in (TEXT, LONG_TEXT):
        return _text(f, value, where)
    if kind == NAME_REF:
        return check_text(value, where, required=True)
    if kind == STRATEGY_KEY:
        if not f.required and value in (None, ""):
            return f.default
        return check_strategy_key(value, where)
    if kind == INT:
        return _int(f, value, where)
    if kind in (DURATION, LAG):
        days = parse_duration(value, where, days_per_week, allow_negative=kind == LAG)
        if f.limit is not None and abs(days) > f.limit:
            raise ValidationError(where, f"at most {f.limit:g} working days, got {value!r}")
        return days
    if kind == DATE:
        return parse_date(value, where)
    if kind == CHOICE:
        return _choice(f, value, where)
    if kind in (NUMBER, MONEY):
        return _number(f, value, where)
    if kind == CURRENCY:
        return _currency(value, where)
    if kind == KEYS:
        return _keys(value, where)
    if kind == TEXTS:
        return _texts(value, where)
    if kind == SUPPORTS:
        return _supports(value, where)
    if kind == WEEKDAYS:
        return parse_weekdays(value, where)  # type: ignore[arg-type]
    if kind == DATES:
        if not isinstance(value, list | tuple):
            raise ValidationError(where, f"expected a list of dates, got {value!r}")
        return sorted({parse_date(v, f"{where}[{i}]") for i, v in enumerate(value)})
    if kind == OPPORTUNITIES:
        return _opportunities(value, where)
    if kind == YEAR_AMOUNTS:
        return _year_amounts(f, value, where)
    raise ValidationError(where, f"unknown kind {kind!r}")


def coerce_named(
    fields: Mapping[str, Field], what: str, name: str, value: object, where: str, dpw: int = 5
) -> object:
    """`coerce` by field name; an unknown name is an error naming it."""
    f = fields.get(name)
    if f is None:
        raise ValidationError(where, f"unknown {what} field {name!r}")
    return coerce(f, value, where, dpw)


def _test_source(f: Field, v: str, env: dict[str, object]) -> str | None:
    """A Python expression over `v` that is True when the value needs no closer look."""
    kind = f.kind
    if kind in (TEXT, LONG_TEXT):
        # Not blank: `not v.isspace()` is `v.strip() != ''` for a non-empty v, without a copy.
        test = (
            f"(type({v}) is str and {v} != '' and not {v}.isspace())"
            if f.required
            else f"type({v}) is str"
        )
    elif kind in (INT, DURATION):
        lo = f.minimum if kind == INT else 0
        hi = f.maximum if f.maximum is not None else f.limit
        bounds = "".join(
            (
                f" and {v} >= {lo!r}" if lo is not None else "",
                f" and {v} <= {hi!r}" if hi is not None else "",
            )
        )
        test = f"(type({v}) is int{bounds})"
    elif kind == CHOICE:
        env[f"_choices_{f.name}"] = frozenset(f.choices)
        test = f"{v} in _choices_{f.name}"
    elif kind == DATE:
        test = f"type({v}) is _date"
    elif kind in (NUMBER, MONEY):
        lo = 0 if kind == MONEY and f.minimum is None else f.minimum
        low = f" and {v} >= {lo!r}" if lo is not None else ""
        test = f"(type({v}) in (int, float) and _isfinite({v}){low})"
    elif kind == CURRENCY:
        test = f"(type({v}) is str and ({v} == '' or _currency({v}) is not None))"
    elif kind == YEAR_AMOUNTS:
        test = f"type({v}) is dict"
    else:
        return None  # keys, names and lists: checked with their references
    return f"({v} is None or {test})" if f.nullable else test


def record_env() -> dict[str, object]:
    """The names `record_test` expressions use, for the namespace they are compiled in."""
    return {
        "_date": dt.date,
        "_isfinite": math.isfinite,
        "_currency": re.compile("[A-Z]{3}").fullmatch,
    }


def record_test(fields: Mapping[str, Field], value_pattern: str, env: dict[str, object]) -> str:
    """The source of one expression that is True when no field of a record needs a closer
    look; `value_pattern.format(name)` is the source of a field's value ("r.{}": of record
    r). `env` gains the names the expression uses besides `record_env`'s."""
    parts = [
        test
        for f in fields.values()
        if (test := _test_source(f, value_pattern.format(f.name), env)) is not None
    ]
    return " and ".join(parts) or "True"


def record_check(fields: Mapping[str, Field]) -> Callable[[object], bool]:
    """One compiled test of every field of a record: True when none needs a closer look.

    validate_strategy runs it for every initiative before each schedule, so it is built
    once as a single expression (as `dataclasses` builds its methods): calling one small
    function per field made checking 5,000 initiatives ten times slower.
    """
    env = record_env()
    exec(f"def check(r):\n    return {record_test(fields, 'r.{}', env)}\n", env)
    return env["check"]  # type: ignore[return-value]
