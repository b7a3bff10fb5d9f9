"""/.well-known/security.txt (RFC 9116) from SECURITY_TXT, on the build's clock; robots.txt
names the sitemap, which exists and leaves security.txt out."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from urllib.parse import urlparse

import pytest
import time_machine
from lxml import etree
from pelican.settings import read_settings
from security_txt.settings import SecurityTxtSettingsError, settings_of
from support import ROOT, SITE, build, production_build, run_pelican

PRODUCTION = read_settings(str(ROOT / "publishconf.py"))
SECURITY_TXT = ".well-known/security.txt"
NO_SEARCH = {"SEARCH": {"enabled": False}}
# The field names RFC 9116 defines (§ 2.5); field names are case-insensitive.
REGISTERED = {"acknowledgments", "canonical", "contact", "encryption", "expires", "hiring",
              "policy", "preferred-languages"}
# Europe/Berlin in winter (CET, UTC+1): 11:00 UTC. 180 days of 24 hours later, counted by
# hand (Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 = 153 days to Aug 1): 2026-08-28,
# 11:00 UTC. Adding 180 days to the local time would give 10:00 UTC (summer time then).
FROZEN_NOW = "2026-03-01 12:00"
EXPIRES_180_DAYS_LATER = "2026-08-28T11:00:00Z"
LINKING_PAGE = ("Title: Sicherheitslücken melden\nSummary: Wie Sie uns erreichen.\n\n"
                "Hinweise nach [security.txt](/.well-known/security.txt).\n")
SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """A production build (publishconf.py) with a frozen clock and a page that links to
    security.txt (the link check after writing must find the file)."""
    clock = json.dumps({"mode": "production", "now": FROZEN_NOW})
    result, output = production_build(
        tmp_path_factory.mktemp("security_txt"), {"pages/sicherheit.md": LINKING_PAGE}, None,
        "-e", f"PUBLICATION={clock}", 'SEARCH={"enabled": false}')
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def fields_of(text: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of a security.txt, parsed by RFC 9116 (its ABNF): every line ends
    with LF or CRLF and is empty, a `#` comment or `Field: value`."""
    assert text.endswith("\n"), "the last line must end with a line break too"
    fields = []
    for line in text.split("\n")[:-1]:
        line = line.removesuffix("\r")
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9-]+): *(\S+(?: +\S+)*) *", line)
        assert match, f"not a field line: {line!r}"
        fields.append((match[1].lower(), match[2]))
    return fields


def values(fields, name: str) -> list[str]:
    return [value for field, value in fields if field == name]


def security_fields(output) -> list[tuple[str, str]]:
    return fields_of((output / SECURITY_TXT).read_bytes().decode("utf-8"))


def test_security_txt_is_at_the_well_known_address_with_the_fields_rfc_9116_requires(
        production):
    fields = security_fields(production)
    assert {name for name, _ in fields} <= REGISTERED
    assert values(fields, "contact") == PRODUCTION["SECURITY_TXT"]["contact"]
    assert len(values(fields, "expires")) == 1
    assert values(fields, "preferred-languages") == ["de, en"]
    assert len(values(fields, "canonical")) == 1


def test_expires_is_the_build_clock_plus_expires_days_in_utc(production):
    assert PRODUCTION["SECURITY_TXT"]["expires_days"] == 180
    assert values(security_fields(production), "expires") == [EXPIRES_180_DAYS_LATER]


def test_canonical_is_the_production_address_of_the_file_itself(production):
    canonical = values(security_fields(production), "canonical")[0]
    address = urlparse(canonical)
    assert f"{address.scheme}://{address.netloc}" == PRODUCTION["SITEURL"]
    assert address.scheme == "https"  # RFC 9116 § 2.5.2
    assert (production / address.path.lstrip("/")).is_file()


def test_the_link_check_finds_security_txt_and_the_sitemap_leaves_it_out(production):
    # The build succeeded although a page links to it: the check after writing found it.
    page = (production / "sicherheitsluecken-melden/index.html").read_text(encoding="utf-8")
    assert 'href="/.well-known/security.txt"' in page
    locations = sitemap_locations(production)
    assert f"{PRODUCTION['SITEURL']}/sicherheitsluecken-melden/" in locations
    assert not [loc for loc in locations if "well-known" in loc or loc.endswith(".txt")]


def sitemap_locations(output) -> list[str]:
    tree = etree.parse(str(output / "sitemap.xml"))
    return [loc.text for loc in tree.iter(f"{SITEMAP_NAMESPACE}loc")]


def robots_lines(output) -> list[str]:
    return [line for line in (output / "robots.txt").read_text(encoding="utf-8").splitlines()
            if line]


def test_production_robots_txt_names_the_sitemap_that_exists(production):
    site_url = PRODUCTION["SITEURL"]
    sitemaps = [line.removeprefix("Sitemap: ") for line in robots_lines(production)
                if line.startswith("Sitemap:")]
    assert sitemaps == [f"{site_url}/sitemap.xml"]
    locations = sitemap_locations(production)
    assert f"{site_url}/" in locations
    assert all(loc.startswith(f"{site_url}/") for loc in locations)


def test_the_sitemap_lists_no_page_robots_txt_disallows(production):
    disallowed = [line.removeprefix("Disallow: ") for line in robots_lines(production)
                  if line.startswith("Disallow:")]
    assert disallowed  # /suche/
    paths = [urlparse(loc).path for loc in sitemap_locations(production)]
    assert not [p for p in paths if any(p.startswith(d) for d in disallowed)]


