"""Checks of single text values (text, keys) that every validator in the domain shares."""

from __future__ import annotations

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.limits import MAX_KEY_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH


def clean_text(value: str) -> str:
    """`value` with lone surrogates (which no file encoding can hold) replaced by U+FFFD."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Pairs written as two escapes ("\ud83d\ude00") become the one character they mean.
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def check_length(value: str, where: str, limit: int) -> str:
    if len(value) > limit:
        raise ValidationError(
            where, f"is {len(value):,} characters long; at most {limit:,} are allowed"
        )
    return value


def check_text(
    value: object, where: str, required: bool = False, max_length: int | None = None
) -> str:
    """Text of at most `max_length` characters (default: a name when required, else a note)."""
    if not isinstance(value, str):
        raise ValidationError(where, f"expected text, got {short_repr(value)}")
    if required and not value.strip():
        raise ValidationError(where, "must not be empty")
    limit = max_length if max_length is not None else MAX_NAME_LENGTH if required else None
    check_length(value, where, limit if limit is not None else MAX_TEXT_LENGTH)
    return clean_text(value)


def check_key(value: object, where: str) -> str:
    key = check_text(value, where, required=True, max_length=MAX_KEY_LENGTH)
    if key != key.strip():
        raise ValidationError(where, f"key {key!r} must not start or end with spaces")
    return key


def short_repr(value: object) -> str:
    """repr() of a value cut to a readable length, so an error line stays one short line."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
