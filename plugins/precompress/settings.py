"""The PRECOMPRESS settings: the defaults and their check, with German messages."""

from __future__ import annotations

import re

from content_model.plugin_settings import PluginSettingsError, checked_settings

FORMATS = ("gzip", "br")
# The two suffixes the plugin writes; never an extension to compress.
COMPRESSED_EXTENSIONS = ("gz", "br")
DEFAULTS = {
    # Off for preview builds: the development server ignores .gz/.br. publishconf.py
    # switches it on.
    "enabled": False,
    "formats": list(FORMATS),
    # File name endings (without the dot) of the text files the build writes: pages,
    # styles, scripts, Pagefind's JS/CSS/JSON, feeds (*.rss.xml, *.atom.xml), sitemap,
    # calendar, SVG images, robots.txt and .well-known/security.txt, manifests, CSV.
    "extensions": ["html", "css", "js", "mjs", "json", "xml", "ics", "svg", "txt",
                   "webmanifest", "csv"],
    # Smaller files fit into the first packets anyway and barely shrink.
    "min_size": 512,
    # A compressed file is written only when it has at most this share of the original.
    "max_ratio": 0.9,
    # Measured on the 43 HTML pages of the sample site (9,050 bytes each on average; one
    # core of the 2-core development machine), compressed size and time per page:
    # gzip -9 2,488 bytes, 0.09 ms; brotli 5: 2,290 bytes, 0.11 ms; 6-8: 2,279-2,284
    # bytes, 0.12-0.13 ms; 9: 2,274 bytes, 3.7 ms; 10: 2,151 bytes, 2.6 ms; 11: 2,111
    # bytes, 6.7 ms. The sample site's text files 180 times over (15,480 files, 210.6 MB,
    # on tmpfs, both cores): quality 5 52.3 MB in 5.0 s (gzip included), quality 11
    # 48.0 MB in 85.6 s. 11 saves 8 % for 17 times the time; builds run every 15
    # minutes or more often (docs/betrieb.md).
    "brotli_quality": 5,
}
EXTENSION = re.compile(r"[a-z0-9]+")


class PrecompressSettingsError(PluginSettingsError):
    pass


def _is_whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_distinct_list(value, accepts) -> bool:
    """A non-empty list of distinct strings that `accepts` accepts."""
    return (isinstance(value, list | tuple) and len(value) > 0
            and len(set(value)) == len(value)
            and all(isinstance(item, str) and accepts(item) for item in value))


def _is_extension(name: str) -> bool:
    return EXTENSION.fullmatch(name) is not None and name not in COMPRESSED_EXTENSIONS


RULES = {
    "enabled": (lambda v: isinstance(v, bool), "True oder False"),
    "formats": (lambda v: _is_distinct_list(v, FORMATS.__contains__),
                "eine Liste aus „gzip“ und/oder „br“, jedes höchstens einmal"),
    "extensions": (lambda v: _is_distinct_list(v, _is_extension),
                   "eine Liste von Dateiendungen ohne Punkt in Kleinbuchstaben, jede "
                   "höchstens einmal, z. B. [\"html\", \"css\"] (nicht „gz“ oder „br“)"),
    "min_size": (lambda v: _is_whole_number(v) and v >= 0, "eine ganze Zahl von Bytes ab 0"),
    "max_ratio": (lambda v: _is_number(v) and 0 < v <= 1,
                  "eine Zahl über 0 bis 1 (0.9: die komprimierte Datei hat höchstens 90 % "
                  "der Größe des Originals)"),
    "brotli_quality": (lambda v: _is_whole_number(v) and 0 <= v <= 11,
                       "eine ganze Zahl von 0 bis 11"),
}


def settings_of(settings: dict) -> dict:
    """PRECOMPRESS merged over DEFAULTS; raises PrecompressSettingsError when a key is
    unknown or a value wrong."""
    return checked_settings(settings, "PRECOMPRESS", DEFAULTS, RULES, PrecompressSettingsError)
