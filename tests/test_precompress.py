"""precompress: the production build writes .gz and .br next to its text files (for nginx's
gzip_static and brotli_static); checked on real builds of the fixture site."""

from __future__ import annotations

import gzip
import logging
import os
import random
import re
import shutil

import brotli
import pytest
from precompress.compression import precompress_site
from precompress.settings import DEFAULTS
from support import ROOT, build, production_build, run_pelican

# Written down from the task, not taken from the plugin: the files nginx should find
# precompressed, and the size below which none is written.
TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".ics", ".svg", ".txt",
                 ".webmanifest", ".csv"}
MIN_SIZE = 512
COPIES = (".gz", ".br")
GZIP_MAGIC = b"\x1f\x8b"

NOTES = "files/hinweise.txt"  # plain text that compresses well
TABLE = "files/kitaplaetze.csv"
RANDOM = "files/messwerte.txt"  # bytes without NUL: text to static_files, but incompressible


def random_bytes(size: int = 8192) -> bytes:
    rng = random.Random(20250101)
    return b"Messwerte " + bytes(rng.randrange(1, 256) for _ in range(size))


EXTRA_FILES = {
    NOTES: "Hinweise zur Anmeldung im Jugendamt Musterstadt.\n" * 40,
    TABLE: "Stadtteil;Plätze\n" + "".join(f"Nordstadt {n};{n * 3}\n" for n in range(60)),
    RANDOM: random_bytes(),
}


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """The fixture site plus EXTRA_FILES, built as the server builds it."""
    result, output = production_build(tmp_path_factory.mktemp("first"), EXTRA_FILES)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


