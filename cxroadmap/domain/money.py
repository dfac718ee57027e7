"""How amounts of money read everywhere: `EUR 1,250,000`, or `EUR 1.25M` where room is short."""

from __future__ import annotations


def format_amount(value: float | None, currency: str = "", compact: bool = False) -> str:
    """`1250000` -> "EUR 1,250,000" (cents only when there are any); None -> ""."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if compact and amount >= 1_000_000:
        text = f"{amount / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    elif compact and amount >= 10_000:
        text = f"{amount / 1_000:.0f}k"
    elif float(round(amount, 2)).is_integer():
        text = f"{amount:,.0f}"
    else:
        text = f"{amount:,.2f}"
    return f"{currency} {sign}{text}" if currency else f"{sign}{text}"


def amount_text(value: float | None) -> str:
    """An amount as an editor shows it: `1250000`, `1250.5`, or "" for none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")
