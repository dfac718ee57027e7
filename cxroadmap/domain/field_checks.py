"""Checks of single text values (text, keys) that every validator in the domain shares."""

from __future__ import annotations

from cxroadmap.domain.errors import ValidationError


def check_text(value: object, where: str, required: bool = False) -> str:
    if not isinstance(value, str):
        raise ValidationError(where, f"expected text, got {value!r}")
    if required and not value.strip():
        raise ValidationError(where, "must not be empty")
    return value


def check_key(value: object, where: str) -> str:
    key = check_text(value, where, required=True)
    if key != key.strip():
        raise ValidationError(where, f"key {key!r} must not start or end with spaces")
    return key
