"""Text that XML (SVG, MSPDI) and iCalendar can hold: no control characters, no surrogates.

XML 1.0 allows tab, line feed and carriage return but no other C0 control character,
nor U+FFFE/U+FFFF; a lone surrogate cannot be encoded at all (ElementTree would write
`&#55296;`, which no XML parser accepts). Such characters carry nothing a reader could
see, so they are dropped (a lone surrogate becomes U+FFFD, as on input).
"""

from __future__ import annotations

import re

from cxroadmap.domain.field_checks import clean_text

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# RFC 5545 text allows no control characters but tab (line breaks are escaped as \n).
_ICS_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", clean_text(text))


def xml_safe_bytes(data: bytes) -> bytes:
    """A UTF-8 XML document with every character XML 1.0 forbids removed."""
    text = data.decode("utf-8", "replace")
    cleaned = xml_safe(text)
    return data if cleaned == text else cleaned.encode("utf-8")


def ics_safe(text: str) -> str:
    return _ICS_ILLEGAL.sub("", clean_text(text))
