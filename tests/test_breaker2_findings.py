"""Findings of the second breaker review: each test states the promise and fails while
the finding stands. Every test builds a copy of the fixture site plus a few hostile or
careless files with the production settings, from the command line (as `make publish`).
"""

from __future__ import annotations

import json
import subprocess

import pytest
from support import files_mentioning, item_text, production_build

EMBARGOED = item_text("Geheimprojekt Zebrafisch", "2099-01-01 10:00", "Sperrfrist.")
EMBARGOED_PATH = "/pressemitteilungen/2099/geheimprojekt-zebrafisch/"


# --- 1. The address of an embargoed item, written encoded, passes every check ----------
# publication.check_published_links looks for the withheld address as a plain substring of
# the item's HTML (`url in html`) and skips dead-link errors for every link whose decoded
# path *is* a withheld address. A link written with a percent-escape, a character
# reference or backslashes (all read by the browser as the same address) is neither found
# nor reported as dead: the build succeeds, the page links the embargoed item, and the
# feeds (which serialise the URL the WHATWG way) even spell the address out in plain text.


@pytest.mark.parametrize("href", [
    "/pressemitteilungen/2099/geheimprojekt-%7Aebrafisch/",
    "/pressemitteilungen/2099/geheimprojekt-&#122;ebrafisch/",
    "/pressemitteilungen\\2099\\geheimprojekt-zebrafisch/",
])
def test_encoded_link_to_embargoed_item_is_an_error(tmp_path, href):
    result, output = production_build(tmp_path, {
        "pressemitteilungen/geheim.md": EMBARGOED,
        "pressemitteilungen/offen.md": item_text(
            "Offene Meldung", "2025-01-05 10:00", f'Siehe <a href="{href}">hier</a>.'),
    })
    leaking = files_mentioning(output, "zebrafisch")
    assert result.returncode != 0 and leaking == [], (leaking, result.stdout[-2000:])


# --- 2. A link to a published item is refused when an embargoed address is its prefix ----
# `url in html` also matches /pressemitteilungen/2026/kita-neu/ for the withheld
# /pressemitteilungen/2026/kita: a correct {filename} link to a published item stops the
# production build (and `make check`) with a message about an embargo it has nothing to
# do with.


def test_link_to_published_item_is_not_mistaken_for_embargoed_prefix(tmp_path):
    clock = json.dumps({"mode": "production", "now": "2026-06-01 12:00"})
    result, _output = production_build(tmp_path, {
        "pressemitteilungen/2026/kita.md": item_text("Kita", "2026-12-30 10:00", "Sperrfrist."),
        "pressemitteilungen/2026/kita-neu.md": item_text("Kita neu", "2026-01-01 10:00", "Offen."),
        "pressemitteilungen/2026/verweis.md": item_text(
            "Verweis", "2026-01-05 10:00", "Siehe [die neue Kita]({filename}kita-neu.md)."),
    }, None, "-e", f"PUBLICATION={clock}")
    assert result.returncode == 0, result.stdout[-2000:]


# --- 3. A deeply nested list hangs the build --------------------------------------------
# Python-Markdown's list processor is far worse than linear in the nesting depth: a list
# nested 3,000 levels deep (90 KB) keeps `pelican` busy for many minutes, holding the
# output lock, instead of failing fast with `path:line: message`.


def test_deeply_nested_list_does_not_hang_the_build(tmp_path):
    body = "".join("    " * depth + "- a\n" for depth in range(3000))
    try:
        result, _output = production_build(tmp_path, {
            "pressemitteilungen/tief.md": item_text("Tief", "2025-01-05 10:00", body),
        }, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("the build ran for more than 90 s on one 90 KB file")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "tief.md:" in output and "tiefer als 16 Ebenen" in output, (
        output[-2000:])
