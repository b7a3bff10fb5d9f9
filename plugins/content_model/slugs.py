"""German URL slugs: lower-case ASCII, ä→ae, ö→oe, ü→ue, ß→ss."""

from __future__ import annotations

import unicodedata

from slugify import slugify

GERMAN_REPLACEMENTS = (
    ("ä", "ae"), ("ö", "oe"), ("ü", "ue"),
    ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"),
    ("ß", "ss"), ("ẞ", "SS"),
    ("&", " und "), ("§", " paragraf "), ("%", " prozent "),
)


def german_slug(text: str) -> str:
    """The slug of a German title: "Frühe Hilfen für Familien" → "fruehe-hilfen-fuer-familien"."""
    composed = unicodedata.normalize("NFC", text)
    return slugify(composed, replacements=GERMAN_REPLACEMENTS)