class Remember(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def second(first, tmp_path_factory):
    """The same content built again (in-process): its output and precompress's log lines."""
    remember = Remember()
    logger = logging.getLogger("precompress")
    logger.addHandler(remember)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        output = build(first.parent / "content", tmp_path_factory.mktemp("second") / "output",
                       conf="publishconf.py")
    finally:
        logger.removeHandler(remember)
        logger.setLevel(level)
    return output, remember.messages


def originals(output):
    return sorted(f for f in output.rglob("*") if f.is_file() and f.suffix not in COPIES)


def text_files(output):
    return [f for f in originals(output) if f.suffix in TEXT_SUFFIXES]


def copies_of(file):
    return [file.with_name(file.name + suffix) for suffix in COPIES]


def decompressed(copy):
    data = copy.read_bytes()
    return gzip.decompress(data) if copy.suffix == ".gz" else brotli.decompress(data)


def relative(output, files):
    return {f.relative_to(output).as_posix() for f in files}


def test_every_text_file_above_min_size_has_gz_and_br_of_exactly_its_bytes(first):
    large = [f for f in text_files(first) if f.stat().st_size >= MIN_SIZE
             and f != first / RANDOM]
    assert {f.suffix for f in large} == {".html", ".css", ".js", ".xml", ".ics", ".svg",
                                         ".txt", ".csv"}
    assert {"index.html", "sitemap.xml", "feeds/alle.atom.xml", "feeds/alle.rss.xml",
            "termine/jugendhilfeausschuss.ics", "pagefind/pagefind.js",
            "pagefind/pagefind-ui.css", "theme/css/site.css", NOTES, TABLE} <= relative(
        first, large)
    for file in large:
        original = file.read_bytes()
        for copy in copies_of(file):
            assert decompressed(copy) == original, copy
            assert copy.stat().st_size <= 0.9 * len(original), copy


def test_files_below_min_size_have_no_copies(first):
    small = [f for f in text_files(first) if f.stat().st_size < MIN_SIZE]
    assert {"robots.txt", "pagefind/pagefind-entry.json", "theme/img/favicon.svg"} <= relative(
        first, small)
    assert [c for f in small for c in copies_of(f) if c.exists()] == []


def test_an_incompressible_file_has_no_copies(first):
    data = (first / RANDOM).read_bytes()
    assert data == EXTRA_FILES[RANDOM]  # published as it is
    assert len(gzip.compress(data, 9)) > 0.9 * len(data)
    assert len(brotli.compress(data, quality=11)) > 0.9 * len(data)
    assert [c for c in copies_of(first / RANDOM) if c.exists()] == []


def test_pagefinds_compressed_index_is_not_compressed_again(first):
    index = [f for f in originals(first / "pagefind")
             if f.suffix.startswith(".pf_") or f.suffix == ".pagefind"]
    assert {f.suffix for f in index} >= {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter",
                                         ".pagefind"}
    assert all(f.read_bytes().startswith(GZIP_MAGIC) for f in index)  # left as they were
    assert [c for f in index for c in copies_of(f) if c.exists()] == []


def test_no_other_file_has_copies_and_every_copy_has_its_original(first):
    compressed = {f for f in first.rglob("*") if f.suffix in COPIES}
    assert compressed
    assert all(c.with_suffix("").is_file() for c in compressed)
    others = [f for f in originals(first) if f.suffix not in TEXT_SUFFIXES]
    assert {".pdf", ".pf_fragment"} <= {f.suffix for f in others}
    assert [c for f in others for c in copies_of(f) if c.exists()] == []


def test_copies_carry_the_modification_time_of_their_original(first):
    compressed = [f for f in first.rglob("*") if f.suffix in COPIES]
    for copy in compressed:
        assert copy.stat().st_mtime_ns == copy.with_suffix("").stat().st_mtime_ns, copy


def test_gzip_files_have_no_time_and_no_name_in_their_header(first):
    for copy in first.rglob("*.gz"):
        header = copy.read_bytes()[:10]
        assert header[:3] == b"\x1f\x8b\x08", copy  # gzip, deflate
        assert header[3] & 0x08 == 0, copy  # FLG.FNAME not set: no file name
        assert header[4:8] == b"\0\0\0\0", copy  # MTIME 0


def test_two_builds_of_the_same_content_give_identical_copies(first, second):
    output, _ = second
    same = [f for f in originals(first) if f.suffix in TEXT_SUFFIXES
            and (output / f.relative_to(first)).is_file()
            and f.read_bytes() == (output / f.relative_to(first)).read_bytes()]
    compared = [c for f in same for c in copies_of(f) if c.exists()]
    assert len(compared) > 80
    for copy in compared:
        assert copy.read_bytes() == (output / copy.relative_to(first)).read_bytes(), copy


def test_the_summary_line_tells_files_bytes_and_seconds(second):
    output, messages = second
    [line] = [m for m in messages if m.startswith("precompress:")]
    for suffix in COPIES:
        made = list(output.rglob(f"*{suffix}"))
        before = sum(c.with_suffix("").stat().st_size for c in made)
        after = sum(c.stat().st_size for c in made)
        expected = f"{suffix} für {len(made)} ({before:,} → {after:,} Bytes)".replace(",", ".")
        assert expected in line, line
    looked_at = len(text_files(output))
    assert re.fullmatch(rf"precompress: {looked_at} Textdateien, komprimiert: .*; \d+,\d\d s",
                        line), line


def test_a_preview_build_writes_no_copies(preview_output):
    assert [f for f in text_files(preview_output) if f.stat().st_size >= MIN_SIZE]
    assert [f for f in preview_output.rglob("*") if f.suffix in COPIES] == []


@pytest.mark.parametrize(("setting", "message"), [
    ('{"formats": ["gzip", "zstd"]}', "PRECOMPRESS „formats“ = ['gzip', 'zstd']: erwartet "
                                      "wird eine Liste aus „gzip“ und/oder „br“"),
    ('{"level": 9}', "PRECOMPRESS: unbekannte Einstellung „level“. Möglich sind: enabled, "
                     "formats, extensions, min_size, max_ratio, brotli_quality."),
    ('{"max_ratio": 1.5}', "PRECOMPRESS „max_ratio“ = 1.5: erwartet wird eine Zahl über 0 bis 1"),
    ('{"brotli_quality": 12}', "PRECOMPRESS „brotli_quality“ = 12: erwartet wird eine ganze "
                               "Zahl von 0 bis 11"),
    ('{"extensions": [".html"]}', "PRECOMPRESS „extensions“ = ['.html']: erwartet wird eine "
                                  "Liste von Dateiendungen ohne Punkt"),
    ('{"min_size": "512"}', "PRECOMPRESS „min_size“ = '512': erwartet wird eine ganze Zahl"),
    ('["gzip"]', "PRECOMPRESS = ['gzip']: erwartet wird ein dict"),
])
def test_wrong_settings_stop_with_a_german_message_and_nothing_written(tmp_path, setting,
                                                                       message):
    output = tmp_path / "output"
    result = run_pelican("tests/content/site", "-s", str(ROOT / "publishconf.py"), "-o",
                         str(output), "-e", f"PRECOMPRESS={setting}")
    reported = result.stdout + result.stderr
    assert result.returncode == 1, reported
    assert message in reported, reported
    assert "Traceback" not in reported
    assert list(tmp_path.iterdir()) == []


# --- Which files: dot-folders, symlinks, already compressed files (a written tree) ------

def text(size: int = 2000) -> bytes:
    return ("Das Jugendamt berät Familien. " * (size // 30 + 1)).encode()[:size]


@pytest.fixture
def tree(tmp_path):
    """A written site with what the build does not write today but may tomorrow."""
    site = tmp_path / "site"
    files = {"index.html": text(), ".well-known/security.txt": text(),
             ".nginx/headers.txt": text(), ".git/config.txt": text(),
             "daten/gepackt.json": gzip.compress(text(), compresslevel=0),  # shrinks if redone
             "draussen/seite.html": text()}
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    (site / "verweis.html").symlink_to(site / "index.html")
    outside = tmp_path / "anderswo"
    outside.mkdir()
    (outside / "seite.html").write_bytes(text())
    (site / "verweis-ordner").symlink_to(outside)
    return site


def written(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in COPIES)


def test_well_known_is_compressed_other_dot_folders_and_symlinks_are_not(tree):
    precompress_site(tree, {**DEFAULTS, "enabled": True})
    assert written(tree) == [".well-known/security.txt.br", ".well-known/security.txt.gz",
                             "draussen/seite.html.br", "draussen/seite.html.gz",
                             "index.html.br", "index.html.gz"]
    assert sorted(p.name for p in (tree.parent / "anderswo").iterdir()) == ["seite.html"]


def test_a_copy_that_is_no_longer_worth_it_is_removed(tree):
    config = {**DEFAULTS, "enabled": True}
    precompress_site(tree, config)
    (tree / "index.html").write_bytes(text(300))
    precompress_site(tree, config)
    assert not (tree / "index.html.gz").exists() and not (tree / "index.html.br").exists()
    assert (tree / ".well-known/security.txt.gz").exists()


def test_only_the_configured_formats_and_extensions(tree):
    shutil.rmtree(tree / ".well-known")
    precompress_site(tree, {**DEFAULTS, "formats": ["br"], "extensions": ["txt", "html"]})
    assert written(tree) == ["draussen/seite.html.br", "index.html.br"]
    assert os.path.getsize(tree / "index.html.br") < 0.9 * len(text())


def test_gz_and_br_files_are_never_compressed_again(tree):
    """Not even plain text that someone named .br, and not when listed as extensions."""
    (tree / "notiz.txt.br").write_bytes(text())
    precompress_site(tree, {**DEFAULTS, "extensions": ["html", "gz", "br"]})
    assert [p for p in written(tree) if p.endswith((".gz.gz", ".gz.br", ".br.gz", ".br.br"))] \
        == []
    assert (tree / "index.html.gz").exists()