def test_robots_txt_follows_where_the_sitemap_is_written(tmp_path):
    output = build(SITE, tmp_path / "out", conf="publishconf.py",
                   SITEMAP={**PRODUCTION["SITEMAP"], "save_as": "karte/seiten.xml"}, **NO_SEARCH)
    assert (output / "karte/seiten.xml").is_file()
    assert f"Sitemap: {PRODUCTION['SITEURL']}/karte/seiten.xml" in robots_lines(output)


def test_preview_build_uses_the_frozen_clock_all_fields_and_names_no_canonical(tmp_path):
    settings = {
        "contact": ["mailto:it-sicherheit@musterstadt.example", "tel:+49-123-456-0",
                    "https://jugendamt.musterstadt.example/kontakt/"],
        "expires_days": 30,
        "preferred_languages": ["de"],
        "policy": "https://jugendamt.musterstadt.example/sicherheit/",
        "encryption": ["https://jugendamt.musterstadt.example/pgp-key.txt"],
        "acknowledgments": "https://jugendamt.musterstadt.example/danke/",
        "hiring": "https://www.musterstadt.example/stellen/",
    }
    with time_machine.travel(datetime(2026, 3, 1, 11, 0, tzinfo=UTC), tick=False):
        output = build(SITE, tmp_path / "out", SECURITY_TXT=settings, **NO_SEARCH)
    fields = security_fields(output)
    assert values(fields, "contact") == settings["contact"]
    assert values(fields, "expires") == ["2026-03-31T11:00:00Z"]
    assert values(fields, "preferred-languages") == ["de"]
    for key in ("policy", "acknowledgments", "hiring"):
        assert values(fields, key) == [settings[key]]
    assert values(fields, "encryption") == settings["encryption"]
    # Preview (SITEURL empty, served over http): no canonical address, as no Sitemap line.
    assert values(fields, "canonical") == []
    assert not [line for line in robots_lines(output) if line.startswith("Sitemap:")]


# Each: the hostile SECURITY_TXT (merged over a valid contact), the key the error must
# name and the German words it must say.
HOSTILE = {
    "newline in a contact": (
        {"contact": ["mailto:a@musterstadt.example\nExpires: 2099-01-01T00:00:00Z"]},
        "contact", "Zeilenumbruch"),
    "carriage return in the policy": (
        {"policy": "https://musterstadt.example/\rHiring: https://evil.example/"},
        "policy", "Zeilenumbruch"),
    "line separator in the acknowledgments": (
        {"acknowledgments": "https://musterstadt.example/\u2028Contact: mailto:x@evil.example"},
        "acknowledgments", "Steuerzeichen"),
    "line break in a language": (
        {"preferred_languages": ["de\r\nContact: mailto:x@evil.example"]},
        "preferred_languages", "Zeilenumbruch"),
    "javascript: contact": (
        {"contact": ["javascript:alert(1)"]}, "contact", "erlaubt sind hier nur"),
    "http: policy": (
        {"policy": "http://musterstadt.example/sicherheit/"}, "policy", "nur Adressen mit https:"),
    "0 days": ({"expires_days": 0}, "expires_days", "ganze Zahl von 1 bis 365"),
    "more than a year": ({"expires_days": 400}, "expires_days", "ganze Zahl von 1 bis 365"),
    "no contact": ({"contact": []}, "contact", "mindestens eine Kontaktadresse"),
    "misspelt key": ({"polcy": "https://musterstadt.example/"}, "polcy", "unbekannte Einstellung"),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_bad_setting_stops_the_build_with_a_german_error_naming_the_key(tmp_path, case):
    hostile, key, words = case
    value = json.dumps({"contact": ["mailto:it-sicherheit@musterstadt.example"], **hostile})
    result = run_pelican(str(SITE), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "out"), "-e", f"SECURITY_TXT={value}")
    reported = result.stdout + result.stderr
    assert result.returncode == 1, reported
    assert f"SECURITY_TXT „{key}“" in result.stderr and words in result.stderr, reported
    assert "es wurde nichts veröffentlicht" in result.stderr
    assert "Traceback" not in reported and "unerwarteten Fehler" not in reported
    # The message shows the value escaped: it injects no line of its own into the log.
    assert not re.search(r"^(Expires|Hiring|Contact):", reported, re.MULTILINE)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("key", "value"), [
    ("contact", "mailto:"),  # no address
    ("contact", "mailto:it-sicherheit"),  # no domain
    ("contact", "tel:"),
    ("contact", "https://"),
    ("contact", "mailto:it-sicherheit@müsterstadt.example"),  # not a URI: not ASCII
    ("contact", "https://musterstadt.example/ sicherheit"),
    ("contact", "data:text/plain,hallo"),
    ("encryption", "openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b2de5c6"),  # https only here
    ("hiring", ["https://musterstadt.example/", 7]),
    ("preferred_languages", ["deutsch, englisch"]),
    ("expires_days", "180"),
    ("expires_days", True),
])
def test_values_that_are_no_valid_field_value_are_errors(key, value):
    given = {"contact": ["mailto:it-sicherheit@musterstadt.example"], key: value}
    with pytest.raises(SecurityTxtSettingsError, match=f"SECURITY_TXT „{key}“"):
        settings_of({"SECURITY_TXT": given})


def test_missing_security_txt_settings_are_an_error_not_a_file_without_contact():
    with pytest.raises(SecurityTxtSettingsError, match="mindestens eine Kontaktadresse"):
        settings_of({})


def test_one_address_may_be_given_without_a_list():
    config = settings_of({"SECURITY_TXT": {"contact": "mailto:it@musterstadt.example",
                                           "preferred_languages": "de"}})
    assert config["contact"] == ["mailto:it@musterstadt.example"]
    assert config["preferred_languages"] == ["de"]
    assert config["policy"] == []
