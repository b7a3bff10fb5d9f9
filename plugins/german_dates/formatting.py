"""Pure formatting helpers, unit-tested directly."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

DEFAULT_LOCALE = "de_DE"


def long_date(value: date | datetime, locale: str = DEFAULT_LOCALE) -> str:
    """7. Februar 2024"""
    return format_date(value, format="long", locale=locale)


def long_date_time(value: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """7. Februar 2024, 10:30 Uhr — the time only when there is one."""
    if not isinstance(value, datetime) or (value.hour, value.minute) == (0, 0):
        return long_date(value, locale)
    return f"{long_date(value, locale)}, {format_time(value, 'HH:mm', locale=locale)} Uhr"


def release_time(value: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """7. Februar 2024, 00:00 Uhr — always with the time: when an embargo ends."""
    return f"{long_date(value, locale)}, {format_time(value, 'HH:mm', locale=locale)} Uhr"


def iso_date(value: date | datetime) -> str:
    """The machine-readable value for <time datetime="…">: a date alone when there is no time."""
    if not isinstance(value, datetime):
        return value.isoformat()
    if (value.hour, value.minute) == (0, 0):
        return value.date().isoformat()
    return value.isoformat("T", "minutes")


def file_size(size: int, locale: str = DEFAULT_LOCALE) -> str:
    """1,2 MB, 340 KB, 512 Byte — decimal units, as file managers show them."""
    if size < 1000:
        return f"{size} Byte"
    for unit, factor in (("KB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < factor * 1000 or unit == "GB":
            return f"{format_decimal(size / factor, format='#,##0.#', locale=locale)} {unit}"
    raise AssertionError("unreachable")
