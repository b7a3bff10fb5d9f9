from __future__ import annotations

from functools import partial

from pelican import signals

from . import formatting

DEFAULTS = {"locale": formatting.DEFAULT_LOCALE}


def add_filters(generator) -> None:
    locale = {**DEFAULTS, **generator.settings.get("GERMAN_DATES", {})}["locale"]
    generator.env.filters.update({
        "datum": partial(formatting.long_date, locale=locale),
        "datum_zeit": partial(formatting.long_date_time, locale=locale),
        "zeitpunkt": partial(formatting.release_time, locale=locale),
        "iso_datum": formatting.iso_date,
        "dateigroesse": partial(formatting.file_size, locale=locale),
    })


def register() -> None:
    signals.generator_init.connect(add_filters)
