"""The SECURITY_TXT settings, merged over DEFAULTS and checked; problems are German errors."""

from __future__ import annotations

import re

from ada_url import URL

DEFAULTS = {
    "contact": [],  # at least one is required: mailto:, https: or tel: URIs
    "expires_days": 180,  # Expires = the build's clock + this (RFC 9116: less than a year)
    "preferred_languages": ["de", "en"],
    "policy": None,  # each of these: None, one https: URI or a list of them
    "encryption": None,
    "acknowledgments": None,
    "hiring": None,
}
# The settings that hold URIs, their field names in the file (in this order) and the
# schemes RFC 9116 allows for them here.
URI_FIELDS = {
    "contact": ("Contact", ("mailto", "https", "tel")),
    "encryption": ("Encryption", ("https",)),
    "acknowledgments": ("Acknowledgments", ("https",)),
    "policy": ("Policy", ("https",)),
    "hiring": ("Hiring", ("https",)),
}
# A line break or other control character (C0, DEL, C1, Unicode line separators) would end
# the field and start another one.
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
URI_CHARACTERS = re.compile(r"[\x21-\x7e]+")  # RFC 3986: printable ASCII, no spaces
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # RFC 5646, its shape
# What makes a parsed URI of each scheme a usable address.
COMPLETE = {
    "https": lambda url: bool(url.hostname),
    "mailto": lambda url: "@" in url.pathname,
    "tel": lambda url: any(c.isdigit() for c in url.pathname),
}


class SecurityTxtSettingsError(SystemExit):
    """Ends `pelican` with this one German line (exit status 1), no traceback."""

    def __init__(self, key: str, value, problem: str):
        super().__init__(f"SECURITY_TXT „{key}“ = {value!r}: {problem} Bitte korrigieren Sie "
                         "SECURITY_TXT in pelicanconf.py; es wurde nichts veröffentlicht.")


def settings_of(settings: dict) -> dict:
    """SECURITY_TXT merged over DEFAULTS, every URI setting as a list, all values checked."""
    given = settings.get("SECURITY_TXT") or {}
    if not isinstance(given, dict):
        raise SecurityTxtSettingsError("SECURITY_TXT", given, "erwartet wird ein dict.")
    if unknown := sorted(given.keys() - DEFAULTS.keys()):
        raise SecurityTxtSettingsError(unknown[0], given[unknown[0]], (
            f"unbekannte Einstellung; erlaubt sind {', '.join(DEFAULTS)}."))
    config = {**DEFAULTS, **given}
    for key, (_field, schemes) in URI_FIELDS.items():
        config[key] = [checked_uri(key, uri, schemes) for uri in as_list(key, config[key])]
    if not config["contact"]:
        raise SecurityTxtSettingsError("contact", given.get("contact"), (
            "mindestens eine Kontaktadresse ist nötig (RFC 9116), z. B. "
            "[\"mailto:it-sicherheit@musterstadt.example\"]."))
    config["preferred_languages"] = [
        checked_language(tag) for tag in as_list("preferred_languages",
                                                 config["preferred_languages"])]
    config["expires_days"] = checked_days(config["expires_days"])
    return config


def as_list(key: str, value) -> list[str]:
    """None, one string or a list of strings, as a list."""
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise SecurityTxtSettingsError(key, value, "erwartet wird ein Text oder eine Liste "
                                       "von Texten (oder None).")
    return list(values)


def checked_uri(key: str, uri: str, schemes: tuple[str, ...]) -> str:
    check_one_line(key, uri)
    if not URI_CHARACTERS.fullmatch(uri):
        raise SecurityTxtSettingsError(key, uri, "eine Adresse darf keine Leerzeichen und nur "
                                       "ASCII-Zeichen enthalten (Umlaute prozentkodiert).")
    scheme = uri.partition(":")[0].lower()
    allowed = ", ".join(f"{s}:" for s in schemes)
    if scheme not in schemes:
        raise SecurityTxtSettingsError(key, uri, f"erlaubt sind hier nur Adressen mit {allowed} "
                                       "(RFC 9116).")
    try:
        complete = COMPLETE[scheme](URL(uri))
    except ValueError:
        complete = False
    if not complete:
        raise SecurityTxtSettingsError(key, uri, "das ist keine vollständige Adresse.")
    return uri


def checked_language(tag: str) -> str:
    check_one_line("preferred_languages", tag)
    if not LANGUAGE_TAG.fullmatch(tag):
        raise SecurityTxtSettingsError("preferred_languages", tag, "erwartet wird ein "
                                       "Sprachkürzel nach RFC 5646, z. B. „de“ oder „en“.")
    return tag


def checked_days(days) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
        raise SecurityTxtSettingsError("expires_days", days, (
            "erwartet wird eine ganze Zahl von 1 bis 365 (Tage; RFC 9116 empfiehlt, dass die "
            "Datei weniger als ein Jahr gilt)."))
    return days


def check_one_line(key: str, value: str) -> None:
    if CONTROL_CHARACTER.search(value):
        raise SecurityTxtSettingsError(key, value, (
            "der Wert enthält einen Zeilenumbruch oder ein anderes Steuerzeichen – damit "
            "ließen sich weitere Felder in security.txt schreiben."))
