"""Helpers for tests that run real, tiny Pelican builds (as Pelican's own tests do)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import brotli
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "content"
SITE = FIXTURES / "site"
INVALID = FIXTURES / "invalid"
WITHHELD = FIXTURES / "withheld"  # a draft, a hidden and embargoed items, each with a marker
MARKERS = ("Zitronenfalter", "Admiral", "Schwalbenschwanz", "Trauermantel")

# The item pages of the fixture site, written down from its files' dates and titles.
SITE_ITEM_URLS = {
    "/pressemitteilungen/2024/foerderung-fuer-familien-groessere-zuschuesse-ab-maerz/",
    "/pressemitteilungen/2024/forderung-fuer-familien-groessere-zuschuesse-ab-maerz/",
    "/pressemitteilungen/2025/kinderschutz-und-ki/",
    "/pressemitteilungen/2025/kurze-adresse/",
    "/pressemitteilungen/2025/meldung-ohne-jahresordner/",
    "/pressemitteilungen/2025/mit-bom-und-crlf/",
    "/pressemitteilungen/2025/spielplatz-an-der-suedstrasse-eroeffnet/",
    "/ausschussmitteilungen/2025/bericht-zum-kinderschutz/",
    "/ausschussmitteilungen/2025/kurze-mitteilung/",
}

# Which fixture items (by slug) carry which topic, written down from the fixtures' Tags.
TOPIC_MEMBERS = {
    "kinderschutz": {"kinderschutz-und-ki", "meldung-ohne-jahresordner",
                     "bericht-zum-kinderschutz"},
    "ki": {"kinderschutz-und-ki", "kurze-adresse", "mit-bom-und-crlf"},
    "finanzierung": {"foerderung-fuer-familien-groessere-zuschuesse-ab-maerz",
                     "forderung-fuer-familien-groessere-zuschuesse-ab-maerz",
                     "bericht-zum-kinderschutz", "spielplatz-an-der-suedstrasse-eroeffnet"},
    "fruehe-hilfen": {"foerderung-fuer-familien-groessere-zuschuesse-ab-maerz", "kurze-mitteilung"},
    "digitalisierung": set(),
}


def get_settings(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> dict:
    return read_settings(
        str(ROOT / conf),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), **overrides},
    )


def build(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> Path:
    """Build `content` into `output` in-process; returns the output folder."""
    Pelican(get_settings(content, output, conf, **overrides)).run()
    return output


def copy_site(target: Path, *cases: str, cases_from: Path = INVALID) -> Path:
    """A copy of the valid fixture site plus the named case files, at their paths."""
    shutil.copytree(SITE, target)
    for case in cases:
        destination = target / case
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(cases_from / case, destination)
    return target


def site_with_withheld_items(target: Path) -> Path:
    """The fixture site plus every file of tests/content/withheld."""
    shutil.copytree(SITE, target)
    shutil.copytree(WITHHELD, target, dirs_exist_ok=True)
    return target


def run_pelican(*args: str, cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    """The `pelican` command line, as editors and CI run it."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
    )


def production_build(tmp_path: Path, files: dict[str, str | bytes],
                     copies: dict[str, str] | None = None, *extra: str, timeout: int = 120,
                     conf: str = "publishconf.py"):
    """The fixture site plus `files` (relative path -> text or bytes) and `copies`
    (new relative path -> existing relative path in the fixture site), built with
    publishconf.py (or `conf`) from the command line (plus `extra` pelican arguments);
    returns (completed process, output folder)."""
    content = tmp_path / "content"
    shutil.copytree(SITE, content)
    for relative, source in (copies or {}).items():
        shutil.copy(content / source, content / relative)
    for relative, data in files.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    output = tmp_path / "output"
    result = run_pelican(str(content), "-s", str(ROOT / conf), "-o", str(output),
                         *extra, timeout=timeout)
    return result, output


def item_text(title: str, date: str, body: str, **fields: str) -> str:
    """A press release with the required fields (topic KI) and any `fields`."""
    header = {"Title": title, "Date": date, "Tags": "KI", "Summary": "Kurzfassung.", **fields}
    return "".join(f"{k}: {v}\n" for k, v in header.items()) + "\n" + body + "\n"


def readable(file: Path) -> str:
    """A file's text, decompressed: Pagefind's index files and the production build's .gz
    files are gzip-compressed, its .br files brotli-compressed."""
    data = file.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    elif file.name.endswith(".br"):
        data = brotli.decompress(data)
    return data.decode("utf-8", "replace")


def files_mentioning(output: Path, marker: str) -> list[str]:
    """Every output file (decompressed) that contains `marker`, ignoring case."""
    if not output.is_dir():
        return []
    return sorted(f.relative_to(output).as_posix() for f in output.rglob("*")
                  if f.is_file() and marker.lower() in readable(f).lower())


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def executable_scripts(document: BeautifulSoup, where) -> list:
    """The page's <script> elements but its JSON-LD data blocks (never run), after checking
    that each of those is in the head, parses as JSON and holds no raw `<`."""
    scripts = []
    for script in document.find_all("script"):
        if script.get("type") != "application/ld+json":
            scripts.append(script)
            continue
        assert script.parent.name == "head" and "<" not in script.string, where
        assert json.loads(script.string), where
    return scripts


def page(output: Path, url: str) -> BeautifulSoup:
    """The parsed HTML of a site URL such as "/themen/ki/"."""
    relative = url.strip("/")
    file = output / relative / "index.html" if not relative.endswith(".html") else output / relative
    return soup(file)


def item_links(document: BeautifulSoup) -> list[str]:
    """The item URLs a list page shows, in order."""
    return [a["href"] for a in document.select(".teaser__title a")]


def all_pages_of(output: Path, url: str) -> list[BeautifulSoup]:
    """A paginated list and all its following pages."""
    pages = [page(output, url)]
    while (link := pages[-1].select_one('a[rel="next"]')) is not None:
        pages.append(page(output, link["href"]))
    return pages


# --- Page types of the sample site (content/) ------------------------------------------

def item_with(output: Path, folder: str, selector: str) -> str:
    for path in sorted((output / folder).glob("*/*/index.html")):
        if soup(path).select_one(selector):
            return "/" + path.parent.relative_to(output).as_posix() + "/"
    raise AssertionError(f"no item in {folder} with {selector}")


def first_href(output: Path, url: str, selector: str) -> str:
    page = soup(output / url.strip("/") / "index.html")
    return urlparse(page.select_one(selector)["href"]).path


def page_types_of(out: Path) -> dict[str, str]:
    """Every page type of a build of the sample site (content/), found in its pages."""
    return {
        "home": "/", "press list": "/pressemitteilungen/",
        "press list page 2": "/pressemitteilungen/seite/2/",
        "notice list": "/ausschussmitteilungen/",
        "press release with image": item_with(out, "pressemitteilungen", ".item__figure img"),
        "press release with attachment": item_with(out, "pressemitteilungen", ".attachments"),
        "committee notice": first_href(out, "/ausschussmitteilungen/", ".teaser__title a"),
        "topic index": "/themen/",
        "topic": first_href(out, "/themen/", ".topic-index__title a"),
        "archive index": "/archiv/",
        "year archive": first_href(out, "/archiv/", ".archive-years a"),
        "feeds": "/feeds/", "404": "/404.html",
        "document text version": first_href(
            out, item_with(out, "pressemitteilungen", ".attachments"),
            ".attachments__text-version"),
    }


def static_pages(output: Path) -> list[str]:
    links = soup(output / "index.html").select(".service-nav a")
    return [urlparse(a["href"]).path for a in links if a["href"] != "/feeds/"]
